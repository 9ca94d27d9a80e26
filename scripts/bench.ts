/**
 * `npm run bench [-- --requests N]`: seeds a temporary register with N synthetic requests
 * (default 250,000) and measures the register's own code paths against plain SQLite
 * baselines, in the same run. One JSON object goes to stdout, a table for people to stderr.
 *
 * ui_first_rows_ms runs Chromium against `npm run web` (scripts/bench/ui.ts); search_ms_p95
 * calls the search box's channel (scripts/bench/search.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type HandlerContext, trustedSession } from '../api/context.ts';
import { dispatch } from '../api/dispatch.ts';
import { fileAreasIn } from '../api/files.ts';
import { localIsoDate } from '../contract/dates.ts';
import { LOCAL_OPERATOR_ROLES } from '../contract/roles.ts';
import { writeInterchangeCsv } from '../db/interchange/export.ts';
import { keyFileIn } from '../db/keys/file-key-store.ts';
import { generateRegisterKey, writeKeyFile } from '../db/keys/register-key.ts';
import { openSqliteRegister, type Register } from '../db/register.ts';
import { seedRows, seedSpan } from '../db/seed/rows.ts';
import { SEED_MAX_COUNT, seedRegister } from '../db/seed/seed.ts';
import { rawInsertMs, rawQueries } from './bench/baselines.ts';
import { measureSearch } from './bench/search.ts';
import { percentile, round, sample, timeMs } from './bench/timing.ts';
import { measureUiFirstRows } from './bench/ui.ts';

const MIGRATIONS = path.resolve(import.meta.dirname, '../migrations');
const IMPORT_ROWS = 100_000;
const LIST_RUNS = 200;
const REPEATS = 5;
/** The benchmark measures the register's code paths, not sign-in: it calls as the local operator. */
const ACTOR = {
  name: 'benchmark',
  displayName: 'benchmark',
  roles: LOCAL_OPERATOR_ROLES,
  userId: null,
  authority: null,
};

interface Result {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
}

const message = `--requests must be a whole number from 1 to ${SEED_MAX_COUNT}`;
const argsSchema = z.strictObject({
  requests: z
    .string()
    .regex(/^\d{1,10}$/, { message })
    .transform(Number)
    .pipe(z.number().min(1, { message }).max(SEED_MAX_COUNT, { message }))
    .default(250_000),
});

const clockNow = () => {
  const now = new Date();
  return { at: now.toISOString(), today: localIsoDate(now) };
};

/** Encrypted, as the app's register is: every figure includes the cipher's cost. */
const KEY = generateRegisterKey();
const open = (file: string) => openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true, key: KEY });

function context(register: Register, dir: string): HandlerContext {
  return {
    register,
    files: fileAreasIn(dir),
    caller: ACTOR,
    session: trustedSession(),
    now: () => new Date(),
    app: { name: 'MLA Desk', version: 'bench' },
  };
}

/** Who the UI measurement signs in as: a clerk, the register's everyday reader. */
const UI_CLERK = { username: 'bench', password: 'benchmark password' };

/** The accounts the web server's sign-in needs: the administrator, who adds the clerk. */
async function addClerk(register: Register): Promise<void> {
  const clock = clockNow();
  const admin = { username: 'admin', displayName: 'Benchmark Admin', password: UI_CLERK.password };
  await register.accounts.createFirstAdministrator(admin, clock);
  const clerk = { ...UI_CLERK, displayName: 'Benchmark Clerk', role: 'clerk' as const, authority: null };
  await register.accounts.add(clerk, { name: admin.username, roles: ['administrator'] }, clock);
}

