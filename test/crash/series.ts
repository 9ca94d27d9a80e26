import fs from 'node:fs';
import path from 'node:path';
import { formatKeyText, generateRegisterKey, type RegisterKey } from '../../db/keys/register-key.ts';
import { openDatabase } from '../../db/open.ts';
import type { Random } from '../../db/seed/random.ts';
import { fullSearchCheck, registerHealth, searchAgreesFor } from './health.ts';
import { type JournalLine, readJournal } from './journal.ts';
import { checkJournal, emptyState, type JournalVerdict, type RegisterState } from './journal-check.ts';
import { type KillPlan, startWriterChild } from './kill.ts';
import type { WriterConfig } from './writer-child.ts';

/** What every trial shares, made once per test file. */
export interface TrialSetup {
  /** The bundled writer child (bundle.ts). */
  child: string;
  dir: string;
  migrationsFolder: string;
  importTemplate: string;
  importRows: number;
  /** A freshly migrated register's schema (health.ts schemaObjects). */
  freshSchema: readonly string[];
}

export function writerConfig(
  setup: TrialSetup,
  trial: { file: string; key: RegisterKey | undefined; journal: string; seed: number; tag: string },
  options: { importChance: number; lie?: boolean | undefined },
): WriterConfig {
  return {
    file: trial.file,
    migrationsFolder: setup.migrationsFolder,
    key: trial.key ? formatKeyText(trial.key) : null,
    journal: trial.journal,
    seed: trial.seed,
    pauseChance: 0.2,
    tag: trial.tag,
    importTemplate: setup.importTemplate,
    importRows: setup.importRows,
    importChance: options.importChance,
    lie: options.lie === true,
  };
}

/**
 * Opens the register as the app opens it (this is where SQLite recovers from the crash) and
 * runs every check: the register's health, the journal, and the search index for the requests
 * the trial touched. A register that does not open is a finding like any other.
 */
export function checkAfterKill(
  setup: TrialSetup,
  register: { file: string; key: RegisterKey | undefined },
  before: RegisterState,
  lines: readonly JournalLine[],
): JournalVerdict {
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({ file: register.file, migrationsFolder: setup.migrationsFolder, key: register.key });
  } catch (e) {
    const problems = [`the register does not open after the kill: ${(e as Error).message}`];
    const returned = { register: 0, move: 0, event: 0, update: 0, import: 0 };
    return {
      problems,
      phase: 'startup',
      inFlight: null,
      verified: 0,
      returned,
      refused: 0,
      touched: [],
      state: before,
    };
  }
  try {
    const verdict = checkJournal(opened.sqlite, before, lines);
    const problems = [
      ...registerHealth(opened.sqlite, setup.freshSchema),
      ...verdict.problems,
      ...searchAgreesFor(opened.sqlite, verdict.touched),
    ];
    return { ...verdict, problems };
  } finally {
    opened.close();
  }
}

export interface SeriesOptions {
  encrypted: boolean;
  /** Chooses the kill moments and each child's seed. */
  rnd: Random;
  /** Names the series in markers and messages. */
  name: string;
  /** Trials at most; fewer once the register holds `maxRequests` (the checks grow with it). */
  trials: number;
  maxRequests: number;
  importChance: number;
  /** The control's deliberately wrong child (workload.ts `lie`). */
  lie?: boolean;
  /** Asked before each trial: false ends the series (enough trials have run). */
  more?: () => boolean;
  /** Called after each trial, before the next starts. */
  onTrial(result: TrialResult): void;
}

export interface TrialResult extends Omit<JournalVerdict, 'state' | 'touched'> {
  series: string;
  trial: number;
  encrypted: boolean;
  plan: KillPlan;
  childSeed: number;
  requests: number;
  /** The journal's last lines, to show with a failure. */
  tail: string[];
  /** Time from starting the child to its opening the register (null: killed before) and to its death, and to check the register after. */
  ms: { ready: number | null; run: number; check: number };
}

/**
 * Moments to kill at: mostly within 0.6 s of the register being open, sometimes while it
 * opens, and now and then later, so that imports run to their end too.
 */
function killPlan(rnd: Random): KillPlan {
  const draw = rnd.next();
  if (draw < 0.08) return { from: 'start', delayMs: rnd.int(0, 20) }; // opening takes some 15-30 ms
  return { from: 'ready', delayMs: draw < 0.9 ? rnd.int(0, 600) : rnd.int(600, 2400) };
}

/**
 * One register, killed again and again: each trial starts a writer child on it, kills it,
 * opens the register as the app would and checks it against the child's journal. State
 * accumulates from trial to trial (and each trial's checks cover every earlier one's writes).
 * Stops at the first trial that finds a problem, so the register stays as that trial left it;
 * else ends with the full search index comparison (`final`: its problems), which rebuilds the
 * index from the whole register: after each trial only the requests the trial touched are
 * compared entry by entry, and the index's size with its sources'.
 */
export async function runSeries(
  setup: TrialSetup,
  options: SeriesOptions,
): Promise<{ trials: TrialResult[]; final: string[] }> {
  const folder = path.join(setup.dir, options.name);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'register.sqlite');
  const key = options.encrypted ? generateRegisterKey() : undefined;
  openDatabase({ file, migrationsFolder: setup.migrationsFolder, create: true, key }).close();

  let state = emptyState();
  const results: TrialResult[] = [];
  const more = options.more ?? (() => true);
  let child = startWriterChild(setup.child);
  try {
    for (let trial = 1; trial <= options.trials && state.requests.size < options.maxRequests && more(); trial++) {
      const journal = path.join(folder, `trial-${trial}.jsonl`);
      const seed = options.rnd.int(1, 2 ** 31);
      const plan = killPlan(options.rnd);
      const config = writerConfig(setup, { file, key, journal, seed, tag: `${options.name}.${trial}` }, options);
      const started = performance.now();
      const { readyMs } = await child.runAndKill(config, plan);
      const killed = performance.now();
      child = startWriterChild(setup.child); // loads while this trial is checked
      const lines = readJournal(journal);
      const verdict = checkAfterKill(setup, { file, key }, state, lines);
      state = verdict.state;
      const result: TrialResult = {
        series: options.name,
        trial,
        encrypted: options.encrypted,
        plan,
        childSeed: seed,
        requests: state.requests.size,
        tail: lines.slice(-4).map((l) => JSON.stringify(l)),
        ms: { ready: readyMs, run: killed - started, check: performance.now() - killed },
        problems: verdict.problems,
        phase: verdict.phase,
        inFlight: verdict.inFlight,
        verified: verdict.verified,
        returned: verdict.returned,
        refused: verdict.refused,
      };
      results.push(result);
      options.onTrial(result);
      if (result.problems.length > 0) return { trials: results, final: [] };
      fs.rmSync(journal, { force: true }); // there is none when the kill came before it was opened
    }
  } finally {
    child.dispose(); // the spare, loaded for a trial that will not run
  }
  const opened = openDatabase({ file, migrationsFolder: setup.migrationsFolder, key });
  try {
    return { trials: results, final: fullSearchCheck(opened.sqlite) };
  } finally {
    opened.close();
  }
}
