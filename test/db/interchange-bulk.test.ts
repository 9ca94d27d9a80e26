import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERCHANGE_COLUMNS } from '../../contract/interchange.ts';
import { BULK_ROWS } from '../../db/interchange/bulk.ts';
import { writeInterchangeCsv } from '../../db/interchange/export.ts';
import type { ExportRow } from '../../db/interchange/export-rows.ts';
import { importedHistory } from '../../db/interchange/history.ts';
import { validateRow, type ValidRow } from '../../db/interchange/validate-row.ts';
import type { Register } from '../../db/register.ts';
import { seedRows, seedSpan } from '../../db/seed/rows.ts';
import { IMPORT_CLOCK, IMPORTER, csvFile, importFile, problemLines, row } from '../helpers/interchange.ts';
import { countRows, insertRawRequest, sha256, withRaw } from '../helpers/sqlite-files.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

const TODAY = IMPORT_CLOCK.today;

async function seededFile(count: number, seed = 4): Promise<{ file: string; rows: ExportRow[] }> {
  const rows = [...seedRows(count, seed, seedSpan(TODAY))];
  const file = path.join(tempDir(), `seed-${count}.csv`);
  await writeInterchangeCsv(rows, file);
  return { file, rows };
}

/** The schema as SQLite keeps it: every table, index, trigger and view with the SQL that made it. */
const schemaOf = (file: string) =>
  withRaw(
    file,
    (db) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all(),
    true,
  );
const rootPages = (file: string) =>
  withRaw(file, (db) => db.prepare("SELECT name, rootpage FROM sqlite_schema WHERE type = 'index'").all(), true);

/** The rows the import writes for each request beside its own, as the file's rows imply them. */
function expectedParts(rows: readonly ExportRow[], firstId: number) {
  const valid = rows.map((r, i) => validateRow(r, i + 2, TODAY) as ValidRow);
  const history = valid.flatMap((r, i) =>
    importedHistory(r, TODAY, 'register.csv').map((h) => ({
      request_id: firstId + i,
      effective_on: h.effectiveOn,
      from_status: h.fromStatus,
      to_status: h.toStatus,
      note: h.note,
      refusal_grounds: h.toStatus === 'refused' ? JSON.stringify(r.refusalGrounds) : null,
    })),
  );
  const offences = valid.flatMap((r, i) => r.fields.offences.map((section) => [firstId + i, section]));
  const assistance = valid.flatMap((r, i) => r.fields.assistance.map((code) => [firstId + i, code]));
  const grounds = valid.flatMap((r, i) => r.refusalGrounds.map((ground) => [firstId + i, ground]));
  return { history, offences, assistance, grounds };
}

function writtenParts(file: string) {
  return withRaw(
    file,
    (db) => ({
      history: db
        .prepare(
          `SELECT request_id, effective_on, from_status, to_status, note, refusal_grounds FROM status_history
           WHERE actor = ? ORDER BY id`,
        )
        .all(IMPORTER.name),
      offences: db.prepare('SELECT request_id, section FROM request_offences ORDER BY rowid').raw().all(),
      assistance: db.prepare('SELECT request_id, code FROM request_assistance ORDER BY rowid').raw().all(),
      grounds: db
        .prepare('SELECT request_id, ground FROM request_refusal_grounds ORDER BY request_id, rowid')
        .raw()
        .all(),
    }),
    true,
  );
}

async function exportCsv(register: Register): Promise<string> {
  const out = path.join(tempDir(), 'export.csv');
  await register.interchange.export(out, 'csv');
  return fs.readFileSync(out, 'utf8');
}

describe('the import writes in batches', () => {
  it('writes every request with its history, offences, assistance and grounds, on each side of a batch', async () => {
    for (const count of [1, BULK_ROWS - 1, BULK_ROWS, BULK_ROWS + 1, 2 * BULK_ROWS + 1]) {
      const { file, rows } = await seededFile(count);
      const register = tempRegister();
      expect(await importFile(register, file, { fileName: 'register.csv' })).toMatchObject({
        ok: true,
        imported: count,
      });
      expect(await exportCsv(register)).toBe(fs.readFileSync(file, 'utf8'));
      const written = writtenParts(register.location);
      const expected = expectedParts(rows, 1);
      expect(written.history).toEqual(expected.history);
      expect(written.offences).toEqual(expected.offences);
      expect(written.assistance).toEqual(expected.assistance);
      expect(written.grounds).toEqual(expected.grounds);
    }
  });

  it('writes the same into a register that has requests already, keeping its indexes as they are', async () => {
    const { file, rows } = await seededFile(2 * BULK_ROWS + 1);
    const register = tempRegister();
    const existing = withRaw(register.location, (db) => insertRawRequest(db, 'LEGACY-1'));
    const pages = rootPages(register.location);
    expect(await importFile(register, file, { fileName: 'register.csv' })).toMatchObject({ ok: true });
    const written = writtenParts(register.location);
    const expected = expectedParts(rows, existing + 1);
    expect(written.history).toEqual(expected.history);
    expect(written.offences).toEqual(expected.offences);
    expect(written.assistance).toEqual(expected.assistance);
    expect(rootPages(register.location)).toEqual(pages);
  });

  it('leaves an empty register with the very schema it had, its indexes built again and used', async () => {
    const { file } = await seededFile(300);
    const register = tempRegister();
    const before = schemaOf(register.location);
    expect(await importFile(register, file)).toMatchObject({ ok: true, imported: 300 });
    expect(schemaOf(register.location)).toEqual(before);
    withRaw(
      register.location,
      (db) => {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM requests WHERE domestic_authority = 'x'").all() as {
          detail: string;
        }[];
        expect(plan.map((p) => p.detail).join(' ')).toContain('requests_domestic_authority_idx');
        const kinds = db.prepare('SELECT count(*) FROM requests INDEXED BY requests_kind_idx').pluck().get();
        expect(kinds).toBe(300);
      },
      true,
    );
  });

  it('rolls everything back when the first problem comes after batches were written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    tempRegister(file).close();
    const before = sha256(file);
    const register = tempRegister(file);
    const { rows } = await seededFile(3 * BULK_ROWS);
    const good = rows.map((r) => Object.fromEntries(INTERCHANGE_COLUMNS.map((c) => [c, r[c] ?? '']))) as Record<
      string,
      string
    >[];
    // A bad row at the end, and (found only after the last row) a related_reference naming nothing.
    const bad = [...good, row({ reference: 'LAST-1', kind: 'unknown' })];
    const dangling = [...good, row({ reference: 'LAST-2', related_reference: 'NOWHERE-1' })];
    for (const rowsOfFile of [bad, dangling]) {
      const report = await importFile(register, csvFile(rowsOfFile));
      expect(report).toMatchObject({ ok: false, imported: 0 });
      expect(problemLines(report)).toHaveLength(1);
      expect(countRows(file, 'requests')).toBe(0);
      expect(countRows(file, 'status_history')).toBe(0);
    }
    register.close();
    expect(sha256(file)).toBe(before);
  });
});
