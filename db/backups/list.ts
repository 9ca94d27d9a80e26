import path from 'node:path';
import type { BackupSummary } from '../../contract/backups.ts';
import { type Manifest, readLastCheck, readManifest } from './manifest.ts';
import { backupFoldersIn } from './retention.ts';
import { quickProblems } from './verify.ts';

export interface ListedBackups {
  /** Finished backups, newest first. */
  backups: BackupSummary[];
  /** Folders without a manifest (half-written): never listed as backups, never restorable. */
  incomplete: number;
}

/**
 * The backups in `folder` as their manifests describe them, with a quick look at their files
 * (present, with their sizes). Hashes are checked by a full verification, not here: a list
 * must stay quick with gigabytes of documents.
 */
export function listBackups(folder: string, knownSchemaVersion: number): ListedBackups {
  const backups: BackupSummary[] = [];
  let incomplete = 0;
  for (const { name, complete, createdAt, reason } of backupFoldersIn(folder).reverse()) {
    const dir = path.join(folder, name);
    const read = complete ? readManifest(dir) : null;
    if (!read || (!read.ok && read.missing)) {
      incomplete++;
      continue;
    }
    if (!read.ok) {
      // A manifest that cannot be read is damage to a finished backup, not a half-written one.
      backups.push({
        name,
        createdAt,
        reason,
        appVersion: null,
        schemaVersion: 0,
        requestCount: 0,
        documentCount: 0,
        missingDocuments: 0,
        bytes: 0,
        state: 'damaged',
        problems: [read.problem],
        lastCheck: readLastCheck(dir),
      });
      continue;
    }
    backups.push(summarize(dir, read.manifest, knownSchemaVersion));
  }
  return { backups, incomplete };
}

/** A finished backup as the list shows it, from its manifest and a quick look at its files. */
export function summarize(dir: string, manifest: Manifest, knownSchemaVersion: number): BackupSummary {
  const problems = quickProblems(dir, manifest);
  return {
    name: path.basename(dir),
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    requestCount: manifest.requestCount,
    documentCount: manifest.documents.length + manifest.missingDocuments.length,
    missingDocuments: manifest.missingDocuments.length,
    bytes: [manifest.database, ...manifest.documents].reduce((sum, f) => sum + f.size, 0),
    state: problems.length > 0 ? 'damaged' : manifest.schemaVersion > knownSchemaVersion ? 'newer' : 'complete',
    problems,
    lastCheck: readLastCheck(dir),
  };
}
