/**
 * ui_first_rows_ms: in Debian's Chromium against the web server of `npm run web`, from the
 * navigation to the register's address to the first rows of the register on screen.
 *
 * The server is web/main.ts itself, in a child process on the benchmark's data folder (the
 * seeded register.sqlite), on a free port; the renderer must have been built (`npm run bench`
 * builds it first). Each run is a fresh browser context (no cache, no storage), so it is a
 * first visit, not a warm reload. The page keeps the server's token where the app keeps it
 * for its tab; the app's own hand-over in the address would land on Today, not the register.
 * Likewise the tab starts signed in (as the clerk bench.ts adds): the session it would hold
 * after the sign-in screen, obtained over HTTP before the runs.
 * The time is the page's own clock (performance.now(), from navigation start) at the frame
 * after the first row with a reference appears. Median of RUNS after one warm-up.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, startWebProcess, type WebProcess } from '../web-process.ts';
import { percentile, round } from './timing.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const RUNS = 5;
const TIMEOUT_MS = 60_000;

export interface UiResult {
  name: 'ui_first_rows_ms';
  value: number;
  unit: 'ms';
  baseline: null;
}

/** Starts web/main.ts on `dataDir` and a free port; resolves with the address it prints. */
function startServer(dataDir: string): Promise<WebProcess> {
  if (!fs.existsSync(path.join(REPO, 'dist', 'renderer', 'index.html'))) {
    throw new Error('the renderer is not built: run `npm run build:renderer` (npm run bench does)');
  }
  const tsx = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return startWebProcess(process.execPath, [tsx, 'web/main.ts', '--port', '0'], {
    cwd: REPO,
    dataDir,
    timeoutMs: TIMEOUT_MS,
    name: 'the web server',
  });
}

/**
 * Run in the page before its own scripts (a string: this file is compiled without the DOM
 * library): hands the tab its token, and notes the time at the frame after the first real
 * row of the register appears.
 */
const probe = (token: string, session: string) => `
  sessionStorage.setItem('mla-desk-token', ${JSON.stringify(token)});
  sessionStorage.setItem('mla-desk-session', ${JSON.stringify(session)});
  const seen = () => document.querySelector('table[aria-label="Register"] tbody [role="row"] a[href^="#/requests/"]');
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__firstRowsMs = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
`;

/** One visit: a fresh context, straight to the register's address. */
async function visit(browser: Browser, base: string, token: string, session: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    await context.addInitScript(probe(token, session));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}#/register`);
    // Polled from here (the page's CSP forbids evaluating a waiting function in it); the time
    // itself was taken in the page, so the polling does not add to it.
    const until = Date.now() + TIMEOUT_MS;
    for (;;) {
      if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
      const ms: unknown = await page.evaluate('window.__firstRowsMs');
      if (typeof ms === 'number') return ms;
      if (Date.now() > until) throw new Error('the register showed no row within a minute');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await context.close();
  }
}

/** Signs in over HTTP as the page's sign-in screen would; answers the session's token. */
async function signIn(base: string, token: string, person: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${base}api/accounts.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(person),
  });
  const envelope = (await res.json()) as { ok: boolean; value?: { outcome: string; token?: string } };
  if (!envelope.ok || envelope.value?.outcome !== 'signedIn' || !envelope.value.token) {
    throw new Error(`the benchmark could not sign in: ${JSON.stringify(envelope)}`);
  }
  return envelope.value.token;
}

/**
 * ui_first_rows_ms on the register in `dataDir` (its register.sqlite, already seeded), signed in
 * as `person`.
 */
export async function measureUiFirstRows(
  dataDir: string,
  person: { username: string; password: string },
): Promise<UiResult> {
  const server = await startServer(dataDir);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const [base = '', token = ''] = server.url.split('#token=');
    const session = await signIn(base, token, person);
    await visit(browser, base, token, session); // warm-up: the server's statements, the disk cache
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await visit(browser, base, token, session));
    process.stderr.write(`ui_first_rows_ms runs: ${samples.map((s) => round(s, 0)).join(', ')}\n`);
    return { name: 'ui_first_rows_ms', value: round(percentile(samples, 50), 0), unit: 'ms', baseline: null };
  } finally {
    await browser?.close();
    await server.stop();
  }
}
