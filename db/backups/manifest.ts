import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_REASONS, type BackupCheck, backupCheckSchema } from '../../contract/backups.ts';
import { SHA256_HEX } from '../../contract/documents.ts';
import { type Localised, localised } from '../../contract/messages.ts';
import { DATABASE_IN_BACKUP, LAST_CHECK, MANIFEST, RECOVERY_IN_BACKUP } from './paths.ts';

/**
 * A file of a backup, by its path inside the backup folder, which is also where it goes back to
 * in the data folder. Paths are checked to the letter: a manifest edited by hand can never make
 * a restore read or write outside the two folders.
 */
const DOCUMENT_PATH = /^documents\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

const fileSchema = z.object({
  path: z.string(),
  size: z.number().int().min(0),
  /** Of the bytes in the backup, as written (an encrypted document's bytes, once documents are encrypted). */
  sha256: z.string().regex(SHA256_HEX),
});
export type BackupFile = z.infer<typeof fileSchema>;

/** A document's file: where the data folder keeps it, and which document of the register it is. */
const documentFileSchema = fileSchema
  .extend({
    /** The SHA-256 the register records for the document (its content as attached). */
    document: z.string().regex(SHA256_HEX),
  })
  .refine(
    (f) => {
      const m = DOCUMENT_PATH.exec(f.path);
      return m?.[1] !== undefined && m[2]?.startsWith(m[1]) === true;
    },
    { message: 'must be documents/<first two digits>/<name>' },
  );
export type BackupDocument = z.infer<typeof documentFileSchema>;

export const manifestSchema = z.object({
  format: z.literal('mla-desk-backup'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  reason: z.enum(BACKUP_REASONS),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().int().min(0),
  requestCount: z.number().int().min(0),
  /** The register's file, for the record (a restore may put it elsewhere). */
  source: z.string(),
  database: fileSchema.refine((f) => f.path === DATABASE_IN_BACKUP, { message: `must be ${DATABASE_IN_BACKUP}` }),
  documents: z.array(documentFileSchema),
  /** The register key's recovery file, when the register is encrypted and has one. */
  recovery: fileSchema
    .refine((f) => f.path === RECOVERY_IN_BACKUP, { message: `must be ${RECOVERY_IN_BACKUP}` })
    .nullable()
    .default(null),
  /** SHA-256s the register referred to whose files were not in the data folder when it was taken. */
  missingDocuments: z.array(z.string().regex(SHA256_HEX)),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The path of a stored document relative to the data folder, as a manifest records it ('/' on every system). */
export function relativeDocumentPath(dataDir: string, file: string): string {
  return path.relative(dataDir, file).split(path.sep).join('/');
}

export type ManifestRead = { ok: true; manifest: Manifest } | { ok: false; missing: boolean; problem: Localised };

export function readManifest(dir: string): ManifestRead {
  const file = path.join(dir, MANIFEST);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { ok: false, missing: true, problem: localised('backup.problem.noManifest') };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, missing: false, problem: localised('backup.problem.manifestNotJson') };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      missing: false,
      // The detail names the field in the file's own terms (a path and zod's words): for whoever repairs it.
      problem: localised('backup.problem.manifestInvalid', {
        detail: issue ? `${issue.path.join('.') || 'manifest'}: ${issue.message}` : 'unknown',
      }),
    };
  }
  return { ok: true, manifest: parsed.data };
}

/** Writes a small file whole or not at all: a temporary name, flushed, then renamed over. */
export function writeFileAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** The manifest goes last: a backup folder without one is half-written and never offered for restore. */
export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileAtomically(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A note written before problems became messages held them as English sentences. */
const englishCheckSchema = backupCheckSchema.extend({ problems: z.array(z.string()) });

export function readLastCheck(dir: string): BackupCheck | null {
  try {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, LAST_CHECK), 'utf8'));
    const parsed = backupCheckSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    const older = englishCheckSchema.safeParse(json);
    return older.success ? { ...older.data, problems: older.data.problems.map((message) => ({ message })) } : null;
  } catch {
    return null;
  }
}

export function writeLastCheck(dir: string, check: BackupCheck): void {
  try {
    writeFileAtomically(path.join(dir, LAST_CHECK), `${JSON.stringify(check)}\n`);
  } catch {
    // Only a note for the list (a read-only backup folder, e.g. on a write-protected stick): the check stands.
  }
}
