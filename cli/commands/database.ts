import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StorageError } from '../../db/errors.ts';
import { checkDatabase } from '../../db/maintenance.ts';
import { currentSchemaVersion, openDatabase } from '../../db/open.ts';
import { defineCommand, pathOption } from '../command.ts';
import { KEY_FILE_OPTION, KEY_FILE_USAGE, keyFileSchema, keyFrom } from '../key-option.ts';
import { REPO_ROOT } from '../package-info.ts';

const migrationsFolder = path.join(REPO_ROOT, 'migrations');

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Create a new, empty register',
  usage: `init --db FILE ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({ db: pathOption('db'), 'key-file': keyFileSchema }),
  async run({ db, 'key-file': keyFile }, io) {
    if (fs.existsSync(db) && fs.statSync(db).size > 0) {
      throw new StorageError('unreadable', `${db} already exists; init creates new registers only.`);
    }
    const key = keyFrom(keyFile);
    const opened = openDatabase({ file: db, migrationsFolder, create: true, key });
    opened.close();
    io.out(`Created ${db} (schema ${opened.schemaVersion}${key ? ', encrypted' : ''}).`);
    return 0;
  },
});

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Bring a register up to this version’s schema (copies it aside first)',
  usage: `migrate --db FILE ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({ db: pathOption('db'), 'key-file': keyFileSchema }),
  async run({ db, 'key-file': keyFile }, io) {
    const opened = openDatabase({ file: db, migrationsFolder, create: false, key: keyFrom(keyFile) });
    opened.close();
    io.out(`${db} is at schema ${opened.schemaVersion}.`);
    if (opened.preMigrationCopy) io.out(`The database as it was before is kept at ${opened.preMigrationCopy}.`);
    return 0;
  },
});

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'Check a register’s integrity and schema version',
  usage: `check --db FILE ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({ db: pathOption('db'), 'key-file': keyFileSchema }),
  async run({ db, 'key-file': keyFile }, io) {
    const report = checkDatabase(
      { file: db, migrationsFolder, key: keyFrom(keyFile) },
      currentSchemaVersion(migrationsFolder),
    );
    io.out(`File: ${report.file}`);
    io.out(`Schema: ${report.schemaVersion} (this version of MLA Desk: ${report.expectedSchemaVersion})`);
    io.out(`Integrity: ${report.integrity.length === 0 ? 'ok' : report.integrity.join('; ')}`);
    if (report.schemaVersion < report.expectedSchemaVersion) {
      io.err(`${db} needs migrating: run mla-desk migrate --db ${db}`);
    }
    if (report.integrity.length > 0) io.err(`${db} failed its integrity check.`);
    return report.ok ? 0 : 1;
  },
});
