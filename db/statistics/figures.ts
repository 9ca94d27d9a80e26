import { CLOSED_STATUSES, DIRECTIONS, type Direction, KINDS, URGENCIES } from '../../contract/codes.ts';
import {
  type GroupFigures,
  type StatisticsKind,
  type YearFigures,
  yearFiguresSchema,
} from '../../contract/statistics.ts';
import type { Queryable } from '../types.ts';
import { daysToClose } from './days.ts';
import { lifeOf } from './life.ts';
import { decodeLife } from './life-text.ts';
import { livesQuery, readLives } from './load.ts';
import {
  type OpenedBreakdown,
  type OpenedRow,
  countOpened,
  countRefusalGrounds,
  openedFields,
} from './opened-counts.ts';
import { type Tally, type YearBounds, newTally, sumOfTallies, tallyLife } from './tally.ts';

/**
 * The figures of one calendar year (shared/spec/annual-statistics.md), from the history.
 *
 * How: one pass reads every request open at some time in the year, with its history
 * (load.ts), walked in memory for what depends on the history (opened, closed, outcomes,
 * reopened, pending, days to close, by country); the same pass carries the fields the
 * breakdowns count for the requests opened in the year (opened-counts.ts). The refusal
 * grounds, recorded with the history, are one small GROUP BY. Each request is counted in its
 * direction and kind; a direction's "all" is their sum. At 250 000 requests a year takes a
 * few hundred milliseconds (scripts/bench.ts, stats_year_ms).
 */

/**
 * A breakdown without its zero entries (the spec allows leaving them out), in a stable
 * order for people reading the JSON: a code list's order where the list is short and
 * ordered (outcomes, urgency), otherwise largest first.
 */
function dropZeros<T extends Partial<Record<string, number>>>(counts: T, order?: readonly string[]): T {
  const entries = Object.entries(counts).filter((e): e is [string, number] => e[1] !== undefined && e[1] !== 0);
  entries.sort(([ka, a], [kb, b]) =>
    order ? order.indexOf(ka) - order.indexOf(kb) : b - a || (ka < kb ? -1 : ka > kb ? 1 : 0),
  );
  // Only entries of `counts` itself, filtered and reordered.
  return Object.fromEntries(entries) as T;
}

function groupFigures(direction: Direction, kind: StatisticsKind, t: Tally): GroupFigures {
  const breakdown = (b: OpenedBreakdown) => dropZeros(t.counts[b] ?? {});
  return {
    direction,
    kind,
    opened: t.opened,
    closed: t.closed,
    closedByOutcome: dropZeros(t.outcomes, CLOSED_STATUSES),
    reopened: t.reopened,
    pendingStart: t.pendingStart,
    pendingEnd: t.pendingEnd,
    daysToClose: daysToClose(t.days),
    byCountry: Object.fromEntries(
      Object.entries(t.countries)
        .filter(([, c]) => c.opened + c.closed + c.pendingEnd > 0)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    byOffence: breakdown('byOffence'),
    cyberRelated: t.counts.cyberRelated?.['cyber'] ?? 0,
    byAssistance: breakdown('byAssistance'),
    byLegalBasis: breakdown('byLegalBasis'),
    byChannel: breakdown('byChannel'),
    byUrgency: dropZeros(t.counts.byUrgency ?? {}, URGENCIES),
    refusalGrounds: breakdown('refusalGrounds'),
    byProvider: breakdown('byProvider'),
    preservationFollowedUp: kind === 'preservation' ? (t.counts.preservationFollowedUp?.['followed'] ?? 0) : null,
  };
}

/** The day before a YYYY-MM-DD date. */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function boundsOf(year: number): YearBounds {
  const start = `${String(year).padStart(4, '0')}-01-01`;
  return { start, end: `${String(year).padStart(4, '0')}-12-31`, dayBefore: dayBefore(start) };
}

/**
 * The year's one pass: every request open at some time in the year or at its start (see
 * livesQuery), with the fields the breakdowns count (see openedFields). Exported for
 * test/db/query-plans.test.ts.
 */
export function yearQuery(db: Queryable, year: number) {
  const { start, end, dayBefore } = boundsOf(year);
  return livesQuery(db, dayBefore, end, [openedFields(db, start)]);
}

export function yearFigures(db: Queryable, year: number): YearFigures {
  const bounds = boundsOf(year);
  // A tally per direction and kind, by their places in the code lists (as the rows give them).
  const tallies = DIRECTIONS.map(() => KINDS.map(() => newTally()));
  const tallyAt = (directionAt: number, kindAt: number) => {
    const t = tallies[directionAt]?.[kindAt];
    if (!t) throw new Error(`Unknown direction or kind: ${directionAt} ${kindAt}`);
    return t;
  };
  for (const [directionAt, kindAt, country, openedOn, history, fields] of readLives<OpenedRow>(yearQuery(db, year))) {
    const t = tallyAt(directionAt, kindAt);
    // A request without history has no life to count (it has no opening either).
    if (history !== null) tallyLife(t, country, openedOn, lifeOf(openedOn, decodeLife(history)), bounds);
    if (fields !== null) countOpened(t.counts, fields);
  }
  countRefusalGrounds(db, bounds.start, bounds.end, (directionAt, kindAt) => tallyAt(directionAt, kindAt).counts);
  const groups: GroupFigures[] = [];
  DIRECTIONS.forEach((direction, directionAt) => {
    const ofKinds = tallies[directionAt] ?? [];
    const byKind = new Map<StatisticsKind, Tally>(KINDS.map((kind, kindAt) => [kind, tallyAt(directionAt, kindAt)]));
    byKind.set('all', sumOfTallies(ofKinds));
    for (const kind of ['all', ...KINDS] as const) {
      const t = byKind.get(kind);
      // A group with nothing opened, closed or pending is left out (the spec allows it).
      if (!t || t.opened + t.closed + t.pendingStart + t.pendingEnd + t.reopened === 0) continue;
      groups.push(groupFigures(direction, kind, t));
    }
  });
  // Checked against the spec's JSON form here, so no caller ever sees figures that break it.
  return yearFiguresSchema.parse({ year, groups });
}
