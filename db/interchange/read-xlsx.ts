import { type Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { decodeXlsxText, type RawCell } from './cells.ts';
import { FileProblem, sourceFileOf } from './source.ts';
import { type ZipDamage, zipDamage } from './zip-check.ts';
import type { SheetRow } from './sheet.ts';

/** What a cell holds, as the value a person sees in it; formulas are never evaluated. */
function rawOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return decodeXlsxText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return decodeXlsxText(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return rawOf(value.text);
  if ('error' in value) return value.error;
  return null;
}

/**
 * A formula cell: the result the office suite stored with it (read from the cell's model, as
 * exceljs's value drops a result of 0 or false), else the formula itself as text. LibreOffice
 * writes a boolean as the formula TRUE() or FALSE() with a numeric result.
 */
function rawOfCell(cell: ExcelJS.Cell): RawCell {
  if (cell.type !== ExcelJS.ValueType.Formula) return rawOf(cell.value);
  const { formula, sharedFormula, result } = cell.model;
  const text = formula ?? sharedFormula ?? '';
  const flag = /^(TRUE|FALSE)\(\)$/i.exec(text)?.[1];
  if (flag) return flag.toUpperCase() === 'TRUE';
  if (result !== undefined && result !== null) return rawOf(result as ExcelJS.CellValue);
  return `=${text}`;
}

/**
 * How long the workbook reader may go without a sign of life (a byte read from the file, a
 * worksheet or a row) while the import waits for it. zipDamage finds a damaged archive before
 * reading starts; this guards what it cannot check (ZIP64 archives, a crafted file), and
 * bounds what a deflate bomb can cost.
 */
export const XLSX_STALL_MS = 15_000;

/**
 * The rows of the workbook's first worksheet, streamed (the workbook is never loaded whole).
 * Rows keep their own numbers: the reader skips rows with nothing in them. The file is checked
 * as a whole archive first (zip-check.ts), and the reader watched for a stall.
 */
export async function* xlsxRows(input: Readable, stallMs = XLSX_STALL_MS): AsyncGenerator<SheetRow> {
  const file = sourceFileOf(input);
  if (file !== undefined) {
    let damage: ZipDamage | null;
    try {
      damage = await zipDamage(file);
    } catch (e) {
      input.destroy();
      throw new FileProblem(1, 'import.file.xlsxDamage.unreadable', { reason: (e as Error).message });
    }
    if (damage !== null) {
      input.destroy();
      const { kind, entry } = damage;
      throw new FileProblem(1, `import.file.xlsxDamage.${kind}`, entry === undefined ? {} : { entry });
    }
  }
  let lastSign = Date.now();
  const watched = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      lastSign = Date.now();
      done(null, chunk);
    },
  });
  input.on('error', (e) => watched.destroy(e));
  input.pipe(watched);
  let lastRow = 0;
  /** The reader's next answer, or a FileProblem once it has shown no sign of life for stallMs. */
  const guarded = <T>(next: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // Only the time spent waiting counts: the import may take its time with each row.
      lastSign = Date.now();
      const timer = setInterval(
        () => {
          if (Date.now() - lastSign <= stallMs) return;
          clearInterval(timer);
          reject(new FileProblem(lastRow + 1, 'import.file.xlsxStalled'));
        },
        Math.min(stallMs, 1000),
      );
      next.then(
        (value) => {
          clearInterval(timer);
          lastSign = Date.now();
          resolve(value);
        },
        (e: unknown) => {
          clearInterval(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  // Styles are needed to tell a date cell from a number; shared strings hold most texts.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(watched, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const worksheets = workbook[Symbol.asyncIterator]();
  try {
    const first = await guarded(worksheets.next());
    if (first.done === true) return;
    const rows = first.value[Symbol.asyncIterator]();
    for (;;) {
      const next = await guarded(rows.next());
      if (next.done === true) break;
      const row = next.value;
      const cells: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = rawOfCell(cell);
      });
      lastRow = row.number;
      yield { row: row.number, cells: Array.from(cells, (c) => c ?? null) };
    }
    // The first worksheet only: let the reader close the archive.
    await guarded(worksheets.return(undefined));
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(lastRow + 1, 'import.file.xlsxUnreadable', { reason: (e as Error).message });
  } finally {
    input.destroy();
    watched.destroy();
  }
}
