import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../contract/errors.ts';
import { STATISTICS_FORMATS } from '../../contract/statistics.ts';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../i18n/languages.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { defineCommand, pathOption } from '../command.ts';
import { KEY_FILE_OPTION, KEY_FILE_USAGE, keyFileSchema, keyFrom } from '../key-option.ts';
import { REPO_ROOT } from '../package-info.ts';

const migrationsFolder = path.join(REPO_ROOT, 'migrations');

const schema = z
  .strictObject({
    db: pathOption('db'),
    year: z
      .string({ error: '--year is required' })
      .trim()
      .regex(/^\d{4}$/, { message: '--year must be a year such as 2025' })
      .transform(Number),
    format: z.enum(STATISTICS_FORMATS, { error: '--format must be csv, xlsx or pdf' }).optional(),
    out: z.string().trim().min(1, { message: '--out needs a file path' }).optional(),
    language: z.enum(LANGUAGES, { error: `--language must be one of ${LANGUAGES.join(', ')}` }).optional(),
    'key-file': keyFileSchema,
  })
  .refine((v) => (v.format === undefined) === (v.out === undefined), {
    message: '--format and --out go together (--format csv|xlsx|pdf --out FILE)',
  })
  .refine((v) => v.language === undefined || v.format !== undefined, {
    // The JSON is the spec's codes and numbers, the same in every language.
    message: '--language goes with --format and --out (the JSON has no words to translate)',
  });

/** Refuses an output path that cannot be written before anything is computed or written. */
function checkWritable(file: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a folder');
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new Error('a folder');
  } catch {
    throw new AppError('invalid_input', `Cannot write ${file}: its folder does not exist or is not writable.`);
  }
}

export const statsCommand = defineCommand({
  name: 'stats',
  summary: "Print a year's statistics as JSON (shared spec), or write them as CSV, XLSX or PDF (in a UN language)",
  usage: `stats --db FILE --year YYYY [--format csv|xlsx|pdf --out FILE [--language ${LANGUAGES.join('|')}]] ${KEY_FILE_USAGE}`,
  options: {
    db: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    language: { type: 'string' },
    ...KEY_FILE_OPTION,
  },
  schema,
  async run({ db, year, format, out, language, 'key-file': keyFile }, io) {
    if (out !== undefined) checkWritable(out);
    // Statistics only read: an out-of-date register is not migrated behind the user's back.
    const register = openSqliteRegister({
      file: db,
      migrationsFolder,
      create: false,
      migrate: false,
      key: keyFrom(keyFile),
    });
    try {
      if (format === undefined || out === undefined) {
        io.out(JSON.stringify(await register.statistics.year(year), null, 2));
        return 0;
      }
      const file = path.resolve(out);
      await register.statistics.exportYear(
        year,
        format,
        file,
        await register.clocks.officeDay(new Date()),
        language ?? DEFAULT_LANGUAGE,
      );
      io.out(`Wrote the statistics of ${year} to ${out} (${fs.statSync(file).size} bytes).`);
      return 0;
    } finally {
      register.close();
    }
  },
});
