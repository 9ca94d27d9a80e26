import { and, eq, sql } from 'drizzle-orm';
import type { TrendPoint, ValidStatisticsTrend } from '../../contract/statistics.ts';
import { requests } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import { lifeOf, pendingAtEndOf } from './life.ts';
import { decodeLife } from './life-text.ts';
import { livesQuery, readLives } from './load.ts';

/**
 * The lives of one group over the trend's years (see livesQuery). The group is a condition
 * on each row read, not a way in: the unary + keeps SQLite from walking the direction/kind
 * index, the lives being found by their closed_on (test/db/query-plans.test.ts).
 */
export function trendQuery(db: Queryable, input: ValidStatisticsTrend) {
  const group = and(
    eq(sql`+${requests.direction}`, input.direction),
    input.kind === 'all' ? undefined : eq(sql`+${requests.kind}`, input.kind),
  );
  return livesQuery(db, `${input.fromYear}-01-01`, `${input.toYear}-12-31`, [], group);
}

/**
 * Opened, closed and pending at the end of each year of a range, for one group: the same
 * definitions as the year's figures, with the lives read once for the whole range.
 */
export function trend(db: Queryable, input: ValidStatisticsTrend): TrendPoint[] {
  const points: TrendPoint[] = [];
  // A date is in a year when it starts with "YYYY-": its first five characters find the point.
  const pointOf = new Map<string, TrendPoint>();
  const ends: [string, TrendPoint][] = [];
  for (let year = input.fromYear; year <= input.toYear; year += 1) {
    const point = { year, opened: 0, closed: 0, pendingEnd: 0 };
    points.push(point);
    pointOf.set(`${year}-`, point);
    ends.push([`${year}-12-31`, point]);
  }
  for (const [, , , openedOn, history] of readLives(trendQuery(db, input))) {
    // A request without history has no life to count.
    if (history === null) continue;
    const life = lifeOf(openedOn, decodeLife(history));
    const opened = pointOf.get(openedOn.slice(0, 5));
    if (opened) opened.opened += 1;
    for (const closure of life.closures) {
      const closed = pointOf.get(closure.on.slice(0, 5));
      if (closed) closed.closed += 1;
    }
    for (const [end, point] of ends) if (pendingAtEndOf(life, end)) point.pendingEnd += 1;
  }
  return points;
}
