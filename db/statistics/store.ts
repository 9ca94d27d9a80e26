import type {
  StatisticsFormat,
  StatisticsSnapshot,
  StatisticsYears,
  TrendPoint,
  ValidFreezeStatistics,
  ValidStatisticsTrend,
  YearFigures,
} from '../../contract/statistics.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/languages.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { labelsFor } from '../reports/labels.ts';
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
  /** Writes the year's figures to `file` (whole or not at all) in `language`; `today` is the date it shows. */
  exportYear(
    year: number,
    format: StatisticsFormat,
    file: string,
    today: string,
    language?: Language,
  ): Promise<YearFigures>;
  freeze(input: ValidFreezeStatistics, actor: Actor, clock: Clock): Promise<StatisticsSnapshot>;
  snapshots(year: number): Promise<StatisticsSnapshot[]>;
  snapshot(id: number): Promise<StatisticsSnapshot>;
}

export function sqliteStatisticsStore(db: Db): StatisticsStore {
  return {
    year: async (year) => yearFigures(db, year),
    years: async () => yearsWithData(db),
    trend: async (input) => trend(db, input),
    async exportYear(year, format, file, today, language = DEFAULT_LANGUAGE) {
      const figures = yearFigures(db, year);
      const labels = labelsFor(language, { isolate: format === 'pdf' });
      const context = { officeName: readSettings(db).officeName, today, labels };
      await writeWhole(file, (partial) => writeStatistics(format, partial, figures, context));
      return figures;
    },
    freeze: async (input, actor, clock) => freezeYear(db, input, actor, clock),
    snapshots: async (year) => snapshotsOf(db, year),
    snapshot: async (id) => snapshotById(db, id),
  };
}
