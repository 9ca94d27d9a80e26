// The process the kill trials kill (kill-trials.test.ts): it opens a register and writes to it
// without end, journaling each write before and after (journal.ts), until SIGKILL stops it.
// Started from the bundle the test builds (bundle.ts) ahead of its trial, it says "waiting" and
// waits for its configuration (WriterConfig as JSON) on stdin; by hand, give it as the argument:
// `node --import tsx test/crash/writer-child.ts CONFIG_JSON`. It prints "ready" once the
// register is open, so the test can time its kill from then.
import fs from 'node:fs';
import { parseKeyText } from '../../db/keys/register-key.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { mulberry32 } from '../../db/seed/random.ts';
import { openJournal } from './journal.ts';
import { workload, type WorkloadOptions } from './workload.ts';

export interface WriterConfig extends WorkloadOptions {
  file: string;
  migrationsFolder: string;
  /** The register key as 64 hex digits, or null for a plain register. */
  key: string | null;
  journal: string;
  seed: number;
  /** Pause between writes now and then, as people do (so some kills land between writes). */
  pauseChance: number;
}

async function main(config: WriterConfig): Promise<never> {
  const journal = openJournal(config.journal);
  const register = openSqliteRegister({
    file: config.file,
    migrationsFolder: config.migrationsFolder,
    key: config.key === null ? undefined : parseKeyText(config.key),
  });
  const rnd = mulberry32(config.seed);
  const writes = workload(register, rnd, journal, config);
  journal.write({ t: 'ready' });
  fs.writeSync(1, 'ready\n');
  for (;;) {
    await writes.next();
    if (rnd.chance(config.pauseChance)) await new Promise((resolve) => setTimeout(resolve, rnd.int(1, 15)));
  }
}

async function configuration(): Promise<WriterConfig> {
  const given = process.argv[2];
  if (given !== undefined) return JSON.parse(given) as WriterConfig;
  fs.writeSync(1, 'waiting\n');
  let text = '';
  for await (const chunk of process.stdin.setEncoding('utf8')) text += String(chunk);
  return JSON.parse(text) as WriterConfig;
}

// Not top-level await: the test bundles this as CommonJS, so that the bundled packages'
// require() calls keep working.
configuration()
  .then(main)
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
