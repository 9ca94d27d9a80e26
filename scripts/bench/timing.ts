/** Timing helpers for the benchmark: milliseconds from the monotonic clock, percentiles, medians. */

export async function timeMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The p-th percentile (nearest rank) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}

/** `runs` timings of `fn` after `warmup` untimed calls (to fill caches and compile statements). */
export async function sample(fn: () => unknown, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await timeMs(fn));
  return samples;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
