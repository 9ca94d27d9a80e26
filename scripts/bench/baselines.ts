/**
 * The benchmark's baselines: what the same work costs on a plain better-sqlite3 connection
 * with none of MLA Desk's code. This is the one place outside db/ that writes SQL, and only to
 * have something to compare the register's own code paths against.
 */
import Database from 'better-sqlite3';
import { CLOSED_STATUSES } from '../../contract/codes.ts';
import { INTERCHANGE_COLUMNS } from '../../contract/interchange.ts';
import type { ExportRow } from '../../db/interchange/export-rows.ts';

/** Prepared inserts of the rows into one plain table (no constraints, no index) in one transaction; returns ms. */
export function rawInsertMs(file: string, rows: readonly ExportRow[]): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE plain (${INTERCHANGE_COLUMNS.map((c) => `${c} TEXT`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO plain VALUES (${INTERCHANGE_COLUMNS.map(() => '?').join(', ')})`);
    const start = process.hrtime.bigint();
    db.transaction(() => {
      for (const row of rows) insert.run(INTERCHANGE_COLUMNS.map((c) => row[c]));
    })();
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    db.close();
  }
}

/** A read-only plain connection to the register file (keyed, as it is encrypted), for the query baselines. */
export function rawQueries(file: string, key: Buffer) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');
  const listPage = db.prepare(
    `SELECT id, reference, direction, kind, status, opened_on, closed_on, counterpart_country,
       counterpart_authority, counterpart_reference, domestic_reference, urgency, assigned_to, updated_at
     FROM requests WHERE status NOT IN (${closed}) AND kind = ? AND counterpart_country = ?
     ORDER BY opened_on DESC LIMIT 50`,
  );
  const fullScan = db.prepare('SELECT count(*), sum(length(summary)) FROM requests');
  return {
    listPage: (kind: string, country: string) => listPage.all(kind, country),
    fullScan: () => fullScan.get(),
    close: () => db.close(),
  };
}
