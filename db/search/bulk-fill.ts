import type Database from 'better-sqlite3';

/**
 * The search index of a register that is being filled from nothing (an import into an empty
 * register): its triggers are set aside inside the import's transaction and the index is
 * filled once at the end from the same view the triggers read (migrations/0009). Row by row,
 * the triggers cost FTS5 a segment flush and merge every few rows (100,000 imported requests:
 * about 11 s); filled at once, in rowid order, it is one pass (under 2 s). The triggers come back with the
 * very SQL that made them, before COMMIT; a rollback brings back the old ones with the rest.
 * Another connection never sees them missing: its snapshot predates the transaction.
 */
export interface DeferredSearchIndex {
  /** Fills the index from its sources and puts the triggers back. Inside the transaction. */
  fill(): void;
}

/** Call inside the transaction, only when the register has no requests (the index is then empty). */
export function deferSearchIndex(sqlite: Database.Database): DeferredSearchIndex {
  const triggers = sqlite
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\' ORDER BY rowid`,
    )
    .all();
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name.replaceAll('"', '""')}"`);
  return {
    fill() {
      // In rowid order: FTS5 then appends to each term's list instead of inserting into it
      // (100,000 requests: 1.3 s instead of 7.6 s).
      sqlite.exec(
        'INSERT INTO search_index (rowid, request_id, body) SELECT fts_rowid, request_id, body FROM search_rows ORDER BY fts_rowid',
      );
      // No 'optimize' after it: merging the segments into one cost 0.3 s per 100,000 requests and
      // left their old pages free in the file (10 bytes a request), for no search measurably faster.
      for (const { sql } of triggers.splice(0)) sqlite.exec(sql);
    },
  };
}
