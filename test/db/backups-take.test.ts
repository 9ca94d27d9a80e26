import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_NAME } from '../../contract/backups.ts';
import { readManifest } from '../../db/backups/manifest.ts';
import { seedRegister } from '../../db/seed/seed.ts';
import { checkBackupDatabase, DamagedCopyError, takeBackup } from '../../db/backups/take.ts';
import { type OpenOptions, openDatabase } from '../../db/open.ts';
import { openSqliteRegister, type Register } from '../../db/register.ts';
import { verifyBackup } from '../../db/backups/verify.ts';
import { damageMiddlePage, fillRegister } from '../helpers/backups.ts';
import { storedPath } from '../helpers/documents.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { countRows, sha256, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir, tempRegister } from '../helpers/temp-register.ts';

const AT = new Date('2026-03-10T09:30:00.000Z');
const later = (hours: number) => new Date(AT.getTime() + hours * 3_600_000);

const open: Register[] = [];
afterEach(() => {
  for (const register of open.splice(0)) register.close();
});

function registerIn(dir = tempDir(), options: Partial<OpenOptions> = {}): Register {
  const register = openSqliteRegister({
    file: path.join(dir, 'register.sqlite'),
    migrationsFolder: MIGRATIONS,
    create: true,
    appVersion: '1.2.3',
    ...options,
  });
  open.push(register);
  return register;
}

