import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { callApi, closeWebApp, openWebApp, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await openWebApp()));
afterAll(() => closeWebApp(app, browser));

const TODAY = localIsoDate();
const daysFrom = (days: number) => {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const call = (channel: string, input: object) => callApi<{ id: number; version: number }>(app, channel, input);

/** A register with something in every part of the Today dashboard. */
async function seed(): Promise<void> {
  const incoming = { direction: 'incoming', kind: 'mla', openedOn: daysFrom(-3) };
  await call('requests.register', { ...incoming, counterpartCountry: 'FR', counterpartReference: 'FR/26/1' });
  await call('requests.register', {
    ...incoming,
    counterpartCountry: 'PL',
    counterpartReference: 'PL/26/7',
    urgency: 'urgent',
    counterpartDeadline: daysFrom(5),
    parties: [{ role: 'suspect', name: 'Żaneta Kowalska' }],
  });
  await call('requests.register', { ...incoming, counterpartCountry: 'RO', counterpartReference: 'RO/26/3' });
  const sent = await call('requests.register', { direction: 'outgoing', kind: 'mla', counterpartCountry: 'US' });
  // It holds only its country: it moves on past the completeness check with a reason.
  const anyway = { overrideReason: 'Seeded for the dashboard' };
  const reviewed = await call('requests.transition', {
    id: sent.id,
    to: 'under_review',
    on: daysFrom(-40),
    expectedVersion: sent.version,
    ...anyway,
  });
  await call('requests.transition', {
    id: sent.id,
    to: 'sent',
    on: daysFrom(-40),
    expectedVersion: reviewed.version,
    ...anyway,
  });
  await call('requests.register', {
    ...incoming,
    kind: 'preservation',
    counterpartCountry: 'DE',
    preservedUntil: daysFrom(6),
  });
}

function openApp(): Promise<{ page: Page; errors: string[] }> {
  return openSignedInPage(browser, app, { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
}

const rows = (page: Page) => page.getByRole('table', { name: 'Register' }).locator('tbody tr');

describe('the morning round: Today, a filtered register, bulk assignment and a saved view', () => {
  it('opens Today, follows a count to its list, assigns two requests and saves the view', async () => {
    await seed();
    const { page, errors } = await openApp();

    // Today is the home screen, and its counts follow the office's settings.
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const unreviewed = page.getByRole('link', { name: 'New, not yet reviewed: 4' });
    await unreviewed.waitFor();
    await page.getByRole('link', { name: 'Waiting too long for the other side: 1' }).waitFor();
    await page.getByRole('link', { name: 'Preservations expiring: 1' }).waitFor();
    await page.getByRole('link', { name: 'Urgent: 1' }).waitFor();
    await page.getByRole('link', { name: 'Their deadlines close: 1' }).waitFor();
    await page.screenshot({ path: screenshotPath('today-01-dashboard'), fullPage: true });

    // A count opens exactly the requests it counted.
    await unreviewed.click();
    await page.waitForURL(/#\/register\?due=unreviewed$/);
    await page.getByText('4 requests').waitFor();
    expect(await rows(page).count()).toBe(4);
    await page.screenshot({ path: screenshotPath('today-02-register-unreviewed'), fullPage: true });

    // Sorting by a column header.
    await page.getByRole('button', { name: 'Reference', exact: true }).click();
    await page.waitForURL(/sort=reference&order=asc/);
    expect(await page.getByRole('columnheader', { name: 'Reference', exact: true }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(await rows(page).first().innerText()).toContain('MLA-IN-');

    // Two rows to one officer, in one go.
    await page.getByRole('checkbox', { name: /Select MLA-IN-\d+-00001/ }).check();
    await page.getByRole('checkbox', { name: /Select MLA-IN-\d+-00002/ }).check();
    await page.getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Assign to…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign 2 requests' });
    await dialog.getByLabel('Officer in charge').fill('Nadia Officer');
    await page.screenshot({ path: screenshotPath('today-03-assign-dialog') });
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await page.getByText('2 requests assigned to Nadia Officer.').waitFor();
    await expect
      .poll(async () => (await rows(page).allInnerTexts()).filter((r) => r.includes('Nadia Officer')).length)
      .toBe(2);

    // The filters and the sort, saved as a view and applied again later.
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('textbox', { name: 'Save the current filters as' }).fill('Unreviewed, by reference');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByText('View “Unreviewed, by reference” saved.').waitFor();
    await page.screenshot({ path: screenshotPath('today-04-saved-view') });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('5 requests').waitFor();
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('button', { name: 'Show Unreviewed, by reference' }).click();
    await page.waitForURL(/due=unreviewed/);
    await page.getByText('4 requests').waitFor();

    // Every main field has its filter; the less common ones are one click away.
    await page.getByRole('button', { name: 'More filters' }).click();
    await page.getByRole('combobox', { name: 'Offence (ICCS)' }).waitFor();
    await page.waitForTimeout(300); // the panel's opening transition, for a clean screenshot
    await page.screenshot({ path: screenshotPath('today-07-more-filters') });

    // The quick search finds a person concerned by name.
    await page.getByRole('searchbox', { name: 'Search the register' }).fill('Kowalska');
    await page.waitForURL(/text=Kowalska/);
    await expect.poll(() => rows(page).count()).toBe(1);

    // The officer's status report, as a PDF download.
    await page.getByRole('button', { name: 'Status report…' }).click();
    const report = page.getByRole('dialog', { name: 'Status report' });
    await report.getByRole('radio', { name: 'An officer' }).check();
    await report.getByRole('combobox', { name: /^Officer/ }).click();
    await page.getByRole('option', { name: 'Nadia Officer' }).click();
    await page.screenshot({ path: screenshotPath('today-05-status-report-dialog') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Produce report' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`status-report-Nadia-Officer-${TODAY}.pdf`);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await report.waitFor({ state: 'detached' });

    // "?" lists the keyboard shortcuts.
    await page.getByRole('heading', { name: 'Register' }).click();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.waitForTimeout(300); // the modal's opening transition, for a clean screenshot
    await page.screenshot({ path: screenshotPath('today-06-shortcuts') });
    await page.keyboard.press('Escape');

    // Back on Today, the counts follow what was done.
    await page.keyboard.press('Control+1');
    await page.getByRole('link', { name: 'New, not yet reviewed: 4' }).waitFor();

    expect(errors).toEqual([]);
    await page.close();
  });
});
