import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-verify.ts';
import { readManifest, writeManifest } from '../../db/backups/manifest.ts';
import { readRecoveryFile, recoveryFileFor, unwrapRegisterKey } from '../../db/keys/recovery.ts';
import { restoreRegisterFile } from '../../db/backups/offline.ts';
import type { OpenOptions } from '../../db/open.ts';
import { openSqliteRegister, type Register } from '../../db/register.ts';
import { damageMiddlePage, fillRegister, flipBytes, folderContents, registerState } from '../helpers/backups.ts';
import { auditRows } from '../helpers/documents.ts';
import { ACTOR, CLOCK, listQuery, newRequest, transition } from '../helpers/requests.ts';
import { sha256, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir } from '../helpers/temp-register.ts';

const TAKEN = new Date('2026-03-10T09:30:00.000Z');
const RESTORED = new Date('2026-03-12T15:00:00.000Z');

const opened: Register[] = [];
afterEach(() => {
  for (const register of opened.splice(0)) register.close();
});

function open(options: OpenOptions): Register {
  const register = openSqliteRegister(options);
  opened.push(register);
  return register;
}

/** A register with requests and documents, a backup of it, then more changes after the backup. */
async function registerChangedSinceBackup() {
  const dir = tempDir();
  const options: OpenOptions = { file: path.join(dir, 'register.sqlite'), migrationsFolder: MIGRATIONS, create: true };
  const register = open(options);
  const ids = await fillRegister(register, 4, 3);
  const backup = await register.backups.create('on-demand', TAKEN);
  const backedUp = registerState(options.file);
  const documentsBackedUp = folderContents(path.join(dir, 'documents'));

  // Afterwards: a new request with a document, a status change, a settings change.
  await fillRegister(register, 1, 1);
  const first = ids[0] ?? 0;
  await register.requests.move(
    transition({ id: first, to: 'refused', on: '2026-03-05', refusalGrounds: ['death_penalty'], expectedVersion: 1 }),
    ACTOR,
    CLOCK,
  );
  await register.updateSettings({ officeName: 'Changed after the backup' }, ACTOR, CLOCK);
  register.close();
  opened.splice(opened.indexOf(register), 1);
  return {
    dir,
    options,
    backup: path.join(dir, 'backups', backup.name),
    backedUp,
    documentsBackedUp,
    changed: registerState(options.file),
  };
}

/** Everything a refused restore must leave as it was. */
function untouched(dir: string) {
  return {
    register: sha256(path.join(dir, 'register.sqlite')),
    documents: folderContents(path.join(dir, 'documents')),
    setAside: fs.existsSync(path.join(dir, 'set-aside')),
    backups: fs.readdirSync(path.join(dir, 'backups')).sort(),
  };
}

/** Rewrites a backup's manifest after its files were changed, as someone covering their tracks would. */
function rewriteManifest(backup: string, change: (m: ReturnType<typeof manifestOf>) => void) {
  const manifest = manifestOf(backup);
  change(manifest);
  writeManifest(backup, manifest);
}

function manifestOf(backup: string) {
  const read = readManifest(backup);
  if (!read.ok) throw new Error(read.problem.message);
  return read.manifest;
}

