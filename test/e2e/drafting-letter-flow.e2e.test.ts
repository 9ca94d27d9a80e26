import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import {
  completePurpose,
  completenessOf,
  documentWithItsHash,
  fillOutgoingMlaWithoutPurpose,
  generateLetterOfRequest,
  markLetterSentByEmail,
  moveTo,
  registerDraft,
  reviewRefusedWithoutPurpose,
} from './drafting-steps.ts';
import { apiEnvelope, closeWebApp, openWebApp, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
let page: Page;
let errors: string[] = [];

beforeAll(async () => {
  ({ app, browser } = await openWebApp());
  ({ page, errors } = await openSignedInPage(browser, app, {
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  }));
});

afterAll(() => closeWebApp(app, browser));

/** The History tab's rows as shown: what happened, and the note beside it. */
async function historyRows(): Promise<{ what: string; note: string }[]> {
  const rows = page.getByRole('table', { name: 'History' }).locator('tbody tr');
  const out: { what: string; note: string }[] = [];
  for (const row of await rows.all()) {
    const cells = await row.getByRole('cell').allInnerTexts();
    out.push({ what: (cells[1] ?? '').trim(), note: (cells[3] ?? '').trim() });
  }
  return out;
}

// Issue 8, in its own words: "draft an outgoing MLA request with a missing element, see the
// warning, complete it, generate the letter, send it, and see it in the history" — one request,
// one officer, the real UI from the first keystroke to the history.
describe('an outgoing MLA request from its draft to the history of its letter', () => {
  it('is drafted without its purpose, held back, completed, reviewed, written as a letter, sent, and kept in the history', async () => {
    // 1. A draft, without its purpose: the check beside the form names that element and no other.
    await fillOutgoingMlaWithoutPurpose(page);
    await page.screenshot({ path: screenshotPath('flow-01-draft-warning'), fullPage: true });
    const { reference, id } = await registerDraft(page);
    await completenessOf(page).getByText('1 essential element missing').waitFor();

    // 2. Moving it to review is refused with the missing list; there is no override without a reason.
    const dialog = await reviewRefusedWithoutPurpose(page, 'flow-02-review-refused');
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

    // 3. Completed from the dialog: the warning is gone, and the request goes to review.
    await completePurpose(page, dialog);
    await moveTo(page, 'Under review');
    expect(
      await completenessOf(page)
        .getByText(/essential elements? missing/)
        .count(),
    ).toBe(0);

    // 4. The letter of request, from the request screen, as DOCX and PDF: both among its documents with their SHA-256.
    const { pdfName, docxName } = await generateLetterOfRequest(
      page,
      reference,
      'To trace the proceeds of the fraud',
      'flow-03-letter-preview',
    );
    expect(pdfName).toMatch(new RegExp(`^${reference}_letter_of_request_en_\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    await page.getByRole('tab', { name: /^Documents/ }).click();
    const pdfHash = await documentWithItsHash(page, reference, pdfName);
    const docxHash = await documentWithItsHash(page, reference, docxName);
    expect(pdfHash).not.toBe(docxHash);
    await page.getByRole('table', { name: `Documents of ${reference}` }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('flow-04-documents') });

    // 5. Sent: the PDF by e-mail ("Mark as sent" on the letter), then the request itself moves to sent.
    await markLetterSentByEmail(page, reference, pdfName, 'flow-05-letter-sent');
    await moveTo(page, 'Sent');
    await page.getByRole('tab', { name: /^Correspondence/ }).click();
    const log = page.getByRole('table', { name: new RegExp(`Correspondence.*${reference}`) });
    await log.getByText(`Letter of request sent (${reference})`).waitFor();
    expect(await log.innerText()).toContain(pdfName);

    // 6. The history, in order: created as a draft, to review, the letter's sending, to sent.
    await page.getByRole('tab', { name: /^History/ }).click();
    const history = page.getByRole('table', { name: 'History' });
    await history.getByText('Under review → Sent').waitFor();
    expect(await historyRows()).toEqual([
      { what: 'Entered as “Draft”', note: '' },
      { what: 'Draft → Under review', note: '' },
      { what: 'Note', note: `Letter of request sent (${reference})` },
      { what: 'Under review → Sent', note: '' },
    ]);
    expect(await page.getByText(/Moved on without/).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('flow-06-history'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
