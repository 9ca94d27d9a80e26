import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type RawCell, restoreCsvCell } from './cells.ts';
import type { SheetRow } from './sheet.ts';
import { FileProblem } from './source.ts';
import { NOT_UTF8, strictUtf8 } from './utf8.ts';

/**
 * The records of a CSV file (RFC 4180: comma, double-quote quoting, fields may hold line
 * breaks), numbered as a spreadsheet shows them: one row per record, the header is row 1.
 * A blank line still takes its row number, so later numbers match what the person sees.
 */
export async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const decoder = strictUtf8();
  const parser = parse({ relax_column_count: true, skip_empty_lines: false });
  input.on('error', (e) => decoder.destroy(e));
  decoder.on('error', (e) => parser.destroy(e));
  input.pipe(decoder).pipe(parser);
  // One record is held back: if the text stops at a byte that is not UTF-8, the record it
  // cut short must not be read as if it were whole.
  let held: SheetRow | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (held) yield held;
      held = { row, cells: record.map((cell): RawCell => (cell === '' ? null : restoreCsvCell(cell))) };
    }
  } catch (e) {
    if (held) yield held;
    if (decoder.invalid) throw new FileProblem(row + 1, NOT_UTF8);
    if (e instanceof CsvError) throw new FileProblem(row + 1, `The CSV file cannot be read here: ${e.message}`);
    throw e;
  } finally {
    input.destroy();
  }
  if (decoder.invalid) {
    if (held && decoder.invalid.atLineStart) yield held;
    throw new FileProblem(held && !decoder.invalid.atLineStart ? held.row : row + 1, NOT_UTF8);
  }
  if (held) yield held;
}