describe('restoring a backup', () => {
  it('brings back exactly the backed-up register and its documents, and keeps the replaced one aside', async () => {
    const t = await registerChangedSinceBackup();
    const result = await restoreRegisterFile(t.options, t.backup, ACTOR, RESTORED);

    expect(registerState(t.options.file)).toEqual(t.backedUp);
    const register = open(t.options);
    for (const document of withRaw(
      t.options.file,
      (db) => db.prepare('SELECT id FROM documents').pluck().all() as number[],
      true,
    )) {
      expect(await register.documents.verify(document, CLOCK)).toMatchObject({ intact: true, missing: false });
    }
    // The documents of the backup are back; those added since stay (the set-aside register refers to them).
    const documents = folderContents(path.join(t.dir, 'documents'));
    expect(documents).toMatchObject(t.documentsBackedUp);

    expect(result).toEqual({
      restored: path.basename(t.backup),
      setAside: path.join(t.dir, 'set-aside', 'register-replaced-2026-03-12T15-00-00-000Z.sqlite'),
      beforeRestore: '2026-03-12T15-00-00-000Z-before-restore',
      schemaVersion: SCHEMA_VERSION,
      requestCount: 4,
      documentCount: 3,
      warnings: [],
    });
    // The replaced register is kept whole, and was backed up first.
    expect(registerState(result.setAside ?? '')).toEqual(t.changed);
    expect(await register.backups.verify(result.beforeRestore ?? '', RESTORED)).toMatchObject({ ok: true });
    expect(registerState(path.join(t.dir, 'backups', result.beforeRestore ?? '', 'register.sqlite'))).toEqual(
      t.changed,
    );

    // The restore is on record, in an audit chain that still holds.
    expect(auditRows(register, 'register').at(-1)).toMatchObject({
      action: 'register.restore',
      details: { restored: path.basename(t.backup) },
    });
    expect(withRaw(t.options.file, (db) => verifyAuditChain(db), true)).toMatchObject({ ok: true });
  });

  it('refuses a backup whose database was damaged, leaving the register untouched', async () => {
    const t = await registerChangedSinceBackup();
    const before = untouched(t.dir);
    damageMiddlePage(path.join(t.backup, 'register.sqlite'));
    await expect(restoreRegisterFile(t.options, t.backup, ACTOR, RESTORED)).rejects.toThrow(
      /cannot be restored: register\.sqlite does not have the SHA-256 its manifest records \(altered\)\. Nothing was changed\./,
    );
    expect(untouched(t.dir)).toEqual(before);
  });

  it('refuses a damaged database even with a manifest rewritten to match it (the integrity check)', async () => {
    const t = await registerChangedSinceBackup();
    const before = untouched(t.dir);
    const database = path.join(t.backup, 'register.sqlite');
    damageMiddlePage(database);
    rewriteManifest(t.backup, (m) => {
      m.database.sha256 = sha256(database);
    });
    await expect(restoreRegisterFile(t.options, t.backup, ACTOR, RESTORED)).rejects.toThrow(
      /cannot be restored: its database fails SQLite's integrity check/,
    );
    expect(untouched(t.dir)).toEqual(before);
  });

  it('refuses a backup with a document missing, leaving the register untouched', async () => {
    const t = await registerChangedSinceBackup();
    const before = untouched(t.dir);
    const document = manifestOf(t.backup).documents[1];
    if (!document) throw new Error('no document');
    fs.rmSync(path.join(t.backup, document.path), { force: true });
    await expect(restoreRegisterFile(t.options, t.backup, ACTOR, RESTORED)).rejects.toThrow(
      `cannot be restored: ${document.path} is missing. Nothing was changed.`,
    );
    expect(untouched(t.dir)).toEqual(before);
  });

  it('refuses a backup with a document altered (same size, other bytes), leaving the register untouched', async () => {
    const t = await registerChangedSinceBackup();
    const before = untouched(t.dir);
    const document = manifestOf(t.backup).documents[0];
    if (!document) throw new Error('no document');
    const file = path.join(t.backup, document.path);
    fs.chmodSync(file, 0o600);
    flipBytes(file, 10, 4);
    await expect(restoreRegisterFile(t.options, t.backup, ACTOR, RESTORED)).rejects.toThrow(
      `cannot be restored: ${document.path} does not have the SHA-256 its manifest records (altered). Nothing was changed.`,
    );
    expect(untouched(t.dir)).toEqual(before);
  });

  it('refuses a backup a newer version of MLA Desk wrote, leaving the register untouched', async () => {
    const t = await registerChangedSinceBackup();
    const before = untouched(t.dir);
    const database = path.join(t.backup, 'register.sqlite');
    withRaw(database, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    rewriteManifest(t.backup, (m) => {
      m.schemaVersion = SCHEMA_VERSION + 1;
      m.database = { ...m.database, sha256: sha256(database), size: fs.statSync(database).size };
    });
    await expect(restoreRegisterFile(t.options, t.backup, ACTOR, RESTORED)).rejects.toThrow(
      `cannot be restored: it was written by a newer version of MLA Desk (schema ${SCHEMA_VERSION + 1}; this version knows ${SCHEMA_VERSION}). Nothing was changed.`,
    );
    expect(untouched(t.dir)).toEqual(before);
  });

  it('refuses while another connection has the register open, and leaves it as it was', async () => {
    const t = await registerChangedSinceBackup();
    const other = open(t.options);
    await other.requests.register(newRequest(), ACTOR, CLOCK);
    const state = registerState(t.options.file);
    await expect(restoreRegisterFile(t.options, t.backup, ACTOR, RESTORED)).rejects.toThrow(
      /The restore failed while setting the current register aside: another program has the register open/,
    );
    expect(registerState(t.options.file)).toEqual(state);
    expect(fs.existsSync(path.join(t.dir, 'set-aside'))).toBe(false);
    // The other connection goes on working on the same register.
    await other.requests.register(newRequest(), ACTOR, CLOCK);
    expect((registerState(t.options.file).requests as unknown[]).length).toBe(state.requests.length + 1);
  });

  it('brings a register back where there is none (a new machine), with its documents', async () => {
    const t = await registerChangedSinceBackup();
    const elsewhere = tempDir();
    const options = { ...t.options, file: path.join(elsewhere, 'register.sqlite') };
    const result = await restoreRegisterFile(options, t.backup, ACTOR, RESTORED);
    expect(result).toMatchObject({ setAside: null, beforeRestore: null, requestCount: 4 });
    expect(registerState(options.file)).toEqual(t.backedUp);
    expect(folderContents(path.join(elsewhere, 'documents'))).toEqual(t.documentsBackedUp);
  });

  it('replaces a damaged register it cannot back up, setting it aside as it is', async () => {
    const t = await registerChangedSinceBackup();
    damageMiddlePage(t.options.file);
    const damaged = sha256(t.options.file);
    const result = await restoreRegisterFile(t.options, t.backup, ACTOR, RESTORED);
    expect(result.beforeRestore).toBeNull();
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        // SQLite's integrity report may run over several lines, depending on the page damaged.
        /^No backup of the replaced register could be taken \(.*integrity check.*\); it is set aside as it was\.$/s,
      ),
    ]);
    expect(sha256(result.setAside ?? '')).toBe(damaged);
    expect(registerState(t.options.file)).toEqual(t.backedUp);
  });

  it('restores an encrypted register with its encrypted documents, which still open with its key', async () => {
    const dir = tempDir();
    const options: OpenOptions = {
      file: path.join(dir, 'register.sqlite'),
      migrationsFolder: MIGRATIONS,
      create: true,
      key: crypto.randomBytes(32),
    };
    const register = open(options);
    await fillRegister(register, 2, 2);
    const backup = await register.backups.create('on-demand', TAKEN);
    await fillRegister(register, 1, 1);
    register.close();
    opened.splice(opened.indexOf(register), 1);

    await restoreRegisterFile(options, path.join(dir, 'backups', backup.name), ACTOR, RESTORED);
    const restored = open(options);
    expect((await restored.requests.list(listQuery())).total).toBe(2);
    for (const id of [1, 2]) {
      expect(await restored.documents.verify(id, CLOCK)).toMatchObject({ intact: true, missing: false });
    }
  });

  it('carries the key’s recovery file, so an encrypted register restored on a new machine can be opened', async () => {
    const dir = tempDir();
    const key = crypto.randomBytes(32);
    const options: OpenOptions = {
      file: path.join(dir, 'register.sqlite'),
      migrationsFolder: MIGRATIONS,
      create: true,
      key,
    };
    const register = open(options);
    await fillRegister(register, 2, 1);
    const { passphrase } = await register.encryption.createRecoveryPassphrase(ACTOR, CLOCK);
    const backup = await register.backups.create('on-demand', TAKEN);
    const read = readManifest(path.join(dir, 'backups', backup.name));
    expect(read.ok && read.manifest.recovery).toMatchObject({ path: 'register.sqlite.recovery.json' });

    // A new machine: no register, no key store; only the backup and the administrator's passphrase.
    const elsewhere = tempDir();
    const target = { ...options, file: path.join(elsewhere, 'register.sqlite') };
    await restoreRegisterFile(target, path.join(dir, 'backups', backup.name), ACTOR, RESTORED);
    const recovered = await unwrapRegisterKey(readRecoveryFile(recoveryFileFor(target.file)), passphrase);
    expect(recovered.equals(key)).toBe(true);
    const restored = open({ ...target, key: recovered, create: false });
    expect((await restored.requests.list(listQuery())).total).toBe(2);
  });

  it('refuses a backup whose recovery file was altered', async () => {
    const dir = tempDir();
    const options: OpenOptions = {
      file: path.join(dir, 'register.sqlite'),
      migrationsFolder: MIGRATIONS,
      create: true,
      key: crypto.randomBytes(32),
    };
    const register = open(options);
    await fillRegister(register, 1, 0);
    await register.encryption.createRecoveryPassphrase(ACTOR, CLOCK);
    const backup = await register.backups.create('on-demand', TAKEN);
    const copy = path.join(dir, 'backups', backup.name, 'register.sqlite.recovery.json');
    fs.chmodSync(copy, 0o600);
    fs.appendFileSync(copy, ' ');
    const elsewhere = tempDir();
    await expect(
      restoreRegisterFile(
        { ...options, file: path.join(elsewhere, 'register.sqlite') },
        path.dirname(copy),
        ACTOR,
        RESTORED,
      ),
    ).rejects.toThrow(/register\.sqlite\.recovery\.json has \d+ bytes instead of/);
  });
});
