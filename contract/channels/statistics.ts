import { z } from 'zod';
import { channel } from '../channel.ts';
import { writtenFileSchema } from '../files.ts';
import { STATISTICS_KEEPERS, STATISTICS_READERS } from '../roles.ts';
import {
  freezeStatisticsInputSchema,
  statisticsExportInputSchema,
  statisticsSnapshotSchema,
  statisticsTrendInputSchema,
  statisticsTrendSchema,
  statisticsYearInputSchema,
  statisticsYearsSchema,
  yearFiguresSchema,
} from '../statistics.ts';

/**
 * The annual statistics (shared/spec/annual-statistics.md), computed from the history. Only
 * freezing a snapshot writes to the register. The difference between a snapshot and the live
 * figures is the pure diffFigures of contract/statistics-diff.ts, run by the caller.
 */
export const statisticsChannels = {
  /** Every figure of one calendar year, in the spec's JSON form. */
  'statistics.year': channel({
    input: statisticsYearInputSchema,
    output: yearFiguresSchema,
    roles: STATISTICS_READERS,
    mutates: false,
  }),
  /** The first and last year anything was opened or closed (null, null: an empty register). */
  'statistics.years': channel({
    input: z.strictObject({}),
    output: statisticsYearsSchema,
    roles: STATISTICS_READERS,
    mutates: false,
  }),
  /** Opened, closed and pending at the end of each year, for one group. */
  'statistics.trend': channel({
    input: statisticsTrendInputSchema,
    output: statisticsTrendSchema,
    roles: STATISTICS_READERS,
    mutates: false,
  }),
  'statistics.export': channel({
    input: statisticsExportInputSchema,
    output: writtenFileSchema,
    roles: STATISTICS_READERS,
    mutates: false,
  }),
  /** Keeps the year's figures as they are now, labelled, so what was reported stays reproducible. */
  'statistics.freeze': channel({
    input: freezeStatisticsInputSchema,
    output: statisticsSnapshotSchema,
    roles: STATISTICS_KEEPERS,
    mutates: true,
  }),
  /** The snapshots frozen for a year, newest first, each with its figures. */
  'statistics.snapshots': channel({
    input: statisticsYearInputSchema,
    output: z.array(statisticsSnapshotSchema),
    roles: STATISTICS_READERS,
    mutates: false,
  }),
};
