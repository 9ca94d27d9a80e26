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
