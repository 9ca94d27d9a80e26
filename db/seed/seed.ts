import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportReport } from '../../contract/interchange.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { writeInterchangeCsv } from '../interchange/export.ts';
import type { Register } from '../register.ts';
import { seedRows, seedSpan } from './rows.ts';

export const SEED_MAX_COUNT = 1_000_000;

/**
 * Fills the register with `count` synthetic requests through the import itself: the rows are
 * written to a temporary interchange CSV and imported like any file, so seeded requests get
 * the same validation, history, reference counters and audit entry as imported ones. (The
 * import reads a file by design: it streams, hashes and reports progress on its bytes.)
 */
export async function seedRegister(
  register: Register,
  options: { count: number; seed: number },
  actor: Actor,
  clock: Clock,
): Promise<ImportReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-seed-'));
  try {
    const file = path.join(dir, `seed-${options.seed}.csv`);
    await writeInterchangeCsv(seedRows(options.count, options.seed, seedSpan(clock.today)), file);
    const fileName = `synthetic register (seed ${options.seed}, ${options.count} requests)`;
    return await register.interchange.import(
      file,
      { format: 'csv', fileName, dryRun: false, ignoreUnknownColumns: false, problemLimit: 20 },
      actor,
      clock,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
