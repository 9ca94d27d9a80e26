import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { figureCells } from '../../contract/statistics-diff.ts';
import type { YearFigures } from '../../contract/statistics.ts';

export const STATISTICS_CSV_COLUMNS = ['group_direction', 'group_kind', 'breakdown', 'key', 'figure'] as const;

/**
 * One tidy table: a row per number (group, breakdown, key, figure), so a spreadsheet or a
 * script can pivot it without parsing a layout. A days-to-close figure that does not exist
 * (nothing closed) is an empty cell. Its headers and keys are the spec's JSON names, the same
 * in every language. A byte-order mark comes first, as in the register's CSV, so that Excel
 * reads a service provider's name in Arabic, Chinese or Cyrillic letters as UTF-8.
 */
export async function writeStatisticsCsv(file: string, figures: YearFigures): Promise<void> {
  const rows = figureCells(figures).map((c) => [c.direction, c.kind, c.breakdown, c.key, c.value]);
  await fs.promises.writeFile(
    file,
    `\uFEFF${stringify(rows, { header: true, columns: [...STATISTICS_CSV_COLUMNS], record_delimiter: 'windows' })}`,
  );
}
