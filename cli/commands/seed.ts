import path from 'node:path';
import { z } from 'zod';
import { officeClock, openSqliteRegister } from '../../db/register.ts';
import { SEED_MAX_COUNT, seedRegister } from '../../db/seed/seed.ts';
import { defineCommand, pathOption } from '../command.ts';
import { KEY_FILE_OPTION, KEY_FILE_USAGE, keyFileSchema, keyFrom } from '../key-option.ts';
import { REPO_ROOT } from '../package-info.ts';

const migrationsFolder = path.join(REPO_ROOT, 'migrations');

/** A whole number given as an option's text, within bounds, named in the message. */
const wholeNumber = (name: string, min: number, max: number) => {
  const message = `--${name} must be a whole number from ${min} to ${max}`;
  return z
    .string({ error: `--${name} is required` })
    .trim()
    .regex(/^\d{1,10}$/, { message })
    .transform(Number)
    .pipe(z.number().min(min, { message }).max(max, { message }));
};

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'Fill a register with a synthetic one for demos and benchmarks (same seed, same register)',
  usage: `seed --db FILE --count N [--seed S] ${KEY_FILE_USAGE}`,
  options: { db: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({
    db: pathOption('db'),
    count: wholeNumber('count', 1, SEED_MAX_COUNT),
    seed: wholeNumber('seed', 0, 2 ** 32 - 1).default(1),
    'key-file': keyFileSchema,
  }),
  async run({ db, count, seed, 'key-file': keyFile }, io) {
    const register = openSqliteRegister({ file: db, migrationsFolder, create: true, key: keyFrom(keyFile) });
    try {
      const clock = await officeClock(register.clocks, new Date());
      const actor = { name: 'synthetic register', roles: ['administrator'] as const };
      const report = await seedRegister(register, { count, seed }, actor, clock);
      if (!report.ok) {
        const first = report.problems[0];
        const where = first ? ` (first: row ${first.row}, ${first.column || 'file'}: ${first.message})` : '';
        io.err(`Nothing was seeded: ${report.problems.length + report.moreProblems} problem(s)${where}.`);
        return 1;
      }
      io.out(`Seeded ${report.imported} synthetic requests (seed ${seed}) into ${db}.`);
      return 0;
    } finally {
      register.close();
    }
  },
});
