import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseBackupName, type BackupSummary } from '../../contract/backups.ts';
import { AppError } from '../../contract/errors.ts';
import type { Localised } from '../../contract/messages.ts';
import { backUpRegisterFile, type ListedBackup, listBackupsOf, restoreRegisterFile } from '../../db/backups/offline.ts';
import { backupDatabase } from '../../db/maintenance.ts';
import { currentSchemaVersion, type OpenOptions } from '../../db/open.ts';
import { defineCommand, pathOption } from '../command.ts';
import { KEY_FILE_OPTION, KEY_FILE_USAGE, keyFileSchema, keyFrom } from '../key-option.ts';
import { APP_VERSION, REPO_ROOT } from '../package-info.ts';

const migrationsFolder = path.join(REPO_ROOT, 'migrations');

function operator() {
  let name = 'command line';
  try {
    name = os.userInfo().username || name;
  } catch {
    // No user name on this system (some containers): the audit log says "command line".
  }
  return { name, roles: ['administrator'] as const };
}

function openOptions(db: string, keyFile: string | undefined): OpenOptions {
  return { file: db, migrationsFolder, key: keyFrom(keyFile), appVersion: APP_VERSION };
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const optionalPath = (name: string) => pathOption(name).optional();

export const backupCommand = defineCommand({
  name: 'backup',
  summary:
    'Back up a register, even while MLA Desk is using it: database, documents and manifest into its backups folder, or with --out the database alone into FILE',
  usage: `backup --db FILE [--out FILE] ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, out: { type: 'string' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({ db: pathOption('db'), out: optionalPath('out'), 'key-file': keyFileSchema }),
  async run({ db, out, 'key-file': keyFile }, io) {
    const options = openOptions(db, keyFile);
    if (out !== undefined) {
      const result = await backupDatabase(options, out);
      io.out(`Backed up ${db} to ${result.file} (${result.bytes} bytes, integrity ok).`);
      return 0;
    }
    const taken = await backUpRegisterFile(options, 'on-demand', new Date());
    io.out(
      `Backed up ${db} to ${taken.dir} (${taken.manifest.requestCount} requests, ${taken.manifest.documents.length} documents, integrity ok).`,
    );
    if (taken.manifest.missingDocuments.length > 0) {
      io.err(
        `${taken.manifest.missingDocuments.length} document(s) the register refers to are missing from its data folder and are not in the backup.`,
      );
    }
    if (taken.pruned.length > 0) io.out(`Retention removed ${taken.pruned.length} older backup(s).`);
    return 0;
  },
});

/** The command line speaks English: a backup's problems as their English sentences. */
const englishOf = (said: readonly Localised[]): string => said.map((p) => p.message).join('; ');

function line(b: BackupSummary, verified: ListedBackup['verification']): string {
  const state = verified ? (verified.ok ? 'verified' : `FAILED: ${englishOf(verified.problems)}`) : b.state;
  const problems = !verified && b.problems.length > 0 ? `: ${englishOf(b.problems)}` : '';
  return [
    b.name,
    b.reason,
    `schema ${b.schemaVersion}`,
    `${b.requestCount} requests`,
    `${b.documentCount} documents`,
    megabytes(b.bytes),
    `${state}${problems}`,
  ].join('  ');
}

export const backupsCommand = defineCommand({
  name: 'backups',
  summary: 'List a register’s backups, newest first; --verify hashes every file and checks each database',
  usage: `backups --db FILE [--verify] ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, verify: { type: 'boolean' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({ db: pathOption('db'), verify: z.boolean().default(false), 'key-file': keyFileSchema }),
  async run({ db, verify, 'key-file': keyFile }, io) {
    const options = openOptions(db, keyFile);
    const listed = await listBackupsOf(options, currentSchemaVersion(migrationsFolder), verify);
    io.out(`Backups of ${db} in ${listed.folder}:`);
    if (listed.backups.length === 0) io.out('(none)');
    for (const { summary, verification } of listed.backups) io.out(line(summary, verification));
    if (listed.incomplete > 0) {
      io.out(`${listed.incomplete} half-written backup(s) are not listed: they can never be restored.`);
    }
    return listed.backups.every((b) => (b.verification ? b.verification.ok : b.summary.state !== 'damaged')) ? 0 : 1;
  },
});

export const restoreCommand = defineCommand({
  name: 'restore',
  summary:
    'Replace a register with a backup (a name from `backups`, or a backup folder), verified first; the current register is backed up and set aside, never deleted',
  usage: `restore --db FILE --from BACKUP ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, from: { type: 'string' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({ db: pathOption('db'), from: pathOption('from'), 'key-file': keyFileSchema }),
  async run({ db, from, 'key-file': keyFile }, io) {
    const options = openOptions(db, keyFile);
    // A bare name is one of the register's own backups; anything else is a path to a backup folder.
    const dir = parseBackupName(from) !== null && !from.includes(path.sep) ? null : path.resolve(from);
    const folder = dir ?? path.join(path.dirname(path.resolve(db)), 'backups', from);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      throw new AppError('not_found', `There is no backup at ${folder}.`);
    }
    const result = await restoreRegisterFile(options, folder, operator(), new Date());
    if (result.beforeRestore) io.out(`The register as it was is backed up in ${result.beforeRestore}.`);
    if (result.setAside) io.out(`The replaced register is kept at ${result.setAside}.`);
    for (const warning of result.warnings) io.err(warning.message);
    io.out(
      `Restored ${db} from ${result.restored} (schema ${result.schemaVersion}, ${result.requestCount} requests, ${result.documentCount} documents).`,
    );
    return 0;
  },
});
