import type ExcelJS from 'exceljs';

/** A calendar date (YYYY-MM-DD) as a date cell: midnight UTC, which Excel shows as that day. */
export function dateCell(isoDate: string | null): Date | null {
  return isoDate === null ? null : new Date(`${isoDate}T00:00:00Z`);
}

export interface SheetColumn {
  header: string;
  width: number;
  /** Excel number format for date columns. */
  numFmt?: string;
}

export const DATE_FORMAT = 'yyyy-mm-dd';

/** exceljs, loaded on first use: the database process starts faster without it. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'MLA Desk';
  return workbook;
}

/**
 * Writes a header row at `headerRow` (bold, shaded, filterable) and freezes everything above
 * and including it, so the column names stay in view while scrolling.
 */
export function addTableHeader(sheet: ExcelJS.Worksheet, columns: SheetColumn[], headerRow: number): void {
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  const row = sheet.getRow(headerRow);
  row.values = columns.map((c) => c.header);
  row.font = { bold: true };
  row.alignment = { vertical: 'top', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 1 }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not empty. The
 * translations' titles are cut to it.
 */
export function sheetName(title: string): string {
  const name = [...title.replace(/[:\\/?*[\]]/g, ' ').trim()].slice(0, 31).join('').trim();
  return name === '' ? 'Sheet' : name;
}

/** Arabic sheets read from the right: column A at the right edge, as Excel shows an Arabic workbook. */
export function setReadingDirection(sheet: ExcelJS.Worksheet, direction: 'ltr' | 'rtl'): void {
  if (direction === 'ltr') return;
  const views = sheet.views.length > 0 ? sheet.views : [{}];
  sheet.views = views.map((view) => ({ ...view, rightToLeft: true }));
}