async function call(channel: string, input: unknown, ctx: HandlerContext): Promise<unknown> {
  const answer = await dispatch(channel, input, ctx);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

/** Imports min(N, 100,000) rows through the import code; the baseline inserts the same rows raw. */
async function measureImport(dir: string, n: number): Promise<Result> {
  const count = Math.min(n, IMPORT_ROWS);
  const rows = [...seedRows(count, 2, seedSpan(clockNow().today))];
  const csv = path.join(dir, 'import.csv');
  await writeInterchangeCsv(rows, csv);
  const register = open(path.join(dir, 'import.sqlite'));
  let ms: number;
  try {
    const options = { format: 'csv' as const, fileName: 'import.csv', dryRun: false, ignoreUnknownColumns: false };
    ms = await timeMs(async () => {
      const report = await register.interchange.import(csv, options, ACTOR, clockNow());
      if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
    });
  } finally {
    register.close();
  }
  const rawMs = rawInsertMs(path.join(dir, 'raw.sqlite'), rows);
  return {
    name: 'import_rows_per_s',
    value: Math.round(count / (ms / 1000)),
    unit: 'rows/s',
    baseline: Math.round(count / (rawMs / 1000)),
  };
}

async function measureQueries(ctx: HandlerContext, file: string): Promise<Result[]> {
  const raw = rawQueries(file, KEY);
  try {
    const filter = { kind: 'mla', counterpartCountry: 'FR' } as const;
    const listInput = { state: 'open', ...filter, sort: 'openedOn', order: 'desc', limit: 50 };
    const list = await sample(() => call('requests.list', listInput, ctx), LIST_RUNS);
    const listRaw = await sample(() => raw.listPage(filter.kind, filter.counterpartCountry), LIST_RUNS);
    const year = Number(clockNow().today.slice(0, 4)) - 1;
    const stats = await sample(() => call('statistics.year', { year }, ctx), REPEATS, 1);
    const scan = await sample(() => raw.fullScan(), REPEATS, 1);
    const dashboard = await sample(() => call('dashboard.today', {}, ctx), REPEATS, 1);
    // The Today screen's second call: the legal clocks overdue or due soon (db/clocks/).
    const clocks = await sample(() => call('dashboard.clocks', {}, ctx), REPEATS, 1);
    return [
      {
        name: 'list_page_ms_p95',
        value: round(percentile(list, 95)),
        unit: 'ms',
        baseline: round(percentile(listRaw, 95)),
      },
      // Median of a few runs after one warm-up: these are single calls, not a hot loop.
      { name: 'stats_year_ms', value: round(percentile(stats, 50)), unit: 'ms', baseline: round(percentile(scan, 50)) },
      { name: 'dashboard_ms', value: round(percentile(dashboard, 50)), unit: 'ms', baseline: null },
      { name: 'dashboard_clocks_ms', value: round(percentile(clocks, 50)), unit: 'ms', baseline: null },
    ];
  } finally {
    raw.close();
  }
}

function table(results: readonly Result[]): string {
  const lines = results.map(
    (r) =>
      `${r.name.padEnd(22)} ${String(r.value).padStart(12)} ${r.unit.padEnd(7)} ${r.baseline === null ? '' : `baseline ${r.baseline}`}`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: 'string' } }, strict: true });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`bench: ${parsed.error.issues.map((i) => i.message).join('; ')}\n`);
    process.exit(2);
  }
  const n = parsed.data.requests;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-bench-'));
  try {
    const file = path.join(dir, 'register.sqlite');
    const seeding = open(file);
    const seedMs = await timeMs(async () => {
      const report = await seedRegister(seeding, { count: n, seed: 1 }, ACTOR, clockNow());
      if (!report.ok) throw new Error(`seeding failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
    });
    seeding.close(); // checkpoints the WAL, so the file size below is the register's
    const bytes = fs.statSync(file).size;
    process.stderr.write(`seeded ${n} requests in ${round(seedMs / 1000, 1)} s\n`);
    // `npm run web` (ui_first_rows_ms) opens the register with the key file beside it.
    writeKeyFile(keyFileIn(dir), KEY);

    const results: Result[] = [await measureImport(dir, n)];
    const register = open(file);
    try {
      await addClerk(register);
      results.push(...(await measureQueries(context(register, dir), file)));
      results.push(await measureSearch(context(register, dir)));
    } finally {
      register.close();
    }
    results.push({ name: 'db_bytes_per_request', value: Math.round(bytes / n), unit: 'bytes', baseline: null });
    results.push({
      name: 'server_rss_mb',
      value: round(process.memoryUsage().rss / 2 ** 20, 1),
      unit: 'MB',
      baseline: null,
    });
    // Its web server runs in a process of its own: server_rss_mb above is this process alone.
    results.push(await measureUiFirstRows(dir, UI_CLERK));
    process.stdout.write(`${JSON.stringify({ requests: n, results })}\n`);
    process.stderr.write(`${table(results)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
