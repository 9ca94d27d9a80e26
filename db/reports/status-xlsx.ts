import type { StatusReport } from './status-model.ts';
import {
  DATE_FORMAT,
  type SheetColumn,
  addTableHeader,
  dateCell,
  newWorkbook,
  setReadingDirection,
  sheetName,
} from './xlsx.ts';

const HEADER_ROW = 4;

/**
 * The status report as a workbook: the title above, then one row per request with dates as
 * date cells and day counts as numbers, the header frozen and filterable, printed landscape
 * with the header repeated on each page.
 */
export async function writeStatusXlsx(file: string, report: StatusReport): Promise<void> {
  const { labels } = report;
  const c = labels.reports.document.columns;
  const columns: SheetColumn[] = [
    { header: c.reference, width: 20 },
    { header: c.direction, width: 11 },
    { header: c.kind, width: 22 },
    { header: c.country, width: 18 },
    { header: c.counterpartReference, width: 16 },
    { header: c.domesticReference, width: 16 },
    { header: c.domesticAuthority, width: 24 },
    { header: c.assignedTo, width: 18 },
    { header: c.urgency, width: 9 },
    { header: c.openedOn, width: 11, numFmt: DATE_FORMAT },
    { header: c.daysOpen, width: 8 },
    { header: c.status, width: 18 },
    { header: c.statusSince, width: 11, numFmt: DATE_FORMAT },
    { header: c.lastEventOn, width: 11, numFmt: DATE_FORMAT },
    { header: c.lastEvent, width: 40 },
    { header: c.daysSinceLastEvent, width: 10 },
    { header: c.awaited, width: 40 },
    { header: c.deadline, width: 11, numFmt: DATE_FORMAT },
  ];
  const workbook = await newWorkbook();
  workbook.title = report.title;
  const sheet = workbook.addWorksheet(sheetName(labels.reports.document.sheet), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell('A1').value = report.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = report.officeName;
  sheet.getCell('A3').value = report.subtitle;
  addTableHeader(sheet, columns, HEADER_ROW);
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  for (const line of report.lines) {
    const row = sheet.addRow([
      line.reference,
      line.direction,
      line.kind,
      line.country,
      line.counterpartReference,
      line.domesticReference,
      line.domesticAuthority,
      line.assignedTo,
      line.urgency,
      dateCell(line.openedOn),
      line.daysOpen,
      line.status,
      dateCell(line.statusSince),
      dateCell(line.lastEventOn),
      line.lastEvent,
      line.daysSinceLastEvent,
      line.awaited,
      dateCell(line.deadline),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  setReadingDirection(sheet, labels.direction);
  await workbook.xlsx.writeFile(file);
}
