import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, problemLines } from '../helpers/interchange.ts';
import { sha256, withRaw } from '../helpers/sqlite-files.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

// West of Greenwich a UTC-midnight date read in local time falls on the day before: the
// import must read a date cell's calendar date whatever the machine's time zone.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const HEADER = [
  'reference',
  'direction',
  'kind',
  'status',
  'opened_on',
  'closed_on',
  'counterpart_country',
  'offences',
  'cyber_related',
  'counterpart_reference',
  'summary',
];

/** A workbook as an office suite saves one: retyped cells, a second sheet that must be ignored. */
async function workbook(rows: ExcelJS.CellValue[][], name = 'register.xlsx'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Register');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  for (const column of [5, 6]) sheet.getColumn(column).numFmt = 'dd/mm/yyyy';
  book.addWorksheet('Notes').addRow(['not', 'a', 'register']);
  const file = path.join(tempDir(), name);
  await book.xlsx.writeFile(file);
  return file;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('an XLSX register is read as the values its cells stand for', () => {
  it('reads a number as an ICCS code, boolean cells, date cells as their calendar date, numbers as text', async () => {
    const register = tempRegister();
    const file = await workbook([
      [
        'MLA-IN-2024-00001',
        'incoming',
        'mla',
        'executed',
        utc('2024-02-29'),
        utc('2024-03-01'),
        'FR',
        7,
        true,
        12345,
        'ok',
      ],
      [
        'MLA-IN-2024-00002',
        'incoming',
        'mla',
        'registered',
        utc('2024-12-31'),
        null,
        'LB',
        '06;10',
        false,
        'X/1',
        null,
      ],
    ]);
    expect(await importFile(register, file)).toMatchObject({ ok: true, imported: 2, problems: [] });
    const { rows } = await register.requests.list({
      state: 'all',
      sort: 'reference',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    const [first, second] = await Promise.all(rows.map((r) => register.requests.get(r.id)));
    expect(first).toMatchObject({
      openedOn: '2024-02-29',
      closedOn: '2024-03-01',
      offences: ['07'],
      cyberRelated: true,
      counterpartReference: '12345',
    });
    expect(second).toMatchObject({
      openedOn: '2024-12-31',
      closedOn: null,
      offences: ['06', '10'],
      cyberRelated: false,
    });
    // The audit names the whole file, though reading stopped after the first sheet.
    const audit = withRaw(register.location, (db) => db.prepare('SELECT details FROM audit_log').pluck().get(), true);
    expect(JSON.parse(String(audit))).toMatchObject({ file: 'register.xlsx', format: 'xlsx', sha256: sha256(file) });
  });

  it('reads a formula cell as the result stored with it, never running it', async () => {
    const register = tempRegister();
    const file = await workbook([
      [
        'MLA-IN-2024-00003',
        'incoming',
        'mla',
        'registered',
        utc('2024-05-02'),
        null,
        'FR',
        { formula: '3+4', result: 7 },
        { formula: 'TRUE()', result: 1 } as never,
        { formula: 'HYPERLINK("http://evil.example","click")', result: 'click' },
        null,
      ],
    ]);
    expect(await importFile(register, file)).toMatchObject({ ok: true });
    const { rows } = await register.requests.list({
      state: 'all',
      sort: 'reference',
      order: 'asc',
      limit: 1,
      offset: 0,
    });
    expect(await register.requests.get(rows[0]?.id ?? 0)).toMatchObject({
      offences: ['07'],
      cyberRelated: true,
      counterpartReference: 'click',
    });
  });

  it('numbers rows as the sheet does, blank rows included, and reports problems there', async () => {
    const file = await workbook([
      ['MLA-IN-2024-00004', 'incoming', 'mla', 'registered', utc('2024-05-02'), null, 'FR', 7, false, null, null],
      [],
      ['MLA-IN-2024-00005', 'incoming', 'mla', 'registered', 'not a date', null, 'FR', 13, false, null, null],
    ]);
    expect(problemLines(await importFile(tempRegister(), file))).toEqual([
      '4:opened_on:must be a calendar date written YYYY-MM-DD, not "not a date"',
      expect.stringMatching(/^4:offences:"13" is not a known code/),
    ]);
  });

  it('refuses a file that calls itself XLSX but is not a workbook', async () => {
    const register = tempRegister();
    const file = path.join(tempDir(), 'fake.xlsx');
    (await import('node:fs')).writeFileSync(file, 'PK\u0003\u0004 and then nothing a zip reader wants');
    const report = await importFile(register, file, {});
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.message).toMatch(/cannot be read as an XLSX workbook|empty/);
  });
});
