import type { Direction } from './codes.ts';
import {
  COUNT_BREAKDOWNS,
  type GroupFigures,
  HEADLINE_FIGURES,
  type StatisticsKind,
  type YearFigures,
} from './statistics.ts';

/**
 * One number of the figures, flattened: what the CSV export writes (one row each) and what
 * a snapshot is compared on. `breakdown` is the figure's name ("opened",
 * "daysToClose.median", "byCountry.opened", "byOffence"); `key` the breakdown's entry, ''
 * for a single figure.
 */
export interface FigureCell {
  direction: Direction;
  kind: StatisticsKind;
  breakdown: string;
  key: string;
  value: number | null;
}

const DAYS = ['n', 'mean', 'median', 'p90'] as const;
const COUNTRY = ['opened', 'closed', 'pendingEnd'] as const;

/** Every number of one group, in a stable order (the order the exports use). */
export function groupCells(g: GroupFigures): FigureCell[] {
  const at = (breakdown: string, key: string, value: number | null): FigureCell => ({
    direction: g.direction,
    kind: g.kind,
    breakdown,
    key,
    value,
  });
  const cells: FigureCell[] = HEADLINE_FIGURES.map((f) => at(f, '', g[f]));
  for (const d of DAYS) cells.push(at(`daysToClose.${d}`, '', g.daysToClose[d]));
  if (g.preservationFollowedUp !== null) cells.push(at('preservationFollowedUp', '', g.preservationFollowedUp));
  for (const b of COUNT_BREAKDOWNS) {
    const entries: [string, number | undefined][] = Object.entries(g[b]);
    for (const [key, value] of entries) if (value !== undefined) cells.push(at(b, key, value));
  }
  for (const f of COUNTRY) {
    for (const [country, figures] of Object.entries(g.byCountry)) cells.push(at(`byCountry.${f}`, country, figures[f]));
  }
  return cells;
}

export function figureCells(figures: YearFigures): FigureCell[] {
  return figures.groups.flatMap(groupCells);
}

export interface FigureDifference {
  direction: Direction;
  kind: StatisticsKind;
  breakdown: string;
  key: string;
  snapshot: number | null;
  live: number | null;
}

const cellId = (c: Pick<FigureCell, 'direction' | 'kind' | 'breakdown' | 'key'>) =>
  `${c.direction}\u0000${c.kind}\u0000${c.breakdown}\u0000${c.key}`;

/**
 * Which numbers of a frozen snapshot differ from the live figures, with both values. A
 * missing count is zero (the spec lets zero entries and empty groups be left out), so only
 * real changes are reported; a missing days-to-close value is null.
 */
export function diffFigures(snapshot: YearFigures, live: YearFigures): FigureDifference[] {
  const before = new Map(figureCells(snapshot).map((c) => [cellId(c), c]));
  const after = new Map(figureCells(live).map((c) => [cellId(c), c]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const differences: FigureDifference[] = [];
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    const cell = a ?? b;
    if (cell === undefined) continue;
    const absent = cell.breakdown.startsWith('daysToClose.') && cell.breakdown !== 'daysToClose.n' ? null : 0;
    const was = a ? a.value : absent;
    const is = b ? b.value : absent;
    if (was === is) continue;
    differences.push({
      direction: cell.direction,
      kind: cell.kind,
      breakdown: cell.breakdown,
      key: cell.key,
      snapshot: was,
      live: is,
    });
  }
  return differences;
}
