import type { CountryFigures, GroupFigures, StatisticsKind, YearFigures } from '../../../../contract/statistics.ts';
import type { Direction } from '../../../../contract/codes.ts';
import type { SavedQuery } from '../../../../contract/views.ts';
import { hrefOf } from '../../routing/routes.ts';
import { paramsOf } from '../register/url.ts';

export const TOP_COUNTRIES = 15;

/** A group the engine left out had nothing opened, closed or pending (spec): all zeros. */
export function emptyGroup(direction: Direction, kind: StatisticsKind): GroupFigures {
  return {
    direction,
    kind,
    opened: 0,
    closed: 0,
    closedByOutcome: {},
    reopened: 0,
    pendingStart: 0,
    pendingEnd: 0,
    daysToClose: { n: 0, mean: null, median: null, p90: null },
    byCountry: {},
    byOffence: {},
    cyberRelated: 0,
    byAssistance: {},
    byLegalBasis: {},
    byChannel: {},
    byUrgency: {},
    refusalGrounds: {},
    byProvider: {},
    preservationFollowedUp: kind === 'preservation' ? 0 : null,
  };
}

export function groupOf(figures: YearFigures, direction: Direction, kind: StatisticsKind): GroupFigures | null {
  return figures.groups.find((g) => g.direction === direction && g.kind === kind) ?? null;
}

export interface CountryRow {
  /** An ISO code, or null for the "Other" row. */
  code: string | null;
  figures: CountryFigures;
  /** How many countries the row stands for (1, or the number folded into "Other"). */
  countries: number;
}

/**
 * The countries with most requests opened (then closed, then pending, then by code, so that
 * the order is stable), the first `top` of them on their own and the rest summed into one row.
 */
export function topCountries(byCountry: Record<string, CountryFigures>, top = TOP_COUNTRIES): CountryRow[] {
  const sorted = Object.entries(byCountry).sort(
    ([ca, a], [cb, b]) =>
      b.opened - a.opened || b.closed - a.closed || b.pendingEnd - a.pendingEnd || ca.localeCompare(cb),
  );
  const rows: CountryRow[] = sorted.slice(0, top).map(([code, figures]) => ({ code, figures, countries: 1 }));
  const rest = sorted.slice(top);
  if (rest.length > 0) {
    const figures = { opened: 0, closed: 0, pendingEnd: 0 };
    for (const [, f] of rest) {
      figures.opened += f.opened;
      figures.closed += f.closed;
      figures.pendingEnd += f.pendingEnd;
    }
    rows.push({ code: null, figures, countries: rest.length });
  }
  return rows;
}

/**
 * The register showing the group's requests opened in `year`, narrowed by `extra`. The
 * register filters on the opening date only, so its count matches the "opened" figures.
 */
export function registerHref(
  year: number,
  direction: Direction,
  kind: StatisticsKind,
  extra: Partial<SavedQuery> = {},
): string {
  const query: SavedQuery = { direction, openedFrom: `${year}-01-01`, openedTo: `${year}-12-31`, ...extra };
  if (kind !== 'all') query.kind = kind;
  return hrefOf({ screen: 'register', query: paramsOf(query) });
}

/** The last complete year with data: last year, unless the register's data end earlier. */
export function defaultYear(
  years: { from: number | null; to: number | null },
  today: string | undefined,
): number | null {
  if (years.to === null) return null;
  const current = Number((today ?? new Date().toISOString()).slice(0, 4));
  const last = Math.min(years.to, current - 1);
  return years.from !== null && last < years.from ? years.to : last;
}

export function yearsOf(years: { from: number | null; to: number | null }): number[] {
  if (years.from === null || years.to === null) return [];
  const list: number[] = [];
  for (let y = years.to; y >= years.from; y--) list.push(y);
  return list;
}
