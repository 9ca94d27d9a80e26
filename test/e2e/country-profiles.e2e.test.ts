import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryProfile } from '../../contract/profiles.ts';
import { apiEnvelope, closeWebApp, openWebApp, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
let page: Page;
let errors: string[] = [];

beforeAll(async () => {
  ({ app, browser } = await openWebApp());
  ({ page, errors } = await openSignedInPage(browser, app, { viewport: { width: 1400, height: 1000 } }));
});

afterAll(() => closeWebApp(app, browser));

/** Picks an option of a select or multi-select, typing part of its name first when told. */
async function choose(scope: Page | Locator, label: RegExp, option: string, typed?: string) {
  const box = scope.getByRole('combobox', { name: label });
  if (typed === undefined)
    await box.click({ force: true }); // a list without search: its input sits under the pills' box
  else await box.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('country profiles: the counterpart state’s requirements beside the request', () => {
  it('warns about a language and a channel the state does not accept while the request is written', async () => {
    // The directory starts empty: the office records France accepting French only, through central authorities.
    await page.getByRole('link', { name: 'Directories' }).click();
    await page.getByRole('tab', { name: 'Country profiles' }).click();
    await page.getByText('No country profile yet.').waitFor();
    await page.getByRole('button', { name: 'Add country profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'New country profile' });
    await choose(dialog, /^Country/, 'France (FR)', 'Franc');
    await choose(dialog, /^Accepted languages/, 'French (fr)', 'Fren');
    await dialog.getByRole('combobox', { name: /^Accepted languages/ }).press('Escape');
    await choose(dialog, /^Accepted channels/, 'Central authority to central authority');
    await dialog.getByRole('combobox', { name: /^Accepted channels/ }).press('Escape');
    await choose(dialog, /^Dual criminality/, 'Required for coercive measures only');
    await dialog.getByRole('textbox', { name: /^Required for what/ }).fill('Searches, seizures and interceptions');
    await dialog.getByRole('button', { name: 'Add treaty' }).click();
    await choose(
      dialog.getByRole('group', { name: 'Treaty 1' }),
      /^Treaty or convention/,
      'UN Convention against Transnational Organized Crime',
      'Transn',
    );
    await page.screenshot({ path: screenshotPath('profiles-01-dialog') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'Country profiles' }).getByRole('row', { name: /France/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Central authority to central authority');
    await page.screenshot({ path: screenshotPath('profiles-02-directory') });

    // What the register holds: exactly what the dialog said.
    const stored = await apiEnvelope(app, 'profiles.ofCountry', { country: 'FR' });
    expect(stored.value as CountryProfile).toMatchObject({
      languages: ['fr'],
      channels: ['central_authority'],
      dualCriminality: 'required_coercive',
      treaties: [{ legalBasis: 'untoc' }],
      updatedBy: 'amina',
    });

    // An outgoing request to France, in English and through the diplomatic channel.
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'New request' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Direction' }).getByText('Outgoing', { exact: true }).click();
    await choose(page, /Counterpart country/, 'France (FR)', 'Franc');
    const panel = page.getByRole('region', { name: 'Requirements of France' });
    await panel.waitFor();
    const warnings = panel.getByRole('list', { name: 'Warnings' });
    await warnings.getByText('Searches, seizures and interceptions').waitFor();
    await choose(page, /^Language of the request/, 'English (en)', 'Engl');
    await choose(page, /^Channel of transmission/, 'Diplomatic channel');

    await warnings.getByText('France does not accept requests in English. It accepts: French.').waitFor();
    await warnings
      .getByText(
        'France does not accept requests through “Diplomatic channel”. It accepts: Central authority to central authority.',
      )
      .waitFor();
    await page.screenshot({ path: screenshotPath('profiles-03-warnings-beside-the-form'), fullPage: true });

    // Corrected to French, the language warning goes; the channel's stays until it is changed too.
    await choose(page, /^Language of the request/, 'French (fr)', 'Fren');
    await warnings.getByText(/does not accept requests in English/).waitFor({ state: 'detached' });
    expect(await warnings.innerText()).toContain('“Diplomatic channel”');
    expect(errors).toEqual([]);
  });
});
