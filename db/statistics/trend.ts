import type { TrendPoint, ValidStatisticsTrend } from '../../contract/statistics.ts';
import type { Queryable } from '../types.ts';
import { coversEndOf } from './life.ts';
import { loadLives } from './load.ts';

/**
 * Opened, closed and pending at the end of each year of a range, for one group: the same
 * definitions as the year's figures, with the lives loaded once for the whole range.
 */
export function trend(db: Queryable, input: ValidStatisticsTrend): TrendPoint[] {
  const lives = loadLives(db, `${input.fromYear}-01-01`, `${input.toYear}-12-31`).filter(
    (l) => l.direction === input.direction && (input.kind === 'all' || l.kind === input.kind),
  );
  const points: TrendPoint[] = [];
  for (let year = input.fromYear; year <= input.toYear; year += 1) {
    const inYear = (on: string) => on.startsWith(`${year}-`);
    const end = `${year}-12-31`;
    points.push({
      year,
      opened: lives.filter((l) => inYear(l.openedOn)).length,
      closed: lives.reduce((n, l) => n + l.closures.filter((c) => inYear(c.on)).length, 0),
      pendingEnd: lives.filter((l) => l.spans.some((s) => coversEndOf(s, end))).length,
    });
  }
  return points;
}
