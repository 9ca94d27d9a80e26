import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../db/maintenance.ts';
import { openDatabase } from '../../db/open.ts';
import { sha256, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir } from '../helpers/temp-register.ts';

describe('opening without intent to change', () => {
  it('refuses an empty file when not creating, and leaves it empty', () => {
    const file = path.join(tempDir(), 'empty.sqlite');
    fs.writeFileSync(file, '');
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS })).toThrow(/empty file/);
    expect(() => checkDatabase({ file, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION)).toThrow(/empty file/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('checks a register that is not in WAL mode without switching it or changing a byte', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }).close();
    withRaw(file, (db) => db.pragma('journal_mode = DELETE'));
    const before = sha256(file);
    expect(checkDatabase({ file, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION).ok).toBe(true);
    expect(sha256(file)).toBe(before);
    expect(withRaw(file, (db) => db.pragma('journal_mode', { simple: true }), true)).toBe('delete');
  });

  it('leaves no -wal or -shm files behind when it refuses a newer database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }).close();
    withRaw(file, (db) => db.pragma('user_version = 99'));
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS })).toThrow(/newer version/);
    expect(fs.readdirSync(dir).filter((f) => f !== 'register.sqlite')).toEqual([]);
  });
});
