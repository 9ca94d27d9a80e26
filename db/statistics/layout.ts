import { CLOSED_STATUSES, type Direction } from '../../contract/codes.ts';
import {
  type CountBreakdown,
  type GroupFigures,
  STATISTICS_DEFINITIONS,
  type StatisticsKind,
} from '../../contract/statistics.ts';
import type { Labels } from '../reports/labels.ts';

/**
 * How the XLSX and PDF exports lay the figures out for people: the same names, the same
 * order, the same numbers (both read them from here, so they cannot disagree), in the
 * export's language.
 */

const kindLabel = (labels: Labels, kind: StatisticsKind) =>
  kind === 'all' ? labels.statistics.allKinds : labels.codes.kind[kind];

export const groupTitle = (labels: Labels, direction: Direction, kind: StatisticsKind) =>
  labels.fill(labels.statistics.document.groupTitle, {
    direction: labels.codes.direction[direction],
    kind: kindLabel(labels, kind),
  });

// The year as written, not as a number: no "2,025".
export const exportTitle = (labels: Labels, year: number) =>
  labels.fill(labels.statistics.document.title, { year: String(year) });

export const definitionsLine = (labels: Labels, today: string) =>
  labels.fill(labels.statistics.document.definitions, {
    definitions: STATISTICS_DEFINITIONS,
    date: labels.date(today),
  });

export interface SummaryColumn {
  header: string;
  value: (g: GroupFigures) => number | null;
}

/** The summary's columns: one row per group. */
export function summaryColumns(labels: Labels): SummaryColumn[] {
  const c = labels.statistics.document.columns;
  return [
    { header: c.opened, value: (g) => g.opened },
    { header: c.closed, value: (g) => g.closed },
    ...CLOSED_STATUSES.map((s) => ({
      header: labels.fill(c.closedAs, { outcome: labels.codes.status[s] }),
      value: (g: GroupFigures) => g.closedByOutcome[s] ?? 0,
    })),
    { header: c.reopened, value: (g) => g.reopened },
    { header: c.pendingStart, value: (g) => g.pendingStart },
    { header: c.pendingEnd, value: (g) => g.pendingEnd },
    { header: c.medianDays, value: (g) => g.daysToClose.median },
  ];
}

/** The single figures of a group: label (the statistics screen's own), value and the figure's name in the JSON form. */
export function headline(labels: Labels, g: GroupFigures): [string, number | null, string][] {
  const f = labels.statistics.figures;
  const rows: [string, number | null, string][] = [
    [f.opened, g.opened, 'opened'],
    [f.closed, g.closed, 'closed'],
    [f.reopened, g.reopened, 'reopened'],
    [f.pendingStart, g.pendingStart, 'pendingStart'],
    [f.pendingEnd, g.pendingEnd, 'pendingEnd'],
    [f.cyberRelated, g.cyberRelated, 'cyberRelated'],
    [f.daysToClose_n, g.daysToClose.n, 'daysToClose.n'],
    [f.daysToClose_mean, g.daysToClose.mean, 'daysToClose.mean'],
    [f.daysToClose_median, g.daysToClose.median, 'daysToClose.median'],
    [f.daysToClose_p90, g.daysToClose.p90, 'daysToClose.p90'],
  ];
  if (g.preservationFollowedUp !== null) {
    rows.push([f.preservationFollowedUp, g.preservationFollowedUp, 'preservationFollowedUp']);
  }
  return rows;
}

export interface BreakdownLayout {
  key: CountBreakdown;
  title: string;
  label: (code: string) => string;
}

/** Each counting breakdown: its heading and how a key reads. */
export function breakdowns(labels: Labels): BreakdownLayout[] {
  const t = labels.statistics.document.breakdowns;
  const code = (list: keyof Labels['codes'], value: string): string =>
    (labels.codes[list] as Record<string, string>)[value] ?? value;
  return [
    { key: 'closedByOutcome', title: t.closedByOutcome, label: (c) => code('status', c) },
    { key: 'byOffence', title: t.byOffence, label: (c) => `${c} ${code('iccs', c)}` },
    { key: 'byAssistance', title: t.byAssistance, label: (c) => code('assistance', c) },
    { key: 'byLegalBasis', title: t.byLegalBasis, label: (c) => code('legalBasis', c) },
    { key: 'byChannel', title: t.byChannel, label: (c) => code('channel', c) },
    { key: 'byUrgency', title: t.byUrgency, label: (c) => code('urgency', c) },
    { key: 'refusalGrounds', title: t.refusalGrounds, label: (c) => code('refusalGround', c) },
    { key: 'byProvider', title: t.byProvider, label: (c) => c },
  ];
}

/** The by-country table's value columns (opened, closed, pending at the year's end). */
export const countryHeaders = (labels: Labels) => {
  const s = labels.statistics.series;
  return [s.opened, s.closed, s.pendingEnd] as const;
};

/** A breakdown's entries, largest first (then by key), as the tables and charts list them. */
export function entries(counts: Partial<Record<string, number>>): [string, number][] {
  return Object.entries(counts)
    .filter((e): e is [string, number] => e[1] !== undefined)
    .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb));
}
