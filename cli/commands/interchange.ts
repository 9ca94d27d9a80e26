import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../contract/errors.ts';
import { formatOfName, type ImportProblem, type InterchangeFormat } from '../../contract/interchange.ts';
import { officeClock, openSqliteRegister } from '../../db/register.ts';
import { defineCommand, pathOption } from '../command.ts';
import { KEY_FILE_OPTION, KEY_FILE_USAGE, keyFileSchema, keyFrom } from '../key-option.ts';
import { REPO_ROOT } from '../package-info.ts';

const migrationsFolder = path.join(REPO_ROOT, 'migrations');

/** The one FILE argument; its extension says the format, anything else is a usage error. */
const interchangeFile = z
  .array(z.string())
  .length(1, { message: 'name exactly one FILE.csv or FILE.xlsx' })
  .transform((files) => files[0] ?? '')
  .pipe(
    z.string().transform((file, ctx) => {
      const format = formatOfName(file);
      if (format === null) {
        ctx.addIssue({ code: 'custom', message: `${file} is neither a .csv nor an .xlsx file` });
        return z.NEVER;
      }
      return { file, format } as { file: string; format: InterchangeFormat };
    }),
  );

const problemLine = (p: ImportProblem) =>
  p.column === '' ? `row ${p.row}: ${p.message}` : `row ${p.row}, column ${p.column}: ${p.message}`;

function operator() {
  let name = 'command line';
  try {
    name = os.userInfo().username || name;
  } catch {
    // No user name on this system (some containers): the audit log says "command line".
  }
  return { name, roles: ['clerk', 'administrator'] as const };
}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import a register from CSV or XLSX, all or nothing (creates the register if it does not exist)',
  usage: `import FILE.csv|FILE.xlsx --db FILE [--dry-run] [--ignore-unknown-columns] ${KEY_FILE_USAGE}`,
  options: {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'ignore-unknown-columns': { type: 'boolean' },
    ...KEY_FILE_OPTION,
  },
  positionals: 'file',
  schema: z.strictObject({
    db: pathOption('db'),
    file: interchangeFile,
    'dry-run': z.boolean().default(false),
    'ignore-unknown-columns': z.boolean().default(false),
    'key-file': keyFileSchema,
  }),
  async run(
    {
      db,
      file: { file, format },
      'dry-run': dryRun,
      'ignore-unknown-columns': ignoreUnknownColumns,
      'key-file': keyFile,
    },
    io,
  ) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile())
      throw new AppError('invalid_input', `There is no file ${file}.`);
    // A dry run writes nothing, not even a new register: it checks against an empty one.
    const scratch = dryRun && !fs.existsSync(db) ? fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-dry-run-')) : null;
    const register = openSqliteRegister({
      file: scratch ? path.join(scratch, 'register.sqlite') : db,
      migrationsFolder,
      create: true,
      key: keyFrom(keyFile),
    });
    try {
      const options = { format, fileName: path.basename(file), dryRun, ignoreUnknownColumns, problemLimit: 10_000 };
      const clock = await officeClock(register.clocks, new Date());
      const report = await register.interchange.import(path.resolve(file), options, operator(), clock);
      if (!report.ok) {
        for (const problem of report.problems) io.err(problemLine(problem));
        if (report.moreProblems > 0) io.err(`… and ${report.moreProblems} more problems.`);
        io.err(`Nothing was imported: ${report.problems.length + report.moreProblems} problem(s) in ${file}.`);
        return 1;
      }
      io.out(
        dryRun
          ? `${file} is ready: ${report.imported} requests would be imported (dry run: nothing was written).`
          : `Imported ${report.imported} requests from ${file} into ${db}.`,
      );
      return 0;
    } finally {
      register.close();
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    }
  },
});

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export the whole register to CSV or XLSX (the interchange format)',
  usage: `export FILE.csv|FILE.xlsx --db FILE ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, ...KEY_FILE_OPTION },
  positionals: 'file',
  schema: z.strictObject({ db: pathOption('db'), file: interchangeFile, 'key-file': keyFileSchema }),
  async run({ db, file: { file, format }, 'key-file': keyFile }, io) {
    const register = openSqliteRegister({ file: db, migrationsFolder, create: false, key: keyFrom(keyFile) });
    try {
      const { rows, bytes } = await register.interchange.export(path.resolve(file), format);
      io.out(`Exported ${rows} requests to ${file} (${bytes} bytes).`);
      return 0;
    } finally {
      register.close();
    }
  },
});
