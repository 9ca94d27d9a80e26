/**
 * CSV records (RFC 4180) read from text as it arrives, with the rules csv-parse applied here
 * before (relax_column_count, empty lines kept): comma between fields, double quotes around a
 * field that holds commas, quotes or line breaks, a doubled quote inside one; the record
 * delimiter is the first line break met outside quotes (CR LF, LF or CR), and a different
 * line break is then a character of the field. It works on the decoded text directly: csv-parse
 * took the decoded text back to bytes and decoded every field again, and cost a quarter of
 * an import's reading and checking (test/db/interchange-csv.test.ts holds it to csv-parse's
 * records).
 */

import { englishText, type MessageKey, type MessageParams } from '../../contract/messages.ts';
import { columnLetter } from './cells.ts';

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** A break in the CSV's own syntax, in the record after the `records` complete ones. */
export class CsvSyntaxError extends Error {
  readonly records: number;
  readonly key: MessageKey;
  readonly params: MessageParams;
  constructor(records: number, key: MessageKey, params: MessageParams) {
    super(englishText(key, { ...params, row: records + 1 }));
    this.name = 'CsvSyntaxError';
    this.records = records;
    this.key = key;
    this.params = params;
  }
}

export class CsvRecords {
  /** The record delimiter, once met. */
  private eol: string | null = null;
  private record: string[] = [];
  /** The current field's text from earlier chunks. */
  private field = '';
  /** Inside a quoted field. */
  private quoting = false;
  /** The current field was quoted, and its closing quote met (it may be empty, and still a field). */
  private quoted = false;
  /** The end of the last chunk, when what it means depends on the next character (a quote, a CR). */
  private carry = '';
  private records = 0;

  /** Reads `text`, more of which may follow; the records it completes are added to `out`. */
  write(text: string, out: string[][]): void {
    this.read(this.carry === '' ? text : this.carry + text, false, out);
  }

  /** The end of the text: the last record, if the text does not end with a line break. */
  end(out: string[][]): void {
    this.read(this.carry, true, out);
    if (this.quoting) {
      throw this.problem('import.file.csvUnclosedQuote');
    }
    if (this.quoted || this.record.length > 0 || this.field !== '') this.endRecord(this.field, out);
  }

  private column(): string {
    return columnLetter(this.record.length);
  }

  private problem(key: MessageKey, params: MessageParams = {}): CsvSyntaxError {
    return new CsvSyntaxError(this.records, key, { column: this.column(), ...params });
  }

  private endField(value: string): void {
    this.record.push(value);
    this.field = '';
    this.quoted = false;
  }

  private endRecord(value: string, out: string[][]): void {
    this.endField(value);
    out.push(this.record);
    this.record = [];
    this.records += 1;
  }

  /** The length of the record delimiter at `at` (0 if none), finding it on the first line break. */
  private eolAt(s: string, at: number): number {
    const c = s.charCodeAt(at);
    if (c !== CR && c !== LF) return 0;
    if (this.eol === null) {
      this.eol = c === LF ? '\n' : s.charCodeAt(at + 1) === LF ? '\r\n' : '\r';
    }
    return s.startsWith(this.eol, at) ? this.eol.length : 0;
  }

  private read(s: string, last: boolean, out: string[][]): void {
    this.carry = '';
    const n = s.length;
    let i = 0; // where the current field's unread text starts
    let j = 0; // where the scan is
    while (j < n) {
      if (this.quoting) {
        const q = s.indexOf('"', j);
        // What a quote means takes the two characters after it (a quote; a comma; CR LF).
        if (q === -1 || (q + 2 >= n && !last)) {
          const stop = q === -1 ? n : q;
          this.field += s.slice(i, stop);
          this.carry = s.slice(stop);
          return;
        }
        if (s.charCodeAt(q + 1) === QUOTE) {
          this.field += s.slice(i, q + 1);
          i = j = q + 2;
          continue;
        }
        this.field += s.slice(i, q);
        this.quoting = false;
        this.quoted = true;
        i = j = q + 1;
        if (j < n && s.charCodeAt(j) !== COMMA && this.eolAt(s, j) === 0) {
          throw this.problem('import.file.csvAfterQuote', { found: JSON.stringify(s[j]) });
        }
        continue;
      }
      const c = s.charCodeAt(j);
      if (c === COMMA) {
        this.endField(this.field + s.slice(i, j));
        i = j = j + 1;
      } else if (c === QUOTE) {
        if (j > i || this.field !== '' || this.quoted) {
          throw this.problem('import.file.csvQuoteInside');
        }
        this.quoting = true;
        i = j = j + 1;
      } else if (c === CR || c === LF) {
        if (c === CR && j + 1 >= n && !last) {
          this.field += s.slice(i, j);
          this.carry = s.slice(j);
          return;
        }
        const length = this.eolAt(s, j);
        if (length > 0) {
          this.endRecord(this.field + s.slice(i, j), out);
          i = j = j + length;
        } else j += 1;
      } else {
        j += 1;
        // Most of a file is plain text between delimiters: skip it in one search per kind.
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === COMMA || d === QUOTE || d === CR || d === LF) break;
          j += 1;
        }
      }
    }
    this.field += s.slice(i, n);
  }
}
