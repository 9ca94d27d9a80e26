import type { ClosedStatus } from '../../contract/codes.ts';
import type { CountryFigures } from '../../contract/statistics.ts';
import { daysToCloseOf, type Life, pendingAtEndOf } from './life.ts';
import type { BreakdownCounts } from './opened-counts.ts';

/** What a group has counted so far in a year (figures.ts turns it into GroupFigures). */
export interface Tally {
  opened: number;
  closed: number;
  reopened: number;
  pendingStart: number;
  pendingEnd: number;
  outcomes: Partial<Record<ClosedStatus, number>>;
  /** Days to close of each closure in the year. */
  days: number[];
  countries: Record<string, CountryFigures>;
  counts: BreakdownCounts;
}

export const newTally = (): Tally => ({
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

export interface YearBounds {
  start: string;
  end: string;
  /** The last day of the year before, whose end is the start of this one. */
  dayBefore: string;
}

/** Adds one request's life in the year to its group's tally. */
export function tallyLife(t: Tally, country: string, openedOn: string, life: Life, year: YearBounds): void {
  const { start, end } = year;
  const inCountry = (t.countries[country] ??= { opened: 0, closed: 0, pendingEnd: 0 });
  if (openedOn >= start && openedOn <= end) {
    t.opened += 1;
    inCountry.opened += 1;
  }
  for (const closure of life.closures) {
    if (closure.on < start || closure.on > end) continue;
    t.closed += 1;
    inCountry.closed += 1;
    t.outcomes[closure.status] = (t.outcomes[closure.status] ?? 0) + 1;
    t.days.push(daysToCloseOf(closure));
  }
  for (const on of life.reopenings) if (on >= start && on <= end) t.reopened += 1;
  if (pendingAtEndOf(life, year.dayBefore)) t.pendingStart += 1;
  if (pendingAtEndOf(life, end)) {
    t.pendingEnd += 1;
    inCountry.pendingEnd += 1;
  }
}

/** Adds the counts of `from` to `into`, key by key. */
function addCounts<K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>): void {
  for (const key of Object.keys(from) as K[]) into[key] = (into[key] ?? 0) + (from[key] ?? 0);
}

/**
 * The tally of a direction's "all" group: the sum of its kinds' tallies (each request has one
 * kind), so a request is walked once, not once per group.
 */
export function sumOfTallies(tallies: readonly Tally[]): Tally {
  const all = newTally();
  for (const t of tallies) {
    all.opened += t.opened;
    all.closed += t.closed;
    all.reopened += t.reopened;
    all.pendingStart += t.pendingStart;
    all.pendingEnd += t.pendingEnd;
    addCounts(all.outcomes, t.outcomes);
    for (const d of t.days) all.days.push(d);
    for (const [code, c] of Object.entries(t.countries)) {
      const inCountry = (all.countries[code] ??= { opened: 0, closed: 0, pendingEnd: 0 });
      inCountry.opened += c.opened;
      inCountry.closed += c.closed;
      inCountry.pendingEnd += c.pendingEnd;
    }
    for (const [breakdown, keyed] of Object.entries(t.counts) as [keyof BreakdownCounts, Record<string, number>][]) {
      addCounts((all.counts[breakdown] ??= {}), keyed);
    }
  }
  return all;
}
