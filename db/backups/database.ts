import Database from 'better-sqlite3';
import { isPlainSqliteFile } from '../keys/register-key.ts';
import { type OpenedDatabase, type OpenOptions, openDatabase } from '../open.ts';

/**
 * The one place a backup's database is opened (to check a new backup, to verify one before a
 * restore): read-only, never migrated, with the register's own open options, so its key and its
 * SQLite build apply here exactly as they do to the register.
 */
export function openBackupDatabase(file: string, options: OpenOptions): OpenedDatabase {
  return openDatabase({ ...options, file, create: false, migrate: false, readonly: true });
}

/**
 * Copies the register through its open connection, a consistent snapshot even while other
 * connections write. A plain register goes through SQLite's online backup API, in steps, so the
 * process keeps serving calls meanwhile. An encrypted one goes through VACUUM INTO, which SQLite3
 * Multiple Ciphers writes with the connection's cipher and key: the backup API refuses a target
 * that is not keyed the same, and better-sqlite3 opens the target itself, without a key
 * (better-sqlite3-multiple-ciphers issue #99).
 */
export async function copyOpenDatabase(sqlite: Database.Database, out: string, nativeBinding?: string): Promise<void> {
  if (!isPlainSqliteFile(sqlite.name)) {
    copyOpenDatabaseSync(sqlite, out);
    return;
  }
  let pagesPerStep = 1000;
  let lastRemaining = Number.POSITIVE_INFINITY;
  await sqlite.backup(out, {
    progress: ({ remainingPages }) => {
      // A write by another connection restarts the copy; larger steps make sure it ends.
      if (remainingPages > lastRemaining) pagesPerStep *= 4;
      lastRemaining = remainingPages;
      return pagesPerStep;
    },
  });
  // The copy carries the source's WAL flag; a backup is one self-contained file, so its
  // read-only checks leave no -wal or -shm beside it. (A plain file: no key to apply.)
  const copy = new Database(out, { nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** The same in one blocking statement, for the backup taken while the register is being opened. */
export function copyOpenDatabaseSync(sqlite: Database.Database, out: string): void {
  sqlite.prepare('VACUUM INTO ?').run(out);
}

export interface DatabaseFacts {
  schemaVersion: number;
  requestCount: number;
  /** The SHA-256s of the documents the register refers to. */
  documents: string[];
  /** What SQLite's integrity check found wrong; empty when it answers ok. */
  integrity: string[];
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Reads what a backup's database holds and runs SQLite's full integrity check on it. */
export function readDatabaseFacts(sqlite: Database.Database): DatabaseFacts {
  let integrity: string[];
  try {
    integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .filter((message) => message !== 'ok');
  } catch (e) {
    // Damage bad enough stops the check itself ("database disk image is malformed").
    integrity = [(e as Error).message];
  }
  // A register too old to have documents (schema 1 and 2), or too damaged to read them, has none to carry.
  const documents =
    integrity.length === 0 && hasTable(sqlite, 'documents')
      ? (sqlite.prepare('SELECT DISTINCT sha256 FROM documents ORDER BY sha256').pluck().all() as string[])
      : [];
  const requestCount =
    integrity.length === 0 && hasTable(sqlite, 'requests')
      ? Number(sqlite.prepare('SELECT count(*) FROM requests').pluck().get())
      : 0;
  return {
    schemaVersion: Number(sqlite.pragma('user_version', { simple: true })),
    requestCount,
    documents,
    integrity,
  };
}
