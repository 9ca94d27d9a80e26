import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { LOCAL_OPERATOR_ROLES } from '../../contract/roles.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { seedRegister } from '../../db/seed/seed.ts';
import { startWebServer, type WebServer } from '../../web/server.ts';
import { callApi } from './documents-steps.ts';
import { REPO, launchChromium, screenshotPath, setUpPeople, signIn } from './harness.ts';

const COUNT = 20_000;
const ROW = 40; // the register table's row height, header included
const REFERENCE = /^(MLA|PRE|DIS|EDR)-(IN|OUT)-\d{4}-\d{5}$/;

let dataDir: string;
let server: WebServer;
/** The clerk's session, for the test's own calls. */
let session: string;
let browser: Browser;

beforeAll(async () => {
  // A register of 20,000 requests, seeded before the server opens it (as `mla-desk seed` does).
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-scroll-'));
  const file = path.join(dataDir, 'register.sqlite');
  const migrationsFolder = path.join(REPO, 'migrations');
  const register = openSqliteRegister({ file, migrationsFolder, create: true });
  const now = new Date();
  const actor = { name: 'e2e', roles: LOCAL_OPERATOR_ROLES };
  const report = await seedRegister(register, { count: COUNT, seed: 3 }, actor, {
    at: now.toISOString(),
    today: localIsoDate(now),
  });
  register.close();
  if (!report.ok) throw new Error(`seeding failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
  server = await startWebServer({
    port: 0,
    databaseFile: file,
    migrationsFolder,
    rendererDir: path.join(REPO, 'dist', 'renderer'),
    app: { name: 'MLA Desk', version: '0.0.0-e2e' },
  });
  ({ clerk: session } = await setUpPeople(server.url, server.token));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Shown {
  rowIndex: number;
  /** The row's place in the list, from where it is drawn (0 = the first request). */
  position: number;
  reference: string | null;
}

/** The rows in sight in the scroll area (not under the sticky header). A string: no DOM types here. */
const SHOWN = `(() => {
  const table = document.querySelector('table[aria-label="Register"]');
  if (!table) return [];
  const view = table.parentElement.getBoundingClientRect();
  const head = table.querySelector('thead').getBoundingClientRect();
  const body = table.querySelector('tbody').getBoundingClientRect();
  return [...table.querySelectorAll('tbody [role="row"]')]
    .filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > head.bottom + 1 && b.top < view.bottom - 1; })
    .map((r) => ({
      rowIndex: Number(r.getAttribute('aria-rowindex')),
      position: Math.round((r.getBoundingClientRect().top - body.top) / ${ROW}),
      reference: r.querySelector('a')?.textContent ?? null,
    }));
})()`;

const shown = (page: Page) => page.evaluate<Shown[]>(SHOWN);
const scrollTo = (page: Page, top: number) =>
  page.evaluate(`document.querySelector('table[aria-label="Register"]').parentElement.scrollTop = ${top}`);

/** The references the register itself lists at these positions (default sort). */
async function referencesAt(first: number, count: number): Promise<string[]> {
  const list = (await callApi(server.url, server.token, session, 'requests.list', { offset: first, limit: count })) as {
    rows: { reference: string }[];
  };
  return list.rows.map((r) => r.reference);
}

/** Within a short time, every row in sight is a real request at its place, as the register lists it. */
async function expectRealRowsAround(page: Page, position: number): Promise<Shown[]> {
  const real = (rows: Shown[]) => rows.length > 5 && rows.every((r) => r.reference !== null);
  await expect.poll(async () => real(await shown(page)), { timeout: 1_500, interval: 50 }).toBe(true);
  const rows = await shown(page);
  for (const row of rows) {
    expect(row.rowIndex).toBe(row.position + 2); // the header is row 1
    expect(row.reference).toMatch(REFERENCE);
  }
  const first = rows[0]?.position ?? -1;
  expect(Math.abs(first - position)).toBeLessThanOrEqual(1);
  expect(rows.map((r) => r.reference)).toEqual(await referencesAt(first, rows.length));
  return rows;
}

describe('the register list scrolls through 20,000 requests', () => {
  it('shows real rows at their place in the middle and at the end, by scroll bar and keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const listCalls: number[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/requests.list')) listCalls.push(Date.now());
    });
    await page.goto(server.openUrl);
    await signIn(page);
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await page.getByText(`${COUNT.toLocaleString('en')} requests`).waitFor();
    const table = page.getByRole('table', { name: 'Register' });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    await expectRealRowsAround(page, 0);
    // Only the rows in view (and a few around them) are in the page.
    expect(await table.locator('tbody tr').count()).toBeLessThan(60);

    // The scroll bar dragged to the middle, as a hand does: a new position every frame, then a rest.
    const sweepStart = listCalls.length;
    await page.evaluate(`(async () => {
      const scroller = document.querySelector('table[aria-label="Register"]').parentElement;
      for (let row = 0; row <= 10000; row += 250) {
        scroller.scrollTop = row * ${ROW};
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    })()`);
    await expectRealRowsAround(page, 10_000);
    // Not calls for each of the 41 positions swept past (two blocks and two neighbours each):
    // the blocks are asked for where it rests (a busy machine's slow frames count as rests).
    expect(listCalls.length - sweepStart).toBeLessThan(20);
    await page.screenshot({ path: screenshotPath('register-scroll-01-middle') });

    // The keyboard: into the list, to the end, a page up, back to the top.
    await table.locator('..').focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await shown(page)).at(-1)?.rowIndex, { timeout: 1_500 }).toBe(COUNT + 1);
    await expectRealRowsAround(page, COUNT - (await shown(page)).length);
    expect(await page.evaluate('document.activeElement.getAttribute("aria-rowindex")')).toBe(String(COUNT + 1));
    await page.screenshot({ path: screenshotPath('register-scroll-02-end') });
    await page.keyboard.press('PageUp');
    await page.keyboard.press('Home');
    await expectRealRowsAround(page, 0);
    expect(await page.evaluate('document.activeElement.getAttribute("aria-rowindex")')).toBe('2');

    // Enter opens the request on the keyboard's row; Back comes to the same place in the list.
    await scrollTo(page, 15_000 * ROW);
    await expectRealRowsAround(page, 15_000);
    await page.keyboard.press('ArrowDown');
    const opened = (await referencesAt(15_000, 1))[0] ?? '';
    await expect.poll(() => page.evaluate('document.activeElement.textContent')).toContain(opened);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: opened }).waitFor();
    await page.goBack();
    await expectRealRowsAround(page, 15_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
