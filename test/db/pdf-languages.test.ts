import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { groupSheetName } from '../../db/statistics/export-xlsx.ts';
import { exportTitle, groupTitle } from '../../db/statistics/layout.ts';
import type { Register } from '../../db/register.ts';
import { labelsFor } from '../../db/reports/labels.ts';
import { LANGUAGES, type Language } from '../../i18n/languages.ts';
import { TRANSLATIONS } from '../../i18n/resources.ts';
import { AUTHORITY, IP, NOTES, OFFICERS, seedMixedRegister } from '../helpers/mixed-register.ts';
import { normalText, pdfFonts, pdfText, renderPages } from '../helpers/pdf-tools.ts';
import { CLOCK } from '../helpers/requests.ts';
import { tempDir, tempRegister, testContext } from '../helpers/temp-register.ts';

/** Where the pages are drawn for people to look at (test-results/ is kept by CI). */
const PAGES = path.resolve(import.meta.dirname, '../../test-results/pdf');
const LOOKED_AT: readonly Language[] = ['ar', 'zh', 'ru'];
const YEAR = 2026;

let register: Register;
let dir: string;

beforeEach(async () => {
  register = tempRegister();
  dir = tempDir();
  await seedMixedRegister(register);
});

const statusReport = (language: Language, format: 'pdf' | 'xlsx') => {
  const file = path.join(dir, `status-${language}.${format}`);
  return register.reports
    .statusReport(
      { by: 'domesticAuthority', value: AUTHORITY, includeClosed: true, format, language },
      file,
      CLOCK.today,
    )
    .then(() => file);
};

const statistics = async (language: Language, format: 'pdf' | 'xlsx') => {
  const file = path.join(dir, `statistics-${language}.${format}`);
  await register.statistics.exportYear(YEAR, format, file, CLOCK.today, language);
  return file;
};

/** Only embedded Noto fonts, each with its map back to text; never a font the reader's machine must have. */
function expectShippedFontsOnly(file: string, scripts: number): void {
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThanOrEqual(scripts);
  for (const font of fonts) {
    expect(font, font.name).toMatchObject({ embedded: true, unicode: true });
    expect(font.name).toMatch(/^[A-Z]{6}\+NotoSans(Arabic|SC)?-(Regular|Bold)$/);
  }
}

/** Arabic without its vowel marks, which pdftotext sets apart from their letters ("المنت َظر"). */
const bare = (text: string) => text.replace(/ ?[\u064B-\u065F\u0670] ?/g, '');

/**
 * `phrase` in the extracted text. pdftotext gives Arabic words in logical order, but places
 * the neutral signs between them (the Arabic comma, a colon beside a Latin word, an Arabic
 * date inside a left-to-right sentence) and the vowel marks by its own guess: for a phrase
 * with Arabic letters, each of its words, as written, must be there.
 */
function expectPhrase(text: string, phrase: string): void {
  const expected = normalText(phrase);
  if (text.includes(expected) || !/\p{Script=Arabic}/u.test(expected)) expect(text).toContain(expected);
  else {
    for (const word of bare(expected)
      .split(' ')
      .map((w) => w.replace(/[،؛:·,.]/g, ''))) {
      if (word !== '') expect(bare(text)).toContain(word);
    }
  }
}

