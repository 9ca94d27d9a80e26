import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { copyOpenDatabase } from './backups/database.ts';
import { checkBackupDatabase } from './backups/take.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { countActivityDrift } from './consistency.ts';
import { reasonOf, StorageError } from './errors.ts';
import { type OpenOptions, openDatabase } from './open.ts';

export interface CheckReport {
  file: string;
  schemaVersion: number;
  expectedSchemaVersion: number;
  integrity: string[];
  ok: boolean;
}

/** SQLite's full integrity check plus the schema version, without migrating anything. */
export function checkDatabase(
  options: Pick<OpenOptions, 'file' | 'migrationsFolder' | 'nativeBinding' | 'key'>,
  expectedSchemaVersion: number,
): CheckReport {
  const opened = openDatabase({ ...options, create: false, readonly: true });
  try {
    const integrity = opened.sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const foreignKeys = opened.sqlite.pragma('foreign_key_check') as unknown[];
    const problems = integrity.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (foreignKeys.length > 0) problems.push(`${foreignKeys.length} row(s) point at records that do not exist`);
    // Only a schema that has the summary columns can be checked for them (an older file is
    // reported by its version below).
    if (opened.schemaVersion === expectedSchemaVersion) {
      const drift = countActivityDrift(opened.sqlite);
      if (drift > 0)
        problems.push(
          `${drift} request(s) whose summary of their history (last-activity days, packed statuses) disagrees with it`,
        );
      const audit = verifyAuditChain(opened.sqlite).firstBroken;
      if (audit) problems.push(`audit log: ${audit.message}`);
    }
    return {
      file: opened.file,
      schemaVersion: opened.schemaVersion,
      expectedSchemaVersion,
      integrity: problems,
      ok: problems.length === 0 && opened.schemaVersion === expectedSchemaVersion,
    };
  } finally {
    opened.close();
  }
}

/**
 * Copies a live register through its open connection (db/backups/database.ts: SQLite's online
 * backup for a plain register, VACUUM INTO for an encrypted one, so the copy keeps its key),
 * then checks the copy's integrity, opened as the register is. Refuses to overwrite an
 * existing file; a copy that fails its check is removed. The office's own backups, with the
 * documents and a manifest, are db/backups/.
 */
export async function backupOpenDatabase(
  sqlite: Database.Database,
  out: string,
  options: OpenOptions,
): Promise<{ file: string; bytes: number }> {
  if (fs.existsSync(out)) throw new StorageError('unreadable', { key: 'backup.fileExists', params: { file: out } });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await copyOpenDatabase(sqlite, out, options.nativeBinding);
  try {
    checkBackupDatabase(out, options);
  } catch (e) {
    fs.rmSync(out, { force: true });
    throw new StorageError('unreadable', { key: 'backup.checkFailed', params: { file: out, reason: reasonOf(e) } });
  }
  return { file: out, bytes: fs.statSync(out).size };
}

export async function backupDatabase(options: OpenOptions, out: string): Promise<{ file: string; bytes: number }> {
  const opened = openDatabase({ ...options, create: false, readonly: true });
  try {
    return await backupOpenDatabase(opened.sqlite, out, options);
  } finally {
    opened.close();
  }
}
