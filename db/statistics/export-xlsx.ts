import type ExcelJS from 'exceljs';
import type { GroupFigures, YearFigures } from '../../contract/statistics.ts';
import type { Labels } from '../reports/labels.ts';
import { addTableHeader, newWorkbook, setReadingDirection, sheetName } from '../reports/xlsx.ts';
import type { ExportContext } from './export.ts';
import {
  breakdowns,
  countryHeaders,
  definitionsLine,
  entries,
  exportTitle,
  groupTitle,
  headline,
  summaryColumns,
} from './layout.ts';

/** The rows above each sheet's first table: title, office, definitions and date. */
const TOP_ROWS = 3;

/** The name of a group's sheet: short ("Incoming MLA"), within Excel's 31 characters. */
export const groupSheetName = (labels: Labels, g: Pick<GroupFigures, 'direction' | 'kind'>) =>
  sheetName(
    labels.fill(labels.statistics.document.groupSheet, {
      direction: labels.codes.direction[g.direction],
      kind: labels.statistics.document.shortKind[g.kind],
    }),
  );

function writeTop(sheet: ExcelJS.Worksheet, title: string, context: ExportContext): void {
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = context.officeName;
  sheet.getCell('A3').value = definitionsLine(context.labels, context.today);
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

function groupSheet(workbook: ExcelJS.Workbook, name: string, g: GroupFigures, year: number, context: ExportContext) {
  const { labels } = context;
  const d = labels.statistics.document;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 26 }, { width: 44 }, { width: 12 }, { width: 12 }, { width: 20 }];
  writeTop(sheet, `${exportTitle(labels, year)}: ${groupTitle(labels, g.direction, g.kind)}`, context);
  sheet.views = [{ state: 'frozen', ySplit: TOP_ROWS }];
  // Column A holds the figure's or code's key (the spec's JSON names), so the sheet reads back to the JSON form.
  addTable(
    sheet,
    d.figuresTable,
    [d.figure, d.name, d.value],
    headline(labels, g).map(([label, value, key]) => [key, label, value]),
  );
  for (const b of breakdowns(labels)) {
    const rows = entries(g[b.key]).map(([key, n]) => [key, b.label(key), n]);
    if (rows.length > 0) addTable(sheet, b.title, [d.code, d.name, d.count], rows);
  }
  const countries = Object.entries(g.byCountry).map(([code, c]) => [
    code,
    labels.country(code),
    c.opened,
    c.closed,
    c.pendingEnd,
  ]);
  if (countries.length > 0) {
    const headers = [d.code, labels.statistics.country.column, ...countryHeaders(labels)];
    addTable(sheet, labels.statistics.country.title, headers, countries);
  }
  setReadingDirection(sheet, labels.direction);
}

/** Each group's sheet name, made unique should two translated names meet (Excel refuses twins). */
function sheetNames(labels: Labels, groups: GroupFigures[], taken: string[]): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return groups.map((g) => {
    const base = groupSheetName(labels, g);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = sheetName(`${[...base].slice(0, 27).join('')} (${n})`);
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * The year's figures as a workbook in the export's language: a summary sheet (one row per
 * group, the header frozen), then one sheet per group with its figures and each breakdown as
 * a table; in Arabic every sheet reads from the right.
 */
export async function writeStatisticsXlsx(file: string, figures: YearFigures, context: ExportContext): Promise<void> {
  const { labels } = context;
  const d = labels.statistics.document;
  const workbook = await newWorkbook();
  workbook.title = exportTitle(labels, figures.year);
  const summaryName = sheetName(d.summarySheet);
  const summary = workbook.addWorksheet(summaryName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headerRow = TOP_ROWS + 2;
  const columns = summaryColumns(labels);
  addTableHeader(
    summary,
    [
      { header: labels.statistics.direction, width: 12 },
      { header: labels.statistics.kind, width: 22 },
      ...columns.map((c) => ({ header: c.header, width: 12 })),
    ],
    headerRow,
  );
  writeTop(summary, exportTitle(labels, figures.year), context);
  for (const g of figures.groups) {
    const kind = g.kind === 'all' ? labels.statistics.allKinds : labels.codes.kind[g.kind];
    summary.addRow([labels.codes.direction[g.direction], kind, ...columns.map((c) => c.value(g))]);
  }
  if (figures.groups.length === 0) summary.addRow([d.empty]);
  setReadingDirection(summary, labels.direction);
  const names = sheetNames(labels, figures.groups, [summaryName]);
  figures.groups.forEach((g, i) =>
    groupSheet(workbook, names[i] ?? groupSheetName(labels, g), g, figures.year, context),
  );
  await workbook.xlsx.writeFile(file);
}
