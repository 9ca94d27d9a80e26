import type { Readable } from 'node:stream';
import type { InterchangeFormat } from '../../contract/interchange.ts';
import type { RawCell } from './cells.ts';
import { csvRows } from './read-csv.ts';
import { xlsxRows } from './read-xlsx.ts';

/** One row of a sheet, by its spreadsheet row number (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: RawCell[];
}

/** The rows of a CSV file or of an XLSX workbook's first worksheet, header first, streamed. */
export function sheetRows(input: Readable, format: InterchangeFormat): AsyncGenerator<SheetRow> {
  return format === 'csv' ? csvRows(input) : xlsxRows(input);
}

export function isBlank(cells: readonly RawCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}
