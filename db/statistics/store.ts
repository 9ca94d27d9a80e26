import type {
  StatisticsFormat,
  StatisticsSnapshot,
  StatisticsYears,
  TrendPoint,
  ValidFreezeStatistics,
  ValidStatisticsTrend,
  YearFigures,
} from '../../contract/statistics.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { writeWhole } from '../reports/store.ts';
import { readSettings } from '../settings.ts';
import type { Db } from '../types.ts';
import { writeStatistics } from './export.ts';
import { yearFigures } from './figures.ts';
import { yearsWithData } from './load.ts';
import { freezeYear, snapshotById, snapshotsOf } from './snapshots.ts';
import { trend } from './trend.ts';

/** The annual statistics of the register (shared/spec/annual-statistics.md). */
export interface StatisticsStore {
  year(year: number): Promise<YearFigures>;
  years(): Promise<StatisticsYears>;
  trend(input: ValidStatisticsTrend): Promise<TrendPoint[]>;
  /** Writes the year's figures to `file` (whole or not at all); `today` is the date it shows. */
  exportYear(year: number, format: StatisticsFormat, file: string, today: string): Promise<YearFigures>;
  freeze(input: ValidFreezeStatistics, actor: Actor, clock: Clock): Promise<StatisticsSnapshot>;
  snapshots(year: number): Promise<StatisticsSnapshot[]>;
  snapshot(id: number): Promise<StatisticsSnapshot>;
}

export function sqliteStatisticsStore(db: Db): StatisticsStore {
  return {
    year: async (year) => yearFigures(db, year),
    years: async () => yearsWithData(db),
    trend: async (input) => trend(db, input),
    async exportYear(year, format, file, today) {
      const figures = yearFigures(db, year);
      const officeName = readSettings(db).officeName;
      await writeWhole(file, (partial) => writeStatistics(format, partial, figures, { officeName, today }));
      return figures;
    },
    freeze: async (input, actor, clock) => freezeYear(db, input, actor, clock),
    snapshots: async (year) => snapshotsOf(db, year),
    snapshot: async (id) => snapshotById(db, id),
  };
}
