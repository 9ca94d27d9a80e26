import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { yearFiguresSchema } from '../../contract/statistics.ts';
import { labelsFor } from '../../db/reports/labels.ts';
import { cli } from '../helpers/cli-io.ts';
import { SAMPLE_CSV } from '../helpers/interchange.ts';
import { normalised, statsFixture } from '../helpers/statistics.ts';
import { tempDir } from '../helpers/temp-register.ts';

async function sampleDb(): Promise<{ db: string; dir: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'register.sqlite');
  expect((await cli('import', SAMPLE_CSV, '--db', db)).code).toBe(0);
  return { db, dir };
}

describe('mla-desk stats', () => {
  it("prints the year's figures as the spec's JSON, indented by two spaces", async () => {
    const { db } = await sampleDb();
    const run = await cli('stats', '--db', db, '--year', '2024');
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const text = run.out.join('\n');
    expect(text).toContain('\n  "year": 2024,\n');
    const figures = yearFiguresSchema.parse(JSON.parse(text));
    expect(normalised(figures)).toEqual(normalised(statsFixture(2024)));
  });

  it('gives empty figures for a year outside the register, exit 0', async () => {
    const { db } = await sampleDb();
    const run = await cli('stats', '--db', db, '--year', '1999');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out.join('\n'))).toEqual({ year: 1999, groups: [] });
  });

  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    it(`writes the ${format} export with --format ${format} --out FILE`, async () => {
      const { db, dir } = await sampleDb();
      const out = path.join(dir, `stats.${format}`);
      const run = await cli('stats', '--db', db, '--year', '2025', '--format', format, '--out', out);
      expect(run.code).toBe(0);
      expect(run.out).toEqual([`Wrote the statistics of 2025 to ${out} (${fs.statSync(out).size} bytes).`]);
    });
  }

  it('writes the workbook in the language --language names, right to left in Arabic', async () => {
    const { db, dir } = await sampleDb();
    const out = path.join(dir, 'stats.xlsx');
    const run = await cli('stats', '--db', db, '--year', '2025', '--format', 'xlsx', '--out', out, '--language', 'ar');
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const ar = labelsFor('ar');
    const summary = workbook.worksheets[0];
    expect(summary?.name).toBe(ar.statistics.document.summarySheet);
    expect(summary?.getCell('A1').value).toBe(ar.fill(ar.statistics.document.title, { year: '2025' }));
    expect(summary?.views[0]).toMatchObject({ rightToLeft: true });
  });

  it.each([
    [
      ['--year', '2025', '--format', 'pdf', '--out', 'x.pdf', '--language', 'de'],
      '--language must be one of ar, en, es, fr, ru, zh',
    ],
    [['--year', '2025', '--language', 'fr'], '--language goes with --format and --out'],
    [['--year', '20x5'], '--year must be a year such as 2025'],
    [['--year', '2025', '--format', 'docx', '--out', 'x.docx'], '--format must be csv, xlsx or pdf'],
    [['--year', '2025', '--format', 'csv'], '--format and --out go together'],
    [['--year', '2025', '--out', 'x.csv'], '--format and --out go together'],
    [[], '--year is required'],
  ])('refuses %j with one line, exit 2, writing nothing', async (args, message) => {
    const { db, dir } = await sampleDb();
    const before = fs.readdirSync(dir).sort();
    const run = await cli('stats', '--db', db, ...args);
    expect(run.code).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses an output path it cannot write, exit 1, writing nothing', async () => {
    const { db, dir } = await sampleDb();
    const out = path.join(dir, 'missing', 'stats.pdf');
    const run = await cli('stats', '--db', db, '--year', '2025', '--format', 'pdf', '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([`mla-desk stats: Cannot write ${out}: its folder does not exist or is not writable.`]);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  it('refuses a register that does not exist, exit 1, without creating it', async () => {
    const db = path.join(tempDir(), 'none.sqlite');
    const run = await cli('stats', '--db', db, '--year', '2025');
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(fs.existsSync(db)).toBe(false);
  });
});
