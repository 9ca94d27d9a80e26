import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import {
  completePurpose,
  completenessOf,
  fillOutgoingMlaWithoutPurpose,
  moveTo,
  registerDraft,
  reviewRefusedWithoutPurpose,
} from './drafting-steps.ts';
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

describe('drafting an outgoing MLA request until it is sent', () => {
  it('warns about the missing purpose, refuses to move on without it, and sends it once complete', async () => {
    // A new outgoing MLA request, written without its purpose: the check follows the form, and
    // only the purpose is missing among the essentials.
    await fillOutgoingMlaWithoutPurpose(page);
    await page.screenshot({ path: screenshotPath('drafting-01-new-outgoing'), fullPage: true });
    const { reference, id } = await registerDraft(page);
    await completenessOf(page).getByText('1 essential element missing').waitFor();

    // Moving it on: the dialog lists what is missing and will not go on without a reason.
    const dialog = await reviewRefusedWithoutPurpose(page, 'drafting-02-move-refused');
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
    await completePurpose(page, dialog);

    await moveTo(page, 'Under review');
    await moveTo(page, 'Sent');
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
