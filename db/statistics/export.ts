import type { StatisticsFormat, YearFigures } from '../../contract/statistics.ts';
import type { Labels } from '../reports/labels.ts';
import { writeStatisticsCsv } from './export-csv.ts';
import { writeStatisticsPdf } from './export-pdf.ts';
import { writeStatisticsXlsx } from './export-xlsx.ts';

/** What the exports print beside the figures. */
export interface ExportContext {
  officeName: string;
  /** The date the file is produced (YYYY-MM-DD). */
  today: string;
  /** The language of the XLSX and PDF (the CSV is codes and numbers). */
  labels: Labels;
}

/** Every format shows the same figures: the CSV is their flat form, the others lay it out. */
export function writeStatistics(
  format: StatisticsFormat,
  file: string,
  figures: YearFigures,
  context: ExportContext,
): Promise<void> {
  switch (format) {
    case 'csv':
      return writeStatisticsCsv(file, figures);
    case 'xlsx':
      return writeStatisticsXlsx(file, figures, context);
    case 'pdf':
      return writeStatisticsPdf(file, figures, context);
  }
}
