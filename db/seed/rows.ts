import type { ExportRow } from '../interchange/export-rows.ts';
import { mulberry32 } from './random.ts';
import { seedRow, type SeedSpan } from './row.ts';

/** The synthetic register's first day, and its last unless today comes earlier. */
export const SEED_FROM = '2015-01-01';
export const SEED_UNTIL = '2026-10-31';

/** The days requests are opened on: fixed, so a seed gives the same register whatever today is (from 2026-10-31 on). */
export const seedSpan = (today: string): SeedSpan => ({ from: SEED_FROM, to: today < SEED_UNTIL ? today : SEED_UNTIL });

/** `count` interchange rows of a synthetic register, the same for the same seed and span. */
export function* seedRows(count: number, seed: number, span: SeedSpan): Generator<ExportRow> {
  const rnd = mulberry32(seed);
  const state = { counters: new Map<string, number>(), preservations: [] as string[] };
  for (let i = 0; i < count; i += 1) yield seedRow(rnd, state, span);
}
