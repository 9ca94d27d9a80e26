import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface RegisterWatch {
  /** Changes when anything is committed to the register or a file under the folder changes. */
  fingerprint(): string;
  close(): void;
}

/** Every file under `dir` with its size (the WAL and shared-memory files change size on their own). */
function listing(dir: string, hash: crypto.Hash): void {
  for (const entry of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    if (/-(wal|shm|journal)$/.test(entry)) continue;
    const stat = fs.statSync(path.join(dir, entry), { throwIfNoEntry: false });
    hash.update(`${entry}\0${stat?.isFile() ? stat.size : 'dir'}\n`);
  }
}

/**
 * Watches a register through a second, read-only connection, which sees what every other
 * connection commits (the register's own, an import's). data_version changes whenever one
 * commits anything at all, an UPDATE in place included; the counts and highest rowids of every
 * table say which table changed; the listing of `folder` covers the files (stored documents,
 * uploads, downloads, targets).
 */
export function watchRegister(databaseFile: string, folder: string): RegisterWatch {
  const observer = new Database(databaseFile, { readonly: true, fileMustExist: true });
  // No rowid in a WITHOUT ROWID table; FTS5's virtual tables are covered by their shadow tables.
  const counters = observer
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row as { name: string; sql: string })
    .filter((t) => !t.sql.startsWith('CREATE VIRTUAL'))
    .map(({ name, sql }) => {
      const highest = /WITHOUT ROWID\s*$/i.test(sql) ? 'NULL' : 'max(rowid)';
      return observer.prepare(`SELECT '${name}', count(*), ${highest} FROM "${name}"`).raw();
    });
  return {
    fingerprint() {
      const hash = crypto.createHash('sha256');
      hash.update(`data_version ${String(observer.pragma('data_version', { simple: true }))}\n`);
      for (const statement of counters) hash.update(`${JSON.stringify(statement.get())}\n`);
      listing(folder, hash);
      return hash.digest('hex');
    },
    close: () => observer.close(),
  };
}

/**
 * Where the fuzz makes its sandboxes: memory (/dev/shm) where the machine has it, since the
 * register syncs every commit to disk and thousands of accepted calls would spend most of the
 * suite's time waiting on fsync; the temporary folder otherwise.
 */
export function fuzzTempRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}
