import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, startWebProcess } from '../../scripts/web-process.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(REPO, 'test-results', 'e2e');

export interface WebApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `npm run web` on a free port with its own data folder; resolves with the page address. */
export async function startWebApp(): Promise<WebApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-e2e-'));
  const server = await startWebProcess('npm', ['run', 'web', '--', '--port', '0'], {
    cwd: REPO,
    dataDir,
    timeoutMs: 90_000,
    name: 'npm run web',
  });
  return {
    url: server.url,
    dataDir,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { launchChromium };

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** The web app and Chromium that a file's tests share: started before them, stopped after. */
export async function openWebApp(): Promise<{ app: WebApp; browser: Browser }> {
  const app = await startWebApp();
  try {
    return { app, browser: await launchChromium() };
  } catch (e) {
    await app.stop();
    throw e;
  }
}

export async function closeWebApp(app: WebApp | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await app?.stop();
}

/** The web app's origin and the tab's token, from the address it printed. */
export function sessionOf(app: WebApp): { origin: string; token: string } {
  const url = new URL(app.url);
  return { origin: url.origin, token: /token=([0-9a-f]+)/.exec(url.hash)?.[1] ?? '' };
}

/** Calls the HTTP API as the page does, and answers the envelope as it came. */
export async function apiEnvelope(
  app: WebApp,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const { origin, token } = sessionOf(app);
  const res = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
}

/** Calls the HTTP API as the page does; a refusal fails the test with the register's words. */
export async function callApi<T>(app: WebApp, channel: string, input: unknown): Promise<T> {
  const envelope = await apiEnvelope(app, channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}
