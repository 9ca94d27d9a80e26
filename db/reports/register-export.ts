import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { neutraliseCsvCell } from '../interchange/cells.ts';
import { asc, desc } from 'drizzle-orm';
import type { RegisterColumn } from '../../contract/reports.ts';
import type { RequestSummary } from '../../contract/requests.ts';
import type { SavedQuery } from '../../contract/views.ts';
import { savedQuerySchema } from '../../contract/views.ts';
import { filterClock, listCondition } from '../requests/filters.ts';
import { SORT_COLUMNS, toSummary } from '../requests/read.ts';
import { requests } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import type { RequestScope } from '../requests/scope.ts';
import type { Labels } from './labels.ts';
import {
  DATE_FORMAT,
  type SheetColumn,
  addTableHeader,
  dateCell,
  newWorkbook,
  setReadingDirection,
  sheetName,
} from './xlsx.ts';

/** Every request the register list shows for `query` (within `scope`), in its order (not just one page). */
export function registerRows(
  db: Queryable,
  query: SavedQuery,
  today: string,
  scope: RequestScope | null = null,
): RequestSummary[] {
  const q = savedQuerySchema.parse(query);
  const direction = q.order === 'asc' ? asc : desc;
  return db
    .select()
    .from(requests)
    .where(listCondition(q, filterClock(db, today), scope))
    .orderBy(direction(SORT_COLUMNS[q.sort]), direction(requests.id))
    .all()
    .map(toSummary);
}

type Cell = string | Date | null;

const DATE_COLUMNS = new Set<RegisterColumn>(['openedOn', 'closedOn', 'counterpartDeadline']);

/** A cell as people read it: codes become their labels, dates stay dates. */
function cellOf(row: RequestSummary, column: RegisterColumn, labels: Labels): Cell {
  const { codes } = labels;
  switch (column) {
    case 'direction':
      return codes.direction[row.direction];
    case 'kind':
      return codes.kind[row.kind];
    case 'status':
      return codes.status[row.status];
    case 'urgency':
      return codes.urgency[row.urgency];
    case 'counterpartCountry':
      return labels.country(row.counterpartCountry);
    case 'updatedAt':
      return new Date(row.updatedAt);
    default:
      return DATE_COLUMNS.has(column) ? dateCell(row[column]) : row[column];
  }
}

/** As text for CSV, with a leading =, +, - or @ neutralised as the interchange export does it. */
function csvText(value: Cell): string {
  const text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return neutraliseCsvCell(text);
}

/** RFC 4180 (csv-stringify) with a byte-order mark, which spreadsheet programs need to read UTF-8 names. */
export function writeRegisterCsv(
  file: string,
  rows: RequestSummary[],
  columns: RegisterColumn[],
  labels: Labels,
): void {
  const header = columns.map((c) => csvText(labels.register.columns[c]));
  const records = rows.map((row) =>
    columns.map((c) => csvText(c === 'updatedAt' ? row.updatedAt : cellOf(row, c, labels))),
  );
  fs.writeFileSync(file, `\uFEFF${stringify([header, ...records], { record_delimiter: '\r\n' })}`);
}

export async function writeRegisterXlsx(
  file: string,
  rows: RequestSummary[],
  columns: RegisterColumn[],
  labels: Labels,
): Promise<void> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName(labels.register.title));
  const sheetColumns = columns.map((c): SheetColumn => ({
    header: labels.register.columns[c],
    width: c === 'reference' ? 20 : c === 'updatedAt' ? 18 : 16,
    ...(DATE_COLUMNS.has(c) ? { numFmt: DATE_FORMAT } : c === 'updatedAt' ? { numFmt: 'yyyy-mm-dd hh:mm "UTC"' } : {}),
  }));
  addTableHeader(sheet, sheetColumns, 1);
  for (const row of rows) sheet.addRow(columns.map((c) => cellOf(row, c, labels)));
  setReadingDirection(sheet, labels.direction);
  await workbook.xlsx.writeFile(file);
}
