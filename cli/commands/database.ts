import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StorageError } from '../../db/errors.ts';
import { backupDatabase, checkDatabase } from '../../db/maintenance.ts';
import { currentSchemaVersion, openDatabase } from '../../db/open.ts';
import { defineCommand, pathOption } from '../command.ts';
import { REPO_ROOT } from '../package-info.ts';

const migrationsFolder = path.join(REPO_ROOT, 'migrations');

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Create a new, empty register',
  usage: 'init --db FILE',
  options: { db: { type: 'string' } },
  schema: z.strictObject({ db: pathOption('db') }),
  async run({ db }, io) {
    if (fs.existsSync(db) && fs.statSync(db).size > 0) {
      throw new StorageError('unreadable', `${db} already exists; init creates new registers only.`);
    }
    const opened = openDatabase({ file: db, migrationsFolder, create: true });
    opened.close();
    io.out(`Created ${db} (schema ${opened.schemaVersion}).`);
    return 0;
  },
});

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Bring a register up to this version’s schema (copies it aside first)',
  usage: 'migrate --db FILE',
  options: { db: { type: 'string' } },
  schema: z.strictObject({ db: pathOption('db') }),
  async run({ db }, io) {
    const opened = openDatabase({ file: db, migrationsFolder, create: false });
    opened.close();
    io.out(`${db} is at schema ${opened.schemaVersion}.`);
    if (opened.preMigrationCopy) io.out(`The database as it was before is kept at ${opened.preMigrationCopy}.`);
    return 0;
  },
});

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'Check a register’s integrity and schema version',
  usage: 'check --db FILE',
  options: { db: { type: 'string' } },
  schema: z.strictObject({ db: pathOption('db') }),
  async run({ db }, io) {
    const report = checkDatabase({ file: db, migrationsFolder }, currentSchemaVersion(migrationsFolder));
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

export const backupCommand = defineCommand({
  name: 'backup',
  summary: 'Copy a register safely, even while MLA Desk is using it',
  usage: 'backup --db FILE --out FILE',
  options: { db: { type: 'string' }, out: { type: 'string' } },
  schema: z.strictObject({ db: pathOption('db'), out: pathOption('out') }),
  async run({ db, out }, io) {
    const result = await backupDatabase({ file: db, migrationsFolder }, out);
    io.out(`Backed up ${db} to ${result.file} (${result.bytes} bytes, integrity ok).`);
    return 0;
  },
});
