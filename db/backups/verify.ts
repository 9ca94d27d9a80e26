import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupVerification } from '../../contract/backups.ts';
import { verifyAuditChain } from '../audit-verify.ts';
import { StorageError } from '../errors.ts';
import { currentSchemaVersion, type OpenOptions } from '../open.ts';
import { type DatabaseFacts, openBackupDatabase, readDatabaseFacts } from './database.ts';
import { hashFile, sizeOf } from './files.ts';
import { type BackupFile, type Manifest, readManifest, writeLastCheck } from './manifest.ts';

/** Problems with the files a manifest lists, found by size alone (the list's quick look). */
export function quickProblems(dir: string, manifest: Manifest): string[] {
  const problems: string[] = [];
  for (const file of [manifest.database, ...manifest.documents]) {
    const size = sizeOf(path.join(dir, file.path));
    if (size === null) problems.push(`${file.path} is missing`);
    else if (size !== file.size) problems.push(`${file.path} has ${size} bytes instead of ${file.size}`);
  }
  return problems;
}

/**
 * The audit log's hash chain of a backup's database (db/audit-verify.ts): a backup whose log was
 * altered is not restored. A register older than the chain has none to check.
 */
export function auditChainProblem(sqlite: Database.Database): string | null {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all();
  if (!columns.includes('hash')) return null;
  const report = verifyAuditChain(sqlite);
  return report.ok || !report.firstBroken ? null : `its audit log fails its hash chain: ${report.firstBroken.message}`;
}

function openProblem(e: unknown, known: number): string {
  if (e instanceof StorageError && e.problem === 'newer') {
    return `its database was written by a newer version of MLA Desk (this version knows schema ${known})`;
  }
  return `its database cannot be opened: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * Checks the database of a backup: opened as the register would be (key included), SQLite's
 * integrity check, the schema version its manifest states and one this version knows, the
 * audit chain, and every document it refers to present in the manifest.
 */
function databaseProblems(file: string, manifest: Manifest, options: OpenOptions, known: number): string[] {
  if (manifest.schemaVersion > known) {
    return [
      `it was written by a newer version of MLA Desk (schema ${manifest.schemaVersion}; this version knows ${known})`,
    ];
  }
  let facts: DatabaseFacts;
  let chain: string | null = null;
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
  const problems: string[] = [];
  if (facts.integrity.length > 0) {
    problems.push(`its database fails SQLite's integrity check (${facts.integrity.slice(0, 3).join('; ')})`);
    return problems;
  }
  if (facts.schemaVersion !== manifest.schemaVersion) {
    problems.push(`its database is at schema ${facts.schemaVersion}, its manifest says ${manifest.schemaVersion}`);
  }
  if (chain) problems.push(chain);
  const carried = new Set([...manifest.documents.map((d) => d.document), ...manifest.missingDocuments]);
  const absent = facts.documents.filter((sha256) => !carried.has(sha256));
  if (absent.length > 0) problems.push(`${absent.length} document(s) its register refers to are not in it`);
  return problems;
}

async function hashProblem(dir: string, file: BackupFile): Promise<string | null> {
  const full = path.join(dir, file.path);
  if (sizeOf(full) === null) return `${file.path} is missing`;
  const actual = await hashFile(full);
  if (actual.size !== file.size) return `${file.path} has ${actual.size} bytes instead of ${file.size}`;
  if (actual.sha256 !== file.sha256) return `${file.path} does not have the SHA-256 its manifest records (altered)`;
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
  const problems: string[] = [];
  const files = [manifest.database, ...manifest.documents, ...(manifest.recovery ? [manifest.recovery] : [])];
  for (const file of files) {
    const problem = await hashProblem(dir, file);
    if (problem) problems.push(problem);
  }
  // A database that is not the one the manifest describes is not opened.
  if (!problems.some((p) => p.startsWith(manifest.database.path))) {
    const known = currentSchemaVersion(options.migrationsFolder);
    problems.push(...databaseProblems(path.join(dir, manifest.database.path), manifest, options, known));
  }
  const warnings =
    manifest.missingDocuments.length > 0
      ? [`${manifest.missingDocuments.length} document(s) were already missing from the data folder when it was taken`]
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
