import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from './harness.ts';
import { documentKeys, sealedName } from '../../db/keys/document-cipher.ts';
import { readKeyFile } from '../../db/keys/register-key.ts';

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A two-page PDF with text, made by pdfkit (as an office's scanner or word processor would). */
export async function makePdf(file: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.fontSize(20).text('Request for mutual legal assistance', { underline: true });
  doc.moveDown().fontSize(12).text('Reference of the requesting authority: FR/2026/0412');
  doc
    .moveDown()
    .text('The Public Prosecutor of Paris requests bank records of account FR76 3000 6000 0112 3456 7890 189.');
  doc.addPage().fontSize(16).text('Page two: list of questions for the witness');
  doc.end();
  await done;
  const bytes = Buffer.concat(chunks);
  fs.writeFileSync(file, bytes);
  return bytes;
}

/** A call of the API as the page makes it (POST, JSON, the start token and a signed-in session). */
export async function callApi(
  base: string,
  token: string,
  session: string,
  channel: string,
  input: unknown,
): Promise<unknown> {
  const res = await fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-mla-session': session },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

/** Drops a file on an element as the browser would: a DataTransfer with a File in it. */
async function dropFile(page: Page, selector: string, name: string, bytes: Buffer, type: string): Promise<void> {
  // A string, since this file is type-checked without the DOM library.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const dt = new DataTransfer();
    const data = Uint8Array.from(atob(${JSON.stringify(bytes.toString('base64'))}), (c) => c.charCodeAt(0));
    dt.items.add(new File([data], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    return dt;
  })()`);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

export interface Exercise {
  page: Page;
  reference: string;
  /** Where the data folder's documents/ is, to tamper with a stored file. */
  documentsDir: string;
  filesDir: string;
  /** Screenshot name prefix. */
  shot: string;
  /** Brings each part into view where they are separate tabs. */
  show?: (part: 'documents' | 'correspondence') => Promise<void>;
}

/**
 * Attaches (button and drop), checks, previews, saves and opens documents, and logs
 * correspondence, in whatever page shows the two tabs.
 */
export async function exerciseDocuments(steps: Exercise): Promise<void> {
  const { page, reference, documentsDir, filesDir, shot } = steps;
  const show = steps.show ?? (async () => undefined);
  const region = `section[aria-label="Documents of ${reference}"]`;
  const pdfFile = path.join(filesDir, 'Demande d’entraide — Paris.pdf');
  const pdf = await makePdf(pdfFile);

  // Attach with the button: the browser's file chooser, then the dialog.
  const chooser = page.waitForEvent('filechooser');
  await page.locator(region).getByRole('button', { name: 'Attach files…' }).click();
  await (await chooser).setFiles(pdfFile);
  const dialog = page.getByRole('dialog', { name: 'Attach files' });
  await dialog.getByLabel('Note').fill('Received by e-mail from the Paris prosecutor');
  await page.screenshot({ path: screenshotPath(`${shot}-01-attach-dialog`) });
  await dialog.getByRole('button', { name: 'Attach 1 file' }).click();
  await dialog.waitFor({ state: 'detached' });
  const table = page.getByRole('table', { name: `Documents of ${reference}` });
  await table.getByText('Demande d’entraide — Paris.pdf').waitFor();
  expect(await table.innerText()).toContain(sha256(pdf).slice(0, 12));

  // Drop a picture on the tab.
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
  await dropFile(page, region, 'scan of the envelope.png', png, 'image/png');
  await page.getByRole('dialog', { name: 'Attach files' }).getByRole('combobox', { name: /^Type/ }).click();
  await page.getByRole('option', { name: 'Correspondence' }).click();
  await page.getByRole('dialog', { name: 'Attach files' }).getByRole('button', { name: 'Attach 1 file' }).click();
  await table.getByText('scan of the envelope.png').waitFor();

  await page.locator(region).getByRole('button', { name: 'Check all' }).click();
  await expect.poll(() => table.getByText('Intact').count()).toBe(2);
  await table.getByRole('button', { name: /Show the full SHA-256 of Demande/ }).click();
  await table.getByText(sha256(pdf)).waitFor();
  await page.screenshot({ path: screenshotPath(`${shot}-02-documents`), fullPage: true });

  // Preview the PDF (pdf.js under the page's CSP) and the picture.
  await table.getByRole('button', { name: /^Preview Demande/ }).click();
  const preview = page.getByRole('dialog', { name: 'Demande d’entraide — Paris.pdf' });
  await preview.getByRole('img', { name: 'Page 2 of 2' }).waitFor();
  await page.screenshot({ path: screenshotPath(`${shot}-03-pdf-preview`) });
  await preview.getByRole('button', { name: 'Close' }).click();
  await table.getByRole('button', { name: 'Preview scan of the envelope.png' }).click();
  const picture = page
    .getByRole('dialog', { name: 'scan of the envelope.png' })
    .getByRole('img', { name: 'scan of the envelope.png' });
  await picture.waitFor();
  await page.screenshot({ path: screenshotPath(`${shot}-03b-image-preview`) });
  expect(await picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  await page.getByRole('dialog', { name: 'scan of the envelope.png' }).getByRole('button', { name: 'Close' }).click();

  // Save a copy (the browser downloads it): the very bytes that were attached.
  const download = page.waitForEvent('download');
  await table.getByRole('button', { name: /^Save a copy of Demande/ }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Demande d’entraide — Paris.pdf');
  expect(sha256(fs.readFileSync(await saved.path()))).toBe(sha256(pdf));

  // The correspondence log, linking the document.
  await show('correspondence');
  await page.getByRole('button', { name: 'Add entry…' }).click();
  const entry = page.getByRole('dialog', { name: 'Add to the correspondence log' });
  await entry.getByRole('combobox', { name: /^Channel/ }).click();
  await page.getByRole('option', { name: 'E-mail' }).click();
  await entry.getByLabel(/^Summary/).fill('Request received by e-mail; original to follow by diplomatic bag.');
  await entry.getByRole('combobox', { name: /^Documents/ }).click();
  await page.getByRole('option', { name: /Demande d’entraide — Paris\.pdf/ }).click();
  await page.keyboard.press('Escape');
  await page.screenshot({ path: screenshotPath(`${shot}-04-correspondence-dialog`) });
  await entry.getByRole('button', { name: 'Save' }).click();
  await entry.waitFor({ state: 'detached' });
  const log = page.getByRole('table', { name: `Correspondence of ${reference}` });
  await log.getByText('original to follow by diplomatic bag').waitFor();
  expect(await log.innerText()).toContain('Demande d’entraide — Paris.pdf');

  // Someone alters the stored file: the next check says so.
  await show('documents');
  // An encrypted register (the app's; `npm run web` keeps its key beside it) names the file by an HMAC.
  const keyFile = path.join(path.dirname(documentsDir), 'register.key');
  const name = fs.existsSync(keyFile) ? sealedName(documentKeys(readKeyFile(keyFile)), sha256(pdf)) : sha256(pdf);
  const stored = path.join(documentsDir, name.slice(0, 2), name);
  fs.chmodSync(stored, 0o644);
  fs.appendFileSync(stored, '% appended later\n');
  await page.locator(region).getByRole('button', { name: 'Check all' }).click();
  await table.getByText('Altered').waitFor();
  await page.screenshot({ path: screenshotPath(`${shot}-05-altered`), fullPage: true });
}
