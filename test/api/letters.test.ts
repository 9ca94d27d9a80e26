import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { HandlerContext } from '../../api/context.ts';
import type { DocumentRecord } from '../../contract/documents.ts';
import type { Envelope } from '../../contract/errors.ts';
import type { GeneratedLetter, LetterPreview, LetterheadView } from '../../contract/letters.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { completeFields } from '../helpers/drafting.ts';
import { makePng } from '../helpers/png.ts';
import { countRows } from '../helpers/sqlite-files.ts';
import { callerAs, CLERK, tempDir, testContext, tempRegister } from '../helpers/temp-register.ts';

const ADMIN = callerAs('administrator', 'Ada Admin');
const PROSECUTOR = callerAs('prosecutor', 'Paul Prosecutor', 'Parquet de Paris');

const valueOf = <T>(reply: Envelope<unknown>) => {
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.value as T;
};

function office() {
  const register = tempRegister();
  const as = (caller: HandlerContext['caller']) => testContext({ register, caller });
  return { register, clerk: as(CLERK), admin: as(ADMIN), prosecutor: as(PROSECUTOR) };
}

async function outgoingMla(ctx: HandlerContext, more: Record<string, unknown> = {}) {
  return valueOf<RequestDetail>(
    await dispatch(
      'requests.register',
      { direction: 'outgoing', kind: 'mla', counterpartCountry: 'FR', ...completeFields('mla'), ...more },
      ctx,
    ),
  );
}

describe('letters through the API', { timeout: 60_000 }, () => {
  it('previews, generates and lists a letter for a clerk; the files are among the documents', async () => {
    const { clerk } = office();
    const request = await outgoingMla(clerk);
    const preview = valueOf<LetterPreview>(
      await dispatch('letters.preview', { requestId: request.id, code: 'letter_of_request', language: 'en' }, clerk),
    );
    expect(preview).toMatchObject({ direction: 'ltr', fallback: false });
    expect(preview.blocks).toContainEqual({
      type: 'title',
      lines: ['Request for mutual legal assistance in criminal matters'],
    });
    // French has its own default: no English fallback to tell the screen about.
    const french = valueOf<LetterPreview>(
      await dispatch('letters.preview', { requestId: request.id, code: 'letter_of_request', language: 'fr' }, clerk),
    );
    expect(french.fallback).toBe(false);
    const letter = valueOf<GeneratedLetter>(
      await dispatch('letters.generate', { requestId: request.id, code: 'letter_of_request', language: 'en' }, clerk),
    );
    const documents = valueOf<DocumentRecord[]>(await dispatch('documents.list', { requestId: request.id }, clerk));
    expect(documents.map((d) => d.id)).toEqual([letter.docxDocumentId, letter.pdfDocumentId]);
    expect(valueOf<GeneratedLetter[]>(await dispatch('letters.list', { requestId: request.id }, clerk))).toEqual([
      letter,
    ]);
  });

  it('refuses a template not written for the request, and bad input, with the field named', async () => {
    const { clerk } = office();
    const request = await outgoingMla(clerk);
    const wrong = await dispatch(
      'letters.generate',
      { requestId: request.id, code: 'acknowledgement', language: 'en' },
      clerk,
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', key: 'letter.notForRequest' } });
    const bad = await dispatch('letters.generate', { requestId: request.id, code: 'sonnet', language: 'la' }, clerk);
    expect(bad.ok ? [] : bad.error.fields?.map((f) => f.field)).toEqual(['code', 'language']);
  });

  it('answers a broken template with its line and column in the reader’s terms', async () => {
    const { admin, register } = office();
    const reply = await dispatch(
      'letters.saveTemplate',
      { code: 'reminder', language: 'en', body: 'Dear colleague,\n{{ request.counterpart.nme }}' },
      admin,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The template was not saved: there is a problem at line 2, column 4.',
        fields: [
          {
            field: 'body',
            key: 'letter.problem.unknownField',
            message: "line 2, column 4: a letter's data has no field request.counterpart.nme",
          },
        ],
      },
    });
    expect(countRows(register.location, 'letter_templates')).toBe(0);
  });

  it('keeps a PNG or JPEG logo with the letterhead, refusing anything else or anything too big', async () => {
    const { admin, register } = office();
    const dir = tempDir();
    const logo = path.join(dir, 'logo.png');
    fs.writeFileSync(logo, makePng(300, 100));
    const saved = valueOf<LetterheadView>(
      await dispatch(
        'letters.saveLetterhead',
        {
          addressLines: ['Ministry of Justice', '', '1 Justice Square'],
          phone: '+1 555 0100',
          email: 'mla@justice.example',
          logo: { action: 'replace', source: { kind: 'path', path: logo }, name: 'logo.png' },
        },
        admin,
      ),
    );
    expect(saved).toMatchObject({
      addressLines: ['Ministry of Justice', '1 Justice Square'],
      logo: { name: 'logo.png', mediaType: 'image/png', width: 300, height: 100 },
    });
    const audit = countRows(register.location, 'audit_log');
    const text = path.join(dir, 'logo.png.txt');
    fs.writeFileSync(text, 'not a picture');
    const big = path.join(dir, 'big.png');
    fs.writeFileSync(big, Buffer.concat([makePng(10, 10), Buffer.alloc(1024 * 1024)]));
    for (const [file, problem] of [
      [text, 'letter.field.logoNotImage'],
      [big, 'letter.field.logoTooLarge'],
    ] as const) {
      const reply = await dispatch(
        'letters.saveLetterhead',
        { logo: { action: 'replace', source: { kind: 'path', path: file }, name: path.basename(file) } },
        admin,
      );
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: [{ field: 'logo', key: problem }] },
      });
    }
    expect(countRows(register.location, 'audit_log')).toBe(audit);
    // Keeping it keeps it; removing it removes it.
    const kept = valueOf<LetterheadView>(await dispatch('letters.saveLetterhead', { addressLines: ['A'] }, admin));
    expect(kept.logo?.name).toBe('logo.png');
    const removed = valueOf<LetterheadView>(
      await dispatch('letters.saveLetterhead', { logo: { action: 'remove' } }, admin),
    );
    expect(removed.logo).toBeNull();
  });

  it('lets a prosecutor read the letters and case summary of their requests only', async () => {
    const { clerk, prosecutor } = office();
    const theirs = await outgoingMla(clerk, { domesticAuthority: 'Parquet de Paris' });
    const other = await outgoingMla(clerk, { domesticAuthority: 'Parquet de Lyon' });
    expect(await dispatch('letters.list', { requestId: theirs.id }, prosecutor)).toMatchObject({ ok: true, value: [] });
    expect(await dispatch('letters.list', { requestId: other.id }, prosecutor)).toMatchObject({ ok: false });
    const summary = await dispatch(
      'letters.caseSummary',
      { requestId: other.id, language: 'en', target: { kind: 'download' } },
      prosecutor,
    );
    expect(summary).toMatchObject({ ok: false });
    const mine = valueOf<{ name: string; downloadId: string }>(
      await dispatch(
        'letters.caseSummary',
        { requestId: theirs.id, language: 'en', target: { kind: 'download' } },
        prosecutor,
      ),
    );
    expect(mine.name).toBe(`case-summary-${theirs.reference}-2026-03-10.pdf`);
    const file = path.join(path.dirname(clerk.register.location), 'downloads', mine.downloadId);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
