import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERCHANGE_COLUMNS } from '../../contract/interchange.ts';
import { SAMPLE_CSV, importFile, problemLines, row } from '../helpers/interchange.ts';
import { countRows } from '../helpers/sqlite-files.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

const MB = 1024 * 1024;

/**
 * A register of about 50 MB (some 160,000 requests): the sample's rows over and over, each
 * with a reference of its own and without related_reference (which would name the sample's).
 */
async function largeRegisterFile(): Promise<{ file: string; rows: number }> {
  const [header = '', ...lines] = fs.readFileSync(SAMPLE_CSV, 'utf8').split('\r\n').filter(Boolean);
  const file = path.join(tempDir(), 'large.csv');
  const out = fs.createWriteStream(file);
  out.write(`${header}\r\n`);
  let rows = 0;
  let bytes = 0;
  while (bytes < 50 * MB) {
    const chunk: string[] = [];
    for (const line of lines) {
      rows += 1;
      const text = line
        .replace(
          /^([A-Z]{3}-(?:IN|OUT)-\d{4})-\d{5}/,
          (_m, scope: string) => `${scope}-L${String(rows).padStart(7, '0')}`,
        )
        .replace(/,(?:MLA|PRE|DIS|EDR)-(?:IN|OUT)-\d{4}-\d{5},/, ',,');
      chunk.push(text);
      bytes += text.length + 2;
    }
    if (!out.write(`${chunk.join('\r\n')}\r\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { file, rows };
}

/** The highest resident memory seen while `work` runs, above what the process held before. */
async function peakRssGrowth<T>(work: (sample: () => void) => Promise<T>): Promise<{ result: T; growthMb: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await work(sample);
    sample();
    return { result, growthMb: (peak - base) / MB };
  } finally {
    clearInterval(timer);
  }
}

describe('a large register file', () => {
  it('of 50 MB is checked and imported streaming, in bounded memory', async () => {
    const { file, rows } = await largeRegisterFile();
    expect(fs.statSync(file).size).toBeGreaterThan(50 * MB);
    const register = tempRegister();

    const started = Date.now();
    const dry = await peakRssGrowth((sample) =>
      register.interchange.import(
        file,
        { fileName: 'large.csv', dryRun: true, ignoreUnknownColumns: false },
        { name: 'Load test', roles: ['clerk'] },
        { at: '2026-11-20T09:00:00.000Z', today: '2026-11-20' },
        sample,
      ),
    );
    const dryMs = Date.now() - started;
    expect(dry.result).toMatchObject({ ok: true, imported: rows, problems: [] });
    expect(dry.growthMb).toBeLessThan(400);

    const imported = await peakRssGrowth((sample) =>
      register.interchange.import(
        file,
        { fileName: 'large.csv', dryRun: false, ignoreUnknownColumns: false },
        { name: 'Load test', roles: ['clerk'] },
        { at: '2026-11-20T09:00:00.000Z', today: '2026-11-20' },
        sample,
      ),
    );
    const totalMs = Date.now() - started;
    expect(imported.result).toMatchObject({ ok: true, imported: rows });
    expect(imported.growthMb).toBeLessThan(400);
    expect(countRows(register.location, 'requests')).toBe(rows);
    // Printed for the record: the measured figures of this machine.
    console.info(
      `large import: ${rows} rows, ${(fs.statSync(file).size / MB).toFixed(1)} MB; dry run ${dryMs} ms, +${dry.growthMb.toFixed(0)} MB RSS; import ${totalMs - dryMs} ms, +${imported.growthMb.toFixed(0)} MB RSS`,
    );
  }, 180_000);

  it('decodes characters split between two read chunks, and names the row of a byte that is not UTF-8', async () => {
    // Arabic letters are two bytes each: in 600 KB some fall across the reader's chunk boundaries.
    const summary = 'طلب مساعدة قانونية متبادلة بشأن سجلات مصرفية '.repeat(8).trim();
    const rows = Array.from({ length: 1500 }, (_, i) =>
      INTERCHANGE_COLUMNS.map((c) =>
        c === 'reference' ? `U-${i}` : c === 'summary' ? summary : (row()[c] ?? ''),
      ).join(','),
    );
    const text = `${INTERCHANGE_COLUMNS.join(',')}\r\n${rows.join('\r\n')}\r\n`;
    const good = path.join(tempDir(), 'arabic.csv');
    fs.writeFileSync(good, text);
    const register = tempRegister();
    expect(await importFile(register, good)).toMatchObject({ ok: true, imported: 1500 });
    const { rows: listed } = await register.requests.list({
      state: 'all',
      sort: 'reference',
      order: 'asc',
      limit: 1,
      offset: 0,
    });
    expect((await register.requests.get(listed[0]?.id ?? 0)).summary).toBe(summary);

    // A Latin-1 byte in row 1201 (the 1200th record after the header).
    const bad = path.join(tempDir(), 'bad-byte.csv');
    const bytes = Buffer.from(text.replace('U-1199,', 'U-1199\u0000,'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9;
    fs.writeFileSync(bad, bytes);
    const report = await importFile(tempRegister(), bad);
    expect(problemLines(report)).toEqual([expect.stringMatching(/^1201::The file is not UTF-8 text/)]);
  });
});
