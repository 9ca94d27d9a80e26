import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../db/errors.ts';
import { APPLICATION_ID, currentSchemaVersion, openDatabase } from '../../db/open.ts';
import { pragma, sha256, tableNames, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

const KNOWN_MIGRATIONS = fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).length;

function expectStorageError(fn: () => unknown, problem: StorageError['problem']): StorageError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(StorageError);
  expect(caught).toMatchObject({ code: 'storage', problem });
  return caught as StorageError;
}

/** The file is byte for byte as it was, and no journal with content was left beside it. */
function expectUntouched(file: string, hash: string): void {
  expect(sha256(file)).toBe(hash);
  const wal = `${file}-wal`;
  if (fs.existsSync(wal)) expect(fs.statSync(wal).size).toBe(0);
  expect(fs.existsSync(`${file}-journal`)).toBe(false);
}

/** Deterministic bytes that are not a SQLite file. */
function noise(length: number): Buffer {
  const buf = Buffer.alloc(length);
  let s = 20260310;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    buf[i] = (s >> 16) & 0xff;
  }
  return buf;
}

describe('opening a new register', () => {
  it('creates the file marked as ours, at the current schema version', () => {
    const file = path.join(tempDir(), 'nested', 'folder', 'register.sqlite');
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, create: true });
    expect(opened.schemaVersion).toBe(KNOWN_MIGRATIONS);
    expect(opened.schemaVersion).toBe(currentSchemaVersion(MIGRATIONS));
    expect(opened.preMigrationCopy).toBeNull();
    expect(opened.file).toBe(file);
    opened.close();
    expect(pragma(file, 'application_id')).toBe(APPLICATION_ID);
    expect(APPLICATION_ID).toBe(0x4d4c4144);
    expect(pragma(file, 'user_version')).toBe(KNOWN_MIGRATIONS);
    expect(tableNames(file)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'reference_counters',
        'request_refusal_grounds',
        'requests',
        'settings',
        'status_history',
      ]),
    );
    // A new register is not an upgrade: nothing is copied aside.
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('sets WAL journaling, foreign keys, synchronous FULL and a busy timeout on the connection', () => {
    const opened = openDatabase({ file: path.join(tempDir(), 'r.sqlite'), migrationsFolder: MIGRATIONS, create: true });
    try {
      const get = (name: string) => opened.sqlite.pragma(name, { simple: true });
      expect(get('journal_mode')).toBe('wal');
      expect(get('foreign_keys')).toBe(1);
      expect(get('synchronous')).toBe(2); // FULL
      expect(get('busy_timeout')).toBe(5000);
    } finally {
      opened.close();
    }
  });

  it('enforces foreign keys: a history entry for a request that does not exist is refused', () => {
    const opened = openDatabase({ file: path.join(tempDir(), 'r.sqlite'), migrationsFolder: MIGRATIONS, create: true });
    try {
      const insert = opened.sqlite.prepare(
        `INSERT INTO status_history (request_id, recorded_at, effective_on, actor, to_status) VALUES (99, 'x', '2026-01-01', 'a', 'registered')`,
      );
      expect(() => insert.run()).toThrow(/FOREIGN KEY/);
    } finally {
      opened.close();
    }
  });

  it('opens an existing, up-to-date register without copying it aside', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }).close();
    const again = openDatabase({ file, migrationsFolder: MIGRATIONS });
    expect(again.schemaVersion).toBe(KNOWN_MIGRATIONS);
    expect(again.preMigrationCopy).toBeNull();
    again.close();
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });
});

describe('refusing files that are not an MLA Desk register', () => {
  it('refuses a missing file unless asked to create it, and creates nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sub', 'register.sqlite');
    const error = expectStorageError(() => openDatabase({ file, migrationsFolder: MIGRATIONS }), 'missing');
    expect(error.message).toContain(file);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['a text file', Buffer.from('Letter of request received from Paris on 2 March.\n'.repeat(40))],
    ['random bytes', noise(8000)],
  ])('refuses %s as not_mla_desk and leaves its bytes unchanged', (_name, content) => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    fs.writeFileSync(file, content);
    const hash = sha256(file);
    expectStorageError(() => openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }), 'not_mla_desk');
    expectUntouched(file, hash);
    expect(fs.readdirSync(dir)).toEqual(['register.sqlite']);
  });

  it('refuses random whole pages, which cannot be told from an encrypted register without its key, saying both', () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    fs.writeFileSync(file, noise(8192));
    const hash = sha256(file);
    const error = expectStorageError(
      () => openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }),
      'encrypted',
    );
    expect(error.message).toMatch(/encrypted \(or is not an MLA Desk database\)/);
    expectUntouched(file, hash);
  });

  it('refuses a SQLite database of another application as not_mla_desk and leaves it unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'contacts.sqlite');
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
    foreign.close();
    const hash = sha256(file);
    const error = expectStorageError(
      () => openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }),
      'not_mla_desk',
    );
    expect(error.message).toContain('not an MLA Desk register');
    expectUntouched(file, hash);
    expect(fs.readdirSync(dir)).toEqual(['contacts.sqlite']);
    expect(tableNames(file)).toEqual(['contacts']);
  });

  it('refuses a register written by a newer version as "newer" and leaves it unchanged', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }).close();
    withRaw(file, (db) => db.pragma(`user_version = ${KNOWN_MIGRATIONS + 1}`));
    const hash = sha256(file);
    const error = expectStorageError(() => openDatabase({ file, migrationsFolder: MIGRATIONS }), 'newer');
    expect(error.message).toContain(`schema ${KNOWN_MIGRATIONS + 1}`);
    expectUntouched(file, hash);
    expect(pragma(file, 'user_version')).toBe(KNOWN_MIGRATIONS + 1);
  });
});
