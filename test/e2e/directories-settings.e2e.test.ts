import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { apiEnvelope, closeWebApp, openWebApp, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await openWebApp()));
afterAll(() => closeWebApp(app, browser));

const envelope = (channel: string, input: unknown) => apiEnvelope(app, channel, input);

function openApp(): Promise<{ page: Page; errors: string[] }> {
  return openSignedInPage(browser, app, { viewport: { width: 1280, height: 860 }, role: 'administrator' });
}

describe('an administrator keeps the directories and the reference pattern', () => {
  it('adds a provider, changes the pattern, and the next request is numbered with it', async () => {
    const today = localIsoDate();
    const year = today.slice(0, 4);
    const { page, errors } = await openApp();
    await page.getByText('The register is empty').waitFor();

    // A counterpart authority, through the dialog (its country chosen from the list).
    await page.getByRole('link', { name: 'Directories' }).click();
    await page.getByRole('heading', { name: 'Directories' }).waitFor();
    await page.getByRole('button', { name: 'Add counterpart authority' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Country' }).fill('Fran');
    await page.getByRole('option', { name: 'France (FR)' }).click();
    await dialog.getByLabel('Name').fill('Bureau de l’entraide pénale internationale');
    await dialog.getByLabel('E-mail').fill('entraide@justice.example');
    await dialog.getByLabel('Phone').fill('+33 1 44 77 61 15');
    await dialog.getByLabel('Notes').fill('Send requests in French or with a French translation.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const authority = page.getByRole('row', { name: /Bureau de l’entraide/ });
    await authority.waitFor();
    expect(await authority.innerText()).toContain('France');
    await page.screenshot({ path: screenshotPath('10-directories-counterparts') });

    // A service provider; a bad e-mail-like mistake elsewhere is refused before saving.
    await page.getByRole('tab', { name: 'Service providers' }).click();
    await page.getByText('No service provider yet.').waitFor();
    await page.getByRole('button', { name: 'Add service provider' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('is required').waitFor();
    await dialog.getByLabel('Name').fill('Meta Platforms');
    await dialog.getByRole('combobox', { name: 'Country' }).fill('United States of');
    await page.getByRole('option', { name: 'United States of America (US)' }).click();
    await dialog
      .getByLabel('How law enforcement reaches them')
      .fill('Law Enforcement Online Request System\nEmergency: through the same portal, 24/7');
    await page.screenshot({ path: screenshotPath('11-directories-add-provider') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const provider = page.getByRole('row', { name: /Meta Platforms/ });
    await provider.waitFor();
    expect(await provider.innerText()).toContain('Law Enforcement Online Request System');
    await page.screenshot({ path: screenshotPath('12-directories-providers') });

    // The reference pattern, previewed as it is typed, then saved.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    const pattern = page.getByLabel('Reference pattern');
    await pattern.fill('CA/{YYYY}/{KIND}-{DIR}');
    await page.getByText('must contain the running number once').waitFor();
    await page.screenshot({ path: screenshotPath('13-settings-bad-pattern') });
    await pattern.fill('CA/{YYYY}/{KIND}-{DIR}/{SEQ:4}');
    const preview = page.getByRole('table', { name: 'Preview' });
    await preview.getByText(`CA/${year}/PRE-OUT/0001`).waitFor();
    await page.getByLabel('Office name').fill('Central Authority for International Cooperation');
    await page.getByLabel(/Warn before a preservation ends/).fill('21');
    // The shell's header is fixed, so a full-page capture would paint it mid-page: capture the view.
    await page.screenshot({ path: screenshotPath('13-settings-pattern') });
    await page.getByLabel(/Warn before a preservation ends/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('13-settings-reminders') });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();

    // A request registered now takes the new pattern; the provider is offered for the next one.
    const registered = await envelope('requests.register', {
      direction: 'incoming',
      kind: 'preservation',
      counterpartCountry: 'US',
      openedOn: today,
      serviceProvider: 'Meta Platforms',
    });
    expect(registered).toMatchObject({ ok: true, value: { reference: `CA/${year}/PRE-IN/0001` } });
    expect(await envelope('directories.suggest', { field: 'serviceProvider' })).toEqual({
      ok: true,
      value: ['Meta Platforms'],
    });
    expect(await envelope('settings.get', {})).toMatchObject({
      ok: true,
      value: { officeName: 'Central Authority for International Cooperation', preservationWarningDays: 21 },
    });

    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await page.getByRole('link', { name: `CA/${year}/PRE-IN/0001` }).waitFor();
    await page.screenshot({ path: screenshotPath('14-register-new-pattern') });

    // The settings survive a reload of the page.
    await page.reload();
    await page.evaluate("window.location.hash = '#/settings'");
    expect(await page.getByLabel('Reference pattern').inputValue()).toBe('CA/{YYYY}/{KIND}-{DIR}/{SEQ:4}');
    expect(errors).toEqual([]);
    await page.close();
  });
});
