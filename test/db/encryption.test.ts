import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRegisterKey } from '../../db/keys/register-key.ts';
import { openDatabase } from '../../db/open.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { ACTOR, CLOCK, listQuery, newRequest } from '../helpers/requests.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

const NAME = 'Zhivago Quellenbach';
const SECRET_SUMMARY = 'Undercover operation Tangerine Heron';

/** Every file of the register on disk (the database, its WAL, its shared memory). */
function filesOf(file: string): Buffer[] {
  return [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
}

function containsInClear(file: string, text: string): boolean {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return filesOf(file).some((bytes) => needles.some((n) => bytes.includes(n)));
}

async function registerOne(file: string, key?: Buffer) {
  const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true, key });
  const detail = await register.requests.register(
    newRequest({ summary: SECRET_SUMMARY, parties: [{ role: 'suspect', name: NAME }] }),
    ACTOR,
    CLOCK,
  );
  return { register, reference: detail.reference };
}

describe('the register on disk', () => {
  it('holds a known name, summary and reference in clear when it is not encrypted (the check can fail)', async () => {
    const file = path.join(tempDir(), 'plain.sqlite');
    const { register, reference } = await registerOne(file);
    register.close();
    expect(containsInClear(file, NAME)).toBe(true);
    expect(containsInClear(file, reference)).toBe(true);
  });

  it('holds none of them in clear, in the file or its WAL, when it is encrypted', async () => {
    const file = path.join(tempDir(), 'secret.sqlite');
    const { register, reference } = await registerOne(file, generateRegisterKey());
    // While open, the writes sit in the WAL: it must be encrypted too.
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    for (const text of [NAME, SECRET_SUMMARY, reference]) expect(containsInClear(file, text)).toBe(false);
    register.close();
    for (const text of [NAME, SECRET_SUMMARY, reference]) expect(containsInClear(file, text)).toBe(false);
  });

  it('opens again with its key and shows what was written', async () => {
    const file = path.join(tempDir(), 'secret.sqlite');
    const key = generateRegisterKey();
    const first = await registerOne(file, key);
    first.register.close();
    const again = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, key });
    try {
      const page = await again.requests.list(listQuery());
      expect(page.rows.map((r) => r.reference)).toEqual([first.reference]);
    } finally {
      again.close();
    }
  });

  it('refuses a wrong key with a clear message and leaves the file as it was', async () => {
    const file = path.join(tempDir(), 'secret.sqlite');
    const { register } = await registerOne(file, generateRegisterKey());
    register.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS, key: generateRegisterKey() })).toThrow(
      expect.objectContaining({ problem: 'wrong_key', message: expect.stringMatching(/key does not open/) }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses to open an encrypted register without a key, saying it needs one', async () => {
    const file = path.join(tempDir(), 'secret.sqlite');
    const { register } = await registerOne(file, generateRegisterKey());
    register.close();
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS })).toThrow(
      expect.objectContaining({ problem: 'encrypted', message: expect.stringMatching(/--key-file/) }),
    );
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS, readonly: true })).toThrow(
      expect.objectContaining({ problem: 'encrypted' }),
    );
  });

  it('encrypts a plain register in place the first time it is opened with a key, keeping every row', async () => {
    const file = path.join(tempDir(), 'was-plain.sqlite');
    const { register, reference } = await registerOne(file);
    register.close();
    expect(containsInClear(file, NAME)).toBe(true);
    const key = generateRegisterKey();
    openSqliteRegister({ file, migrationsFolder: MIGRATIONS, key }).close();
    expect(containsInClear(file, NAME)).toBe(false);
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS })).toThrow(
      expect.objectContaining({ problem: 'encrypted' }),
    );
    const reopened = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, key });
    try {
      const found = await reopened.search.search({ text: 'Quellenbach', limit: 10 });
      expect(found.hits.map((h) => h.reference)).toContain(reference);
      const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, key, readonly: true });
      expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      opened.close();
    } finally {
      reopened.close();
    }
  });

  it('imports into an encrypted register on the import’s own connection', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'secret.sqlite');
    const key = generateRegisterKey();
    const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true, key });
    const source = openSqliteRegister({
      file: path.join(dir, 'source.sqlite'),
      migrationsFolder: MIGRATIONS,
      create: true,
    });
    await source.requests.register(newRequest({ summary: SECRET_SUMMARY }), ACTOR, CLOCK);
    const csv = path.join(dir, 'export.csv');
    await source.interchange.export(csv, 'csv');
    source.close();
    try {
      const report = await register.interchange.import(
        csv,
        { format: 'csv', fileName: 'export.csv', dryRun: false, ignoreUnknownColumns: false },
        ACTOR,
        CLOCK,
      );
      expect(report).toMatchObject({ ok: true, imported: 1 });
      expect(containsInClear(file, SECRET_SUMMARY)).toBe(false);
    } finally {
      register.close();
    }
  });
});
