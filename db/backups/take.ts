import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupReason } from '../../contract/backups.ts';
import { appError } from '../../contract/errors.ts';
import { reasonOf, StorageError, type StorageMessage } from '../errors.ts';
import { recoveryFileFor } from '../keys/recovery.ts';
import type { OpenOptions } from '../open.ts';
import {
  copyOpenDatabase,
  copyOpenDatabaseSync,
  type DatabaseFacts,
  openBackupDatabase,
  readDatabaseFacts,
} from './database.ts';
import { copyHashed, copyHashedSync, hashFile, hashFileSync, sizeOf, tryHardLink, type Written } from './files.ts';
import { dataFolderOf, storedDocumentFile } from './documents.ts';
import { type BackupDocument, type Manifest, readManifest, relativeDocumentPath, writeManifest } from './manifest.ts';
import {
  backupFolderNames,
  backupsFolderOf,
  claimBackupFolder,
  DATABASE_IN_BACKUP,
  RECOVERY_IN_BACKUP,
  removeBackupFolder,
} from './paths.ts';
import { pruneBackups, retentionOf } from './retention.ts';

/** The register being backed up: its open connection and the options it was opened with. */
export interface BackupSource {
  sqlite: Database.Database;
  options: OpenOptions;
}

export interface TakeBackup {
  reason: BackupReason;
  at: Date;
  /** Apply retention afterwards: not for the backup taken before a restore, which must leave the chosen one be. */
  prune: boolean;
}

export interface TakenBackup {
  name: string;
  dir: string;
  manifest: Manifest;
  /** Backups retention removed afterwards. */
  pruned: string[];
}

/**
 * The copy of a register failed SQLite's integrity check: the register itself is damaged (or
 * the disk wrote wrong bytes). A restore goes on without its before-restore backup then: the
 * damaged register is set aside as it was.
 */
export class DamagedCopyError extends StorageError {
  constructor(message: StorageMessage) {
    super('unreadable', message);
    this.name = 'DamagedCopyError';
  }
}

/**
 * Checks a backup's database: it opens with the register's options (key included) and passes
 * SQLite's full integrity check. Returns what it holds.
 */
export function checkBackupDatabase(file: string, options: OpenOptions): DatabaseFacts {
  const opened = openBackupDatabase(file, options);
  let facts: DatabaseFacts;
  try {
    facts = readDatabaseFacts(opened.sqlite);
  } finally {
    opened.close();
  }
  if (facts.integrity.length > 0) {
    throw new DamagedCopyError({
      key: 'backup.copyDamaged',
      params: { details: facts.integrity.slice(0, 3).join('; ') },
    });
  }
  return facts;
}

/** The documents of the newest finished backup, by path: unchanged ones are shared with it. */
function previousDocuments(folder: string, exclude: string): Map<string, { file: string; entry: BackupDocument }> {
  for (const name of backupFolderNames(folder).reverse()) {
    if (name === exclude) continue;
    const read = readManifest(path.join(folder, name));
    if (!read.ok) continue;
    return new Map(
      read.manifest.documents.map((entry) => [entry.path, { file: path.join(folder, name, entry.path), entry }]),
    );
  }
  return new Map();
}

/**
 * A document the previous backup already holds is hard-linked from there, not copied again.
 * Stored documents never change (their name is their content's hash), so the same name and
 * size are the same file; the previous copy, not the data folder's, is what is shared, so a
 * file damaged later in the data folder does not reach the backups. The entry keeps the hash
 * recorded when the bytes were first copied: a verification rehashes them against it.
 */
function linkFromPrevious(
  previous: { file: string; entry: BackupDocument } | undefined,
  sha256: string,
  live: string,
  dest: string,
): BackupDocument | null {
  if (!previous || previous.entry.document !== sha256 || sizeOf(previous.file) !== previous.entry.size) return null;
  const liveSize = sizeOf(live);
  if (liveSize !== null && liveSize !== previous.entry.size) return null;
  return tryHardLink(previous.file, dest) ? previous.entry : null;
}

/** Retention after a finished backup; its troubles (a folder another program holds) never undo the backup. */
function prune(source: BackupSource, folder: string, at: Date, name: string): string[] {
  try {
    return pruneBackups(folder, retentionOf(source.sqlite), at, [name]);
  } catch {
    return [];
  }
}

/** What a backup asks of its driver: the only steps that differ between the blocking and the streaming one. */
type Step =
  { op: 'copyDatabase'; out: string } | { op: 'hash'; file: string } | { op: 'copy'; from: string; to: string };

function written(result: Written | undefined): Written {
  if (!result) throw appError('internal', 'backup.noStepResult');
  return result;
}

