import { z } from 'zod';
import { backupRetentionSchema } from './settings.ts';
import { localisedSchema, zodMessage } from './messages.ts';

/**
 * Why a backup was taken: once a day while the app is used, just before a migration changes the
 * schema, when an administrator asks, and just before a restore replaces the register.
 */
export const BACKUP_REASONS = ['daily', 'before-migration', 'on-demand', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * A backup's folder name: its UTC time, so names sort by time, then why it was taken, then a
 * counter when two were taken in the same millisecond. The name is all a caller gives to pick a
 * backup, so it can never point outside the backups folder.
 */
export const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+?)(?:-(\d{1,3}))?$/;

export const backupNameSchema = z
  .string(zodMessage('field.backupName'))
  .max(80, zodMessage('field.backupName'))
  .refine((name) => parseBackupName(name) !== null, zodMessage('field.backupName'));

/** The time and reason a backup's name carries; null for any other name. */
export function parseBackupName(name: string): { createdAt: string; reason: BackupReason } | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const reason = BACKUP_REASONS.find((r) => r === m[6]);
  if (!reason) return null;
  const createdAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, reason };
}

/**
 * A backup's problems and warnings are messages (contract/messages.ts): the Backups panel says
 * them in the reader's language, the command line prints their English.
 */
const backupMessagesSchema = z.array(localisedSchema);

export const backupCheckSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  problems: backupMessagesSchema,
});
export type BackupCheck = z.infer<typeof backupCheckSchema>;

/** One backup as the list shows it: what its manifest says and what a quick look at its files finds. */
export const backupSummarySchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().int(),
  requestCount: z.number().int(),
  documentCount: z.number().int(),
  /** Documents the register referred to that were missing from the data folder when it was taken. */
  missingDocuments: z.number().int(),
  /** The bytes of its files (shared documents count in every backup that holds them). */
  bytes: z.number().int(),
  /**
   * `complete`: every file its manifest lists is there with its size (a quick look, not a hash);
   * `damaged`: one is missing or has another size; `newer`: written by a newer version of MLA Desk.
   */
  state: z.enum(['complete', 'damaged', 'newer']),
  problems: backupMessagesSchema,
  /** The last full verification (hashes, integrity check), if one was made. */
  lastCheck: backupCheckSchema.nullable(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupListSchema = z.object({
  /** Where the backups are (beside the register unless configured otherwise). */
  folder: z.string(),
  /** Where a restore sets the replaced register aside; retention never touches it. */
  setAsideFolder: z.string(),
  backups: z.array(backupSummarySchema),
  /** Folders without a manifest: half-written (a crash or a full disk), never offered for restore. */
  incomplete: z.number().int(),
  retention: backupRetentionSchema,
});
export type BackupList = z.infer<typeof backupListSchema>;

/** A full verification: every file hashed, the database's integrity, schema and audit chain checked. */
export const backupVerificationSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  problems: backupMessagesSchema,
  /** Worth knowing, but no reason to refuse it (e.g. documents already missing when it was taken). */
  warnings: backupMessagesSchema,
  files: z.number().int(),
  bytes: z.number().int(),
  checkedAt: z.string(),
});
export type BackupVerification = z.infer<typeof backupVerificationSchema>;

export const restoreResultSchema = z.object({
  restored: z.string(),
  /** The register that was replaced, kept whole under this path. Null when there was none. */
  setAside: z.string().nullable(),
  /** The backup taken of it just before; null when it could not be read (it is set aside as it was). */
  beforeRestore: z.string().nullable(),
  schemaVersion: z.number().int(),
  requestCount: z.number().int(),
  documentCount: z.number().int(),
  warnings: backupMessagesSchema,
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;
