import fs from 'node:fs';
import path from 'node:path';
import { type BackupReason, parseBackupName } from '../../contract/backups.ts';
import { reasonOf, StorageError } from '../errors.ts';

/** A backup folder holds the database under this name, its documents under documents/, and its manifest. */
export const DATABASE_IN_BACKUP = 'register.sqlite';
export const MANIFEST = 'manifest.json';
/**
 * The register key wrapped under the recovery passphrase (db/keys/recovery.ts), beside the
 * database: without it a backup of an encrypted register restored on a new machine could not
 * be opened (the key store that held the key is gone with the old machine).
 */
export const RECOVERY_IN_BACKUP = 'register.sqlite.recovery.json';
/** The result of the last full verification (informative: a restore always verifies again). */
export const LAST_CHECK = 'last-check.json';

/** The office's backups: `backups/` beside the register unless `backupDir` says otherwise. */
export function backupsFolderOf(databaseFile: string, backupDir?: string): string {
  return path.resolve(backupDir ?? path.join(path.dirname(path.resolve(databaseFile)), 'backups'));
}

/** Where a restore puts the register it replaces: beside it (one file system, so a rename), never pruned. */
export function setAsideFolderOf(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), 'set-aside');
}

/** A time as file names carry it: ISO 8601 in UTC with `:` and `.` replaced, so it sorts and works on Windows. */
export function timeForFileName(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/**
 * Creates the folder of a new backup and returns its name. The name is claimed with an exclusive
 * mkdir, so two backups started in the same millisecond (the app and the command line) never
 * share a folder.
 */
export function claimBackupFolder(folder: string, at: Date, reason: BackupReason): { name: string; dir: string } {
  fs.mkdirSync(folder, { recursive: true });
  const base = `${timeForFileName(at)}-${reason}`;
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    const dir = path.join(folder, name);
    try {
      fs.mkdirSync(dir);
      return { name, dir };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StorageError('unreadable', {
          key: 'backup.folderNotCreated',
          params: { folder: dir, reason: reasonOf(e) },
        });
      }
    }
  }
  throw new StorageError('unreadable', { key: 'backup.tooMany', params: { name: base, folder } });
}

/** The backup folders in `folder`, oldest first (their names sort by time). */
export function backupFolderNames(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && parseBackupName(entry.name) !== null)
    .map((entry) => entry.name)
    .sort();
}

/** Removes a backup folder; its documents may be hard links shared with other backups, which keep theirs. */
export function removeBackupFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
