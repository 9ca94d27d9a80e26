import { z } from 'zod';
import {
  ASSISTANCE,
  CHANNELS,
  CLOSED_STATUSES,
  DIRECTIONS,
  ICCS_SECTIONS,
  KINDS,
  LEGAL_BASES,
  REFUSAL_GROUNDS,
  URGENCIES,
} from './codes.ts';
import { exportLanguageSchema } from './reports.ts';
import { fileTargetSchema } from './files.ts';
import { zodMessage } from './messages.ts';

/**
 * The annual statistics in the JSON form of shared/spec/annual-statistics.md. These schemas
 * are the spec's JSON form exactly (strict: no extra keys), shared by the engine, the API,
 * the CLI and the screen.
 */

/** Which definitions this build implements; frozen snapshots record it beside their figures. */
export const STATISTICS_DEFINITIONS = 'annual-statistics.md (2026)';

/** A group's kind: one kind, or every kind of a direction together. */
export const STATISTICS_KINDS = [...KINDS, 'all'] as const;
export type StatisticsKind = (typeof STATISTICS_KINDS)[number];

export const statisticsYearSchema = z
  .number(zodMessage('field.year.type'))
  .int(zodMessage('field.year.whole'))
  .min(1900, zodMessage('field.year.min'))
  .max(2200, zodMessage('field.year.max'));

const count = z.number().int().nonnegative();
/** Zero entries may be left out of a breakdown (spec), so every key is optional. */
const counts = <K extends readonly [string, ...string[]]>(keys: K) => z.partialRecord(z.enum(keys), count);

export const daysToCloseSchema = z.strictObject({
  n: count,
  mean: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});
export type DaysToClose = z.infer<typeof daysToCloseSchema>;

export const countryFiguresSchema = z.strictObject({ opened: count, closed: count, pendingEnd: count });
export type CountryFigures = z.infer<typeof countryFiguresSchema>;

export const groupFiguresSchema = z.strictObject({
  direction: z.enum(DIRECTIONS),
  kind: z.enum(STATISTICS_KINDS),
  opened: count,
  closed: count,
  closedByOutcome: counts(CLOSED_STATUSES),
  reopened: count,
  pendingStart: count,
  pendingEnd: count,
  daysToClose: daysToCloseSchema,
  byCountry: z.record(z.string().min(1), countryFiguresSchema),
  byOffence: counts(ICCS_SECTIONS),
  cyberRelated: count,
  byAssistance: counts(ASSISTANCE),
  byLegalBasis: counts(LEGAL_BASES),
  byChannel: counts(CHANNELS),
  byUrgency: counts(URGENCIES),
  refusalGrounds: counts(REFUSAL_GROUNDS),
  /** Service providers as written in the register (free text). */
  byProvider: z.record(z.string(), count),
  /** Only for preservation groups; null for the others. */
  preservationFollowedUp: count.nullable(),
});
export type GroupFigures = z.infer<typeof groupFiguresSchema>;

export const yearFiguresSchema = z.strictObject({
  year: z.number().int(),
  groups: z.array(groupFiguresSchema),
});
export type YearFigures = z.infer<typeof yearFiguresSchema>;

/** The breakdowns that count single codes (every breakdown but byCountry). */
export const COUNT_BREAKDOWNS = [
  'closedByOutcome',
  'byOffence',
  'byAssistance',
  'byLegalBasis',
  'byChannel',
  'byUrgency',
  'refusalGrounds',
  'byProvider',
] as const;
export type CountBreakdown = (typeof COUNT_BREAKDOWNS)[number];

/** The single numbers of a group, in the order the exports show them. */
export const HEADLINE_FIGURES = ['opened', 'closed', 'reopened', 'pendingStart', 'pendingEnd', 'cyberRelated'] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

/* Channel inputs and outputs. */

export const statisticsYearInputSchema = z.strictObject({ year: statisticsYearSchema });
export type StatisticsYearInput = z.input<typeof statisticsYearInputSchema>;

/** The years the register has data for (first and last year anything was opened or closed). */
export const statisticsYearsSchema = z.strictObject({
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
});
export type StatisticsYears = z.infer<typeof statisticsYearsSchema>;

export const statisticsTrendInputSchema = z
  .strictObject({
    fromYear: statisticsYearSchema,
    toYear: statisticsYearSchema,
    direction: z.enum(DIRECTIONS),
    kind: z.enum(STATISTICS_KINDS).default('all'),
  })
  .refine((t) => t.toYear >= t.fromYear, { ...zodMessage('field.year.notBeforeFrom'), path: ['toYear'] })
  .refine((t) => t.toYear - t.fromYear < 50, { ...zodMessage('field.year.span', { count: 50 }), path: ['toYear'] });
export type StatisticsTrendInput = z.input<typeof statisticsTrendInputSchema>;
export type ValidStatisticsTrend = z.output<typeof statisticsTrendInputSchema>;

export const trendPointSchema = z.strictObject({
  year: z.number().int(),
  opened: count,
  closed: count,
  pendingEnd: count,
});
export type TrendPoint = z.infer<typeof trendPointSchema>;
export const statisticsTrendSchema = z.array(trendPointSchema);

export const STATISTICS_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type StatisticsFormat = (typeof STATISTICS_FORMATS)[number];

export const statisticsExportInputSchema = z.strictObject({
  year: statisticsYearSchema,
  format: z.enum(STATISTICS_FORMATS),
  /** The XLSX's and PDF's language; the CSV holds codes and numbers only, the same in every language. */
  language: exportLanguageSchema,
  target: fileTargetSchema,
});
export type StatisticsExportInput = z.input<typeof statisticsExportInputSchema>;
export type ValidStatisticsExport = z.output<typeof statisticsExportInputSchema>;

export const freezeStatisticsInputSchema = z.strictObject({
  year: statisticsYearSchema,
  label: z.string(zodMessage('field.required')).trim().min(1, zodMessage('field.required')).max(200),
});
export type FreezeStatisticsInput = z.input<typeof freezeStatisticsInputSchema>;
export type ValidFreezeStatistics = z.output<typeof freezeStatisticsInputSchema>;

export const statisticsSnapshotSchema = z.strictObject({
  id: z.number().int(),
  year: z.number().int(),
  label: z.string(),
  /** Which definitions produced the figures (see STATISTICS_DEFINITIONS). */
  definitions: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  figures: yearFiguresSchema,
});
export type StatisticsSnapshot = z.infer<typeof statisticsSnapshotSchema>;
