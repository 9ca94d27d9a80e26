import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { DATE_COLUMNS, INTERCHANGE_COLUMNS, type InterchangeFormat } from '../../contract/interchange.ts';
import { encodeXlsxText, neutraliseCsvCell } from './cells.ts';
import { exportRows, type ExportRow } from './export-rows.ts';

/**
 * CSV as the spec and spreadsheets want it: UTF-8 with a byte-order mark (without one, Excel
 * reads UTF-8 as a legacy code page), CRLF records (RFC 4180), a field with a line break
 * quoted, and formula-like cells neutralised (see cells.ts).
 */
async function writeCsv(sqlite: Database.Database, file: string): Promise<number> {
  return writeInterchangeCsv(exportRows(sqlite), file);
}

/** Writes interchange rows to a CSV file as the export does (the seed writes its rows with it too). */
export async function writeInterchangeCsv(source: Iterable<ExportRow>, file: string): Promise<number> {
  let rows = 0;
  const records = Readable.from(
    (function* () {
      for (const row of source) {
        rows += 1;
        yield INTERCHANGE_COLUMNS.map((c) => {
          const value = row[c];
          return value === null ? '' : neutraliseCsvCell(value);
        });
      }
    })(),
  );
  const csv = stringify({
    header: true,
    columns: [...INTERCHANGE_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
  await pipeline(records, csv, fs.createWriteStream(file));
  return rows;
}

const WIDTHS: Partial<Record<(typeof INTERCHANGE_COLUMNS)[number], number>> = {
  reference: 20,
  counterpart_authority: 30,
  domestic_authority: 30,
  offence_description: 40,
  assistance: 30,
  summary: 60,
};
const DATES = new Set<string>(DATE_COLUMNS);

function xlsxValue(column: (typeof INTERCHANGE_COLUMNS)[number], value: string | null): ExcelJS.CellValue {
  if (value === null) return null;
  if (DATES.has(column)) return new Date(`${value}T00:00:00Z`);
  if (column === 'cyber_related') return value === 'true';
  // Everything else is text, ICCS codes included ("07"): a string is never written as a formula.
  return encodeXlsxText(value);
}

/** XLSX through exceljs's streaming writer: the header row frozen and bold, dates as date cells. */
async function writeXlsx(sqlite: Database.Database, file: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = INTERCHANGE_COLUMNS.map((key) => ({ key, width: WIDTHS[key] ?? 16 }));
  const header = sheet.addRow([...INTERCHANGE_COLUMNS]);
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  const add = (row: ExportRow) => {
    const added = sheet.addRow(INTERCHANGE_COLUMNS.map((c) => xlsxValue(c, row[c])));
    for (const column of DATE_COLUMNS) {
      if (row[column] !== null) added.getCell(INTERCHANGE_COLUMNS.indexOf(column) + 1).numFmt = 'yyyy-mm-dd';
    }
    added.commit();
  };
  for (const row of exportRows(sqlite)) {
    add(row);
    rows += 1;
    // Let the zip stream drain to the file now and then, so memory stays flat.
    if (rows % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

/**
 * Writes the whole register to `file` in the interchange format. The file appears only
 * when complete: it is written beside the target and renamed into place.
 */
export async function exportRegister(
  sqlite: Database.Database,
  file: string,
  format: InterchangeFormat,
): Promise<{ rows: number; bytes: number }> {
  const partial = `${file}.${crypto.randomBytes(4).toString('hex')}.partial`;
  try {
    const rows = format === 'csv' ? await writeCsv(sqlite, partial) : await writeXlsx(sqlite, partial);
    fs.renameSync(partial, file);
    return { rows, bytes: fs.statSync(file).size };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