describe.each(LANGUAGES)('exports in %s', (language) => {
  const labels = labelsFor(language);

  it('writes the status report PDF in the language, with every script of the register', async () => {
    const file = await statusReport(language, 'pdf');
    expectShippedFontsOnly(file, 3);
    const text = pdfText(file);
    const d = labels.reports.document;
    expectPhrase(text, labels.fill(d.titleDomesticAuthority, { value: AUTHORITY }));
    expectPhrase(text, labels.date(CLOCK.today));
    expectPhrase(text, d.columns.awaited);
    expectPhrase(text, labels.fill(d.page, { page: 1, pages: 1 }));
    expectPhrase(text, labels.country('SA'));
    for (const data of [
      'MLA-IN-2026-00001',
      'SA-2026/0042',
      IP,
      OFFICERS.arabic,
      OFFICERS.chinese,
      OFFICERS.cyrillic,
    ]) {
      expect(text).toContain(data);
    }
    // In an Arabic row pdftotext may set the note's colon between its words: each word, then.
    for (const word of NOTES.cyrillic.split(' ')) expect(text).toContain(word);
    if (language !== 'ar') expect(text).toContain(NOTES.cyrillic);
    if (LOOKED_AT.includes(language)) expect(renderPages(file, PAGES, `status-${language}`).length).toBe(1);
  });

  it('writes the statistics PDF in the language, its tables and charts mirrored in Arabic', async () => {
    const file = await statistics(language, 'pdf');
    expectShippedFontsOnly(file, 1);
    const text = pdfText(file);
    expectPhrase(text, exportTitle(labels, YEAR));
    expectPhrase(text, groupTitle(labels, 'incoming', 'mla'));
    expectPhrase(text, labels.statistics.document.breakdowns.closedByOutcome);
    expectPhrase(text, labels.country('SA'));
    if (LOOKED_AT.includes(language)) expect(renderPages(file, PAGES, `statistics-${language}`).length).toBe(3);
  });

  it('writes workbooks whose headings are in the language, read from the right in Arabic', async () => {
    const rtl = language === 'ar';
    const status = new ExcelJS.Workbook();
    await status.xlsx.readFile(await statusReport(language, 'xlsx'));
    const sheet = status.worksheets[0];
    const columns = labels.reports.document.columns;
    expect(sheet?.name).toBe(labels.reports.document.sheet.slice(0, 31));
    expect((sheet?.getRow(4).values as unknown[]).slice(1, 4)).toEqual([
      columns.reference,
      columns.direction,
      columns.kind,
    ]);
    expect(sheet?.getCell('A5').value).toBe('MLA-IN-2026-00001');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, rightToLeft: rtl });

    const stats = new ExcelJS.Workbook();
    await stats.xlsx.readFile(await statistics(language, 'xlsx'));
    expect(stats.worksheets.map((s) => s.name)).toEqual([
      labels.statistics.document.summarySheet.slice(0, 31),
      groupSheetName(labels, { direction: 'incoming', kind: 'all' }),
      groupSheetName(labels, { direction: 'incoming', kind: 'mla' }),
    ]);
    for (const s of stats.worksheets) expect(s.views[0]?.rightToLeft ?? false, s.name).toBe(rtl);
    expect(stats.worksheets[0]?.getCell('A1').value).toBe(exportTitle(labels, YEAR));
    expect(stats.worksheets[0]?.getCell('A6').value).toBe(labels.codes.direction.incoming);
  });
});

describe.each(LANGUAGES.filter((l) => l !== 'en'))('no English in a %s export', (language) => {
  it.skipIf(TRANSLATIONS[language] === undefined)(
    `leaves no English heading in the PDFs${TRANSLATIONS[language] ? '' : ' — skipped: no translation bundled yet'}`,
    async () => {
      const english = labelsFor('en');
      const status = pdfText(await statusReport(language, 'pdf'));
      const c = english.reports.document.columns;
      for (const heading of [c.reference, c.request, c.openedOn, c.status, c.lastEvent, c.awaited, c.deadline]) {
        expect(status).not.toContain(heading);
      }
      expect(status).not.toContain('Status report');
      const stats = pdfText(await statistics(language, 'pdf'));
      expect(stats).not.toContain(exportTitle(english, YEAR));
      expect(stats).not.toContain(english.statistics.document.breakdowns.closedByOutcome);
    },
  );
});

describe('the language of the register list', () => {
  it('names the CSV columns and codes in the language, after a byte-order mark', async () => {
    const file = path.join(dir, 'list.csv');
    await register.reports.exportList(
      {
        query: { state: 'all', sort: 'reference', order: 'asc' },
        columns: ['reference', 'status', 'counterpartCountry'],
        format: 'csv',
        language: 'zh',
      },
      file,
      CLOCK.today,
    );
    const zh = labelsFor('zh');
    const [header, first] = fs.readFileSync(file, 'utf8').split('\r\n');
    expect(header).toBe(
      `\uFEFF${[zh.register.columns.reference, zh.register.columns.status, zh.register.columns.counterpartCountry].join(',')}`,
    );
    expect(first).toBe(`MLA-IN-2026-00001,${zh.codes.status.under_review},${zh.country('SA')}`);
  });

  it('turns the XLSX sheet right to left in Arabic', async () => {
    const file = path.join(dir, 'list.xlsx');
    await register.reports.exportList(
      {
        query: { state: 'all', sort: 'reference', order: 'asc' },
        columns: ['reference', 'kind'],
        format: 'xlsx',
        language: 'ar',
      },
      file,
      CLOCK.today,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ar = labelsFor('ar');
    const sheet = workbook.worksheets[0];
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', rightToLeft: true });
    expect(sheet?.getCell('B1').value).toBe(ar.register.columns.kind);
    expect(sheet?.getCell('B2').value).toBe(ar.codes.kind.mla);
  });
});

describe('the language in the channels', () => {
  it('takes one of the six languages, English when none is given, and names a wrong one', async () => {
    const ctx = testContext({ register });
    const input = { by: 'domesticAuthority', value: AUTHORITY, format: 'xlsx', target: { kind: 'download' } } as const;
    expect(await dispatch('reports.status', { ...input, language: 'ru' }, ctx)).toMatchObject({ ok: true });
    expect(await dispatch('reports.status', input, ctx)).toMatchObject({ ok: true });
    const wrong = await dispatch(
      'statistics.export',
      { year: YEAR, format: 'pdf', language: 'de', target: { kind: 'download' } },
      ctx,
    );
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: [{ field: 'language' }],
      },
    });
  });
});
