import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../db/errors.ts';
import { backupDatabase, checkDatabase } from '../../db/maintenance.ts';
import { openDatabase } from '../../db/open.ts';
import { ACTOR, CLOCK, newRequest, transition } from '../helpers/requests.ts';
import { insertRawRequest, migrationsFolder, pragma, sha256, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir, tempRegister } from '../helpers/temp-register.ts';

function newFile(): string {
  const file = path.join(tempDir(), 'register.sqlite');
  openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }).close();
  return file;
}

function allRows(file: string) {
  return withRaw(
    file,
    (db) =>
      Object.fromEntries(
        ['requests', 'status_history', 'audit_log', 'request_refusal_grounds', 'reference_counters', 'settings'].map(
          (t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()],
        ),
      ),
    true,
  );
}

describe('checkDatabase', () => {
  it('reports a sound, current register as ok', () => {
    const file = newFile();
    expect(checkDatabase({ file, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION)).toEqual({
      file,
      schemaVersion: SCHEMA_VERSION,
      expectedSchemaVersion: SCHEMA_VERSION,
      integrity: [],
      ok: true,
    });
  });

  it('reports an out-of-date register as not ok, and does not migrate it', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(1), create: true }).close();
    const hash = sha256(file);
    const report = checkDatabase({ file, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION);
    expect(report).toMatchObject({ schemaVersion: 1, expectedSchemaVersion: SCHEMA_VERSION, integrity: [], ok: false });
    expect(pragma(file, 'user_version')).toBe(1);
    expect(sha256(file)).toBe(hash);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('reports rows that point at records that do not exist', () => {
    const file = newFile();
    withRaw(file, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare(`INSERT INTO request_refusal_grounds (request_id, ground) VALUES (77, 'other')`).run();
    });
    const report = checkDatabase({ file, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION);
    expect(report.ok).toBe(false);
    expect(report.integrity).toEqual(['1 row(s) point at records that do not exist']);
  });

  it('refuses a missing file and a file that is not a register with a StorageError', () => {
    const dir = tempDir();
    expect(() =>
      checkDatabase({ file: path.join(dir, 'none.sqlite'), migrationsFolder: MIGRATIONS }, SCHEMA_VERSION),
    ).toThrow(expect.objectContaining({ problem: 'missing' }));
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all, just some notes\n'.repeat(20));
    const hash = sha256(text);
    expect(() => checkDatabase({ file: text, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION)).toThrow(
      expect.objectContaining({ problem: 'not_mla_desk' }),
    );
    expect(sha256(text)).toBe(hash);
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
  });
});

describe('backupDatabase', () => {
  async function populated(): Promise<string> {
    const register = tempRegister();
    const a = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await register.requests.register(newRequest({ direction: 'outgoing', kind: 'disclosure' }), ACTOR, CLOCK);
    await register.requests.move(
      transition({ id: a.id, to: 'refused', on: '2026-03-05', refusalGrounds: ['death_penalty'], expectedVersion: 1 }),
      ACTOR,
      CLOCK,
    );
    await register.updateSettings({ officeName: 'Central Authority' }, ACTOR, CLOCK);
    register.close();
    return register.location;
  }

  it('writes an integrity-checked copy holding the same rows, into a folder it creates', async () => {
    const file = await populated();
    const out = path.join(tempDir(), 'copies', 'today', 'copy.sqlite');
    const result = await backupDatabase({ file, migrationsFolder: MIGRATIONS }, out);
    expect(result).toEqual({ file: out, bytes: fs.statSync(out).size });
    expect(result.bytes).toBeGreaterThan(0);
    expect(allRows(out)).toEqual(allRows(file));
    expect(withRaw(out, (db) => db.pragma('integrity_check', { simple: true }), true)).toBe('ok');
    expect(pragma(out, 'user_version')).toBe(SCHEMA_VERSION);
    // The copy is itself a register that opens and checks clean.
    expect(checkDatabase({ file: out, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION).ok).toBe(true);
  });

  it('copies a register that another connection holds open and is writing to', async () => {
    const register = tempRegister();
    await register.requests.register(newRequest(), ACTOR, CLOCK);
    const out = path.join(tempDir(), 'live.sqlite');
    await backupDatabase({ file: register.location, migrationsFolder: MIGRATIONS }, out);
    await register.requests.register(newRequest(), ACTOR, CLOCK);
    expect(allRows(out).requests).toHaveLength(1);
    const viaRegister = path.join(tempDir(), 'via-register.sqlite');
    await register.backupTo(viaRegister);
    expect(allRows(viaRegister).requests).toHaveLength(2);
  });

  it('refuses to overwrite an existing file and leaves that file as it was', async () => {
    const file = await populated();
    const out = path.join(tempDir(), 'precious.sqlite');
    const other = newFile();
    withRaw(other, (db) => insertRawRequest(db, 'KEEP-ME-1'));
    fs.copyFileSync(other, out);
    const hash = sha256(out);
    const error = await backupDatabase({ file, migrationsFolder: MIGRATIONS }, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toContain('already exists');
    expect(sha256(out)).toBe(hash);
    expect(
      await tempRegister()
        .backupTo(out)
        .catch((e: unknown) => e),
    ).toBeInstanceOf(StorageError);
    expect(sha256(out)).toBe(hash);
  });

  it('refuses to back up a file that is not a register', async () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello\n'.repeat(100));
    const out = path.join(dir, 'copy.sqlite');
    await expect(backupDatabase({ file: text, migrationsFolder: MIGRATIONS }, out)).rejects.toMatchObject({
      problem: 'not_mla_desk',
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
