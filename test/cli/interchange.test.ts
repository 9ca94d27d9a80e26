import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { localIsoDate, officeIsoDate } from '../../contract/dates.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { cli } from '../helpers/cli-io.ts';
import { SAMPLE_CSV, SAMPLE_ROWS, csvFile, row } from '../helpers/interchange.ts';
import { countRows, sha256 } from '../helpers/sqlite-files.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

// The CLI dates the import with the real clock: the files here hold past dates only.

describe('mla-desk import', () => {
  it('creates the register when it does not exist, imports the file and says how many, exit 0', async () => {
    const db = path.join(tempDir(), 'new', 'register.sqlite');
    const run = await cli('import', SAMPLE_CSV, '--db', db);
    expect(run).toEqual({ code: 0, out: [`Imported ${SAMPLE_ROWS} requests from ${SAMPLE_CSV} into ${db}.`], err: [] });
    expect(countRows(db, 'requests')).toBe(SAMPLE_ROWS);
  });

  it('with --dry-run checks the file and writes nothing, not even a new register', async () => {
    const db = path.join(tempDir(), 'register.sqlite');
    const run = await cli('import', SAMPLE_CSV, '--db', db, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.out[0]).toContain(`${SAMPLE_ROWS} requests would be imported (dry run: nothing was written)`);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('prints one line per problem on stderr, exits 1 and leaves the register as it was', async () => {
    const db = path.join(tempDir(), 'register.sqlite');
    expect((await cli('init', '--db', db)).code).toBe(0);
    const before = sha256(db);
    const file = csvFile([
      row({ reference: 'A-1' }),
      row({ reference: 'A-2', closed_on: '2023-01-01' }),
      row({ reference: 'A-1', status: 'archived' }),
    ]);
    const run = await cli('import', file, '--db', db);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([
      'row 3, column closed_on: cannot be before opened_on (2024-01-10)',
      expect.stringMatching(/^row 4, column status: "archived" is not a known code/),
      `Nothing was imported: 2 problem(s) in ${file}.`,
    ]);
    expect(sha256(db)).toBe(before);
  });

  it('dates the import by the office’s day in its zone, not this machine’s', async () => {
    // A zone whose day is not this machine's right now: 14 hours ahead of UTC, or 11 behind.
    const now = new Date();
    const zone = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find((z) => officeIsoDate(now, z) !== localIsoDate(now));
    if (zone === undefined) throw new Error('no zone differs from this machine’s day');
    const db = path.join(tempDir(), 'register.sqlite');
    const register = openSqliteRegister({ file: db, migrationsFolder: MIGRATIONS, create: true });
    await register.clocks.updateSettings({ timeZone: zone }, ACTOR, CLOCK);
    register.close();
    const today = officeIsoDate(now, zone);
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const file = csvFile([
      row({ reference: 'A-1', opened_on: today, closed_on: '', status: 'registered' }),
      row({ reference: 'A-2', opened_on: tomorrow, closed_on: '', status: 'registered' }),
    ]);
    const run = await cli('import', file, '--db', db);
    expect(run.err).toEqual([
      `row 3, column opened_on: cannot be after today (${today})`,
      `Nothing was imported: 1 problem(s) in ${file}.`,
    ]);
  });

  it('refuses unknown columns unless --ignore-unknown-columns', async () => {
    const db = path.join(tempDir(), 'register.sqlite');
    const file = csvFile([{ ...row(), remarks: 'x' } as never], {
      columns: ['reference', 'direction', 'kind', 'status', 'opened_on', 'closed_on', 'counterpart_country', 'remarks'],
    });
    const refused = await cli('import', file, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/^row 1, column remarks: is not a column of the register interchange format/);
    const accepted = await cli('import', file, '--db', db, '--ignore-unknown-columns');
    expect(accepted.code).toBe(0);
  });

  it('takes the format from the extension: anything but .csv or .xlsx is a usage error (exit 2)', async () => {
    const db = path.join(tempDir(), 'register.sqlite');
    const run = await cli('import', path.join(tempDir(), 'register.txt'), '--db', db);
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('register.txt is neither a .csv nor an .xlsx file');
    expect((await cli('import', '--db', db)).code).toBe(2);
    expect((await cli('import', SAMPLE_CSV, SAMPLE_CSV, '--db', db)).code).toBe(2);
  });
});

describe('mla-desk export', () => {
  it('writes the register as CSV and as XLSX, and the CSV is the sample again', async () => {
    const db = path.join(tempDir(), 'register.sqlite');
    await cli('import', SAMPLE_CSV, '--db', db);
    const csv = path.join(tempDir(), 'out.csv');
    const run = await cli('export', csv, '--db', db);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(new RegExp(`^Exported ${SAMPLE_ROWS} requests to .*out\\.csv \\(\\d+ bytes\\)\\.$`));
    // The sample is written as MLA Desk writes it (CRLF, spec order), less the byte-order mark.
    expect(fs.readFileSync(csv).subarray(3).equals(fs.readFileSync(SAMPLE_CSV))).toBe(true);

    const xlsx = path.join(tempDir(), 'out.xlsx');
    expect((await cli('export', xlsx, '--db', db)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets[0]?.rowCount).toBe(SAMPLE_ROWS + 1);
  });

  it('fails with a reason (exit 1) when the register does not exist', async () => {
    const run = await cli('export', path.join(tempDir(), 'out.csv'), '--db', path.join(tempDir(), 'none.sqlite'));
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain('There is no database at');
  });
});
