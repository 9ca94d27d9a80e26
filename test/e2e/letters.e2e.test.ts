import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../contract/requests.ts';
import { documentWithItsHash, generateLetterOfRequest, markLetterSentByEmail } from './drafting-steps.ts';
import { callApi, closeWebApp, openWebApp, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

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

/** An outgoing MLA request holding what a formal request states, registered by the clerk. */
async function outgoingMla(): Promise<RequestDetail> {
  return callApi<RequestDetail>(app, 'requests.register', {
    direction: 'outgoing',
    kind: 'mla',
    counterpartCountry: 'DE',
    counterpartAuthority: 'Bundesamt für Justiz',
    legalBasis: 'untoc',
    legalBasisDetail: 'Article 18',
    domesticAuthority: 'Parquet national financier',
    proceedingsNature: 'Investigation into fraud',
    conductingAuthority: 'Juge d’instruction, Paris',
    summary: 'Funds from a fraud went through accounts abroad.',
    assistance: ['records'],
    procedureToFollow: 'Certified copies of the bank records',
    purpose: 'To trace the proceeds of the fraud',
    parties: [{ role: 'suspect', name: 'Jean Dupont', nationality: 'FR', location: 'Lyon, France' }],
  });
}

async function openTab(name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

describe('letters from a request, in Chromium', () => {
  it('generates a letter of request, keeps it among the documents, and records it as sent', async () => {
    await callApi(
      app,
      'letters.saveLetterhead',
      { addressLines: ['1 Justice Square'], email: 'mla@justice.example' },
      'administrator',
    );
    const request = await outgoingMla();
    // The request's own address, as a link to it would open it.
    await page.evaluate(`window.location.hash = '#/requests/${request.id}'`);
    await page.getByRole('heading', { level: 2, name: request.reference }).waitFor();

    // The letters of the request: the letter of request is offered, in English, with its preview;
    // generated as DOCX and PDF.
    const { pdfName, docxName } = await generateLetterOfRequest(
      page,
      request.reference,
      'To trace the proceeds of the fraud',
      'letters-01-preview',
    );

    // Both files are documents of the request, with their SHA-256.
    await openTab(/^Documents/);
    await documentWithItsHash(page, request.reference, pdfName);
    await documentWithItsHash(page, request.reference, docxName);
    await page.screenshot({ path: screenshotPath('letters-02-documents'), fullPage: true });

    // Sent by e-mail: recorded with the PDF in the correspondence log and in the history.
    await markLetterSentByEmail(page, request.reference, pdfName, 'letters-03-sent');

    await openTab(/^Correspondence/);
    const log = page.getByRole('table', { name: new RegExp(`Correspondence.*${request.reference}`) });
    await log.getByText(`Letter of request sent (${request.reference})`).waitFor();
    expect(await log.innerText()).toContain(pdfName);
    await openTab(/^History/);
    const history = page.getByRole('table', { name: 'History' });
    await history.getByText(`Letter of request sent (${request.reference})`).waitFor();
    await page.screenshot({ path: screenshotPath('letters-04-history'), fullPage: true });

    // The case summary, one click away, as a PDF download.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Case summary (PDF)' }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
  });
});
