import type { DaysToClose } from '../../contract/statistics.ts';

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * Days to close over the closures of a year (spec): mean and median to one decimal (the
 * median of an even count is the mean of the two middle values), p90 by nearest rank: the
 * value at position ceil(0.9 n) of the sorted list. All null when nothing closed.
 */
export function daysToClose(days: readonly number[]): DaysToClose {
  const n = days.length;
  if (n === 0) return { n, mean: null, median: null, p90: null };
  // A typed array sorts numbers as numbers without a comparison callback: tens of thousands
  // of closures in a year sort several times faster.
  const sorted = Float64Array.from(days).sort();
  const at = (position: number) => sorted[position - 1] ?? 0;
  const mean = sorted.reduce((sum, d) => sum + d, 0) / n;
  const median = n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
  return { n, mean: oneDecimal(mean), median: oneDecimal(median), p90: at(Math.ceil(0.9 * n)) };
}
