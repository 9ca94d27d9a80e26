import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YearFigures } from '../../contract/statistics.ts';
import {
  callApi,
  closeWebApp,
  openWebApp,
  REPO,
  screenshotPath,
  sessionOf,
  openSignedInPage,
  type WebApp,
} from './harness.ts';

const SAMPLE = path.join(REPO, 'test', 'fixtures', 'register-sample.csv');
const EXPECTED = JSON.parse(
  fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'register-sample.stats-2025.json'), 'utf8'),
) as YearFigures;

let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openWebApp());
  await importSample();
});

afterAll(() => closeWebApp(app, browser));

const session = () => sessionOf(app);

const call = <T>(channel: string, input: object) => callApi<T>(app, channel, input);

/** Imports the sample register the way the browser's import wizard does: upload, then import. */
async function importSample(): Promise<void> {
  const { origin, token } = session();
  const res = await fetch(`${origin}/upload`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-mla-session': app.sessions.clerk ?? '',
      'content-type': 'application/octet-stream',
    },
    body: fs.readFileSync(SAMPLE),
  });
  const upload = (await res.json()) as { ok: boolean; value: { id: string } };
  expect(upload.ok).toBe(true);
  const { jobId } = await call<{ jobId: string }>('interchange.import', {
    source: { kind: 'upload', id: upload.value.id },
    fileName: 'register-sample.csv',
  });
  for (let i = 0; i < 600; i++) {
    const job = await call<{ state: string; error: string | null }>('interchange.progress', { jobId });
    if (job.state === 'done') return;
    if (job.state === 'failed') throw new Error(`the import failed: ${job.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the import did not finish');
}

async function openStatistics(): Promise<{ page: Page; errors: string[] }> {
  // The year's figures are the managers' to answer for (and to freeze).
  const { page, errors } = await openSignedInPage(browser, app, {
    viewport: { width: 1440, height: 1000 },
    role: 'manager',
  });
  await page.getByRole('link', { name: 'Statistics' }).click();
  await page.getByRole('heading', { name: 'Statistics', level: 2 }).waitFor();
  return { page, errors };
}

describe('a manager reads the year’s statistics', () => {
  it('shows the figures of 2025 for incoming MLA and opens a country’s requests in the register', async () => {
    const group = EXPECTED.groups.find((g) => g.direction === 'incoming' && g.kind === 'mla');
    if (!group) throw new Error('the fixture has no incoming MLA group');

    const { page, errors } = await openStatistics();

    await page.getByRole('combobox', { name: 'Year' }).click();
    await page.getByRole('option', { name: '2025' }).click();
    await page.getByRole('heading', { name: 'Incoming, Mutual legal assistance, 2025' }).waitFor();

    const headline = page.getByTestId('headline');
    const figure = (name: string) =>
      headline
        .locator('dt')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .locator('xpath=following-sibling::dd[1]');
    expect(await figure('Opened').innerText()).toBe(String(group.opened));
    expect(await figure('Closed').innerText()).toBe(String(group.closed));
    expect(await figure('Pending on 1 January').innerText()).toBe(String(group.pendingStart));
    expect(await figure('Pending on 31 December').innerText()).toBe(String(group.pendingEnd));
    expect(await figure('Median days to close').innerText()).toBe(group.daysToClose.median?.toFixed(1));
    expect(await figure('Reopened').innerText()).toBe(String(group.reopened));
    await page.getByRole('table', { name: /opened, closed and pending at the end/ }).waitFor();
    await page.screenshot({ path: screenshotPath('statistics-01-year'), fullPage: true });

    // The country at the top of the table (most requests opened), through its link.
    const countries = page.getByRole('table', { name: /Requests by counterpart country, 2025/ });
    const top = countries.locator('tbody tr').first();
    const link = top.getByRole('link');
    const opened = Number(await top.locator('td').first().innerText());
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^#\/register\?direction=incoming&kind=mla&country=[A-Z]{2}&from=2025-01-01&to=2025-12-31$/);
    const code = /country=([A-Z]{2})/.exec(href)?.[1] ?? '';
    expect(opened).toBe(group.byCountry[code]?.opened);
    await link.click();
    await page.waitForURL((u) => u.hash === href);
    await page
      .getByText(new RegExp(`^${opened} requests?`))
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath('statistics-02-register'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('reads without colour, opens an offence from its bar, and freezes the figures', async () => {
    const { page, errors } = await openStatistics();
    await page.getByRole('heading', { name: /^Incoming, Mutual legal assistance, \d{4}$/ }).waitFor();
    await page.getByRole('combobox', { name: 'Year' }).click();
    await page.getByRole('option', { name: '2025' }).click();
    await page.getByRole('heading', { name: 'Incoming, Mutual legal assistance, 2025' }).waitFor();

    // As printed in black and white: the series must stay apart by their hatching and numbers.
    // A string: the e2e tests compile without the DOM library.
    await page.evaluate("document.documentElement.style.filter = 'grayscale(1)'");
    await page
      .getByRole('region', { name: 'By counterpart country' })
      .screenshot({ path: screenshotPath('statistics-03-grayscale') });
    await page.evaluate("document.documentElement.style.filter = ''");

    // The longest bar of the ICCS chart is section 07 in the sample (fraud, deception, corruption).
    const offences = page.getByRole('region', { name: 'By offence (ICCS section)' });
    const bars = offences.locator('.recharts-bar-rectangle');
    const count = await bars.count();
    const widths = await Promise.all(
      Array.from({ length: count }, async (_, i) => (await bars.nth(i).boundingBox())?.width ?? 0),
    );
    await bars.nth(widths.indexOf(Math.max(...widths))).click();
    await page.waitForURL(
      (u) => u.hash === '#/register?direction=incoming&kind=mla&offence=07&from=2025-01-01&to=2025-12-31',
    );
    await page.getByText('20 requests').first().waitFor();
    await page.goBack();

    await page.getByRole('button', { name: 'Freeze figures…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Freeze the figures of 2025' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Annual report to the ministry');
    await page.waitForTimeout(400); // the modal's opening transition, for a readable screenshot
    await page.screenshot({ path: screenshotPath('statistics-04-freeze') });
    await dialog.getByRole('button', { name: 'Freeze' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'Annual report to the ministry, frozen on' });
    await item.waitFor();
    await item.getByText('The live figures are still the same.').waitFor();
    await item.screenshot({ path: screenshotPath('statistics-05-frozen') });
    expect(errors).toEqual([]);
  });
});
