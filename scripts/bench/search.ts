/**
 * search_ms_p95: the global search box's call (search.requests) through the dispatcher, as
 * the UI makes it, on the seeded register. Runs alternate a person's name from the seed's
 * vocabulary (found in the summaries: the interchange format has no parties column) and a
 * fragment of a reference, ours or the counterpart's; the names cover the four scripts.
 */
import type { HandlerContext } from '../../api/context.ts';
import { dispatch } from '../../api/dispatch.ts';
import { percentile, round, sample } from './timing.ts';

const RUNS = 200;

/** Names as the seed writes them (db/seed/vocabulary.ts, db/seed/text.ts). */
export const SEARCH_NAMES = [
  'Jürgen Müller',
  'Наталья Иванов',
  'محمد الحسن',
  '王伟',
  'Sofia Rossi',
  'Олександр Шевченко',
  'فاطمة حداد',
  'Émilie Dubois',
];

/** Fragments of references as the seed makes them (MLA-IN-2026-00001, FR/2026/15533, PP-TYR/2026/674). */
export const SEARCH_FRAGMENTS = ['00042', 'IN-2024', 'OUT-2025-001', 'FR/2026', 'PP-TYR/2023/12', '2021-0007'];

export interface SearchTimings {
  all: number[];
  names: number[];
  fragments: number[];
}

/** `runs` timed searches (after a warm-up of each text), alternating names and fragments. */
export async function searchTimings(ctx: HandlerContext, runs = RUNS): Promise<SearchTimings> {
  const texts = Array.from({ length: runs }, (_, i) =>
    i % 2 === 0
      ? (SEARCH_NAMES[(i / 2) % SEARCH_NAMES.length] ?? '')
      : (SEARCH_FRAGMENTS[((i - 1) / 2) % SEARCH_FRAGMENTS.length] ?? ''),
  );
  const search = async (text: string) => {
    const answer = await dispatch('search.requests', { text }, ctx);
    if (!answer.ok) throw new Error(`search.requests: ${answer.error.message}`);
  };
  for (const text of [...SEARCH_NAMES, ...SEARCH_FRAGMENTS]) await search(text);
  let next = 0;
  const all = await sample(() => search(texts[next++ % runs] ?? ''), runs, 0);
  return {
    all,
    names: all.filter((_, i) => i % 2 === 0),
    fragments: all.filter((_, i) => i % 2 === 1),
  };
}

export async function measureSearch(ctx: HandlerContext) {
  const { all } = await searchTimings(ctx);
  return { name: 'search_ms_p95', value: round(percentile(all, 95)), unit: 'ms', baseline: null };
}
