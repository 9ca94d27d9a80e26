import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../web/server.ts';
import { callApi, exerciseDocuments } from './documents-steps.ts';
import {
  REPO,
  type WebApp,
  holdSession,
  interceptFileChoosers,
  launchChromium,
  setUpPeople,
  signIn,
  startWebApp,
} from './harness.ts';

let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const clean of cleanups.reverse()) await clean();
});

const NEW_REQUEST = { direction: 'incoming', kind: 'mla', counterpartCountry: 'FR', openedOn: '2026-03-02' };

/**
 * A page that records what went wrong in it: script errors and refusals by the CSP. `session`:
 * the tab holds it from the start (a screen mounted on its own has no sign-in screen).
 */
async function openPage(url: string, session?: string): Promise<{ page: Page; problems: string[]; loaded: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  if (session) await holdSession(page, session);
  page.setDefaultTimeout(20_000);
  interceptFileChoosers(page);
  const problems: string[] = [];
  const loaded: string[] = [];
  page.on('requestfinished', (r) => loaded.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    // Failed loads are reported below with their address.
    if (/^Failed to load resource/.test(m.text())) return;
    // pdf.js warns when its worker cannot start and it falls back to the page's thread.
    if (m.type() === 'error' || /Content Security Policy|fake worker/i.test(m.text())) problems.push(m.text());
    if (m.type() === 'warning') console.log(`page warning: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  return { page, problems, loaded };
}

function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('documents and correspondence in Chromium', () => {
  it('work in the two tabs mounted on their own, under the app’s CSP', { timeout: 240_000 }, async () => {
    // The tabs, built with Vite like the renderer and served by the real web server.
    const outDir = tempFolder('mla-desk-story-');
    await build({
      root: path.join(REPO, 'test/renderer/story'),
      base: './',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, target: 'chrome130', rollupOptions: { input: 'documents.html' } },
    });
    const data = tempFolder('mla-desk-story-data-');
    const server: WebServer = await startWebServer({
      port: 0,
      databaseFile: path.join(data, 'register.sqlite'),
      migrationsFolder: path.join(REPO, 'migrations'),
      rendererDir: outDir,
      app: { name: 'MLA Desk', version: '0.0.0-e2e' },
    });
    cleanups.push(() => server.close());
    const { clerk } = await setUpPeople(server.url, server.token);
    const request = (await callApi(server.url, server.token, clerk, 'requests.register', NEW_REQUEST)) as {
      id: number;
      reference: string;
    };
    const { page, problems, loaded } = await openPage(
      `${server.url}/documents.html?request=${request.id}#token=${server.token}`,
      clerk,
    );
    await page.getByRole('heading', { name: request.reference }).waitFor();
    await exerciseDocuments({
      page,
      reference: request.reference,
      documentsDir: path.join(data, 'documents'),
      filesDir: tempFolder('mla-desk-files-'),
      shot: 'documents-story',
    });
    expect(problems).toEqual([]);
    // pdf.js ran its own worker from our origin (not the slow fallback on the page's thread).
    expect(loaded.filter((u) => /\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(u))).toHaveLength(1);
  });

  it('work in the request screen’s tabs of the real app', { timeout: 240_000 }, async () => {
    const app: WebApp = await startWebApp();
    cleanups.push(() => app.stop());
    const base = new URL(app.url).origin;
    const token = /#token=([0-9a-f]+)/.exec(app.url)?.[1] ?? '';
    const clerk = app.sessions.clerk ?? '';
    const request = (await callApi(base, token, clerk, 'requests.register', NEW_REQUEST)) as {
      id: number;
      reference: string;
    };
    const { page, problems } = await openPage(app.url);
    await signIn(page);
    await page.evaluate(`window.location.hash = '#/requests/${request.id}'`);
    await page.getByRole('heading', { name: request.reference }).waitFor();

    const documentsTab = page.getByRole('tab', { name: /^Documents/ });
    if ((await documentsTab.count()) === 0) {
      throw new Error(
        'The request screen has no "Documents" tab yet: DocumentsTab and CorrespondenceTab ' +
          '(renderer/src/screens/request/) are not mounted in RequestScreen.tsx. Mount them, then rerun.',
      );
    }
    await documentsTab.click();
    await exerciseDocuments({
      page,
      reference: request.reference,
      documentsDir: path.join(app.dataDir, 'documents'),
      filesDir: tempFolder('mla-desk-files-'),
      shot: 'documents-app',
      show: (part) => page.getByRole('tab', { name: part === 'documents' ? /^Documents/ : /^Correspondence/ }).click(),
    });
    expect(problems).toEqual([]);
  });
});
