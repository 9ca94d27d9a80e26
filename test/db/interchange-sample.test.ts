import { describe, expect, it } from 'vitest';
import { CLOSED_STATUSES } from '../../contract/codes.ts';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { IMPORT_CLOCK, IMPORTER, SAMPLE_CSV, SAMPLE_ROWS, importFile } from '../helpers/interchange.ts';
import { newRequest } from '../helpers/requests.ts';
import { countRows, withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

type SampleRow = Record<string, string>;
const sample = parse(fs.readFileSync(SAMPLE_CSV), { columns: true }) as SampleRow[];

describe('importing the sample register', () => {
  it('imports all 400 rows with no problem', async () => {
    const register = tempRegister();
    const report = await importFile(register, SAMPLE_CSV);
    expect(report).toEqual({
      ok: true,
      dryRun: false,
      imported: SAMPLE_ROWS,
      rows: SAMPLE_ROWS,
      problems: [],
      moreProblems: 0,
    });
    expect(countRows(register.location, 'requests')).toBe(SAMPLE_ROWS);
  });

  it('writes the history the dates imply: opened on opened_on, closed with its status on closed_on', async () => {
    const register = tempRegister();
    await importFile(register, SAMPLE_CSV);
    const closed = sample.filter((r) => (CLOSED_STATUSES as readonly string[]).includes(r.status ?? ''));
    withRaw(
      register.location,
      (db) => {
        const openings = db
          .prepare(
            `SELECT count(*) FROM status_history h JOIN requests r ON r.id = h.request_id
           WHERE h.from_status IS NULL AND h.effective_on = r.opened_on
             AND h.to_status = CASE r.direction WHEN 'incoming' THEN 'registered' ELSE 'sent' END`,
          )
          .pluck()
          .get();
        expect(openings).toBe(sample.filter((r) => r.opened_on !== '').length);
        const closings = db
          .prepare(
            `SELECT count(*) FROM status_history h JOIN requests r ON r.id = h.request_id
           WHERE h.to_status = r.status AND h.effective_on = r.closed_on AND h.from_status IS NOT NULL`,
          )
          .pluck()
          .get();
        expect(closings).toBe(closed.length);
        // Every request's last history entry is its current status.
        const mismatched = db
          .prepare(
            `SELECT r.reference FROM requests r JOIN status_history h ON h.id =
             (SELECT max(id) FROM status_history WHERE request_id = r.id) WHERE h.to_status <> r.status`,
          )
          .all();
        expect(mismatched).toEqual([]);
        const actors = db
          .prepare('SELECT DISTINCT actor, note FROM status_history WHERE note NOT LIKE ?')
          .all('%not in the file%');
        expect(actors).toEqual([{ actor: IMPORTER.name, note: 'Imported from register-sample.csv' }]);
      },
      true,
    );
  });

  it('records a still-open request moved to its status on its opening day, and says the day is not known', async () => {
    const register = tempRegister();
    await importFile(register, SAMPLE_CSV);
    const { rows } = await register.requests.list({
      text: 'MLA-IN-2022-00008',
      state: 'all',
      sort: 'updatedAt',
      order: 'desc',
      limit: 1,
      offset: 0,
    });
    const detail = await register.requests.get(rows[0]?.id ?? 0);
    expect(detail.status).toBe('suspended');
    expect(detail.history.map((h) => [h.fromStatus, h.toStatus, h.effectiveOn])).toEqual([
      [null, 'registered', '2022-03-02'],
      ['registered', 'suspended', '2022-03-02'],
    ]);
    expect(detail.history[1]?.note).toContain('the day it changed is not in the file');
  });

  it('gives the draft its creation on the import day and no opening date', async () => {
    const register = tempRegister();
    await importFile(register, SAMPLE_CSV);
    const { rows } = await register.requests.list({
      text: 'MLA-OUT-2024-00005',
      state: 'all',
      sort: 'updatedAt',
      order: 'desc',
      limit: 1,
      offset: 0,
    });
    const detail = await register.requests.get(rows[0]?.id ?? 0);
    expect(detail.openedOn).toBeNull();
    expect(detail.history.map((h) => [h.fromStatus, h.toStatus, h.effectiveOn])).toEqual([
      [null, 'draft', IMPORT_CLOCK.today],
    ]);
  });

  it('links each row to its related_reference: a follow-up from an MLA or disclosure request to its preservation', async () => {
    const register = tempRegister();
    await importFile(register, SAMPLE_CSV);
    const withRelated = sample.filter((r) => r.related_reference !== '');
    withRaw(
      register.location,
      (db) => {
        const links = db
          .prepare(
            `SELECT f.reference AS "from", t.reference AS "to", l.kind FROM request_links l
           JOIN requests f ON f.id = l.from_id JOIN requests t ON t.id = l.to_id ORDER BY l.id`,
          )
          .all();
        expect(links).toEqual(
          withRelated.map((r) => ({ from: r.reference, to: r.related_reference, kind: 'follow_up' })),
        );
      },
      true,
    );
  });

  it('raises the reference counters past the imported numbers, so a new request never reuses one', async () => {
    const register = tempRegister();
    await importFile(register, SAMPLE_CSV);
    const highest = Math.max(
      ...sample.filter((r) => r.reference?.startsWith('MLA-IN-2025-')).map((r) => Number(r.reference?.slice(-5))),
    );
    const created = await register.requests.register(newRequest({ openedOn: '2025-06-01' }), IMPORTER, IMPORT_CLOCK);
    expect(created.reference).toBe(`MLA-IN-2025-${String(highest + 1).padStart(5, '0')}`);
    const counter = withRaw(
      register.location,
      (db) => db.prepare("SELECT last FROM reference_counters WHERE scope = 'PRE-OUT-2025'").pluck().get(),
      true,
    );
    const preOut = sample
      .filter((r) => r.reference?.startsWith('PRE-OUT-2025-'))
      .map((r) => Number(r.reference?.slice(-5)));
    expect(counter).toBe(Math.max(...preOut));
  });

  it('writes one audit entry naming the file, the count and its SHA-256', async () => {
    const register = tempRegister();
    await importFile(register, SAMPLE_CSV);
    const entries = withRaw(
      register.location,
      (db) => db.prepare('SELECT actor, action, details FROM audit_log').all(),
      true,
    ) as {
      actor: string;
      action: string;
      details: string;
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe('register.import');
    const sha256 = (await import('node:crypto')).createHash('sha256').update(fs.readFileSync(SAMPLE_CSV)).digest('hex');
    expect(JSON.parse(entries[0]?.details ?? '{}')).toEqual({
      file: 'register-sample.csv',
      format: 'csv',
      imported: SAMPLE_ROWS,
      sha256,
    });
  });

  it('a dry run reports the same and writes nothing', async () => {
    const register = tempRegister();
    const report = await importFile(register, SAMPLE_CSV, { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, imported: SAMPLE_ROWS, problems: [] });
    for (const table of ['requests', 'status_history', 'request_links', 'reference_counters', 'audit_log']) {
      expect(countRows(register.location, table)).toBe(0);
    }
  });

  it('refuses the same file a second time: every reference already exists, nothing more is written', async () => {
    const register = tempRegister();
    await importFile(register, SAMPLE_CSV);
    const again = await importFile(register, SAMPLE_CSV, { problemLimit: 5 });
    expect(again).toMatchObject({ ok: false, imported: 0, rows: SAMPLE_ROWS, moreProblems: SAMPLE_ROWS - 5 });
    expect(again.problems[0]).toEqual({
      row: 2,
      column: 'reference',
      message: 'is already the reference of a request in the register',
      key: 'import.row.referenceInRegister',
    });
    expect(countRows(register.location, 'requests')).toBe(SAMPLE_ROWS);
    expect(countRows(register.location, 'audit_log')).toBe(1);
  });
});
