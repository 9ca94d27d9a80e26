import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { figureCells } from '../../contract/statistics-diff.ts';
import type { YearFigures } from '../../contract/statistics.ts';

export const STATISTICS_CSV_COLUMNS = ['group_direction', 'group_kind', 'breakdown', 'key', 'figure'] as const;

/**
 * One tidy table: a row per number (group, breakdown, key, figure), so a spreadsheet or a
 * script can pivot it without parsing a layout. A days-to-close figure that does not exist
 * (nothing closed) is an empty cell.
 */
export async function writeStatisticsCsv(file: string, figures: YearFigures): Promise<void> {
  const rows = figureCells(figures).map((c) => [c.direction, c.kind, c.breakdown, c.key, c.value]);
  await fs.promises.writeFile(
    file,
    stringify(rows, { header: true, columns: [...STATISTICS_CSV_COLUMNS], record_delimiter: 'windows' }),
  );
}
