import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { ImportJob } from '../../contract/channels/interchange.ts';
import { AppError } from '../../contract/errors.ts';
import type { ImportReport } from '../../contract/interchange.ts';
import { openSqliteRegister, type Register } from '../../db/register.ts';
import { fuzzTempRoot, type RegisterWatch, watchRegister } from '../api/fuzz/fingerprint.ts';
import { FUZZ_SEED } from '../api/fuzz/values.ts';
import { IMPORT_CLOCK, IMPORTER, SAMPLE_CSV } from '../helpers/interchange.ts';
import { MIGRATIONS, testContext } from '../helpers/temp-register.ts';
import { damaged, typed, withinTime } from './fuzz/damage.ts';
import { sheetXml, xlsx } from './fuzz/zip.ts';

/**
 * The import fed broken files: real register files truncated, with bytes flipped, inserted
 * or removed, in other encodings, with byte-order marks and NUL bytes; and files built to
 * hurt (a giant cell, thousands of columns, a deflate bomb, an entity bomb, a workbook without
 * its sheet). Every file gets an inspection and a real import into a register that already
 * holds requests: each must end (no hang) with an inspection or a typed refusal, and with a
 * report (or a typed refusal) naming the problems; a refused import leaves the register as it was.
 */

let dir: string;
let register: Register;
let watch: RegisterWatch;
let base: { csv: Buffer; xlsx: Buffer; exported: Buffer };
let files = 0;
const tally = { imported: 0, refusedWithProblems: 0, refusedAtOnce: 0, inspected: 0, inspectionRefused: 0 };

/** Inspects and imports one file; checks each answer is typed and a refused import wrote nothing. */
async function tryFile(bytes: Buffer, ext: 'csv' | 'xlsx'): Promise<ImportReport | AppError> {
  files += 1;
  const file = path.join(dir, 'in', `fuzz-${files}.${ext}`);
  fs.writeFileSync(file, bytes);
  const what = `${ext} file #${files} (${bytes.length} bytes)`;
  try {
    const before = watch.fingerprint();
    const inspection = await typed(register.interchange.preview(file), `inspecting ${what}`);
    if (inspection instanceof AppError) tally.inspectionRefused += 1;
    else tally.inspected += 1;
    expect(watch.fingerprint(), `inspecting ${what} wrote to the register`).toBe(before);
    const options = { fileName: path.basename(file), dryRun: false, ignoreUnknownColumns: false };
    const report = await typed(register.interchange.import(file, options, IMPORTER, IMPORT_CLOCK), `importing ${what}`);
    if (report instanceof AppError || !report.ok) {
      expect(watch.fingerprint(), `the refused import of ${what} changed the register`).toBe(before);
    }
    if (report instanceof AppError) tally.refusedAtOnce += 1;
    else if (report.ok) {
      tally.imported += 1;
      restore(); // so the next file's rows are not refused as duplicates of these
    } else {
      tally.refusedWithProblems += 1;
      expect(report.problems.length, what).toBeGreaterThan(0);
      for (const p of report.problems) {
        expect(p.row).toBeGreaterThanOrEqual(1);
        expect(p.message.trim()).not.toBe('');
      }
    }
    return report;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

type Rows = string[][];

const databaseFile = () => path.join(dir, 'data', 'register.sqlite');
const openRegister = () => {
  register = openSqliteRegister({ file: databaseFile(), migrationsFolder: MIGRATIONS, create: true });
  watch = watchRegister(register.location, path.join(dir, 'data'));
};

/** Puts the register back as it was after seeding (a copy taken then, with the WAL checkpointed). */
function restore(): void {
  watch.close();
  register.close();
  fs.copyFileSync(path.join(dir, 'pristine.sqlite'), databaseFile());
  openRegister();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(fuzzTempRoot(), 'mla-desk-fuzz-import-'));
  fs.mkdirSync(path.join(dir, 'in'));
  register = openSqliteRegister({ file: databaseFile(), migrationsFolder: MIGRATIONS, create: true });
  // Rows that stand alone (no related_reference): 20 already in the register, 40 for the files.
  const [header = [], ...all] = parse(fs.readFileSync(SAMPLE_CSV), { relax_column_count: true }) as Rows;
  const related = header.indexOf('related_reference');
  const alone = all.filter((r) => (r[related] ?? '') === '');
  const seeded = path.join(dir, 'seed.csv');
  fs.writeFileSync(seeded, stringify([header, ...alone.slice(0, 20)], { record_delimiter: 'windows' }));
  const seeding = await register.interchange.import(
    seeded,
    { fileName: 'seed.csv', dryRun: false, ignoreUnknownColumns: false },
    IMPORTER,
    IMPORT_CLOCK,
  );
  expect(seeding).toMatchObject({ ok: true, imported: 20 });
  const rows = [header, ...alone.slice(20, 60)];
  const exported = path.join(dir, 'exported.xlsx');
  await register.interchange.export(exported, 'xlsx');
  base = {
    csv: Buffer.from(stringify(rows, { record_delimiter: 'windows' })),
    xlsx: xlsx(sheetXml(rows)),
    exported: fs.readFileSync(exported),
  };
  // Closing checkpoints the WAL into the file: the copy is the whole register.
  register.close();
  fs.copyFileSync(databaseFile(), path.join(dir, 'pristine.sqlite'));
  openRegister();
}, 60_000);