describe('a backup of the register', () => {
  it('holds the database, every document the register refers to and a manifest describing each file', async () => {
    const register = registerIn();
    await fillRegister(register, 3, 2);
    const summary = await register.backups.create('on-demand', AT);
    const dir = path.join(register.backups.folder, summary.name);

    expect(summary).toMatchObject({
      name: '2026-03-10T09-30-00-000Z-on-demand',
      reason: 'on-demand',
      createdAt: AT.toISOString(),
      appVersion: '1.2.3',
      schemaVersion: SCHEMA_VERSION,
      requestCount: 3,
      documentCount: 2,
      state: 'complete',
      problems: [],
    });
    expect(BACKUP_NAME.test(summary.name)).toBe(true);
    expect(path.dirname(dir)).toBe(path.join(path.dirname(register.location), 'backups'));

    const read = readManifest(dir);
    if (!read.ok) throw new Error(read.problem.message);
    const { manifest } = read;
    expect(manifest.database).toEqual({
      path: 'register.sqlite',
      size: fs.statSync(path.join(dir, 'register.sqlite')).size,
      sha256: sha256(path.join(dir, 'register.sqlite')),
    });
    expect(manifest.documents).toHaveLength(2);
    for (const document of manifest.documents) {
      const copy = path.join(dir, document.path);
      // Byte for byte what the data folder holds, under the same name.
      expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(storedPath(register, document.document)));
      expect(document).toEqual({
        path: document.path,
        document: document.document,
        size: fs.statSync(copy).size,
        sha256: sha256(copy),
      });
    }
    expect(summary.bytes).toBe(manifest.database.size + manifest.documents.reduce((s, d) => s + d.size, 0));
    // The copy is a register in its own right, in rollback mode: nothing beside it but our files.
    expect(countRows(path.join(dir, 'register.sqlite'), 'requests')).toBe(3);
    expect(fs.readdirSync(dir).sort()).toEqual(['documents', 'manifest.json', 'register.sqlite']);
    expect(await register.backups.verify(summary.name, later(1))).toMatchObject({ ok: true, problems: [], files: 3 });
  });

  it('shares a document the previous backup holds (a hard link), and copies only new ones', async () => {
    const register = registerIn();
    await fillRegister(register, 2, 1);
    const first = await register.backups.create('daily', AT);
    await fillRegister(register, 1, 1);
    const second = await register.backups.create('daily', later(24));
    const firstManifest = readManifest(path.join(register.backups.folder, first.name));
    const secondManifest = readManifest(path.join(register.backups.folder, second.name));
    if (!firstManifest.ok || !secondManifest.ok) throw new Error('no manifest');
    expect(secondManifest.manifest.documents).toHaveLength(2);
    const shared = firstManifest.manifest.documents[0];
    if (!shared) throw new Error('no document');
    const inode = (name: string) => fs.statSync(path.join(register.backups.folder, name, shared.path)).ino;
    expect(inode(second.name)).toBe(inode(first.name));
    // Not the data folder's own file: damage there must not reach the backups.
    expect(inode(second.name)).not.toBe(fs.statSync(storedPath(register, shared.document)).ino);
    expect(await register.backups.verify(second.name, later(25))).toMatchObject({ ok: true });
  });

  it('copies a register consistently while another connection keeps writing to it', async () => {
    const register = registerIn();
    // 12 MB: the online backup takes several steps, and the writes land between them.
    await seedRegister(register, { count: 5000, seed: 1 }, ACTOR, CLOCK);
    const writer = openSqliteRegister({ file: register.location, migrationsFolder: MIGRATIONS });
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing) {
        await writer.requests.register(newRequest({ summary: 'written during the backup' }), ACTOR, CLOCK);
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const summary = await register.backups.create('on-demand', AT);
    writing = false;
    await writes;
    writer.close();

    expect(written).toBeGreaterThan(0);
    const copy = path.join(register.backups.folder, summary.name, 'register.sqlite');
    // One consistent moment: every request up to some id, each with its history, none half-written.
    const ids = withRaw(
      copy,
      (db) => db.prepare('SELECT id FROM requests ORDER BY id').pluck().all() as number[],
      true,
    );
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect(ids.length).toBeGreaterThanOrEqual(5000);
    expect(ids.length).toBe(summary.requestCount);
    const orphans = withRaw(
      copy,
      (db) =>
        db
          .prepare(
            `SELECT (SELECT count(*) FROM requests WHERE id NOT IN (SELECT request_id FROM status_history))
                  + (SELECT count(*) FROM status_history WHERE request_id NOT IN (SELECT id FROM requests))`,
          )
          .pluck()
          .get(),
      true,
    );
    expect(orphans).toBe(0);
    expect(await register.backups.verify(summary.name, later(1))).toMatchObject({ ok: true });
  });

  it('records documents missing from the data folder instead of failing, and says so', async () => {
    const register = registerIn();
    await fillRegister(register, 2, 2);
    const lost = withRaw(
      register.location,
      (db) => db.prepare('SELECT sha256 FROM documents LIMIT 1').pluck().get() as string,
      true,
    );
    fs.chmodSync(storedPath(register, lost), 0o600);
    fs.rmSync(storedPath(register, lost));
    const summary = await register.backups.create('on-demand', AT);
    expect(summary).toMatchObject({ documentCount: 2, missingDocuments: 1, state: 'complete' });
    const verification = await register.backups.verify(summary.name, later(1));
    expect(verification.ok).toBe(true);
    expect(verification.warnings).toEqual([
      {
        key: 'backup.warning.documentsMissing',
        params: { count: 1 },
        message: '1 document was already missing from the data folder when it was taken',
      },
    ]);
  });
});

describe('the integrity check of a backup', () => {
  it('refuses a copy whose bytes were damaged after it was written', async () => {
    const register = registerIn();
    await fillRegister(register, 40, 0);
    const summary = await register.backups.create('on-demand', AT);
    const copy = path.join(register.backups.folder, summary.name, 'register.sqlite');
    expect(() => checkBackupDatabase(copy, { file: register.location, migrationsFolder: MIGRATIONS })).not.toThrow();
    damageMiddlePage(copy);
    expect(() => checkBackupDatabase(copy, { file: register.location, migrationsFolder: MIGRATIONS })).toThrow(
      DamagedCopyError,
    );
  });

  it('fails the backup of a damaged register, leaving no folder behind', async () => {
    const dir = tempDir();
    const register = registerIn(dir);
    await fillRegister(register, 40, 0);
    register.close();
    damageMiddlePage(path.join(dir, 'register.sqlite'));
    const opened = openDatabase({
      file: path.join(dir, 'register.sqlite'),
      migrationsFolder: MIGRATIONS,
      readonly: true,
    });
    try {
      const error = await takeBackup(
        { sqlite: opened.sqlite, options: { file: opened.file, migrationsFolder: MIGRATIONS } },
        { reason: 'daily', at: AT, prune: true },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DamagedCopyError);
      expect((error as Error).message).toMatch(
        /^The backup could not be taken: The copy of the register failed SQLite's integrity check/,
      );
    } finally {
      opened.close();
    }
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });
});

