import type ExcelJS from 'exceljs';
import type { GroupFigures, YearFigures } from '../../contract/statistics.ts';
import { addTableHeader, newWorkbook } from '../reports/xlsx.ts';
import type { ExportContext } from './export.ts';
import {
  BREAKDOWNS,
  COUNTRY_HEADERS,
  COUNTRY_TITLE,
  SUMMARY_COLUMNS,
  countryLabel,
  definitionsLine,
  entries,
  exportTitle,
  groupTitle,
  headline,
} from './layout.ts';

/** The rows above each sheet's first table: title, office, definitions and date. */
const TOP_ROWS = 3;
const HEADLINE_TITLE = 'Figures';

/** The name of a group's sheet (codes: short, and within Excel's 31 characters). */
export const groupSheetName = (g: Pick<GroupFigures, 'direction' | 'kind'>) => `${g.direction} ${g.kind}`;

function writeTop(sheet: ExcelJS.Worksheet, title: string, office: string, context: ExportContext): void {
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = office;
  sheet.getCell('A3').value = definitionsLine(context.today);
}

/** A titled table under the previous one: bold title, bold shaded header, numbers as numbers. */
function addTable(sheet: ExcelJS.Worksheet, title: string, headers: string[], rows: (string | number | null)[][]) {
  const start = sheet.rowCount + 2;
  const titleRow = sheet.getRow(start);
  titleRow.getCell(1).value = title;
  titleRow.font = { bold: true, size: 12 };
  const header = sheet.getRow(start + 1);
  header.values = headers;
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  rows.forEach((values, i) => {
    sheet.getRow(start + 2 + i).values = values;
  });
}

function groupSheet(workbook: ExcelJS.Workbook, g: GroupFigures, year: number, context: ExportContext): void {
  const sheet = workbook.addWorksheet(groupSheetName(g), {
    pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 26 }, { width: 44 }, { width: 12 }, { width: 12 }, { width: 20 }];
  writeTop(sheet, `${exportTitle(year)}: ${groupTitle(g.direction, g.kind)}`, context.officeName, context);
  sheet.views = [{ state: 'frozen', ySplit: TOP_ROWS }];
  // Column A holds the figure's or code's key, so the sheet reads back to the JSON form.
  addTable(
    sheet,
    HEADLINE_TITLE,
    ['Figure', 'Name', 'Value'],
    headline(g).map(([label, value, key]) => [key, label, value]),
  );
  for (const b of BREAKDOWNS) {
    const rows = entries(g[b.key]).map(([key, n]) => [key, b.label(key), n]);
    if (rows.length > 0) addTable(sheet, b.title, ['Code', 'Name', 'Count'], rows);
  }
  const countries = Object.entries(g.byCountry).map(([code, c]) => [
    code,
    countryLabel(code),
    c.opened,
    c.closed,
    c.pendingEnd,
  ]);
  if (countries.length > 0) addTable(sheet, COUNTRY_TITLE, ['Code', 'Country', ...COUNTRY_HEADERS], countries);
}

/**
 * The year's figures as a workbook: a Summary sheet (one row per group, the header frozen),
 * then one sheet per group with its figures and each breakdown as a table.
 */
export async function writeStatisticsXlsx(file: string, figures: YearFigures, context: ExportContext): Promise<void> {
  const workbook = await newWorkbook();
  workbook.title = exportTitle(figures.year);
  const summary = workbook.addWorksheet('Summary', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headerRow = TOP_ROWS + 2;
  addTableHeader(
    summary,
    [
      { header: 'Direction', width: 12 },
      { header: 'Kind', width: 22 },
      ...SUMMARY_COLUMNS.map((c) => ({ header: c.header, width: 12 })),
    ],
    headerRow,
  );
  writeTop(summary, exportTitle(figures.year), context.officeName, context);
  for (const g of figures.groups) {
    summary.addRow([g.direction, g.kind, ...SUMMARY_COLUMNS.map((c) => c.value(g))]);
  }
  if (figures.groups.length === 0) summary.addRow(['Nothing was opened, closed or pending in this year.']);
  for (const g of figures.groups) groupSheet(workbook, g, figures.year, context);
  await workbook.xlsx.writeFile(file);
}
