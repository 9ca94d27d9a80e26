import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../contract/requests.ts';
import { callApi, closeWebApp, openWebApp, screenshotPath, signIn, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ({ app, browser } = await openWebApp());
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await signIn(page);
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

    // The letters of the request: the letter of request is offered, in English, with its preview.
    await page.getByRole('button', { name: 'Letters…' }).click();
    const dialog = page.getByRole('dialog', { name: `Letters for ${request.reference}` });
    const preview = dialog.getByRole('article', { name: 'Preview of the letter' });
    await preview.getByText('Request for mutual legal assistance in criminal matters').waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Letter', exact: true }).inputValue()).toBe('Letter of request');
    expect(await preview.innerText()).toContain('To trace the proceeds of the fraud');
    await page.screenshot({ path: screenshotPath('letters-01-preview') });

    await dialog.getByRole('button', { name: 'Generate DOCX and PDF' }).click();
    const pdfName = `${request.reference}_letter_of_request_en_`;
    const generated = dialog.getByRole('table', { name: `Letters generated for ${request.reference}` });
    await generated.getByText(pdfName, { exact: false }).first().waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Both files are documents of the request, with their SHA-256.
    await openTab(/^Documents/);
    const documents = page.getByRole('region', { name: new RegExp(`Documents of ${request.reference}`) });
    await documents
      .getByText(/letter_of_request_en_.*\.pdf/)
      .first()
      .waitFor();
    await documents
      .getByText(/letter_of_request_en_.*\.docx/)
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath('letters-02-documents'), fullPage: true });

    // Sent by e-mail: recorded with the PDF in the correspondence log and in the history.
    await page.getByRole('button', { name: 'Letters…' }).click();
    await dialog.getByRole('button', { name: /^Mark .*\.pdf as sent$/ }).click();
    const send = page.getByRole('dialog', { name: 'Record the letter as sent' });
    await send.getByRole('combobox', { name: /^Channel/ }).click();
    await page.getByRole('option', { name: 'E-mail' }).click();
    await send.getByRole('button', { name: 'Record as sent' }).click();
    await send.waitFor({ state: 'detached' });
    await dialog.getByText(/^Sent on /).waitFor();
    await page.screenshot({ path: screenshotPath('letters-03-sent') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await openTab(/^Correspondence/);
    const log = page.getByRole('table', { name: new RegExp(`Correspondence.*${request.reference}`) });
    await log.getByText(`Letter of request sent (${request.reference})`).waitFor();
    expect(await log.innerText()).toMatch(/letter_of_request_en_.*\.pdf/);
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
