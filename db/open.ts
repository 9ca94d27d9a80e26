import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupBeforeMigration } from './backups/take.ts';
import { reasonOf, StorageError } from './errors.ts';
import { rollBackInterruptedEncryption } from './keys/interrupted-encryption.ts';
import { isPlainSqliteFile, keyPragma, type RegisterKey } from './keys/register-key.ts';
import { applyMigrations, loadMigrations } from './migrate.ts';

/**
 * The most memory each connection's page cache may take, in KiB; pages are allocated as they
 * are read, so a small register uses little. An encrypted register's pages sit encrypted in the
 * operating system's file cache, and reading one again costs its decryption: SQLite's own
 * cache, which holds them decrypted, takes over the role the file cache played for a plain
 * file. 256 MiB holds what a year's statistics read of a 250,000-request register (measured:
 * 460 ms a year with the 16 MiB default, 240 ms with this; 128 MiB was not enough).
 */
export const PAGE_CACHE_KIB = 256 * 1024;

/** The page size of a register this version creates (an existing one keeps its own). */
export const PAGE_SIZE = 8192;

/** 'MLAD' in ASCII: marks a SQLite file as an MLA Desk register (PRAGMA application_id). */
export const APPLICATION_ID = 0x4d4c4144;

export interface OpenOptions {
  file: string;
  migrationsFolder: string;
  /** Create the file when it does not exist (first run, `init`). Otherwise a missing file is an error. */
  create?: boolean;
  /** Apply pending migrations (default). When false, an out-of-date database is opened as it is. */
  migrate?: boolean;
  /** Open without writing a byte (checks, backups): no pragmas that write, no migrations. */
  readonly?: boolean;
  /**
   * The register's encryption key (db/keys/). With a key, a new register is created
   * encrypted and a plain one is encrypted in place the first time it is opened for writing;
   * without one, only a plain register opens (tests, and files the command line made without
   * --key-file).
   */
  key?: RegisterKey | undefined;
  /** Path of a better-sqlite3 build for this runtime (Electron loads its own ABI build). */
  nativeBinding?: string | undefined;
  /** The office's backup folder (db/backups/), where the backup before a migration goes; default: `backups/` beside the database. */
  backupDir?: string;
  /** Recorded in the manifest of each backup (which version of MLA Desk wrote it). */
  appVersion?: string | undefined;
  now?: () => Date;
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  file: string;
  schemaVersion: number;
  /** The folder of the backup taken before migrations ran on an existing register (db/backups/), if any. */
  preMigrationCopy: string | null;
  close(): void;
}

interface FileFacts {
  applicationId: number;
  userVersion: number;
  objects: number;
}

/**
 * An encrypted database and any other file that is not a plain SQLite one look the same
 * without the key; but a database is whole pages (512 to 65,536 bytes each), so a file of
 * another size is certainly not one, and is named as such rather than as encrypted.
 */
function looksLikeEncryptedDatabase(file: string): boolean {
  const size = fs.statSync(file).size;
  return size >= 512 && size % 512 === 0;
}

/**
 * Reads what the file is without writing a byte to it (read-only connection). SQLite may still
 * create -wal/-shm files beside a WAL database: those it created are removed again.
 */
function inspect(file: string, nativeBinding: string | undefined, key: RegisterKey | undefined): FileFacts {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  const plain = isPlainSqliteFile(file);
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    if (key && !plain) probe.pragma(keyPragma(key));
    return {
      applicationId: Number(probe.pragma('application_id', { simple: true })),
      userVersion: Number(probe.pragma('user_version', { simple: true })),
      objects: Number(probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()),
    };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      // An encrypted file and a file that is not a database look the same without the right key.
      if (key && !plain) {
        throw new StorageError('wrong_key', { key: 'storage.wrongKey', params: { file } });
      }
      if (!plain && looksLikeEncryptedDatabase(file)) {
        throw new StorageError('encrypted', { key: 'storage.encrypted', params: { file } });
      }
      throw new StorageError('not_mla_desk', { key: 'storage.notSqlite', params: { file } });
    }
    throw new StorageError('unreadable', { key: 'storage.unreadable', params: { file, reason: reasonOf(e) } });
  } finally {
    probe?.close();
    // Had another process the file open, these would have existed before the probe.
    for (const f of sideFiles) fs.rmSync(f, { force: true });
  }
}

