import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../contract/backups.ts';
import { localised } from '../../contract/messages.ts';
import { blobStoreBeside } from '../documents/blobs.ts';
import { recoveryFileFor } from '../keys/recovery.ts';
import { reasonOf, StorageError } from '../errors.ts';
import { type OpenOptions, openDatabase } from '../open.ts';
import { copyHashed, hashFile, sizeOf } from './files.ts';
import { type Manifest, readManifest } from './manifest.ts';
import { setAsideFolderOf, timeForFileName } from './paths.ts';
import { verifyBackup } from './verify.ts';

/** What the host of the register does around a restore (the API host, or the command line). */
export interface RestoreHooks {
  /** Runs `work` with nothing else using the register (the API host holds its calls meanwhile). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** The before-restore backup of the register about to be replaced, or why none could be taken of it. */
  backUpCurrent(): Promise<{ taken: string } | { skipped: string }>;
  /** Closes this process's connections to the register. */
  close(): void;
  /** Opens the register again (the restored one; after a failure, the old one). Throws if it cannot. */
  reopen(): void;
}

export interface RestoreRequest {
  databaseFile: string;
  /** The chosen backup's folder. */
  backupDir: string;
  /** The register's open options: the backup is verified with them (its key) before anything changes. */
  options: OpenOptions;
  now: Date;
  hooks: RestoreHooks;
}

const SIDE_FILES = ['', '-wal', '-shm'] as const;

type RestoreStep = 'manifest' | 'copying' | 'backingUp' | 'settingAside' | 'opening';

function failed(step: RestoreStep, e: unknown): StorageError {
  const reason = reasonOf(e).replace(/\.?$/, '.');
  return new StorageError('unreadable', { key: `backup.restoreFailed.${step}`, params: { reason } });
}

/**
 * Puts the backup's documents into the data folder's store. Adding files changes no register
 * (the store is keyed by content), so this happens before anything is replaced; a file already
 * there with the right bytes is kept, a damaged one is replaced by the backup's.
 */
