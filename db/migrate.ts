import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sealLegacyAuditEntries } from './audit-chain.ts';
import { reasonOf, StorageError } from './errors.ts';

export interface Migration {
  statements: string[];
  hash: string;
  createdAt: number;
}

/** The migrations drizzle-kit generated, in order. Their count is the schema version they build. */
export function loadMigrations(migrationsFolder: string): Migration[] {
  try {
    return readMigrationFiles({ migrationsFolder }).map((m) => ({
      statements: m.sql.map((s) => s.trim()).filter((s) => s !== ''),
      hash: m.hash,
      createdAt: m.folderMillis,
    }));
  } catch (e) {
    throw new StorageError('migration_failed', {
      key: 'storage.migrationsUnreadable',
      params: { folder: migrationsFolder, reason: reasonOf(e) },
    });
  }
}

/**
 * Applies the pending migrations in one transaction: either all of them land, with
 * PRAGMA user_version moved to the new schema version, or none does. The applied ones are
 * also recorded where drizzle-kit records them, so its tooling keeps working on our files.
 */
export function applyMigrations(sqlite: Database.Database, migrations: Migration[], fromVersion: number): void {
  const pending = migrations.slice(fromVersion);
  if (pending.length === 0) return;
  const run = sqlite.transaction(() => {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (
      id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`);
    const record = sqlite.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)');
    for (const m of pending) {
      for (const statement of m.statements) sqlite.exec(statement);
      record.run(m.hash, m.createdAt);
    }
    // Entries older than the audit chain get their hashes with the upgrade that adds it, never later.
    sealLegacyAuditEntries(sqlite, new Date().toISOString());
    sqlite.pragma(`user_version = ${migrations.length}`);
  });
  try {
    run.immediate();
  } catch (e) {
    throw new StorageError('migration_failed', { key: 'storage.upgradeFailed', params: { reason: reasonOf(e) } });
  }
}
