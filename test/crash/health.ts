import type Database from 'better-sqlite3';
import { verifyAuditChain } from '../../db/audit-verify.ts';
import { countActivityDrift } from '../../db/consistency.ts';
import { searchIndexDrift } from '../../db/search/check.ts';

/**
 * Checks of a whole register after a crash that need no journal: each returns what it found
 * wrong, in words (empty when all is well), and a check that throws is itself a finding.
 */

/** The register's tables, indexes, triggers and views as SQL, to compare with a fresh register's. */
export function schemaObjects(sqlite: Database.Database): string[] {
  return sqlite
    .prepare<[], string>(
      "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .pluck()
    .all();
}

function attempt(name: string, check: () => string[]): string[] {
  try {
    return check();
  } catch (e) {
    return [`${name} failed: ${(e as Error).message}`];
  }
}

/**
 * Per request, what its summary and the audit log must agree on when every write was all or
 * nothing: a request the app registered has version 1 + one per later write (each logged
 * once), one history entry + one per logged status change, and one event per logged event.
 * An imported request has no entry of its own: version 1 plus its later writes.
 */
const HALF_WRITTEN = `
  WITH logged AS (
    SELECT entity_id AS id, count(*) AS writes, sum(action = 'request.register') AS registered,
      sum(action IN ('request.move', 'request.reopen')) AS moves, sum(action = 'request.event') AS events
    FROM audit_log WHERE entity = 'request' GROUP BY entity_id)
  SELECT r.id, r.reference, r.version, coalesce(l.writes, 0) AS writes,
    (SELECT count(*) FROM status_history h WHERE h.request_id = r.id) AS history,
    (SELECT count(*) FROM request_events e WHERE e.request_id = r.id) AS events,
    coalesce(l.registered, 0) AS registered, coalesce(l.moves, 0) AS loggedMoves, coalesce(l.events, 0) AS loggedEvents
  FROM requests r LEFT JOIN logged l ON l.id = r.id
  WHERE r.version <> coalesce(l.writes, 0) + (coalesce(l.registered, 0) = 0)
    OR (SELECT count(*) FROM request_events e WHERE e.request_id = r.id) <> coalesce(l.events, 0)
    OR (coalesce(l.registered, 0) = 1
        AND (SELECT count(*) FROM status_history h WHERE h.request_id = r.id) <> 1 + coalesce(l.moves, 0))
  LIMIT 5`;

/**
 * SQLite's own checks (integrity_check, which includes FTS5's structure, and foreign keys),
 * the audit chain, the summary columns against the history, the schema against a fresh
 * register's (an import into an empty register drops indexes and triggers inside its
 * transaction), every request against its audit entries, and the search index's size
 * against its sources. Fast enough to run after every kill.
 */
export function registerHealth(sqlite: Database.Database, freshSchema: readonly string[]): string[] {
  return [
    ...attempt('integrity_check', () => {
      const rows = sqlite.prepare<[], string>('PRAGMA integrity_check').pluck().all();
      return rows.length === 1 && rows[0] === 'ok' ? [] : [`integrity_check: ${rows.slice(0, 5).join('; ')}`];
    }),
    ...attempt('foreign_key_check', () => {
      const rows = sqlite.pragma('foreign_key_check') as unknown[];
      return rows.length === 0 ? [] : [`foreign_key_check: ${rows.length} rows, first ${JSON.stringify(rows[0])}`];
    }),
    ...attempt('the audit chain', () => {
      const report = verifyAuditChain(sqlite);
      return report.ok ? [] : [`the audit chain is broken: ${report.firstBroken?.message ?? 'no reason given'}`];
    }),
    ...attempt('the activity columns', () => {
      const drift = countActivityDrift(sqlite);
      return drift === 0 ? [] : [`${drift} requests' last_status_on/last_event_on disagree with their history`];
    }),
    ...attempt('the journal mode', () => {
      const mode = String(sqlite.pragma('journal_mode', { simple: true }));
      return mode === 'wal' ? [] : [`the register is in journal mode ${mode}, not WAL`];
    }),
    ...attempt('the schema', () => {
      const now = new Set(schemaObjects(sqlite));
      const fresh = new Set(freshSchema);
      const lost = [...fresh].filter((o) => !now.has(o));
      const extra = [...now].filter((o) => !fresh.has(o));
      return [
        ...lost.map((o) => `the schema lost ${o.slice(0, 120)}`),
        ...extra.map((o) => `the schema gained ${o.slice(0, 120)}`),
      ];
    }),
    ...attempt('requests against the audit log', () =>
      sqlite
        .prepare<[], Record<string, unknown>>(HALF_WRITTEN)
        .all()
        .map((r) => `request ${String(r.reference)} disagrees with its audit entries: ${JSON.stringify(r)}`),
    ),
    ...attempt('the search index size', () => {
      const indexed = Number(sqlite.prepare('SELECT count(*) FROM search_index').pluck().get());
      const sources = Number(sqlite.prepare('SELECT count(*) FROM search_rows').pluck().get());
      return indexed === sources ? [] : [`the search index holds ${indexed} rows, its sources ${sources}`];
    }),
  ];
}

/**
 * The search index entries of these requests, against what their rows say now: the same
 * entries (by rowid), and each entry's text found at its rowid as one phrase (every trigram in
 * place). The full comparison (searchIndexDrift) rebuilds the index from the whole register,
 * half a second and more per check, so it runs once per register (fullSearchCheck).
 */
export function searchAgreesFor(sqlite: Database.Database, requestIds: readonly number[]): string[] {
  if (requestIds.length === 0) return [];
  return attempt('the search index', () => {
    const list = requestIds.join(', ');
    const expected = sqlite
      .prepare<[], { rowid: number; body: string }>(
        `SELECT fts_rowid AS rowid, body FROM search_rows WHERE request_id IN (${list})`,
      )
      .all();
    const actual = new Set(
      sqlite.prepare<[], number>(`SELECT rowid FROM search_index WHERE request_id IN (${list})`).pluck().all(),
    );
    const problems: string[] = [];
    const phrase = sqlite.prepare<[string, number]>(
      'SELECT 1 FROM search_index WHERE search_index MATCH ? AND rowid = ?',
    );
    for (const { rowid, body } of expected) {
      if (!actual.delete(rowid)) problems.push(`the search index has no entry ${rowid} ("${body.trim()}")`);
      else if (phrase.get(`"${body.replaceAll('"', '""')}"`, rowid) === undefined) {
        problems.push(`the search index entry ${rowid} does not hold "${body.trim()}"`);
      }
    }
    for (const rowid of actual) problems.push(`the search index has entry ${rowid}, which no row explains`);
    return problems;
  });
}

/** The search index rebuilt from the whole register and compared entry by entry (db/search/check.ts). */
export function fullSearchCheck(sqlite: Database.Database): string[] {
  return attempt('the full search index check', () => {
    const drift = searchIndexDrift(sqlite);
    return drift === 0 ? [] : [`the search index differs from its sources in ${drift} entries`];
  });
}
