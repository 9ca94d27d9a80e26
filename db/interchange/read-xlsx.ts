import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { decodeXlsxText, type RawCell } from './cells.ts';
import { FileProblem } from './source.ts';
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
 * The rows of the workbook's first worksheet, streamed (the workbook is never loaded whole).
 * Rows keep their own numbers: the reader skips rows with nothing in them.
 */
export async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  // Styles are needed to tell a date cell from a number; shared strings hold most texts.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let lastRow = 0;
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const cells: RawCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = rawOfCell(cell);
        });
        lastRow = row.number;
        yield { row: row.number, cells: Array.from(cells, (c) => c ?? null) };
      }
      return; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(lastRow + 1, `The file cannot be read as an XLSX workbook: ${(e as Error).message}`);
  } finally {
    input.destroy();
  }
}