async function placeDocuments(dir: string, manifest: Manifest, databaseFile: string): Promise<void> {
  const store = blobStoreBeside(databaseFile);
  const dataDir = path.dirname(store.root);
  const tmpDir = path.join(store.root, 'tmp');
  for (const document of manifest.documents) {
    const target = path.join(dataDir, document.path);
    if (sizeOf(target) === document.size && (await hashFile(target)).sha256 === document.sha256) continue;
    fs.mkdirSync(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${crypto.randomBytes(12).toString('hex')}.part`);
    try {
      const copied = await copyHashed(path.join(dir, document.path), tmp);
      if (copied.sha256 !== document.sha256) throw new Error(`${document.path} changed while it was copied.`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (fs.existsSync(target)) fs.chmodSync(target, 0o600); // Windows will not replace a read-only file
      fs.renameSync(tmp, target);
      fs.chmodSync(target, 0o444);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
}

/**
 * Brings the backup's recovery file beside the register where there is none (a new machine,
 * whose key store never held the key: the administrator recovers it with the passphrase).
 * One already there is kept: it may wrap the same key under a newer passphrase.
 */
function placeRecoveryFile(dir: string, manifest: Manifest, databaseFile: string): void {
  if (!manifest.recovery) return;
  const target = recoveryFileFor(path.resolve(databaseFile));
  if (fs.existsSync(target)) return;
  fs.copyFileSync(path.join(dir, manifest.recovery.path), target, fs.constants.COPYFILE_EXCL);
}

/**
 * Whether another connection has the register open: the last connection to close folds the WAL
 * into the file and removes it, so a WAL still there after this process has let go (and one
 * more open and close, which also clears a WAL left by a crash) belongs to someone else: an
 * import or export still running, another window, the command line. A register that cannot be
 * opened at all has no one to disturb: it is set aside with its side files as it is.
 */
function inUseElsewhere(databaseFile: string, options: OpenOptions): boolean {
  if (!fs.existsSync(`${databaseFile}-wal`)) return false;
  try {
    openDatabase({ ...options, file: databaseFile, create: false, migrate: false }).close();
  } catch {
    return false;
  }
  return fs.existsSync(`${databaseFile}-wal`);
}

/** Renames the register and its side files together, so what is set aside opens as it was. */
function moveWithSideFiles(from: string, to: string): void {
  const moved: string[] = [];
  try {
    for (const suffix of SIDE_FILES) {
      if (!fs.existsSync(from + suffix)) continue;
      fs.renameSync(from + suffix, to + suffix);
      moved.push(suffix);
    }
  } catch (e) {
    for (const suffix of moved) fs.renameSync(to + suffix, from + suffix);
    throw e;
  }
}

/**
 * Replaces the register with a backup: verify it whole (manifest hashes, integrity, schema,
 * audit chain), bring its documents into the store and its database beside the register, then,
 * with nothing else using the register, back the current one up, set it aside under a dated
 * name (kept, never pruned), put the backup's database in its place and reopen. Any failure
 * before the swap changes no register; a failure to open the restored one puts the old one back.
 */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreResult> {
  const { databaseFile, backupDir, options, now, hooks } = request;
  const name = path.basename(backupDir);
  const verification = await verifyBackup(backupDir, options, now);
  if (!verification.ok) {
    // The problems also go one by one, as the backup's (`name`) problems: the screens say them in
    // the reader's language (contract/messages.ts on `problems`).
    throw new StorageError(
      'unreadable',
      {
        key: 'backup.cannotRestore',
        params: { name, problems: verification.problems.map((p) => p.message).join('; ') },
      },
      verification.problems.map((p) => ({ ...p, field: 'name' })),
    );
  }
  const read = readManifest(backupDir);
  if (!read.ok) throw failed('manifest', new Error(read.problem.message));
  const { manifest } = read;

  const staged = `${databaseFile}.restoring`;
  fs.rmSync(staged, { force: true });
  try {
    const copied = await copyHashed(path.join(backupDir, manifest.database.path), staged);
    if (copied.sha256 !== manifest.database.sha256) {
      throw new StorageError('unreadable', { key: 'backup.restoreFailed.changedWhileCopied' });
    }
    await placeDocuments(backupDir, manifest, databaseFile);
    placeRecoveryFile(backupDir, manifest, databaseFile);
  } catch (e) {
    fs.rmSync(staged, { force: true });
    throw e instanceof StorageError ? e : failed('copying', e);
  }

  try {
    return await hooks.exclusive(async () => {
      const warnings = [...verification.warnings];
      const exists = fs.existsSync(databaseFile);
      let beforeRestore: string | null = null;
      if (exists) {
        let backup: Awaited<ReturnType<RestoreHooks['backUpCurrent']>>;
        try {
          backup = await hooks.backUpCurrent();
        } catch (e) {
          throw failed('backingUp', e);
        }
        if ('taken' in backup) beforeRestore = backup.taken;
        else warnings.push(localised('backup.warning.noBackupBeforeRestore', { reason: backup.skipped }));
      }

      hooks.close();
      if (exists && inUseElsewhere(databaseFile, options)) {
        hooks.reopen();
        throw new StorageError('unreadable', { key: 'backup.restoreFailed.inUse' });
      }
      let setAside: string | null = null;
      try {
        if (exists) {
          const folder = setAsideFolderOf(databaseFile);
          fs.mkdirSync(folder, { recursive: true });
          setAside = path.join(
            folder,
            `${path.basename(databaseFile, path.extname(databaseFile))}-replaced-${timeForFileName(now)}.sqlite`,
          );
          moveWithSideFiles(databaseFile, setAside);
        }
        try {
          fs.renameSync(staged, databaseFile);
        } catch (e) {
          if (setAside) moveWithSideFiles(setAside, databaseFile);
          throw e;
        }
      } catch (e) {
        if (exists) hooks.reopen();
        throw failed('settingAside', e);
      }

      try {
        hooks.reopen();
      } catch (e) {
        // The restored copy goes (the backup still holds it); the old register comes back.
        for (const suffix of SIDE_FILES) fs.rmSync(databaseFile + suffix, { force: true });
        if (setAside) {
          moveWithSideFiles(setAside, databaseFile);
          hooks.reopen();
        }
        throw failed('opening', e);
      }
      return {
        restored: name,
        setAside,
        beforeRestore,
        schemaVersion: manifest.schemaVersion,
        requestCount: manifest.requestCount,
        documentCount: manifest.documents.length + manifest.missingDocuments.length,
        warnings,
      };
    });
  } finally {
    fs.rmSync(staged, { force: true });
  }
}
