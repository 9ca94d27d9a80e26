import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Kind, LinkKind } from '../../contract/codes.ts';
import { AppError } from '../../contract/errors.ts';
import type { ColumnMapping, ImportReport, InterchangeFormat } from '../../contract/interchange.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import * as schema from '../schema/index.ts';
import { cellText, type RawCell } from './cells.ts';
import { type ColumnPlan, planColumns } from './headers.ts';
import { importedHistory } from './history.ts';
import { ProblemList } from './problems.ts';
import { isBlank, sheetRows } from './sheet.ts';
import { FileProblem, openSource } from './source.ts';
import { type RowValues, validateRow } from './validate-row.ts';
import { importWriter, type KnownRequest, registerLookup } from './writer.ts';

export interface ImportOptions {
  /** The file's name as the person knows it, for the history notes and the audit log. */
  fileName: string;
  mapping?: ColumnMapping | undefined;
  dryRun: boolean;
  ignoreUnknownColumns: boolean;
  /** How many problems to list (the rest are counted). */
  problemLimit?: number | undefined;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number;
}

const columnLetter = (position: number): string =>
  (position >= 26 ? columnLetter(Math.floor(position / 26) - 1) : '') + String.fromCharCode(65 + (position % 26));

/** A follow-up is an MLA or disclosure request following up a preservation (as db/requests/links.ts rules). */
const linkKind = (from: Kind, to: Kind): LinkKind =>
  (from === 'mla' || from === 'disclosure') && to === 'preservation' ? 'follow_up' : 'related';

function valuesOf(cells: readonly RawCell[], plan: ColumnPlan, row: number, problems: ProblemList): RowValues {
  const values: RowValues = {};
  cells.forEach((cell, position) => {
    const column = plan.columns[position] ?? null;
    if (column !== null) values[column] = cellText(cell, column);
    else if ((position >= plan.columns.length || plan.unnamed(position)) && cellText(cell) !== null) {
      problems.add({
        row,
        column: `(column ${columnLetter(position)})`,
        message: 'has a value, but the column has no header',
      });
    }
  });
  return values;
}

/**
 * Imports a register file in one streaming pass, all or nothing. The import runs on its own
 * connection in one IMMEDIATE transaction: rows are written as they are read (memory stays
 * bounded whatever the file's size), and at the first problem writing stops while reading
 * goes on, so that every problem is reported; then it rolls back, leaving the register as it
 * was. A dry run reads and checks the same way inside a read transaction and writes nothing.
 */
export async function importRegister(
  sqlite: Database.Database,
  file: string,
  options: ImportOptions & { format: InterchangeFormat },
  context: { actor: Actor; clock: Clock; referencePattern: string; onProgress?: (p: ImportProgress) => void },
): Promise<ImportReport> {
  const { actor, clock, referencePattern } = context;
  const problems = new ProblemList(options.problemLimit ?? 1000);
  const { stream, meter } = openSource(file);
  const progress = (rowsRead: number) =>
    context.onProgress?.({ rowsRead, bytesRead: meter.bytesRead(), bytesTotal: meter.bytesTotal });
  try {
    sqlite.exec(options.dryRun ? 'BEGIN' : 'BEGIN IMMEDIATE');
  } catch (e) {
    stream.destroy();
    throw new AppError(
      'storage',
      `The register is busy (another import or a long change is running): ${(e as Error).message}`,
    );
  }
  const write = importWriter(sqlite, clock, actor.name);
  const lookup = registerLookup(sqlite);
  let writing = !options.dryRun;
  /** Every reference of the file, valid rows with what they became: a related_reference may name any. */
  const inFile = new Map<string, { row: number; request: KnownRequest | null }>();
  const related: { row: number; from: KnownRequest; target: string }[] = [];
  let plan: ColumnPlan | null = null;
  let rows = 0;
  let valid = 0;
  try {
    try {
      for await (const { row, cells } of sheetRows(stream, options.format)) {
        if (plan === null) {
          plan = planColumns(cells, options.mapping, options.ignoreUnknownColumns);
          problems.addAll(plan.problems);
          continue;
        }
        if (isBlank(cells)) continue;
        rows += 1;
        if (rows % 250 === 0) progress(rows);
        const before = problems.count;
        const result = validateRow(valuesOf(cells, plan, row, problems), row, clock.today);
        if (Array.isArray(result)) {
          const { missing } = plan;
          problems.addAll(result.filter((p) => !missing.has(p.column)));
          const reference = cellText(cells[plan.columns.indexOf('reference')] ?? null);
          if (reference !== null && !inFile.has(reference)) inFile.set(reference, { row, request: null });
          continue;
        }
        const first = inFile.get(result.reference);
        if (first) problems.add({ row, column: 'reference', message: `is already the reference of row ${first.row}` });
        else if (lookup(result.reference)) {
          problems.add({ row, column: 'reference', message: 'is already the reference of a request in the register' });
        }
        if (problems.count > before) continue;
        if (problems.count > 0) writing = false;
        // In a dry run (or once a problem stopped writing) the id is never used: nothing is linked.
        const request: KnownRequest = { id: 0, kind: result.kind };
        if (writing) {
          request.id = write.request(result, importedHistory(result, clock.today, options.fileName));
          write.counter(referencePattern, result.reference);
        }
        inFile.set(result.reference, { row, request });
        if (result.relatedReference !== null) {
          related.push({ row, from: request, target: result.relatedReference });
        }
        valid += 1;
      }
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e;
      problems.add({ row: e.row, column: '', message: e.message });
    }
    if (plan === null && problems.count === 0) {
      problems.add({ row: 1, column: '', message: 'The file is empty: it has no header row.' });
    }
    for (const link of related) {
      const named = inFile.get(link.target);
      if (named && named.request === null) continue; // that row's own problems are reported
      const target = named?.request ?? lookup(link.target);
      if (!target) {
        problems.add({
          row: link.row,
          column: 'related_reference',
          message: `"${link.target}" is neither a row of this file nor a request in the register`,
        });
      } else if (writing && problems.count === 0) {
        write.link(link.from.id, target.id, linkKind(link.from.kind, target.kind));
      }
    }
    progress(rows);
    const ok = problems.count === 0;
    if (ok && writing) {
      const sha256 = await meter.sha256();
      recordAudit(drizzle({ client: sqlite, schema }), actor, clock.at, {
        action: 'register.import',
        entity: 'register',
        entityId: null,
        details: { file: options.fileName, format: options.format, imported: valid, sha256 },
      });
      sqlite.exec('COMMIT');
    } else {
      sqlite.exec('ROLLBACK');
    }
    return { ok, dryRun: options.dryRun, imported: ok ? valid : 0, rows, ...problems.report() };
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  } finally {
    stream.destroy();
  }
}
