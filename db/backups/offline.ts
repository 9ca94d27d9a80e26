import path from 'node:path';
import type { BackupReason, BackupSummary, BackupVerification, RestoreResult } from '../../contract/backups.ts';
import type { Actor } from '../audit.ts';
import { type OpenOptions, openDatabase } from '../open.ts';
import { openSqliteRegister } from '../register.ts';
import { listBackups } from './list.ts';
import { backupsFolderOf } from './paths.ts';
import { restoreBackup } from './restore.ts';
import { DamagedCopyError, takeBackup, type TakenBackup } from './take.ts';
import { verifyBackup } from './verify.ts';

/**
 * Backups of a register file no application holds open here: the command line's `backup`,
 * `backups` and `restore`. The same code as the app's, around a connection of its own.
 */

/** Backs up the register in `options.file`, opened read-only (nothing is migrated or written to it). */
export async function backUpRegisterFile(options: OpenOptions, reason: BackupReason, at: Date): Promise<TakenBackup> {
  const opened = openDatabase({ ...options, create: false, readonly: true });
  try {
    return await takeBackup({ sqlite: opened.sqlite, options }, { reason, at, prune: reason !== 'before-restore' });
  } finally {
    opened.close();
  }
}

export interface ListedBackup {
  summary: BackupSummary;
  verification?: BackupVerification;
}

export async function listBackupsOf(
  options: OpenOptions,
  knownSchemaVersion: number,
  verify: boolean,
): Promise<{ folder: string; backups: ListedBackup[]; incomplete: number }> {
  const folder = backupsFolderOf(options.file, options.backupDir);
  const listed = listBackups(folder, knownSchemaVersion);
  const backups: ListedBackup[] = [];
  for (const summary of listed.backups) {
    backups.push(
      verify
        ? { summary, verification: await verifyBackup(path.join(folder, summary.name), options, new Date()) }
        : { summary },
    );
  }
  return { folder, backups, incomplete: listed.incomplete };
}

/**
 * Restores the backup in `backupDir` over the register in `options.file` (which may not exist:
 * a register brought back on a new machine). The current register, if it can be read, is
 * backed up first; either way it is set aside whole. The restore is recorded in the audit log
 * of the restored register, as the app records it.
 */
export async function restoreRegisterFile(
  options: OpenOptions,
  backupDir: string,
  actor: Actor,
  now: Date,
): Promise<RestoreResult> {
  const result = await restoreBackup({
    databaseFile: options.file,
    backupDir,
    options,
    now,
    hooks: {
      exclusive: (work) => work(),
      backUpCurrent: async () => {
        let opened: ReturnType<typeof openDatabase>;
        try {
          opened = openDatabase({ ...options, create: false, readonly: true });
        } catch (e) {
          // Not readable as a register at all: it is set aside as it is, which is all that can be kept of it.
          return { skipped: `it cannot be opened: ${(e as Error).message}` };
        }
        try {
          const taken = await takeBackup(
            { sqlite: opened.sqlite, options },
            { reason: 'before-restore', at: now, prune: false },
          );
          return { taken: taken.name };
        } catch (e) {
          if (e instanceof DamagedCopyError) return { skipped: e.message };
          throw e;
        } finally {
          opened.close();
        }
      },
      close: () => {},
      // Opening it is the proof it is a register this version can use (an older one is migrated, with its backup).
      reopen: () => openDatabase({ ...options, create: false }).close(),
    },
  });
  const register = openSqliteRegister({ ...options, create: false });
  try {
    await register.backups.recordRestore(result, actor, {
      at: now.toISOString(),
      today: now.toISOString().slice(0, 10),
    });
  } finally {
    register.close();
  }
  return result;
}
