import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from './harness.ts';

/*
 * Steps of drafting an outgoing MLA request and of its letters, as an officer takes them in the
 * UI: shared by letters.e2e.test.ts and the whole chain of issue 8 in
 * drafting-letter-flow.e2e.test.ts (draft, refused, completed, letter, sent, history).
 */

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const completenessOf = (page: Page): Locator => page.getByRole('region', { name: 'Completeness' });

export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Moves the request on with the workflow's button, confirming with the dialog's own button. */
export async function moveTo(page: Page, status: string): Promise<void> {
  await page.getByRole('button', { name: status, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.mantine-Badge-root', { hasText: status }).first().waitFor();
}

/**
 * A new outgoing MLA request to France, filled in with everything a formal request states but
 * its purpose; the check beside the form lists that one element, and only it.
 */
export async function fillOutgoingMlaWithoutPurpose(page: Page): Promise<void> {
  await page.keyboard.press('Control+n');
  await page.getByRole('heading', { name: 'New request' }).waitFor();
  await page.getByRole('radiogroup', { name: 'Direction' }).getByText('Outgoing', { exact: true }).click();
  await choose(page, /^Kind/, 'Mutual legal assistance');
  await page.getByRole('combobox', { name: /Counterpart country/ }).fill('Franc');
  await page.getByRole('option', { name: /^France \(FR\)/ }).click();
  await page.getByRole('combobox', { name: /^Domestic authority/ }).fill('Parquet national financier');
  await page.getByRole('textbox', { name: /Subject and nature of the proceedings/ }).fill('Investigation into fraud');
  await page.getByRole('textbox', { name: /Authority conducting the proceedings/ }).fill('Juge d’instruction, Paris');
  await choose(page, /^Assistance sought/, /^Documents and records/);
  await page.getByRole('combobox', { name: /^Assistance sought/ }).press('Escape');
  await page
    .getByRole('textbox', { name: 'Summary of facts' })
    .fill('Funds from a fraud went through accounts abroad.');

  const completeness = completenessOf(page);
  await completeness.getByText('1 essential element missing').waitFor();
  // Each element says, to the eye (its icon) and in words, whether it is there; the essential
  // ones missing are those not marked "Where possible".
  const items = await completeness.getByRole('listitem').allInnerTexts();
  const essentialMissing = items.filter((text) => /: missing/.test(text) && !/where possible/i.test(text));
  expect(essentialMissing).toEqual([expect.stringContaining('Purpose of the evidence')]);
  expect(essentialMissing[0]).toContain('What the evidence or assistance is for.');
  expect(items.filter((text) => /: present/.test(text)).length).toBeGreaterThan(4);
}

/** Registers the form as a draft; answers its reference and id as the request screen shows them. */
export async function registerDraft(page: Page): Promise<{ reference: string; id: number }> {
  await page.getByRole('button', { name: 'Register request' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /^MLA-OUT-\d{4}-\d{5}$/ });
  await heading.waitFor();
  const reference = await heading.innerText();
  const id = Number(/#\/requests\/(\d+)$/.exec(page.url())?.[1]);
  await page.locator('.mantine-Badge-root', { hasText: 'Draft' }).first().waitFor();
  return { reference, id };
}

/**
 * Asks to move the draft to review: the dialog lists what is missing (the purpose, only it) and
 * will not go on without a reason. Answers the dialog, still open.
 */
export async function reviewRefusedWithoutPurpose(page: Page, shot: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Under review', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const missing = dialog.getByRole('list', { name: /lacks what it must contain/ });
  expect(await missing.getByRole('listitem').allInnerTexts()).toEqual([
    expect.stringContaining('Purpose of the evidence'),
  ]);
  await dialog.getByRole('button', { name: 'Move on anyway' }).click();
  await dialog.getByText('Give a reason, or complete the request first.').waitFor();
  await page.screenshot({ path: screenshotPath(shot) });
  return dialog;
}

/** From the refusal: the dialog leads to the purpose, which is filled in and saved; the check is satisfied. */
export async function completePurpose(page: Page, dialog: Locator): Promise<void> {
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
  const completeness = completenessOf(page);
  await completeness.getByText('Every essential element is there.').waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('button', { name: 'Edit' }).waitFor();
  await completeness.getByText('Every essential element is there.').waitFor();
  const purposeNow = completeness.getByRole('listitem').filter({ hasText: 'Purpose of the evidence' });
  expect(await purposeNow.innerText()).toMatch(/Purpose of the evidence\s*: present/);
}

const lettersDialog = (page: Page, reference: string) => page.getByRole('dialog', { name: `Letters for ${reference}` });

async function closeLetters(page: Page, reference: string): Promise<void> {
  await page.keyboard.press('Escape');
  await lettersDialog(page, reference).waitFor({ state: 'detached' });
}

/**
 * From the request screen: "Letters…", the letter of request in English with its preview
 * (which must say `says`), generated as DOCX and PDF. Answers the PDF's name.
 */
export async function generateLetterOfRequest(
  page: Page,
  reference: string,
  says: string,
  shot: string,
): Promise<{ pdfName: string; docxName: string }> {
  await page.getByRole('button', { name: 'Letters…' }).click();
  const dialog = lettersDialog(page, reference);
  const preview = dialog.getByRole('article', { name: 'Preview of the letter' });
  await preview.getByText('Request for mutual legal assistance in criminal matters').waitFor();
  expect(await dialog.getByRole('combobox', { name: 'Letter', exact: true }).inputValue()).toBe('Letter of request');
  expect(await preview.innerText()).toContain(says);
  await page.screenshot({ path: screenshotPath(shot) });

  await dialog.getByRole('button', { name: 'Generate DOCX and PDF' }).click();
  const generated = dialog.getByRole('table', { name: `Letters generated for ${reference}` });
  const base = `${reference}_letter_of_request_en_`;
  await generated.getByText(base, { exact: false }).first().waitFor();
  const pdfName = (
    await generated.getByText(new RegExp(`^${literally(base)}\\d{4}-\\d{2}-\\d{2}\\.pdf$`)).innerText()
  ).trim();
  await closeLetters(page, reference);
  return { pdfName, docxName: pdfName.replace(/\.pdf$/, '.docx') };
}

/**
 * In the Documents tab: the file is there with its SHA-256, which is that of the bytes a saved
 * copy holds. Answers the hash.
 */
export async function documentWithItsHash(page: Page, reference: string, name: string): Promise<string> {
  const table = page.getByRole('table', { name: `Documents of ${reference}` });
  await table.getByText(name, { exact: true }).waitFor();
  // The button is named by the hash's start it shows, then what it does.
  const show = table.getByRole('button', { name: new RegExp(`Show the full SHA-256 of ${literally(name)}$`) });
  const hash = (await show.getAttribute('title')) ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await show.click();
  await table.getByText(hash, { exact: true }).waitFor();
  const download = page.waitForEvent('download');
  await table.getByRole('button', { name: `Save a copy of ${name}` }).click();
  const saved = await download;
  expect(sha256(fs.readFileSync(await saved.path()))).toBe(hash);
  return hash;
}

/** "Letters…", then "Mark … as sent" on the letter's PDF, by e-mail: the correspondence log and the history record it. */
export async function markLetterSentByEmail(page: Page, reference: string, pdfName: string, shot: string) {
  await page.getByRole('button', { name: 'Letters…' }).click();
  const dialog = lettersDialog(page, reference);
  await dialog.getByRole('button', { name: `Mark ${pdfName} as sent` }).click();
  const send = page.getByRole('dialog', { name: 'Record the letter as sent' });
  await send.getByRole('combobox', { name: /^Channel/ }).click();
  await page.getByRole('option', { name: 'E-mail' }).click();
  await send.getByRole('button', { name: 'Record as sent' }).click();
  await send.waitFor({ state: 'detached' });
  await dialog.getByText(/^Sent on /).waitFor();
  await page.screenshot({ path: screenshotPath(shot) });
  await closeLetters(page, reference);
}
