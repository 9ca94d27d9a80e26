import { z } from 'zod';

/**
 * Reference patterns use placeholders: {KIND} (MLA, PRE, DIS, EDR), {DIR} (IN, OUT),
 * {YYYY} (year), and {SEQ} or {SEQ:n} (the running number, zero-padded to n digits).
 * The running number counts per kind, direction and year, so the pattern must hold all four.
 */
export const DEFAULT_REFERENCE_PATTERN = '{KIND}-{DIR}-{YYYY}-{SEQ:5}';

export const referencePatternSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(80, { message: 'must be at most 80 characters' })
  .refine((p) => ['{KIND}', '{DIR}', '{YYYY}'].every((t) => p.includes(t)), {
    message: 'must contain {KIND}, {DIR} and {YYYY}, so that references stay unique',
  })
  .refine((p) => (p.match(/\{SEQ(?::[1-9])?\}/g) ?? []).length === 1, {
    message: 'must contain the running number once, as {SEQ} or {SEQ:n} (n from 1 to 9)',
  })
  .refine((p) => p.replace(/\{(KIND|DIR|YYYY|SEQ(?::[1-9])?)\}/g, '').search(/[{}]/) === -1, {
    message: 'may use only {KIND}, {DIR}, {YYYY} and {SEQ:n} as placeholders',
  });

const days = z
  .number({ error: 'must be a number of days' })
  .int({ message: 'must be a whole number of days' })
  .min(1, { message: 'must be at least 1 day' })
  .max(3650, { message: 'must be at most 3650 days (ten years)' });

const whole = (unit: string, min: number, max: number) =>
  z
    .number({ error: `must be a number of ${unit}` })
    .int({ message: `must be a whole number of ${unit}` })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

export const settingsSchema = z.object({
  officeName: z.string().trim().max(200, { message: 'must be at most 200 characters' }),
  referencePattern: referencePatternSchema,
  /** Reminders (the Today dashboard): how long the office waits before a request counts as late. */
  acknowledgementDays: days,
  replyAbroadDays: days,
  preservationWarningDays: days,
  deadlineWarningDays: days,
  /** Sign-in (db/accounts): this many wrong passwords in a row lock the account... */
  lockoutAttempts: whole('attempts', 3, 20),
  /** ...for this many minutes (an administrator can unlock it sooner). */
  lockoutMinutes: whole('minutes', 1, 1440),
  /** A session unused this long ends, and the screen locks until the password is given again. */
  idleMinutes: whole('minutes', 1, 480),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  officeName: '',
  referencePattern: DEFAULT_REFERENCE_PATTERN,
  // An outgoing request not acknowledged abroad after 30 days, or unanswered after 90, is chased.
  acknowledgementDays: 30,
  replyAbroadDays: 90,
  // Preservations ending, and counterpart deadlines falling, within two weeks are flagged.
  preservationWarningDays: 14,
  deadlineWarningDays: 14,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  idleMinutes: 15,
};

export const settingsPatchSchema = settingsSchema.partial();

const backupCount = (what: string, max: number) =>
  z
    .number({ error: `must be a number of ${what}` })
    .int({ message: `must be a whole number of ${what}` })
    .min(1, { message: 'must be at least 1' })
    .max(max, { message: `must be at most ${max}` });

/**
 * How many backups are kept (db/backups/retention.ts prunes the others after each backup).
 * Kept apart from the office settings above: the Backups panel edits them on its own.
 */
export const backupRetentionSchema = z.object({
  /** The newest daily backups kept: one a day while the app is used. */
  keepDaily: backupCount('backups', 366),
  /** The newest backups taken on demand. */
  keepOnDemand: backupCount('backups', 100),
  /** Days a backup taken before a migration or a restore is kept; the newest of each kind always is. */
  keepEventDays: backupCount('days', 3650),
});
export type BackupRetention = z.infer<typeof backupRetentionSchema>;

export const DEFAULT_BACKUP_RETENTION: BackupRetention = {
  // Two weeks of days to go back to, a handful of deliberate ones, and a quarter's upgrades.
  keepDaily: 14,
  keepOnDemand: 10,
  keepEventDays: 90,
};

export const backupRetentionPatchSchema = backupRetentionSchema.partial();
