import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { type WebApp, screenshotPath, closeWebApp, openWebApp, openSignedInPage } from './harness.ts';

let app: WebApp;
let browser: Browser;
let page: Page;
let errors: string[] = [];

beforeAll(async () => {
  ({ app, browser } = await openWebApp());
  ({ page, errors } = await openSignedInPage(browser, app, { viewport: { width: 1280, height: 900 } }));
});

afterAll(() => closeWebApp(app, browser));

async function choose(label: string | RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills the new-request form as a clerk would and saves it; resolves with the new reference. */
async function register(direction: 'Incoming' | 'Outgoing', kind: string, country: string): Promise<string> {
  await page.keyboard.press('Control+n');
  await page.getByRole('heading', { name: 'New request' }).waitFor();
  await page.getByRole('radiogroup', { name: 'Direction' }).getByText(direction, { exact: true }).click();
  await choose(/^Kind/, kind);
  await page.getByRole('combobox', { name: /Counterpart country/ }).fill(country.slice(0, 5));
  await page.getByRole('option', { name: new RegExp(`^${country} \\(`) }).click();
  if (direction === 'Incoming') await page.getByLabel(/Received on/).fill(localIsoDate());
  await page.getByRole('button', { name: 'Register request' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /^[A-Z]{3}-(IN|OUT)-\d{4}-\d{5}$/ });
  await heading.waitFor();
  return heading.innerText();
}

/** Clicks the workflow button for `status` and confirms the dialog with what it asks for. */
async function moveTo(status: string, extra: { note?: string; ground?: string; until?: string } = {}): Promise<void> {
  await page.getByRole('button', { name: status, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (extra.until) await dialog.getByLabel(/Preserved until/).fill(extra.until);
  if (extra.ground) {
    await dialog.getByRole('combobox', { name: /Grounds for refusal/ }).click();
    await page.getByRole('option', { name: extra.ground }).click();
    await dialog.getByRole('combobox', { name: /Grounds for refusal/ }).press('Escape');
  }
  if (extra.note) await dialog.getByRole('textbox', { name: /^(Note|Reason)\s*\*?$/ }).fill(extra.note);
  // An outgoing request filled in only so far moves on past the completeness check with a reason.
  const anyway = dialog.getByRole('textbox', { name: /Reason to move it on anyway/ });
  if ((await anyway.count()) > 0) await anyway.fill('Only the workflow is tested here');
  await dialog.getByRole('button', { name: /^(Confirm|Send anyway|Move on anyway)$/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.mantine-Badge-root', { hasText: status }).first().waitFor();
}

describe('every kind of request through its workflow, in the real UI', () => {
  it('registers one request of each kind and moves each to its closure', async () => {
    const mla = await register('Incoming', 'Mutual legal assistance', 'France');
    expect(mla).toMatch(/^MLA-IN-\d{4}-00001$/);
    await moveTo('Under review');
    await moveTo('In execution');
    await moveTo('Executed');
    expect(await page.getByRole('button', { name: /Reopen as/ }).count()).toBe(2);

    const preservation = await register('Outgoing', 'Preservation of data', 'United States of America');
    expect(preservation).toMatch(/^PRE-OUT-\d{4}-00001$/);
    await moveTo('Sent');
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    await moveTo('Executed', { until });
    // Shown as English writes a day ("Feb 23, 2027"), not in the register's ISO form.
    const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${until}T00:00:00Z`),
    );
    expect(await page.getByText(shown).count()).toBeGreaterThan(0);

    const disclosure = await register('Outgoing', 'Disclosure of data', 'Ireland');
    expect(disclosure).toMatch(/^DIS-OUT-\d{4}-00001$/);
    // It follows up the preservation: linked, and shown from both ends.
    await page.getByRole('tab', { name: /Links/ }).click();
    await page.getByLabel('Our reference of the other request').fill(preservation);
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByRole('link', { name: preservation }).waitFor();
    await moveTo('Sent');
    await moveTo('Executed in part');

    const emergency = await register('Incoming', 'Emergency disclosure', 'Germany');
    expect(emergency).toMatch(/^EDR-IN-\d{4}-00001$/);
    await moveTo('Under review');
    await moveTo('Refused', { ground: 'Data no longer available' });

    await page
      .getByRole('link', { name: preservation })
      .first()
      .click()
      .catch(() => undefined);
    await page.evaluate("window.location.hash = '#/register?state=closed'");
    await page.getByText('4 requests').waitFor();
    await page.screenshot({ path: screenshotPath('workflows-register-closed') });

    await page.getByRole('link', { name: preservation }).click();
    await page.getByRole('tab', { name: /Links/ }).click();
    await page.getByRole('link', { name: disclosure }).waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('Sent → Executed').waitFor();
    await page.screenshot({ path: screenshotPath('workflows-preservation'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
