import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { INTERCHANGE_COLUMNS, type ImportReport, type InterchangeColumn } from '../../contract/interchange.ts';
import type { Actor } from '../../db/audit.ts';
import type { Clock } from '../../db/clock.ts';
import type { ImportOptions } from '../../db/interchange/store.ts';
import type { Register } from '../../db/register.ts';
import { tempDir } from './temp-register.ts';

export const SAMPLE_CSV = path.resolve(import.meta.dirname, '../fixtures/register-sample.csv');
export const SAMPLE_ROWS = 400;

/** A day after every date of the sample (its last is 2026-06-16), so no date is "in the future". */
export const IMPORT_CLOCK: Clock = { at: '2026-11-20T09:00:00.000Z', today: '2026-11-20' };
export const IMPORTER: Actor = { name: 'Rania Importer', roles: ['clerk'] };

export type Row = Partial<Record<InterchangeColumn, string>>;

/** A valid closed incoming MLA request; tests override what they are about. */
export function row(overrides: Row = {}): Row {
  return {
    reference: 'MLA-IN-2024-00001',
    direction: 'incoming',
    kind: 'mla',
    status: 'executed',
    opened_on: '2024-01-10',
    closed_on: '2024-03-01',
    counterpart_country: 'FR',
    offences: '07',
    assistance: 'records',
    ...overrides,
  };
}

/** A CSV file in the interchange format (all columns, spec order, CRLF) holding these rows. */
export function csvFile(rows: Row[], options: { name?: string; columns?: readonly string[]; bom?: boolean } = {}) {
  const columns = options.columns ?? INTERCHANGE_COLUMNS;
  const text = stringify(
    rows.map((r) => columns.map((c) => (r as Record<string, string | undefined>)[c] ?? '')),
    { header: true, columns: [...columns], record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
  const file = path.join(tempDir(), options.name ?? 'register.csv');
  fs.writeFileSync(file, (options.bom ? '\uFEFF' : '') + text);
  return file;
}

export function importFile(
  register: Register,
  file: string,
  options: Partial<ImportOptions> = {},
  clock: Clock = IMPORT_CLOCK,
): Promise<ImportReport> {
  return register.interchange.import(
    file,
    { fileName: path.basename(file), dryRun: false, ignoreUnknownColumns: false, ...options },
    IMPORTER,
    clock,
  );
}

/** The problems of a report as "row:column:message" lines, easy to assert on. */
export const problemLines = (report: ImportReport) => report.problems.map((p) => `${p.row}:${p.column}:${p.message}`);
