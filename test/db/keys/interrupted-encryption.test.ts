import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hasHotJournal } from '../../../db/keys/interrupted-encryption.ts';
import { generateRegisterKey, keyPragma, type RegisterKey } from '../../../db/keys/register-key.ts';
import { openDatabase } from '../../../db/open.ts';
import { sha256 } from '../../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir } from '../../helpers/temp-register.ts';

const REQUESTS = 600;

/** A register holding REQUESTS requests, plain or encrypted. */
function registerWithRows(file: string, key?: RegisterKey): void {
  const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, create: true, key });
  opened.sqlite.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${REQUESTS})
    INSERT INTO requests (reference, direction, kind, status, opened_on, counterpart_country, created_at, updated_at)
    SELECT printf('MLA-IN-2026-%05d', i), 'incoming', 'mla', 'registered', '2026-01-05', 'FR', 'x', 'x' FROM n`);
  opened.close();
}

/**
 * The register as a crash in the middle of a rollback-journal transaction leaves it: the
 * transaction changes page 1 first (as the encryption's rekey does) and then enough pages to
 * spill some into the file; the file and its journal are copied while it is open, which is
 * what a killed process leaves on disk.
 */
function crashedCopy(file: string, key?: RegisterKey): string {
  const db = new Database(file);
  if (key) db.pragma(keyPragma(key));
  db.pragma('journal_mode = DELETE');
  db.pragma('cache_size = 5');
  db.exec('BEGIN');
  db.pragma('user_version = 99');
  db.exec("UPDATE requests SET summary = 'rewritten by the transaction the crash cut short'");
  const copy = `${file}.crashed`;
  fs.copyFileSync(file, copy);
  fs.copyFileSync(`${file}-journal`, `${copy}-journal`);
  db.exec('ROLLBACK');
  db.close();
  expect(hasHotJournal(copy)).toBe(true);
  return copy;
}

function summaries(file: string, key?: RegisterKey) {
  const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, key });
  try {
    return {
      integrity: opened.sqlite.pragma('integrity_check', { simple: true }),
      requests: opened.sqlite.prepare('SELECT count(*) FROM requests').pluck().get(),
      rewritten: opened.sqlite.prepare('SELECT count(summary) FROM requests').pluck().get(),
    };
  } finally {
    opened.close();
  }
}

describe('a register a crash left with a rollback journal (the encryption in place, cut short)', () => {
  it('opens rolled back to what it was, and with a key is then encrypted', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    registerWithRows(file);
    const crashed = crashedCopy(file);
    const key = generateRegisterKey();
    expect(summaries(crashed, key)).toEqual({ integrity: 'ok', requests: REQUESTS, rewritten: 0 });
    expect(fs.existsSync(`${crashed}-journal`)).toBe(false);
    expect(fs.readFileSync(crashed).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('opens when the rekey had already rewritten page 1: the journal restores it', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    registerWithRows(file);
    const crashed = crashedCopy(file);
    // As the encryption leaves it once page 1 is written: no longer a plain SQLite header.
    const fd = fs.openSync(crashed, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xa7), 0, 4096, 0);
    fs.closeSync(fd);
    expect(summaries(crashed, generateRegisterKey())).toEqual({ integrity: 'ok', requests: REQUESTS, rewritten: 0 });
  });

  it('opens rolled back with the key when the journal holds encrypted pages (the switch back to WAL, cut short)', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const key = generateRegisterKey();
    registerWithRows(file, key);
    const crashed = crashedCopy(file, key);
    expect(summaries(crashed, key)).toEqual({ integrity: 'ok', requests: REQUESTS, rewritten: 0 });
  });

  it('is refused, untouched, when the journal holds encrypted pages and the key is wrong or missing', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const key = generateRegisterKey();
    registerWithRows(file, key);
    const crashed = crashedCopy(file, key);
    const before = [sha256(crashed), sha256(`${crashed}-journal`)];
    for (const other of [generateRegisterKey(), undefined]) {
      expect(() => openDatabase({ file: crashed, migrationsFolder: MIGRATIONS, key: other })).toThrow(/cannot be read/);
      expect([sha256(crashed), sha256(`${crashed}-journal`)]).toEqual(before);
    }
    // Still whole: the right key rolls it back.
    expect(summaries(crashed, key)).toEqual({ integrity: 'ok', requests: REQUESTS, rewritten: 0 });
  });

  it('is refused, untouched, when the file is not an MLA Desk register', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    registerWithRows(file);
    const other = new Database(file);
    other.pragma('application_id = 42');
    other.close();
    const crashed = crashedCopy(file);
    const before = [sha256(crashed), sha256(`${crashed}-journal`)];
    expect(() => openDatabase({ file: crashed, migrationsFolder: MIGRATIONS })).toThrow();
    expect([sha256(crashed), sha256(`${crashed}-journal`)]).toEqual(before);
  });
});
