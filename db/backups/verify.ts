import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupVerification } from '../../contract/backups.ts';
import { type Localised, localised } from '../../contract/messages.ts';
import { verifyAuditChain } from '../audit-verify.ts';
import { reasonOf, StorageError } from '../errors.ts';
import { currentSchemaVersion, type OpenOptions } from '../open.ts';
import { type DatabaseFacts, openBackupDatabase, readDatabaseFacts } from './database.ts';
import { hashFile, sizeOf } from './files.ts';
import { type BackupFile, type Manifest, readManifest, writeLastCheck } from './manifest.ts';

/** Problems with the files a manifest lists, found by size alone (the list's quick look). */
export function quickProblems(dir: string, manifest: Manifest): Localised[] {
  const problems: Localised[] = [];
  for (const file of [manifest.database, ...manifest.documents]) {
    const size = sizeOf(path.join(dir, file.path));
    if (size === null) problems.push(localised('backup.problem.fileMissing', { file: file.path }));
    else if (size !== file.size) problems.push(sizeProblem(file, size));
  }
  return problems;
}

const sizeProblem = (file: BackupFile, size: number): Localised =>
  localised('backup.problem.fileSize', { file: file.path, size, expected: file.size });

/**
 * The audit log's hash chain of a backup's database (db/audit-verify.ts): a backup whose log was
 * altered is not restored. A register older than the chain has none to check.
 */
export function auditChainProblem(sqlite: Database.Database): Localised | null {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all();
  if (!columns.includes('hash')) return null;
  const report = verifyAuditChain(sqlite);
  return report.ok || !report.firstBroken
    ? null
    : localised('backup.problem.auditChain', { id: report.firstBroken.id });
}

function openProblem(e: unknown, known: number): Localised {
  if (e instanceof StorageError && e.problem === 'newer') return localised('backup.problem.newerDatabase', { known });
  // The reason is the storage error's own English (a wrong key, a locked file): quoted as it is.
  return localised('backup.problem.cannotOpen', { reason: reasonOf(e) });
}

/**
 * Checks the database of a backup: opened as the register would be (key included), SQLite's
 * integrity check, the schema version its manifest states and one this version knows, the
 * audit chain, and every document it refers to present in the manifest.
 */
function databaseProblems(file: string, manifest: Manifest, options: OpenOptions, known: number): Localised[] {
  if (manifest.schemaVersion > known) {
    return [localised('backup.problem.newerSchema', { schema: manifest.schemaVersion, known })];
  }
  let facts: DatabaseFacts;
  let chain: Localised | null = null;
  try {
    const opened = openBackupDatabase(file, options);
    try {
      facts = readDatabaseFacts(opened.sqlite);
      if (facts.integrity.length === 0) chain = auditChainProblem(opened.sqlite);
    } finally {
      opened.close();
    }
  } catch (e) {
    return [openProblem(e, known)];
  }
  const problems: Localised[] = [];
  if (facts.integrity.length > 0) {
    problems.push(localised('backup.problem.integrity', { details: facts.integrity.slice(0, 3).join('; ') }));
    return problems;
  }
  if (facts.schemaVersion !== manifest.schemaVersion) {
    problems.push(
      localised('backup.problem.schemaMismatch', { actual: facts.schemaVersion, stated: manifest.schemaVersion }),
    );
  }
  if (chain) problems.push(chain);
  const carried = new Set([...manifest.documents.map((d) => d.document), ...manifest.missingDocuments]);
  const absent = facts.documents.filter((sha256) => !carried.has(sha256));
  if (absent.length > 0) problems.push(localised('backup.problem.documentsAbsent', { count: absent.length }));
  return problems;
}

async function hashProblem(dir: string, file: BackupFile): Promise<Localised | null> {
  const full = path.join(dir, file.path);
  if (sizeOf(full) === null) return localised('backup.problem.fileMissing', { file: file.path });
  const actual = await hashFile(full);
  if (actual.size !== file.size) return sizeProblem(file, actual.size);
  if (actual.sha256 !== file.sha256) return localised('backup.problem.fileAltered', { file: file.path });
  return null;
}

/**
 * A full verification of the backup in `dir`: the manifest, every file's size and SHA-256, the
 * database (see databaseProblems). Nothing is written but a note of the result beside it.
 */
export async function verifyBackup(dir: string, options: OpenOptions, now: Date): Promise<BackupVerification> {
  const name = path.basename(dir);
  const checkedAt = now.toISOString();
  const read = readManifest(dir);
  if (!read.ok) {
    return { name, ok: false, problems: [read.problem], warnings: [], files: 0, bytes: 0, checkedAt };
  }
  const { manifest } = read;
  const problems: Localised[] = [];
  const files = [manifest.database, ...manifest.documents, ...(manifest.recovery ? [manifest.recovery] : [])];
  let databaseSound = true;
  for (const file of files) {
    const problem = await hashProblem(dir, file);
    if (!problem) continue;
    problems.push(problem);
    if (file === manifest.database) databaseSound = false;
  }
  // A database that is not the one the manifest describes is not opened.
  if (databaseSound) {
    const known = currentSchemaVersion(options.migrationsFolder);
    problems.push(...databaseProblems(path.join(dir, manifest.database.path), manifest, options, known));
  }
  const warnings =
    manifest.missingDocuments.length > 0
      ? [localised('backup.warning.documentsMissing', { count: manifest.missingDocuments.length })]
      : [];
  const ok = problems.length === 0;
  writeLastCheck(dir, { at: checkedAt, ok, problems });
  return {
    name,
    ok,
    problems,
    warnings,
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.size, 0),
    checkedAt,
  };
}
