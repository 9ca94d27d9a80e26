import fs from 'node:fs';
import path from 'node:path';
import type { BackupList, BackupSummary, BackupVerification, RestoreResult } from '../../contract/backups.ts';
import { parseBackupName } from '../../contract/backups.ts';
import { appError } from '../../contract/errors.ts';
import type { BackupRetention } from '../../contract/settings.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { currentSchemaVersion, type OpenOptions } from '../open.ts';
import { readBackupRetention, updateBackupRetention } from '../settings.ts';
import type { Db } from '../types.ts';
import { listBackups, summarize } from './list.ts';
import { backupsFolderOf, MANIFEST, setAsideFolderOf } from './paths.ts';
import { backupFoldersIn } from './retention.ts';
import { takeBackup } from './take.ts';
import { verifyBackup } from './verify.ts';

export type { RestoreHooks } from './restore.ts';
export { restoreBackup } from './restore.ts';
export { DamagedCopyError } from './take.ts';

/** The backups an application takes of its open register (the one before a migration is db/open.ts's). */
export type AppBackupReason = 'daily' | 'on-demand' | 'before-restore';

/**
 * The office's backups of this register (db/backups/): taken through its open connection,
 * listed, verified, and retention. A restore replaces the register itself, so its host runs it
 * (restoreBackup), not the register.
 */
export interface BackupStore {
  readonly folder: string;
  list(): Promise<BackupList>;
  /** Takes a backup now; retention prunes older ones afterwards (except around a restore). */
  create(reason: AppBackupReason, at: Date): Promise<BackupSummary>;
  /** Hashes every file and checks the database: what a restore would check first. */
  verify(name: string, at: Date): Promise<BackupVerification>;
  /** When the newest finished daily backup was taken (the daily schedule's question). */
  newestDaily(): Promise<Date | null>;
  /** The folder of the backup of that name; not_found when there is none. */
  locate(name: string): string;
  updateRetention(patch: Partial<BackupRetention>, actor: Actor, clock: Clock): Promise<BackupRetention>;
  /** Records, in the register just restored, which backup it came from and where the old one went. */
  recordRestore(result: RestoreResult, actor: Actor, clock: Clock): Promise<void>;
}

export function sqliteBackupStore(db: Db, options: OpenOptions): BackupStore {
  const folder = backupsFolderOf(options.file, options.backupDir);
  const known = () => currentSchemaVersion(options.migrationsFolder);
  const locate = (name: string): string => {
    const dir = path.join(folder, name);
    if (parseBackupName(name) === null || !fs.existsSync(path.join(dir, MANIFEST))) {
      throw appError('not_found', 'backup.notFound', { name, folder });
    }
    return dir;
  };
  return {
    folder,
    list: async () => ({
      folder,
      setAsideFolder: setAsideFolderOf(options.file),
      ...listBackups(folder, known()),
      retention: readBackupRetention(db),
    }),
    create: async (reason, at) => {
      const taken = await takeBackup(
        { sqlite: db.$client, options },
        { reason, at, prune: reason !== 'before-restore' },
      );
      return summarize(taken.dir, taken.manifest, known());
    },
    verify: async (name, at) => verifyBackup(locate(name), options, at),
    newestDaily: async () => {
      const daily = backupFoldersIn(folder).filter((f) => f.reason === 'daily' && f.complete);
      const newest = daily.at(-1);
      return newest ? new Date(newest.createdAt) : null;
    },
    locate,
    updateRetention: async (patch, actor, clock) => updateBackupRetention(db, patch, actor, clock.at),
    recordRestore: async (result, actor, clock) => {
      db.transaction((tx) =>
        recordAudit(tx, actor, clock.at, {
          action: 'register.restore',
          entity: 'register',
          entityId: null,
          details: { ...result },
        }),
      );
    },
  };
}