/**
 * Opens (and if asked, creates) a register database: refuses files that are not ours or come
 * from a newer version before touching them, sets the pragmas, and brings the schema up to
 * date in one transaction after copying the file aside.
 */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const { file, migrationsFolder, nativeBinding } = options;
  const now = options.now ?? (() => new Date());
  const migrations = loadMigrations(migrationsFolder);
  const exists = fs.existsSync(file);

  if (!exists && !options.create) {
    throw new StorageError('missing', { key: 'storage.missing', params: { file } });
  }
  if (exists && !options.create && fs.statSync(file).size === 0) {
    throw new StorageError('not_mla_desk', { key: 'storage.emptyFile', params: { file } });
  }
  let facts: FileFacts = { applicationId: 0, userVersion: 0, objects: 0 };
  if (exists) {
    if (!options.readonly) {
      rollBackInterruptedEncryption(file, { applicationId: APPLICATION_ID, key: options.key, nativeBinding });
    }
    facts = inspect(file, nativeBinding, options.key);
    const isEmpty = facts.objects === 0 && facts.userVersion === 0;
    if (!isEmpty && facts.applicationId !== APPLICATION_ID) {
      throw new StorageError('not_mla_desk', { key: 'storage.notRegister', params: { file } });
    }
    if (facts.userVersion > migrations.length) {
      throw new StorageError('newer', {
        key: 'storage.newerSchema',
        params: { file, schema: facts.userVersion, known: migrations.length },
      });
    }
  } else {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  // A file that is there and plain stays readable without the key until it is encrypted below.
  const plainBefore = exists && fs.statSync(file).size > 0 && isPlainSqliteFile(file);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { nativeBinding, readonly: options.readonly === true });
    // Before the first read: SQLite reads the first page with whatever key it has.
    if (options.key && !plainBefore) sqlite.pragma(keyPragma(options.key));
    sqlite.pragma(`cache_size = ${-PAGE_CACHE_KIB}`);
  } catch (e) {
    throw new StorageError('unreadable', { key: 'storage.cannotOpen', params: { file, reason: reasonOf(e) } });
  }
  if (options.readonly) {
    return {
      sqlite,
      file,
      schemaVersion: Number(sqlite.pragma('user_version', { simple: true })),
      preMigrationCopy: null,
      close: () => sqlite.close(),
    };
  }
  try {
    // The probe read the header as it is on disk; a crash can leave a newer one in the WAL.
    const liveVersion = Number(sqlite.pragma('user_version', { simple: true }));
    if (liveVersion > migrations.length) {
      throw new StorageError('newer', { key: 'storage.newer', params: { file } });
    }
    if (options.key && plainBefore) encryptInPlace(sqlite, options.key);
    // Before the first write fixes it: 8 KiB pages hold a register about 4% smaller than 4 KiB
    // ones (fewer per-page cipher overheads and half-full pages) and read it faster (a year's
    // statistics 230 → 217 ms, a list page's p95 1.2 → 0.8 ms at 250,000 encrypted requests).
    if (!exists) sqlite.pragma(`page_size = ${PAGE_SIZE}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');

    let preMigrationCopy: string | null = null;
    const pending = migrations.length - facts.userVersion;
    if (pending > 0 && options.migrate !== false) {
      if (facts.userVersion > 0) preMigrationCopy = backupBeforeMigration(sqlite, options, now());
      if (facts.userVersion === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      applyMigrations(sqlite, migrations, facts.userVersion);
      sqlite.pragma('optimize');
    }
    const schemaVersion = Number(sqlite.pragma('user_version', { simple: true }));
    return {
      sqlite,
      file,
      schemaVersion,
      preMigrationCopy,
      close: () => sqlite.close(),
    };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * Encrypts a plain register where it lies (SQLite3 Multiple Ciphers' rekey, which rewrites
 * every page in one transaction). Rekeying is refused in WAL mode, so the journal goes to
 * DELETE for it (the WAL is checkpointed into the file first) and comes back right after.
 * The rollback journal holds plain pages only while the rekey runs and is deleted with it.
 */
function encryptInPlace(sqlite: Database.Database, key: RegisterKey): void {
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma(`re${keyPragma(key)}`);
}

/** The schema version this build of MLA Desk writes. */
export function currentSchemaVersion(migrationsFolder: string): number {
  return loadMigrations(migrationsFolder).length;
}
