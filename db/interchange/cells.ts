import type { InterchangeColumn } from '../../contract/interchange.ts';

/**
 * A cell as a reader hands it over: CSV gives text only; XLSX also gives what an office suite
 * retyped (numbers, booleans, dates). Empty cells are null.
 */
export type RawCell = string | number | boolean | Date | null;

/**
 * Formula injection in CSV. A spreadsheet opening a CSV runs a cell that starts with = + - @
 * (or a tab or carriage return before one) as a formula. The export therefore writes such a
 * cell with one apostrophe in front, and the import removes exactly one leading apostrophe
 * when what follows is apostrophes and then one of those characters. A value that really
 * starts with an apostrophe before one of them ("'=x") gets a second one ("''=x"), so every
 * value comes back as it was. XLSX needs none of this: its cells are written as text, never
 * as formulas, and read back as they are.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function neutraliseCsvCell(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

export function restoreCsvCell(text: string): string {
  // Most cells do not start with an apostrophe: no regular expression for them.
  return text.charCodeAt(0) === 39 && GUARDED.test(text) ? text.slice(1) : text;
}

/**
 * XML cannot carry a carriage return (a reader turns CR LF into LF) nor most control
 * characters, and exceljs drops the latter. OOXML's own escape writes such a character as
 * _xHHHH_ (and a literal "_x" that looks like one as _x005F_x), as Excel does; the import
 * decodes it, from our files and from Excel's alike.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const XLSX_UNSAFE = /_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F]/g;
const XLSX_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function encodeXlsxText(text: string): string {
  return text.replace(XLSX_UNSAFE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

export function decodeXlsxText(text: string): string {
  return text.includes('_x')
    ? text.replace(XLSX_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * A copy of `text` that shares no memory with the text it was cut from. V8 makes a longer
 * slice of a string point into that string: a reference the import keeps to the end (to find
 * duplicates and related_reference targets) would keep the whole decoded chunk of the file it
 * came from, and so the file itself (measured: 80 MB held for 100,000 references of a 38 MB
 * file, 8 MB once copied). UTF-16 both ways, so every code unit comes back as it was.
 */
export const detach = (text: string): string => Buffer.from(text, 'utf16le').toString('utf16le');

/** A column's letters as a spreadsheet shows them: A, B, … Z, AA, AB, … */
export const columnLetter = (position: number): string =>
  (position >= 26 ? columnLetter(Math.floor(position / 26) - 1) : '') + String.fromCharCode(65 + (position % 26));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date cell's calendar date: exceljs gives date cells as UTC midnight, so read the UTC parts. */
export function isoDateOfCell(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Excel's day 25569 is 1970-01-01 (1900 date system; serials before March 1900 never occur here). */
const EXCEL_EPOCH_OFFSET = 25569;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A date stored as a bare serial number (a date column whose cell lost its date format). */
function dateOfSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return null;
  return isoDateOfCell(new Date(Math.round((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * DAY_MS)));
}

/**
 * The text a cell stands for in a column, as the spec says to read retyped cells: an ICCS
 * code typed as 7 is "07", a boolean cell is "true"/"false", a date cell is its calendar
 * date. Surrounding spaces are dropped; an empty cell is null. Without a column (a preview
 * before the mapping is known) only the general rules apply.
 */
export function cellText(cell: RawCell, column: InterchangeColumn | null = null): string | null {
  if (cell === null) return null;
  let text: string;
  if (typeof cell === 'string') text = cell;
  else if (typeof cell === 'boolean') text = cell ? 'true' : 'false';
  else if (cell instanceof Date) text = Number.isNaN(cell.getTime()) ? '' : isoDateOfCell(cell);
  else if (column === 'offences' && Number.isInteger(cell) && cell >= 1 && cell <= 99) text = pad(cell);
  else if (column === 'opened_on' || column === 'closed_on') text = dateOfSerial(cell) ?? String(cell);
  else text = String(cell);
  text = text.trim();
  return text === '' ? null : text;
}
