import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWebApp, openWebApp, REPO, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

const SAMPLE = path.join(REPO, 'test', 'fixtures', 'register-sample.csv');

let app: WebApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await openWebApp()));
afterAll(() => closeWebApp(app, browser));

function openApp(): Promise<{ page: Page; errors: string[] }> {
  return openSignedInPage(browser, app, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

describe('a clerk imports the office’s spreadsheet register through the wizard', () => {
  it('chooses the file, maps, previews, checks, imports, and finds an imported request in the register', async () => {
    const { page, errors } = await openApp();
    await page.getByText('The register is empty').waitFor();
    await page.getByRole('link', { name: 'Import and export' }).click();
    await page.getByRole('heading', { name: 'Import and export' }).waitFor();
    await page.screenshot({ path: screenshotPath('import-01-choose'), fullPage: true });

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV or XLSX file…' }).click();
    await (await chooser).setFiles(SAMPLE);
    await page.getByText('register-sample.csv: CSV, 400 rows, 24 columns').waitFor();
    expect(
      await page.getByRole('combobox', { name: 'Column of the register for “counterpart_country”' }).inputValue(),
    ).toBe('Counterpart country (counterpart_country) *');
    await page.screenshot({ path: screenshotPath('import-02-mapping'), fullPage: true });
    await page.getByRole('button', { name: 'Next' }).click();

    const preview = page.getByRole('table', { name: /The first 20 rows/ });
    await preview.waitFor();
    expect(await preview.getByRole('row').count()).toBe(21);
    await page.screenshot({ path: screenshotPath('import-03-preview'), fullPage: true });
    await page.getByRole('button', { name: 'Check the file' }).click();

    await page.getByText('Every row is valid: 400 requests can be imported.').waitFor();
    await page.screenshot({ path: screenshotPath('import-04-checked'), fullPage: true });
    await page.getByRole('button', { name: 'Import 400 requests' }).click();

    await page.getByText('Import complete').waitFor();
    await page.getByText('400 requests were imported from register-sample.csv').waitFor();
    await page.screenshot({ path: screenshotPath('import-05-done'), fullPage: true });

    await page.getByRole('link', { name: 'Open the register' }).click();
    await page.getByText('400 requests').waitFor();
    await page.getByRole('textbox', { name: 'Find by reference' }).fill('MLA-IN-2023-00019');
    await page.keyboard.press('Enter');
    const row = page.getByRole('row', { name: /MLA-IN-2023-00019/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Brazil');
    await page.screenshot({ path: screenshotPath('import-06-register') });

    // Its history is what its dates say: received on 2 August 2023, lapsed on 23 October 2023.
    await row.getByRole('link', { name: 'MLA-IN-2023-00019' }).click();
    await page.getByRole('heading', { name: 'MLA-IN-2023-00019' }).waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'History' }).locator('tbody tr');
    await history.first().waitFor();
    const entries = await history.allInnerTexts();
    expect(entries).toHaveLength(2);
    expect(entries.join('\n')).toContain('Aug 2, 2023');
    expect(entries.join('\n')).toContain('Oct 23, 2023');
    expect(entries.join('\n')).toContain('Imported from register-sample.csv');
    await page.screenshot({ path: screenshotPath('import-07-request-history'), fullPage: true });

    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every problem of a faulty file and offers no import', async () => {
    const faulty = path.join(app.dataDir, 'faulty.csv');
    const [header = '', first = '', second = ''] = fs.readFileSync(SAMPLE, 'utf8').split('\r\n');
    const broken = second.replace(
      /^PRE-OUT-2025-00002,outgoing,preservation,withdrawn,2025-03-30,2025-04-12,US/,
      'PRE-OUT-2025-90002,sideways,preservation,withdrawn,2025-03-30,2025-02-30,XX',
    );
    fs.writeFileSync(
      faulty,
      `${header}\r\n${first.replace('MLA-IN-2023-00019', 'MLA-IN-2023-90019')}\r\n${broken}\r\n`,
    );
    const { page, errors } = await openApp();
    await page.evaluate("window.location.hash = '#/import'");
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV or XLSX file…' }).click();
    await (await chooser).setFiles(faulty);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Check the file' }).click();
    const problems = page.getByRole('table', { name: 'Problems found in the file' });
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows).toEqual([
      expect.stringMatching(/^3\s+direction\s+"sideways" is not a known code/),
      expect.stringMatching(/^3\s+closed_on\s+must be a calendar date/),
      expect.stringMatching(/^3\s+counterpart_country\s+must be an ISO 3166-1 alpha-2 country code/),
    ]);
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('import-09-problems'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the register as a download that holds the sample again', async () => {
    const { page, errors } = await openApp();
    await page.evaluate("window.location.hash = '#/import'");
    await page.getByRole('heading', { name: 'Export the register' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const file = path.join(app.dataDir, 'exported.csv');
    await (await download).saveAs(file);
    await page.getByText(/400 requests exported to register-.*\.csv\./).waitFor();
    await page.screenshot({ path: screenshotPath('import-08-exported') });
    // The export is the sample, with a byte-order mark in front.
    expect(fs.readFileSync(file).subarray(3).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