describe('a half-written backup', () => {
  it('is never listed as a backup, nor verified or restored as one', async () => {
    const register = registerIn();
    await fillRegister(register, 1, 1);
    const finished = await register.backups.create('daily', AT);
    // A backup cut short: its files are there, its manifest (written last) is not.
    const cut = path.join(register.backups.folder, '2026-03-11T09-30-00-000Z-daily');
    fs.cpSync(path.join(register.backups.folder, finished.name), cut, { recursive: true });
    fs.rmSync(path.join(cut, 'manifest.json'));

    const list = await register.backups.list();
    expect(list.backups.map((b) => b.name)).toEqual([finished.name]);
    expect(list.incomplete).toBe(1);
    expect(await register.backups.newestDaily()).toEqual(AT);
    expect(() => register.backups.locate('2026-03-11T09-30-00-000Z-daily')).toThrow(/no finished backup/);
  });
});

describe('an encrypted register', () => {
  it('is backed up encrypted with its own key, byte for byte, and verifies only with that key', async () => {
    const key = crypto.randomBytes(32);
    const register = registerIn(tempDir(), { key });
    await fillRegister(register, 3, 1);
    const summary = await register.backups.create('on-demand', AT);
    expect(summary).toMatchObject({ documentCount: 1, missingDocuments: 0 });
    const dir = path.join(register.backups.folder, summary.name);
    const copy = path.join(dir, 'register.sqlite');
    expect(fs.readFileSync(copy).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // The document as the data folder keeps it: encrypted, under its keyed name, byte for byte.
    const read = readManifest(dir);
    if (!read.ok) throw new Error(read.problem.message);
    const [document] = read.manifest.documents;
    if (!document) throw new Error('no document');
    const stored = path.join(path.dirname(register.location), document.path);
    expect(path.basename(document.path)).not.toBe(document.document);
    expect(fs.readFileSync(path.join(dir, document.path))).toEqual(fs.readFileSync(stored));
    expect(fs.readFileSync(stored).includes('evidence of request')).toBe(false);
    expect(() => withRaw(copy, (db) => db.prepare('SELECT count(*) FROM requests').get(), true)).toThrow();
    expect(await register.backups.verify(summary.name, later(1))).toMatchObject({ ok: true });

    const wrongKey = { file: register.location, migrationsFolder: MIGRATIONS, key: crypto.randomBytes(32) };
    const wrong = await verifyBackup(dir, wrongKey, later(2));
    expect(wrong.ok).toBe(false);
    expect(wrong.problems).toEqual([
      expect.objectContaining({
        key: 'backup.problem.cannotOpen',
        message: expect.stringMatching(/^its database cannot be opened: The key does not open/),
      }),
    ]);
  });
});

describe('the register without a backups folder yet', () => {
  it('lists no backups and no newest daily one', async () => {
    const register = tempRegister();
    expect(await register.backups.list()).toMatchObject({ backups: [], incomplete: 0 });
    expect(await register.backups.newestDaily()).toBeNull();
  });
});

describe('the note of a backup’s last verification', () => {
  it('holds its problems as messages, and still reads a note whose problems an older version wrote in English', async () => {
    const register = registerIn();
    await fillRegister(register, 1, 0);
    const summary = await register.backups.create('on-demand', AT);
    const dir = path.join(register.backups.folder, summary.name);
    fs.rmSync(path.join(dir, 'register.sqlite'));
    await register.backups.verify(summary.name, later(1));
    const [listed] = (await register.backups.list()).backups;
    expect(listed?.lastCheck?.problems).toEqual([
      { key: 'backup.problem.fileMissing', params: { file: 'register.sqlite' }, message: 'register.sqlite is missing' },
    ]);

    const older = { at: later(2).toISOString(), ok: false, problems: ['register.sqlite is missing'] };
    fs.writeFileSync(path.join(dir, 'last-check.json'), JSON.stringify(older));
    const [again] = (await register.backups.list()).backups;
    expect(again?.lastCheck).toEqual({ ...older, problems: [{ message: 'register.sqlite is missing' }] });
  });
});
