import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { countActivityDrift } from './consistency.ts';
import { StorageError } from './errors.ts';
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
  options: Pick<OpenOptions, 'file' | 'migrationsFolder' | 'nativeBinding'>,
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
      if (drift > 0) problems.push(`${drift} request(s) whose last-activity days disagree with their history`);
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
 * Copies a live register with SQLite's online backup (safe while the app is writing), then
 * checks the copy's integrity. Refuses to overwrite an existing file.
 */
export async function backupOpenDatabase(
  sqlite: Database.Database,
  out: string,
  nativeBinding?: string,
): Promise<{ file: string; bytes: number }> {
  if (fs.existsSync(out)) throw new StorageError('unreadable', `${out} already exists; choose another name.`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await sqlite.backup(out);
  const copy = new Database(out, { readonly: true, nativeBinding });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') {
      throw new StorageError('unreadable', `The backup at ${out} failed its integrity check: ${String(result)}`);
    }
  } finally {
    copy.close();
  }
  return { file: out, bytes: fs.statSync(out).size };
}

export async function backupDatabase(
  options: Pick<OpenOptions, 'file' | 'migrationsFolder' | 'nativeBinding'>,
  out: string,
): Promise<{ file: string; bytes: number }> {
  const opened = openDatabase({ ...options, create: false, readonly: true });
  try {
    return await backupOpenDatabase(opened.sqlite, out, options.nativeBinding);
  } finally {
    opened.close();
  }
}
