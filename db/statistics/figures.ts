import {
  CLOSED_STATUSES,
  type ClosedStatus,
  DIRECTIONS,
  type Direction,
  KINDS,
  URGENCIES,
} from '../../contract/codes.ts';
import {
  type CountryFigures,
  type GroupFigures,
  type StatisticsKind,
  type YearFigures,
  yearFiguresSchema,
} from '../../contract/statistics.ts';
import type { Queryable } from '../types.ts';
import { daysToClose } from './days.ts';
import { coversEndOf } from './life.ts';
import { type RequestLife, loadLives } from './load.ts';
import { type KeyedCount, type OpenedBreakdown, openedCounts } from './opened-counts.ts';

/**
 * The figures of one calendar year (shared/spec/annual-statistics.md), from the history.
 *
 * How: the lives (spans) of the requests that touch the year are loaded in one ordered
 * query (load.ts) and walked in memory for what depends on the history (opened, closed,
 * outcomes, reopened, pending, days to close, by country); the breakdowns that depend only on
 * a request's fields are SQL GROUP BYs (opened-counts.ts). Both use the opened_on index and
 * only what is needed per request, which keeps a 250 000-request register within seconds.
 */

interface Tally {
  opened: number;
  closed: number;
  reopened: number;
  pendingStart: number;
  pendingEnd: number;
  outcomes: Partial<Record<ClosedStatus, number>>;
  days: number[];
  countries: Record<string, CountryFigures>;
  counts: Partial<Record<OpenedBreakdown, Record<string, number>>>;
}

const newTally = (): Tally => ({
  opened: 0,
  closed: 0,
  reopened: 0,
  pendingStart: 0,
  pendingEnd: 0,
  outcomes: {},
  days: [],
  countries: {},
  counts: {},
});

const groupId = (direction: Direction, kind: StatisticsKind) => `${direction}/${kind}`;

function tallyLife(t: Tally, life: RequestLife, start: string, end: string, dayBefore: string) {
  const country = (t.countries[life.country] ??= { opened: 0, closed: 0, pendingEnd: 0 });
  if (life.openedOn >= start && life.openedOn <= end) {
    t.opened += 1;
    country.opened += 1;
  }
  for (const closure of life.closures) {
    if (closure.on < start || closure.on > end) continue;
    t.closed += 1;
    country.closed += 1;
    t.outcomes[closure.status] = (t.outcomes[closure.status] ?? 0) + 1;
    t.days.push(closure.days);
  }
  t.reopened += life.reopenings.filter((on) => on >= start && on <= end).length;
  if (life.spans.some((s) => coversEndOf(s, dayBefore))) t.pendingStart += 1;
  if (life.spans.some((s) => coversEndOf(s, end))) {
    t.pendingEnd += 1;
    country.pendingEnd += 1;
  }
}

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

export function yearFigures(db: Queryable, year: number): YearFigures {
  const start = `${String(year).padStart(4, '0')}-01-01`;
  const end = `${String(year).padStart(4, '0')}-12-31`;
  const lastDayBefore = dayBefore(start);
  const tallies = new Map<string, Tally>();
  const tallyOf = (direction: Direction, kind: StatisticsKind) => {
    const id = groupId(direction, kind);
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = newTally()));
    return t;
  };
  for (const life of loadLives(db, lastDayBefore, end)) {
    for (const kind of [life.kind, 'all'] as const) {
      tallyLife(tallyOf(life.direction, kind), life, start, end, lastDayBefore);
    }
  }
  const counted = openedCounts(db, start, end);
  for (const [breakdown, rows] of Object.entries(counted) as [OpenedBreakdown, KeyedCount[]][]) {
    for (const row of rows) {
      for (const kind of [row.kind, 'all'] as const) {
        const counts = (tallyOf(row.direction, kind).counts[breakdown] ??= {});
        counts[row.key] = (counts[row.key] ?? 0) + row.n;
      }
    }
  }
  const groups: GroupFigures[] = [];
  for (const direction of DIRECTIONS) {
    for (const kind of ['all', ...KINDS] as const) {
      const t = tallies.get(groupId(direction, kind));
      // A group with nothing opened, closed or pending is left out (the spec allows it).
      if (!t || t.opened + t.closed + t.pendingStart + t.pendingEnd + t.reopened === 0) continue;
      groups.push(groupFigures(direction, kind, t));
    }
  }
  // Checked against the spec's JSON form here, so no caller ever sees figures that break it.
  return yearFiguresSchema.parse({ year, groups });
}