afterAll(() => {
  watch?.close();
  register?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `fuzz-import-files: ${files} files inspected and imported (${tally.imported} imported, ${tally.refusedWithProblems} reported with problems, ${tally.refusedAtOnce} refused outright; inspections: ${tally.inspected} read, ${tally.inspectionRefused} refused)`,
  );
});

describe('fuzzing the import with broken files', () => {
  it('starts from files that import cleanly, so the damage is what the fuzz tries', async () => {
    const fresh = openSqliteRegister({
      file: path.join(dir, 'fresh', 'register.sqlite'),
      migrationsFolder: MIGRATIONS,
      create: true,
    });
    try {
      for (const [bytes, ext] of [
        [base.csv, 'csv'],
        [base.xlsx, 'xlsx'],
      ] as const) {
        const file = path.join(dir, `base.${ext}`);
        fs.writeFileSync(file, bytes);
        const options = { fileName: `base.${ext}`, dryRun: true, ignoreUnknownColumns: false };
        expect(await fresh.interchange.import(file, options, IMPORTER, IMPORT_CLOCK)).toMatchObject({
          ok: true,
          imported: 40,
        });
      }
    } finally {
      fresh.close();
    }
  });

  it('survives damaged CSV files', async () => {
    await fc.assert(
      fc.asyncProperty(damaged(base.csv), async (bytes) => {
        await tryFile(bytes, 'csv');
      }),
      { seed: FUZZ_SEED, numRuns: 120, endOnFailure: true },
    );
  });

  it('survives damaged XLSX workbooks (ours, and one an office suite might write)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(damaged(base.xlsx), damaged(base.exported)), async (bytes) => {
        await tryFile(bytes, 'xlsx');
      }),
      { seed: FUZZ_SEED, numRuns: 80, endOnFailure: true },
    );
  });

  it('survives random bytes under either name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 5_000 }),
        fc.constantFrom('csv' as const, 'xlsx' as const),
        async (bytes, ext) => {
          await tryFile(Buffer.from(bytes), ext);
        },
      ),
      { seed: FUZZ_SEED, numRuns: 40, endOnFailure: true },
    );
  });

  it('reports a CSV in another encoding, with NUL bytes or nothing in it, and reads one with a second BOM', async () => {
    const text = base.csv.toString('utf8').replace('Central Authority', 'Autorité centrale');
    const cases: [string, Buffer, 'refused' | 'read'][] = [
      ['UTF-16 with its BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'refused'],
      ['Latin-1', Buffer.from(text, 'latin1'), 'refused'],
      ['two UTF-8 BOMs', Buffer.concat([Buffer.from('\uFEFF\uFEFF'), base.csv]), 'read'],
      ['NUL bytes in the header', Buffer.from(text.replace('reference', 'refer\u0000ence')), 'refused'],
      ['only a BOM', Buffer.from('\uFEFF'), 'refused'],
      ['nothing at all', Buffer.alloc(0), 'refused'],
      ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'refused'],
    ];
    for (const [label, bytes, expected] of cases) {
      const report = await tryFile(bytes, 'csv');
      expect(report instanceof AppError || !report.ok ? 'refused' : 'read', label).toBe(expected);
    }
  });

  it('reports a giant cell, an unterminated quote and thousands of columns, and reads CR line breaks', async () => {
    const header = base.csv.toString('utf8').split('\r\n')[0] ?? '';
    const firstRow = base.csv.toString('utf8').split('\r\n')[1] ?? '';
    const cases: [string, Buffer, 'refused' | 'read'][] = [
      ['a 5 MB cell', Buffer.from(`${header}\r\n${firstRow.slice(0, -1)}${'x'.repeat(5_000_000)}\r\n`), 'refused'],
      ['an unterminated quote over 5 MB', Buffer.from(`${header}\r\n"${'y'.repeat(5_000_000)}`), 'refused'],
      [
        '20,000 columns',
        Buffer.from(`${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\r\n${','.repeat(19_999)}x\r\n`),
        'refused',
      ],
      ['line breaks made of CR alone', Buffer.from(base.csv.toString('utf8').replace(/\r\n/g, '\r')), 'read'],
    ];
    for (const [label, bytes, expected] of cases) {
      const report = await tryFile(bytes, 'csv');
      expect(report instanceof AppError || !report.ok ? 'refused' : 'read', label).toBe(expected);
    }
    // A header and 100,000 blank lines: nothing to import, read in no time.
    expect(await tryFile(Buffer.from(`${header}\r\n${'\r\n'.repeat(100_000)}`), 'csv')).toMatchObject({
      ok: true,
      imported: 0,
    });
  });

  it('reads a 64 MB deflate bomb in bounded time, and reports entity bombs, no sheet, 16,384 columns', async () => {
    const rows = parse(base.csv, { relax_column_count: true }) as Rows;
    const billionLaughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>';
    const external =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
    const cases: [string, Buffer, 'refused' | 'read'][] = [
      // 64 MB of XML whitespace after the rows: some 64 KB compressed.
      ['a deflate bomb', xlsx(sheetXml(rows, ' '.repeat(64 * 1024 * 1024))), 'read'],
      ['an entity bomb', xlsx(billionLaughs), 'refused'],
      ['an external entity', xlsx(external), 'refused'],
      ['no sheet', xlsx('', { withoutSheet: true }), 'refused'],
      ['16,384 columns', xlsx(sheetXml([Array.from({ length: 16_384 }, (_, i) => `c${i}`)])), 'refused'],
      ['a 5 MB cell', xlsx(sheetXml([rows[0] ?? [], ['z'.repeat(5_000_000)]])), 'refused'],
      ['cells without their address', xlsx(sheetXml(rows).replace(/ r="[A-Z]+\d+"/g, '')), 'refused'],
    ];
    for (const [label, bytes, expected] of cases) {
      const report = await tryFile(bytes, 'xlsx');
      expect(report instanceof AppError || !report.ok ? 'refused' : 'read', label).toBe(expected);
      if (!(report instanceof AppError)) expect(JSON.stringify(report)).not.toContain('root:');
    }
  }, 120_000);

  it('answers the import channel for broken files with a job that reports problems, never an internal failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const broken = fc.sample(
        fc.oneof(
          damaged(base.csv).map((bytes) => ({ bytes, ext: 'csv' })),
          damaged(base.xlsx).map((bytes) => ({ bytes, ext: 'xlsx' })),
        ),
        { seed: FUZZ_SEED, numRuns: 30 },
      );
      for (const [i, { bytes, ext }] of broken.entries()) {
        files += 1;
        const file = path.join(dir, 'in', `channel-${i}.${ext}`);
        fs.writeFileSync(file, bytes);
        const ctx = testContext({ register, now: () => new Date('2026-11-20T09:30:00') });
        const before = watch.fingerprint();
        const input = { source: { kind: 'path', path: file }, fileName: `broken.${ext}` };
        const started = await dispatch('interchange.import', input, ctx, (m) => logged(m));
        expect(started).toMatchObject({ ok: true });
        const jobId = (started as { value: { jobId: string } }).value.jobId;
        let job: ImportJob;
        for (;;) {
          const progress = await withinTime(dispatch('interchange.progress', { jobId }, ctx), 'the import job');
          job = (progress as { value: ImportJob }).value;
          if (job.state !== 'running') break;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        if (job.state === 'failed') expect(job.error, `job ${i}`).not.toMatch(/inside MLA Desk/);
        if (job.report?.ok === true) restore();
        else expect(watch.fingerprint(), `job ${i} wrote to the register`).toBe(before);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
