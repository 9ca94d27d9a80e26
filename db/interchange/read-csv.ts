import type { Readable } from 'node:stream';
import { type RawCell, restoreCsvCell } from './cells.ts';
import { CsvRecords, CsvSyntaxError } from './csv-records.ts';
import type { SheetRow } from './sheet.ts';
import { FileProblem } from './source.ts';
import { strictUtf8 } from './utf8.ts';

const cellOf = (cell: string): RawCell => (cell === '' ? null : restoreCsvCell(cell));

/**
 * The records of a CSV file (RFC 4180: comma, double-quote quoting, fields may hold line
 * breaks), numbered as a spreadsheet shows them: one row per record, the header is row 1.
 * A blank line still takes its row number, so later numbers match what the person sees.
 */
export async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const decoder = strictUtf8();
  input.on('error', (e) => decoder.destroy(e));
  input.pipe(decoder);
  const parser = new CsvRecords();
  const records: string[][] = [];
  // One record is held back: if the text stops at a byte that is not UTF-8, the record it
  // cut short must not be read as if it were whole.
  let held: SheetRow | null = null;
  let row = 0;
  try {
    let done = false;
    const chunks = (decoder as AsyncIterable<string>)[Symbol.asyncIterator]();
    while (!done) {
      const next = await chunks.next();
      let broken: unknown = null;
      try {
        if (next.done) parser.end(records);
        else parser.write(next.value, records);
      } catch (e) {
        broken = e;
      }
      // The records before a break in the syntax are read (and checked) all the same.
      for (const record of records) {
        row += 1;
        if (held) yield held;
        held = { row, cells: record.map(cellOf) };
      }
      records.length = 0;
      if (broken !== null) throw broken;
      done = next.done === true;
    }
  } catch (e) {
    if (held) yield held;
    if (decoder.invalid) throw new FileProblem(row + 1, 'import.file.notUtf8');
    if (e instanceof CsvSyntaxError) throw new FileProblem(row + 1, e.key, e.params);
    throw e;
  } finally {
    input.destroy();
    decoder.destroy();
  }
  if (decoder.invalid) {
    if (held && decoder.invalid.atLineStart) yield held;
    throw new FileProblem(held && !decoder.invalid.atLineStart ? held.row : row + 1, 'import.file.notUtf8');
  }
  if (held) yield held;
}
