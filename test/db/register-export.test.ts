import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { Register } from '../../db/register.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { CLOCK } from '../helpers/requests.ts';
import { tempDir, tempRegister, testContext } from '../helpers/temp-register.ts';

let register: Register;
let dir: string;

beforeEach(async () => {
  register = tempRegister();
  dir = tempDir();
  await seedRequest(register, { counterpartReference: 'FR "12", Paris', counterpartDeadline: '2026-04-01' });
  await seedRequest(register, { counterpartCountry: 'PL', counterpartReference: 'Łódź/7' });
  await seedRequest(register, { direction: 'outgoing', counterpartCountry: 'US' });
});

const exportList = (format: 'csv' | 'xlsx', query = {}) =>
  register.reports.exportList(
    {
      query: { state: 'all', sort: 'reference', order: 'asc', ...query },
      columns: ['reference', 'status', 'counterpartCountry', 'counterpartReference', 'counterpartDeadline'],
      format,
    },
    path.join(dir, `list.${format}`),
    CLOCK.today,
  );

describe('export of the register list', () => {
  it('writes every matching request as CSV with labels, in the list’s order, quoting what needs it', async () => {
    expect(await exportList('csv', { direction: 'incoming' })).toEqual({ count: 2 });
    const text = fs.readFileSync(path.join(dir, 'list.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Reference,Status,Country,Their reference,Their deadline',
      'MLA-IN-2026-00001,Registered,France,"FR ""12"", Paris",2026-04-01',
      'MLA-IN-2026-00002,Registered,Poland,Łódź/7,',
      '',
    ]);
  });

  it('writes XLSX with a frozen header and dates as dates', async () => {
    expect(await exportList('xlsx')).toEqual({ count: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'list.xlsx'));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Reference',
      'Status',
      'Country',
      'Their reference',
      'Their deadline',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('E2').value).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(sheet.getCell('A4').value).toBe('MLA-OUT-2026-00001');
    expect(sheet.rowCount).toBe(4);
  });

  it('is served by reports.list to a path the person chose, and refuses an empty column list', async () => {
    const ctx = testContext({ register });
    const file = path.join(dir, 'chosen.csv');
    const reply = await dispatch(
      'reports.list',
      { query: { kind: 'mla' }, columns: ['reference'], format: 'csv', target: { kind: 'path', path: file } },
      ctx,
    );
    expect(reply).toMatchObject({ ok: true, value: { name: 'chosen.csv', path: file, downloadId: null } });
    expect(fs.readFileSync(file, 'utf8').trim().split('\r\n')).toHaveLength(4);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    const empty = await dispatch(
      'reports.list',
      { query: {}, columns: [], format: 'csv', target: { kind: 'download' } },
      ctx,
    );
    expect(empty).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'columns', message: 'must name at least one column' }] },
    });
  });

  it('neutralises a cell a spreadsheet would run as a formula', async () => {
    await seedRequest(register, { counterpartReference: '=HYPERLINK("http://x","y")' });
    await exportList('csv');
    const text = fs.readFileSync(path.join(dir, 'list.csv'), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
