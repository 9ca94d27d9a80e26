import { CLOSED_STATUSES, type Direction } from '../../contract/codes.ts';
import {
  type CountBreakdown,
  type GroupFigures,
  STATISTICS_DEFINITIONS,
  type StatisticsKind,
} from '../../contract/statistics.ts';
import { countryLabel, labels, longDate } from '../reports/labels.ts';

/**
 * How the XLSX and PDF exports lay the figures out for people: the same names, the same
 * order, the same numbers (both read them from here, so they cannot disagree).
 */

export const groupTitle = (direction: Direction, kind: StatisticsKind) =>
  `${labels.codes.direction[direction]} · ${kind === 'all' ? 'all kinds' : labels.codes.kind[kind]}`;

export const exportTitle = (year: number) => `Annual statistics ${year}`;
export const definitionsLine = (today: string) =>
  `Definitions: ${STATISTICS_DEFINITIONS}. Produced ${longDate(today)}.`;

/** The summary's columns: one row per group. */
export const SUMMARY_COLUMNS: { header: string; value: (g: GroupFigures) => number | null }[] = [
  { header: 'Opened', value: (g) => g.opened },
  { header: 'Closed', value: (g) => g.closed },
  ...CLOSED_STATUSES.map((s) => ({
    header: `Closed: ${labels.codes.status[s].toLowerCase()}`,
    value: (g: GroupFigures) => g.closedByOutcome[s] ?? 0,
  })),
  { header: 'Reopened', value: (g) => g.reopened },
  { header: 'Pending 1 January', value: (g) => g.pendingStart },
  { header: 'Pending 31 December', value: (g) => g.pendingEnd },
  { header: 'Median days to close', value: (g) => g.daysToClose.median },
];

/** The single figures of a group: label, value and the figure's name in the JSON form. */
export function headline(g: GroupFigures): [string, number | null, string][] {
  const rows: [string, number | null, string][] = [
    ['Opened', g.opened, 'opened'],
    ['Closed', g.closed, 'closed'],
    ['Reopened', g.reopened, 'reopened'],
    ['Pending on 1 January', g.pendingStart, 'pendingStart'],
    ['Pending on 31 December', g.pendingEnd, 'pendingEnd'],
    ['Cyber-related (opened)', g.cyberRelated, 'cyberRelated'],
    ['Days to close: number closed', g.daysToClose.n, 'daysToClose.n'],
    ['Days to close: mean', g.daysToClose.mean, 'daysToClose.mean'],
    ['Days to close: median', g.daysToClose.median, 'daysToClose.median'],
    ['Days to close: 90th percentile', g.daysToClose.p90, 'daysToClose.p90'],
  ];
  if (g.preservationFollowedUp !== null) {
    rows.push(['Preservations followed up (opened)', g.preservationFollowedUp, 'preservationFollowedUp']);
  }
  return rows;
}

/** Each counting breakdown: its heading and how a key reads. */
export const BREAKDOWNS: { key: CountBreakdown; title: string; label: (code: string) => string }[] = [
  { key: 'closedByOutcome', title: 'Closed, by outcome', label: (c) => code('status', c) },
  { key: 'byOffence', title: 'Opened, by offence (ICCS section)', label: (c) => `${c} ${code('iccs', c)}` },
  { key: 'byAssistance', title: 'Opened, by assistance asked', label: (c) => code('assistance', c) },
  { key: 'byLegalBasis', title: 'Opened, by legal basis', label: (c) => code('legalBasis', c) },
  { key: 'byChannel', title: 'Opened, by channel', label: (c) => code('channel', c) },
  { key: 'byUrgency', title: 'Opened, by urgency', label: (c) => code('urgency', c) },
  { key: 'refusalGrounds', title: 'Refused, by ground', label: (c) => code('refusalGround', c) },
  { key: 'byProvider', title: 'Opened, by service provider', label: (c) => c },
];

export const COUNTRY_TITLE = 'By counterpart country';
export const COUNTRY_HEADERS = ['Opened', 'Closed', 'Pending 31 December'] as const;
export { countryLabel };

function code(list: keyof typeof labels.codes, value: string): string {
  const names = labels.codes[list] as Record<string, string>;
  return names[value] ?? value;
}

/** A breakdown's entries, largest first (then by key), as the tables and charts list them. */
export function entries(counts: Partial<Record<string, number>>): [string, number][] {
  return Object.entries(counts)
    .filter((e): e is [string, number] => e[1] !== undefined)
    .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb));
}
