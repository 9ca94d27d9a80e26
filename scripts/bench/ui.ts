/**
 * ui_first_rows_ms: in Debian's Chromium against the web server of `npm run web`, from the
 * navigation to the register's address to the first rows of the register on screen.
 *
 * The server is web/main.ts itself, in a child process on the benchmark's data folder (the
 * seeded register.sqlite), on a free port; the renderer must have been built (`npm run bench`
 * builds it first). Each run is a fresh browser context (no cache, no storage), so it is a
 * first visit, not a warm reload. The page keeps the server's token where the app keeps it
 * for its tab; the app's own hand-over in the address would land on Today, not the register.
 * The time is the page's own clock (performance.now(), from navigation start) at the frame
 * after the first row with a reference appears. Median of RUNS after one warm-up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { percentile, round } from './timing.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;
const TIMEOUT_MS = 60_000;

export interface UiResult {
  name: 'ui_first_rows_ms';
  value: number;
  unit: 'ms';
  baseline: null;
}

/** Starts web/main.ts on `dataDir` and a free port; resolves with the address it prints. */
async function startServer(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (!fs.existsSync(path.join(REPO, 'dist', 'renderer', 'index.html'))) {
    throw new Error('the renderer is not built: run `npm run build:renderer` (npm run bench does)');
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'web/main.ts', '--port', '0'],
    {
      cwd: REPO,
      env: { ...process.env, MLA_DESK_DATA_DIR: dataDir },
      detached: true, // its own process group, so tsx and the server stop together
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web server did not start:\n${output}`)), TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the web server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/**
 * Run in the page before its own scripts (a string: this file is compiled without the DOM
 * library): hands the tab its token, and notes the time at the frame after the first real
 * row of the register appears.
 */
const probe = (token: string) => `
  sessionStorage.setItem('mla-desk-token', ${JSON.stringify(token)});
  const seen = () => document.querySelector('table[aria-label="Register"] tbody [role="row"] a[href^="#/requests/"]');
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__firstRowsMs = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
`;

/** One visit: a fresh context, straight to the register's address. */
async function visit(browser: Browser, base: string, token: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    await context.addInitScript(probe(token));
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

/** ui_first_rows_ms on the register in `dataDir` (its register.sqlite, already seeded). */
export async function measureUiFirstRows(dataDir: string): Promise<UiResult> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
  const server = await startServer(dataDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const [base = '', token = ''] = server.url.split('#token=');
    await visit(browser, base, token); // warm-up: the server's statements, the disk cache
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await visit(browser, base, token));
    process.stderr.write(`ui_first_rows_ms runs: ${samples.map((s) => round(s, 0)).join(', ')}\n`);
    return { name: 'ui_first_rows_ms', value: round(percentile(samples, 50), 0), unit: 'ms', baseline: null };
  } finally {
    await browser?.close();
    await server.stop();
  }
}
