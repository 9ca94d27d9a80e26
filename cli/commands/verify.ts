import path from 'node:path';
import { z } from 'zod';
import { verifyAuditChain } from '../../db/audit-verify.ts';
import { openDatabase } from '../../db/open.ts';
import { defineCommand, pathOption } from '../command.ts';
import { KEY_FILE_OPTION, KEY_FILE_USAGE, keyFileSchema, keyFrom } from '../key-option.ts';
import { REPO_ROOT } from '../package-info.ts';

const migrationsFolder = path.join(REPO_ROOT, 'migrations');

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'Check the audit log’s hash chain and name the first broken entry',
  usage: `verify --db FILE ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({ db: pathOption('db'), 'key-file': keyFileSchema }),
  async run({ db, 'key-file': keyFile }, io) {
    const opened = openDatabase({ file: db, migrationsFolder, create: false, readonly: true, key: keyFrom(keyFile) });
    try {
      const report = verifyAuditChain(opened.sqlite);
      io.out(`Audit log: ${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}`);
      if (report.legacyThrough > 0) {
        io.out(
          `Entries 1–${report.legacyThrough} predate the chain: they were sealed as they stood when it was added.`,
        );
      }
      if (report.firstBroken) {
        io.out(`Chain: broken at entry ${report.firstBroken.id}`);
        io.err(`${db}: ${report.firstBroken.message}.`);
        return 1;
      }
      // The head, noted down elsewhere, later shows whether entries were cut off the end.
      io.out(`Chain: ok${report.head ? ` (head ${report.head})` : ''}`);
      return 0;
    } finally {
      opened.close();
    }
  },
});
