import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { closeWebApp, openWebApp, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await openWebApp()));
afterAll(() => closeWebApp(app, browser));

function openApp(): Promise<{ page: Page; errors: string[] }> {
  return openSignedInPage(browser, app, { viewport: { width: 1280, height: 860 } });
}

async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

async function historyRows(page: Page): Promise<string[]> {
  await showTab(page, 'History');
  return page.getByRole('table', { name: 'History' }).locator('tbody tr').allInnerTexts();
}

describe('a clerk registers an incoming MLA request and moves it along its workflow', () => {
  it('registers, lists, opens, moves, refuses a forbidden move and keeps the history', async () => {
    const today = localIsoDate();
    const reference = `MLA-IN-${today.slice(0, 4)}-00001`;
    const { page, errors } = await openApp();
    await page.getByText('The register is empty').waitFor();

    // The keyboard shortcut opens the form; saving it empty names the missing fields.
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'New request' }).waitFor();
    await page.getByRole('button', { name: 'Register request' }).click();
    await page.getByText('Please correct the fields marked in red.').waitFor();
    expect(await page.getByText('must be an ISO 3166-1 alpha-2 country code').count()).toBe(1);
    expect(await page.getByText('is required for an incoming request').count()).toBe(1);

    await page.getByRole('combobox', { name: 'Counterpart country' }).fill('Fran');
    await page.getByRole('option', { name: 'France (FR)' }).click();
    await page.getByLabel('Received on').fill(today);
    await page.getByLabel('Their reference').fill('FR/2026/0412');
    await page
      .getByRole('combobox', { name: 'Counterpart authority' })
      .fill('Bureau de l’entraide pénale internationale');
    await page
      .getByLabel('Summary of facts')
      .fill('Bank records of a shell company used to launder proceeds of fraud.');
    await page.screenshot({ path: screenshotPath('01-new-request-filled'), fullPage: true });
    await page.getByRole('button', { name: 'Register request' }).click();

    await page.getByRole('heading', { name: reference }).waitFor();
    expect(await historyRows(page)).toHaveLength(1);

    // It is in the register.
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    expect(await row.innerText()).toContain('France');
    expect(await row.innerText()).toContain('Registered');
    await page.screenshot({ path: screenshotPath('02-register') });

    // A second window opens the same request before the first one moves it.
    const second = await openApp();
    await second.page.evaluate("window.location.hash = '#/requests/1'");
    await second.page.getByRole('button', { name: 'Under review' }).waitFor();

    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('button', { name: 'Under review' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Note').fill('Complete; sent for review to the duty prosecutor.');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'detached' });
    await showTab(page, 'History');
    await page.getByText('Registered → Under review').waitFor();
    expect(await historyRows(page)).toHaveLength(2);

    // The stale window tries the same move: the workflow refuses it, with a message.
    await second.page.getByRole('button', { name: 'Under review' }).click();
    await second.page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    const refusal = second.page.getByRole('dialog').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('cannot go from under review to under review');
    await second.page.screenshot({ path: screenshotPath('03-forbidden-move') });
    await second.page.close();

    // Refusing asks for grounds before it is accepted.
    await page.getByRole('button', { name: 'Refused' }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByText('Required').waitFor();
    await dialog.getByRole('combobox', { name: 'Grounds for refusal' }).click();
    await page.getByRole('option', { name: 'Dual criminality' }).click();
    await dialog.getByRole('combobox', { name: 'Grounds for refusal' }).press('Escape');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Under review → Refused').waitFor();
    expect(await historyRows(page)).toHaveLength(3);
    await showTab(page, 'Summary');
    expect(await page.getByText('Dual criminality').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('04-request-refused'), fullPage: true });

    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses API calls that lack the session token', async () => {
    const origin = new URL(app.url).origin;
    const res = await fetch(`${origin}/api/requests.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });
});