/**
 * A backup, step by step: the database copied through the open connection, then checked; the
 * documents the copy refers to, shared with the previous backup or copied; the manifest last,
 * so a folder without one is recognisably half-written; then retention. A failure removes
 * the folder and says what failed.
 */
function* backupSteps(source: BackupSource, take: TakeBackup): Generator<Step, TakenBackup, Written | undefined> {
  const { options } = source;
  const folder = backupsFolderOf(options.file, options.backupDir);
  const { name, dir } = claimBackupFolder(folder, take.at, take.reason);
  try {
    const databaseFile = path.join(dir, DATABASE_IN_BACKUP);
    yield { op: 'copyDatabase', out: databaseFile };
    const facts = checkBackupDatabase(databaseFile, options);
    const database = { path: DATABASE_IN_BACKUP, ...written(yield { op: 'hash', file: databaseFile }) };

    const dataDir = dataFolderOf(options.file);
    const previous = previousDocuments(folder, name);
    const documents: BackupDocument[] = [];
    const missingDocuments: string[] = [];
    for (const sha256 of facts.documents) {
      const live = storedDocumentFile(options, sha256);
      const relative = relativeDocumentPath(dataDir, live);
      const dest = path.join(dir, relative);
      const linked = linkFromPrevious(previous.get(relative), sha256, live, dest);
      if (linked) documents.push(linked);
      else if (sizeOf(live) !== null) {
        documents.push({ path: relative, document: sha256, ...written(yield { op: 'copy', from: live, to: dest }) });
      } else missingDocuments.push(sha256);
    }

    // The recovery file is small and changes when a new passphrase is made: copied, not linked.
    const recoveryFile = recoveryFileFor(path.resolve(options.file));
    const recovery =
      sizeOf(recoveryFile) === null
        ? null
        : {
            path: RECOVERY_IN_BACKUP,
            ...written(yield { op: 'copy', from: recoveryFile, to: path.join(dir, RECOVERY_IN_BACKUP) }),
          };

    const manifest: Manifest = {
      format: 'mla-desk-backup',
      formatVersion: 1,
      createdAt: take.at.toISOString(),
      reason: take.reason,
      appVersion: options.appVersion ?? null,
      schemaVersion: facts.schemaVersion,
      requestCount: facts.requestCount,
      source: path.resolve(options.file),
      database,
      documents,
      recovery,
      missingDocuments,
    };
    writeManifest(dir, manifest);
    return { name, dir, manifest, pruned: take.prune ? prune(source, folder, take.at, name) : [] };
  } catch (e) {
    try {
      removeBackupFolder(dir);
    } catch {
      // Left without a manifest, it is listed as half-written and never offered for restore.
    }
    const message = { key: 'backup.notTaken', params: { reason: reasonOf(e) } } as const;
    throw e instanceof DamagedCopyError ? new DamagedCopyError(message) : new StorageError('unreadable', message);
  }
}

/** Takes a backup of a register while it is in use: the database in steps, documents streamed. */
export async function takeBackup(source: BackupSource, take: TakeBackup): Promise<TakenBackup> {
  const run = backupSteps(source, take);
  let next = run.next();
  while (!next.done) {
    const step = next.value;
    let result: Written | undefined;
    try {
      if (step.op === 'copyDatabase') await copyOpenDatabase(source.sqlite, step.out, source.options.nativeBinding);
      else result = step.op === 'hash' ? await hashFile(step.file) : await copyHashed(step.from, step.to);
    } catch (e) {
      next = run.throw(e);
      continue;
    }
    next = run.next(result);
  }
  return next.value;
}

/** The same, blocking: for the backup taken while the register is being opened, before a migration. */
export function takeBackupSync(source: BackupSource, take: TakeBackup): TakenBackup {
  const run = backupSteps(source, take);
  let next = run.next();
  while (!next.done) {
    const step = next.value;
    let result: Written | undefined;
    try {
      if (step.op === 'copyDatabase') copyOpenDatabaseSync(source.sqlite, step.out);
      else result = step.op === 'hash' ? hashFileSync(step.file) : copyHashedSync(step.from, step.to);
    } catch (e) {
      next = run.throw(e);
      continue;
    }
    next = run.next(result);
  }
  return next.value;
}

/**
 * The backup db/open.ts takes before migrating an existing register: the same folder, format
 * and retention as every other backup. Returns the backup's folder.
 */
export function backupBeforeMigration(sqlite: Database.Database, options: OpenOptions, at: Date): string {
  return takeBackupSync({ sqlite, options }, { reason: 'before-migration', at, prune: true }).dir;
}
