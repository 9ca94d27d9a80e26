import type { Db, Queryable } from './types.ts';
import { eq } from 'drizzle-orm';
import {
  type BackupRetention,
  backupRetentionSchema,
  DEFAULT_BACKUP_RETENTION,
  DEFAULT_SETTINGS,
  type Settings,
  settingsSchema,
} from '../contract/settings.ts';
import { type Actor, recordAudit } from './audit.ts';
import { settings } from './schema/index.ts';

/** The office's settings; a value missing or unreadable in the file falls back to its default. */
export function readSettings(db: Queryable): Settings {
  const stored: Record<string, unknown> = {};
  for (const row of db.select().from(settings).all()) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A hand-edited value that is not JSON is ignored rather than blocking start-up.
    }
  }
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = settingsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  // Every key was checked against its own schema above.
  return merged as Settings;
}

export function updateSettings(db: Db, patch: Partial<Settings>, actor: Actor, at: string): Settings {
  return db.transaction(
    (tx) => {
      const before = readSettings(tx);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        const json = JSON.stringify(value);
        const existing = tx.select().from(settings).where(eq(settings.key, key)).get();
        if (existing) tx.update(settings).set({ value: json }).where(eq(settings.key, key)).run();
        else tx.insert(settings).values({ key, value: json }).run();
      }
      const after = readSettings(tx);
      recordAudit(tx, actor, at, {
        action: 'settings.update',
        entity: 'settings',
        entityId: null,
        details: { before, after },
      });
      return after;
    },
    { behavior: 'immediate' },
  );
}

const RETENTION_KEY = 'backupRetention';

/** How many backups are kept; stored as one value, anything unreadable falls back to the defaults. */
export function readBackupRetention(db: Queryable): BackupRetention {
  const row = db.select().from(settings).where(eq(settings.key, RETENTION_KEY)).get();
  let stored: unknown = {};
  try {
    stored = row ? JSON.parse(row.value) : {};
  } catch {
    // A hand-edited value that is not JSON: the defaults, as for the other settings.
  }
  const merged: Record<string, unknown> = { ...DEFAULT_BACKUP_RETENTION };
  if (stored !== null && typeof stored === 'object') {
    for (const key of Object.keys(DEFAULT_BACKUP_RETENTION) as (keyof BackupRetention)[]) {
      const parsed = backupRetentionSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
      if (parsed.success) merged[key] = parsed.data;
    }
  }
  // Every key was checked against its own schema above.
  return merged as BackupRetention;
}

export function updateBackupRetention(
  db: Db,
  patch: Partial<BackupRetention>,
  actor: Actor,
  at: string,
): BackupRetention {
  return db.transaction(
    (tx) => {
      const before = readBackupRetention(tx);
      const after: BackupRetention = { ...before };
      for (const key of Object.keys(DEFAULT_BACKUP_RETENTION) as (keyof BackupRetention)[]) {
        const value = patch[key];
        if (value !== undefined) after[key] = value;
      }
      const value = JSON.stringify(after);
      const existing = tx.select().from(settings).where(eq(settings.key, RETENTION_KEY)).get();
      if (existing) tx.update(settings).set({ value }).where(eq(settings.key, RETENTION_KEY)).run();
      else tx.insert(settings).values({ key: RETENTION_KEY, value }).run();
      recordAudit(tx, actor, at, {
        action: 'settings.update',
        entity: 'settings',
        entityId: null,
        details: { before: { backupRetention: before }, after: { backupRetention: after } },
      });
      return after;
    },
    { behavior: 'immediate' },
  );
}
