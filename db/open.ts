import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StorageError } from './errors.ts';
import { applyMigrations, loadMigrations } from './migrate.ts';

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
  /** Path of a better-sqlite3 build for this runtime (Electron loads its own ABI build). */
  nativeBinding?: string | undefined;
  /** Where the copy taken before a migration goes; default: `backups/` beside the database. */
  backupDir?: string;
  now?: () => Date;
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  file: string;
  schemaVersion: number;
  /** The copy taken before migrations ran on an existing register, if any. */
  preMigrationCopy: string | null;
  close(): void;
}

interface FileFacts {
  applicationId: number;
  userVersion: number;
  objects: number;
}

/**
 * Reads what the file is without writing a byte to it (read-only connection). SQLite may still
 * create -wal/-shm files beside a WAL database: those it created are removed again.
 */
function inspect(file: string, nativeBinding: string | undefined): FileFacts {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    return {
      applicationId: Number(probe.pragma('application_id', { simple: true })),
      userVersion: Number(probe.pragma('user_version', { simple: true })),
      objects: Number(probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()),
    };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StorageError('not_mla_desk', `${file} is not an MLA Desk database (it is not a readable SQLite file).`);
    }
    throw new StorageError('unreadable', `${file} cannot be read: ${(e as Error).message}`);
  } finally {
    probe?.close();
    // Had another process the file open, these would have existed before the probe.
    for (const f of sideFiles) fs.rmSync(f, { force: true });
  }
}

function timestampForFile(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
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
    throw new StorageError('missing', `There is no database at ${file}.`);
  }
  if (exists && !options.create && fs.statSync(file).size === 0) {
    throw new StorageError('not_mla_desk', `${file} is an empty file, not an MLA Desk database.`);
  }
  let facts: FileFacts = { applicationId: 0, userVersion: 0, objects: 0 };
  if (exists) {
    facts = inspect(file, nativeBinding);
    const isEmpty = facts.objects === 0 && facts.userVersion === 0;
    if (!isEmpty && facts.applicationId !== APPLICATION_ID) {
      throw new StorageError('not_mla_desk', `${file} is a SQLite database, but not an MLA Desk register.`);
    }
    if (facts.userVersion > migrations.length) {
      throw new StorageError(
        'newer',
        `${file} was written by a newer version of MLA Desk (schema ${facts.userVersion}; this version knows ${migrations.length}). Update MLA Desk to open it.`,
      );
    }
  } else {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { nativeBinding, readonly: options.readonly === true });
  } catch (e) {
    throw new StorageError('unreadable', `${file} cannot be opened: ${(e as Error).message}`);
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
      throw new StorageError(
        'newer',
        `${file} was written by a newer version of MLA Desk. Update MLA Desk to open it.`,
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');

    let preMigrationCopy: string | null = null;
    const pending = migrations.length - facts.userVersion;
    if (pending > 0 && options.migrate !== false) {
      if (facts.userVersion > 0) {
        const dir = options.backupDir ?? path.join(path.dirname(path.resolve(file)), 'backups');
        fs.mkdirSync(dir, { recursive: true });
        preMigrationCopy = path.join(
          dir,
          `${path.basename(file, path.extname(file))}-before-schema-${migrations.length}-${timestampForFile(now())}.sqlite`,
        );
        // VACUUM INTO writes a consistent, compact copy through SQLite itself.
        sqlite.prepare('VACUUM INTO ?').run(preMigrationCopy);
      }
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

/** The schema version this build of MLA Desk writes. */
export function currentSchemaVersion(migrationsFolder: string): number {
  return loadMigrations(migrationsFolder).length;
}
