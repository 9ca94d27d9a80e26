import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type BackupReason, parseBackupName } from '../../contract/backups.ts';
import { type BackupRetention, DEFAULT_BACKUP_RETENTION } from '../../contract/settings.ts';
import { readBackupRetention } from '../settings.ts';
import { backupFolderNames, MANIFEST, removeBackupFolder } from './paths.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A folder without a manifest this old is a backup that died half-way (a crash, a full disk), not one being written. */
const STALE_INCOMPLETE_MS = DAY_MS;

export interface BackupFolder {
  name: string;
  createdAt: string;
  reason: BackupReason;
  /** Whether its manifest was written (the backup finished). */
  complete: boolean;
}

/**
 * Which backups retention removes: beyond the newest `keepDaily` daily ones and the newest
 * `keepOnDemand` on-demand ones; before-migration and before-restore ones older than
 * `keepEventDays` days, except the newest of each kind (the way back from the last upgrade or
 * restore is never pruned); and half-written folders a day old. Never one named in `protect`.
 */
export function backupsToPrune(
  folders: readonly BackupFolder[],
  retention: BackupRetention,
  now: Date,
  protect: readonly string[] = [],
): string[] {
  const prune: string[] = [];
  const newestFirst = [...folders].sort((a, b) => (a.name < b.name ? 1 : -1));
  const seen = new Map<BackupReason, number>();
  for (const folder of newestFirst) {
    if (protect.includes(folder.name)) continue;
    const age = now.getTime() - Date.parse(folder.createdAt);
    if (!folder.complete) {
      if (age > STALE_INCOMPLETE_MS) prune.push(folder.name);
      continue;
    }
    const rank = (seen.get(folder.reason) ?? 0) + 1;
    seen.set(folder.reason, rank);
    const keep =
      folder.reason === 'daily'
        ? rank <= retention.keepDaily
        : folder.reason === 'on-demand'
          ? rank <= retention.keepOnDemand
          : rank === 1 || age <= retention.keepEventDays * DAY_MS;
    if (!keep) prune.push(folder.name);
  }
  return prune;
}

export function backupFoldersIn(folder: string): BackupFolder[] {
  return backupFolderNames(folder).flatMap((name) => {
    const parsed = parseBackupName(name);
    if (!parsed) return [];
    return [{ name, ...parsed, complete: fs.existsSync(path.join(folder, name, MANIFEST)) }];
  });
}

/** Applies retention to the backups in `folder`; returns the names removed. */
export function pruneBackups(
  folder: string,
  retention: BackupRetention,
  now: Date,
  protect: readonly string[] = [],
): string[] {
  const removed: string[] = [];
  for (const name of backupsToPrune(backupFoldersIn(folder), retention, now, protect)) {
    try {
      removeBackupFolder(path.join(folder, name));
      removed.push(name);
    } catch {
      // In use by another program (Windows), or already gone: the next backup tries again.
    }
  }
  return removed;
}

/** The retention setting of the register on `sqlite`; the defaults where it cannot be read (an old schema). */
export function retentionOf(sqlite: Database.Database): BackupRetention {
  try {
    return readBackupRetention(drizzle({ client: sqlite }));
  } catch {
    return DEFAULT_BACKUP_RETENTION;
  }
}
