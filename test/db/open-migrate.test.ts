import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../db/errors.ts';
import { APPLICATION_ID, openDatabase } from '../../db/open.ts';
import {
  countRows,
  insertRawRequest,
  migrationsFolder,
  pragma,
  sha256,
  tableNames,
  withRaw,
} from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir } from '../helpers/temp-register.ts';

const AT = new Date('2026-03-10T09:30:00.000Z');

/** A register as the first release wrote it (schema 1), holding one request with its history. */
function registerAtSchema1(): string {
  const file = path.join(tempDir(), 'register.sqlite');
  const opened = openDatabase({ file, migrationsFolder: migrationsFolder(1), create: true });
  expect(opened.schemaVersion).toBe(1);
  insertRawRequest(opened.sqlite, 'MLA-IN-2026-00001');
  opened.close();
  return file;
}

function snapshotOf(file: string) {
  return withRaw(
    file,
    (db) => ({
      requests: db.prepare('SELECT * FROM requests').all(),
      history: db.prepare('SELECT * FROM status_history').all(),
      schema: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all(),
      userVersion: db.pragma('user_version', { simple: true }),
      applicationId: db.pragma('application_id', { simple: true }),
    }),
    true,
  );
}

describe('upgrading an existing register', () => {
  it('backs the register up into backups/ before migrating, then migrates it with its data intact', () => {
    const file = registerAtSchema1();
    const before = snapshotOf(file);
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, now: () => AT, appVersion: '2.0.0' });
    expect(opened.schemaVersion).toBe(SCHEMA_VERSION);
    opened.close();

    // A backup like every other (db/backups/): its folder, the database, and the manifest written last.
    const expectedBackup = path.join(path.dirname(file), 'backups', '2026-03-10T09-30-00-000Z-before-migration');
    expect(opened.preMigrationCopy).toBe(expectedBackup);
    const copy = path.join(expectedBackup, 'register.sqlite');
    // The copy is the register exactly as it was.
    expect(snapshotOf(copy)).toEqual(before);
    const manifest = JSON.parse(fs.readFileSync(path.join(expectedBackup, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      reason: 'before-migration',
      createdAt: AT.toISOString(),
      appVersion: '2.0.0',
      schemaVersion: 1,
      requestCount: 1,
      database: { path: 'register.sqlite', size: fs.statSync(copy).size, sha256: sha256(copy) },
      documents: [],
    });

    const after = snapshotOf(file);
    expect(after.userVersion).toBe(SCHEMA_VERSION);
    expect(after.applicationId).toBe(APPLICATION_ID);
    // Every value survives; later migrations only add columns (empty on old rows).
    expect(after.requests).toEqual(
      before.requests.map((row) => expect.objectContaining(row as Record<string, unknown>)),
    );
    expect(after.history).toEqual(before.history.map((row) => expect.objectContaining(row as Record<string, unknown>)));
    expect(countRows(file, '__drizzle_migrations')).toBe(SCHEMA_VERSION);
    // The second migration's triggers now guard the old rows too.
    expect(() => withRaw(file, (db) => db.prepare('DELETE FROM status_history').run())).toThrow(/append-only/);
  });

  it('puts the pre-migration copy in the backupDir it is given', () => {
    const file = registerAtSchema1();
    const backupDir = path.join(tempDir(), 'elsewhere');
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, backupDir, now: () => AT });
    opened.close();
    expect(path.dirname(opened.preMigrationCopy ?? '')).toBe(path.resolve(backupDir));
    expect(fs.readdirSync(backupDir)).toHaveLength(1);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('opens an old register as it is, without copying it, when told not to migrate', () => {
    const file = registerAtSchema1();
    const hash = sha256(file);
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, migrate: false });
    expect(opened.schemaVersion).toBe(1);
    expect(opened.preMigrationCopy).toBeNull();
    opened.close();
    expect(sha256(file)).toBe(hash);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('rolls a failing migration back entirely and reports migration_failed', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const created = openDatabase({ file, migrationsFolder: MIGRATIONS, create: true });
    insertRawRequest(created.sqlite, 'MLA-IN-2026-00001');
    created.close();
    const before = snapshotOf(file);
    const hash = sha256(file);
    const broken = migrationsFolder(SCHEMA_VERSION, {
      '9000_broken': [
        'CREATE TABLE `broken_table` (`id` integer PRIMARY KEY);',
        "UPDATE `requests` SET `summary` = 'touched';",
        'THIS IS NOT SQL;',
      ].join('\n--> statement-breakpoint\n'),
    });

    let caught: unknown;
    try {
      openDatabase({ file, migrationsFolder: broken, now: () => AT });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StorageError);
    expect(caught).toMatchObject({ problem: 'migration_failed' });
    expect((caught as Error).message).toMatch(/nothing was changed/);

    // Neither the table nor the update of the first statements survived: all or nothing.
    expect(snapshotOf(file)).toEqual(before);
    expect(tableNames(file)).not.toContain('broken_table');
    expect(pragma(file, 'user_version')).toBe(SCHEMA_VERSION);
    expect(countRows(file, '__drizzle_migrations')).toBe(SCHEMA_VERSION);
    expect(sha256(file)).toBe(hash);
    // And the register still opens with the migrations this version knows.
    const reopened = openDatabase({ file, migrationsFolder: MIGRATIONS });
    expect(reopened.schemaVersion).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it('reports migrations it cannot read as migration_failed without touching the register', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: MIGRATIONS, create: true }).close();
    const hash = sha256(file);
    expect(() => openDatabase({ file, migrationsFolder: path.join(tempDir(), 'no-such-folder') })).toThrow(
      expect.objectContaining({ problem: 'migration_failed' }),
    );
    expect(sha256(file)).toBe(hash);
  });
});

describe('append-only tables', () => {
  function freshWithOneRequest(): string {
    const file = path.join(tempDir(), 'register.sqlite');
    const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, create: true });
    insertRawRequest(opened.sqlite, 'MLA-IN-2026-00001');
    opened.sqlite
      .prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, details, prev_hash, hash)
         VALUES ('t', 'a', 'request.register', 'request', 1, '{}', '${'0'.repeat(64)}', 'h')`,
      )
      .run();
    opened.close();
    return file;
  }

  it.each([
    ['UPDATE audit_log SET actor = ?', 'the audit log is append-only'],
    ['DELETE FROM audit_log WHERE actor <> ?', 'the audit log is append-only'],
    ['UPDATE status_history SET note = ?', 'the status history is append-only'],
    ['DELETE FROM status_history WHERE actor <> ?', 'the status history is append-only'],
  ])('refuses "%s" with "%s" and keeps the rows', (statement, message) => {
    const file = freshWithOneRequest();
    expect(() => withRaw(file, (db) => db.prepare(statement).run('someone else'))).toThrow(message);
    expect(countRows(file, 'audit_log')).toBe(1);
    expect(countRows(file, 'status_history')).toBe(1);
    const rows = withRaw(file, (db) => db.prepare('SELECT actor, note FROM status_history').all(), true);
    expect(rows).toEqual([{ actor: 'Legacy import', note: null }]);
  });
});
