import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { apiEnvelope, closeWebApp, openWebApp, screenshotPath, signIn, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ({ app, browser } = await openWebApp());
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await signIn(page);
});

afterAll(() => closeWebApp(app, browser));

const completeness = () => page.getByRole('region', { name: 'Completeness' });
const rowOf = (element: string) => completeness().getByRole('listitem').filter({ hasText: element });

async function choose(label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Moves the request on with the workflow's button, confirming with the dialog's own button. */
async function moveTo(status: string): Promise<void> {
  await page.getByRole('button', { name: status, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.mantine-Badge-root', { hasText: status }).first().waitFor();
}

describe('drafting an outgoing MLA request until it is sent', () => {
  it('warns about the missing purpose, refuses to move on without it, and sends it once complete', async () => {
    // A new outgoing MLA request, written without its purpose.
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'New request' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Direction' }).getByText('Outgoing', { exact: true }).click();
    await choose(/^Kind/, 'Mutual legal assistance');
    await page.getByRole('combobox', { name: /Counterpart country/ }).fill('Franc');
    await page.getByRole('option', { name: /^France \(FR\)/ }).click();
    await page.getByRole('combobox', { name: /^Domestic authority/ }).fill('Parquet national financier');
    await page.getByRole('textbox', { name: /Subject and nature of the proceedings/ }).fill('Investigation into fraud');
    await page.getByRole('textbox', { name: /Authority conducting the proceedings/ }).fill('Juge d’instruction, Paris');
    await choose(/^Assistance sought/, /^Documents and records/);
    await page.getByRole('combobox', { name: /^Assistance sought/ }).press('Escape');
    await page
      .getByRole('textbox', { name: 'Summary of facts' })
      .fill('Funds from a fraud went through accounts abroad.');

    // The check follows the form: only the purpose is missing among the essentials.
    await completeness().getByText('1 essential element missing').waitFor();
    expect(await rowOf('Purpose of the evidence').innerText()).toContain('What the evidence or assistance is for.');
    await page.screenshot({ path: screenshotPath('drafting-01-new-outgoing'), fullPage: true });

    await page.getByRole('button', { name: 'Register request' }).click();
    const heading = page.getByRole('heading', { level: 2, name: /^MLA-OUT-\d{4}-\d{5}$/ });
    await heading.waitFor();
    const reference = await heading.innerText();
    const id = Number(/#\/requests\/(\d+)$/.exec(page.url())?.[1]);
    await completeness().getByText('1 essential element missing').waitFor();

    // Moving it on: the dialog lists what is missing and will not go on without a reason.
    await page.getByRole('button', { name: 'Under review', exact: true }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('list', { name: /lacks what it must contain/ }).innerText()).toContain(
      'Purpose of the evidence',
    );
    await dialog.getByRole('button', { name: 'Move on anyway' }).click();
    await dialog.getByText('Give a reason, or complete the request first.').waitFor();
    await page.screenshot({ path: screenshotPath('drafting-02-move-refused') });
    // The register itself refuses it too, naming the element, whatever the screen does.
    const refused = await apiEnvelope(app, 'requests.transition', {
      id,
      to: 'under_review',
      on: localIsoDate(),
      expectedVersion: 1,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'overrideReason' }, { field: 'completeness.purpose' }] },
    });

    // Complete it: the dialog leads to the field, the form saves, the check is satisfied.
    await dialog.getByRole('button', { name: 'Complete the request' }).click();
    await dialog.waitFor({ state: 'detached' });
    const purpose = page.getByRole('textbox', { name: /Purpose of the evidence/ });
    // (The node side has no DOM types: the element's own document says what has the focus.)
    const focused = () =>
      purpose.evaluate(
        (el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
      );
    await expect.poll(focused).toBe(true);
    await purpose.fill('To trace the proceeds of the fraud');
    await completeness().getByText('Every essential element is there.').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    await completeness().getByText('Every essential element is there.').waitFor();

    await moveTo('Under review');
    await moveTo('Sent');
    expect(await page.getByRole('region', { name: 'Completeness' }).count()).toBe(0);

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('Draft → Under review').waitFor();
    await page.getByText('Under review → Sent').waitFor();
    expect(await page.getByText(/Moved on without/).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('drafting-03-sent-history'), fullPage: true });
    expect(reference).toMatch(/^MLA-OUT-/);
    expect(errors).toEqual([]);
  });
});
