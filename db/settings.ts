import type { Db, Queryable } from './types.ts';
import { eq } from 'drizzle-orm';
import { ADJUSTABLE_CLOCKS, PRESERVATION_CLOCKS } from '../contract/clocks.ts';
import {
  type BackupRetention,
  backupRetentionSchema,
  type ClockSettings,
  type ClockSettingsPatch,
  clockSettingsSchema,
  DEFAULT_BACKUP_RETENTION,
  DEFAULT_CLOCK_SETTINGS,
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

const CLOCKS_KEY = 'clocks';

/** A stored part of the clock settings, each piece checked on its own: what does not check falls back to its default. */
function mergedClockSettings(stored: unknown): ClockSettings {
  const from: Record<string, unknown> = stored !== null && typeof stored === 'object' ? { ...stored } : {};
  const shape = clockSettingsSchema.shape;
  const part = <T>(
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    value: unknown,
    fallback: T,
  ): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  const group = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const lengths = group(from['lengths']);
  const extensions = group(from['extensions']);
  return {
    lengths: Object.fromEntries(
      ADJUSTABLE_CLOCKS.map((id) => [
        id,
        part(shape.lengths.shape[id], lengths[id], DEFAULT_CLOCK_SETTINGS.lengths[id]),
      ]),
    ) as ClockSettings['lengths'],
    extensions: Object.fromEntries(
      PRESERVATION_CLOCKS.map((id) => [
        id,
        part(shape.extensions.shape[id], extensions[id], DEFAULT_CLOCK_SETTINGS.extensions[id]),
      ]),
    ) as ClockSettings['extensions'],
    weekendDays: part(shape.weekendDays, from['weekendDays'], DEFAULT_CLOCK_SETTINGS.weekendDays),
    holidays: part(shape.holidays, from['holidays'], DEFAULT_CLOCK_SETTINGS.holidays),
    timeZone: part(shape.timeZone, from['timeZone'], DEFAULT_CLOCK_SETTINGS.timeZone),
    warningDays: part(shape.warningDays, from['warningDays'], DEFAULT_CLOCK_SETTINGS.warningDays),
    warningHours: part(shape.warningHours, from['warningHours'], DEFAULT_CLOCK_SETTINGS.warningHours),
  };
}

/** The legal clocks' settings (contract/settings.ts), stored as one value like the backup retention. */
export function readClockSettings(db: Queryable): ClockSettings {
  const row = db.select().from(settings).where(eq(settings.key, CLOCKS_KEY)).get();
  let stored: unknown = {};
  try {
    stored = row ? JSON.parse(row.value) : {};
  } catch {
    // A hand-edited value that is not JSON: the defaults, as for the other settings.
  }
  return mergedClockSettings(stored);
}

/** `base` with the values `patch` gives (an absent or undefined one keeps the base's). */
function overlay<T extends object>(base: T, patch: { [K in keyof T]?: T[K] | undefined } | undefined): T {
  const out = { ...base };
  for (const key of Object.keys(patch ?? {}) as (keyof T)[]) {
    const value = patch?.[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function updateClockSettings(db: Db, patch: ClockSettingsPatch, actor: Actor, at: string): ClockSettings {
  return db.transaction(
    (tx) => {
      const before = readClockSettings(tx);
      const after: ClockSettings = {
        ...before,
        lengths: overlay(before.lengths, patch.lengths),
        extensions: overlay(before.extensions, patch.extensions),
        // Kept in order, so the stored value (and the audit log's before and after) compare as they read.
        weekendDays: [...(patch.weekendDays ?? before.weekendDays)].sort((a, b) => a - b),
        holidays: [...(patch.holidays ?? before.holidays)].sort(),
        timeZone: patch.timeZone ?? before.timeZone,
        warningDays: patch.warningDays ?? before.warningDays,
        warningHours: patch.warningHours ?? before.warningHours,
      };
      const value = JSON.stringify(after);
      const existing = tx.select().from(settings).where(eq(settings.key, CLOCKS_KEY)).get();
      if (existing) tx.update(settings).set({ value }).where(eq(settings.key, CLOCKS_KEY)).run();
      else tx.insert(settings).values({ key: CLOCKS_KEY, value }).run();
      recordAudit(tx, actor, at, {
        action: 'settings.update',
        entity: 'settings',
        entityId: null,
        details: { before: { clocks: before }, after: { clocks: after } },
      });
      return after;
    },
    { behavior: 'immediate' },
  );
}
