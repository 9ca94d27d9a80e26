import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Kind, LinkKind } from '../../contract/codes.ts';
import { appError } from '../../contract/errors.ts';
import type { ColumnMapping, ImportReport, InterchangeColumn, InterchangeFormat } from '../../contract/interchange.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import * as schema from '../schema/index.ts';
import { type DeferredSearchIndex, deferSearchIndex } from '../search/bulk-fill.ts';
import { type BulkLoad, startBulkLoad } from './bulk.ts';
import { cellText, columnLetter, detach, type RawCell } from './cells.ts';
import { type ColumnPlan, planColumns } from './headers.ts';
import { importedHistory } from './history.ts';
import { ProblemList } from './problems.ts';
import { quickValidRow } from './quick-row.ts';
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

/** A follow-up is an MLA or disclosure request following up a preservation (as db/requests/links.ts rules). */
const linkKind = (from: Kind, to: Kind): LinkKind =>
  (from === 'mla' || from === 'disclosure') && to === 'preservation' ? 'follow_up' : 'related';

/** Every column empty, in the one object shape of every row (V8 then reads its properties fast). */
const blankValues = (): Record<InterchangeColumn, string | null> => ({
  reference: null,
  direction: null,
  kind: null,
  status: null,
  opened_on: null,
  closed_on: null,
  counterpart_country: null,
  counterpart_authority: null,
  counterpart_reference: null,
  domestic_authority: null,
  domestic_reference: null,
  service_provider: null,
  legal_basis: null,
  legal_basis_detail: null,
  channel: null,
  offences: null,
  cyber_related: null,
  offence_description: null,
  assistance: null,
  urgency: null,
  refusal_grounds: null,
  related_reference: null,
  assigned_to: null,
  summary: null,
});

function valuesOf(cells: readonly RawCell[], plan: ColumnPlan, row: number, problems: ProblemList): RowValues {
  const values = blankValues();
  for (let position = 0; position < cells.length; position += 1) {
    const cell = cells[position] ?? null;
    const column = plan.columns[position] ?? null;
    if (column !== null) values[column] = cellText(cell, column);
    else if ((position >= plan.columns.length || plan.unnamed(position)) && cellText(cell) !== null) {
      problems.add({
        row,
        column: `(column ${columnLetter(position)})`,
        key: 'import.cell.noHeader',
      });
    }
  }
  return values;
}

/**
 * Imports a register file in one streaming pass, all or nothing. The import runs on its own
 * connection in one IMMEDIATE transaction: rows are written as they are read (a request's
 * history, offences and assistance a batch at a time; memory stays bounded whatever the
 * file's size), and at the first problem writing stops while reading goes on, so that every
 * problem is reported; then it rolls back, leaving the register as it was. Into an empty
 * register the indexes are built once the rows are in (bulk.ts). A dry run reads and checks
 * the same way inside a read transaction and writes nothing.
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
    throw appError('storage', 'import.busy', { reason: (e as Error).message });
  }
  let bulk: BulkLoad | null = null;
  let searchIndex: DeferredSearchIndex | null = null;
  let writing = !options.dryRun;
  /** Every reference of the file, valid rows with what they became: a related_reference may name any. */
  const inFile = new Map<string, { row: number; request: KnownRequest | null }>();
  const related: { row: number; from: KnownRequest; target: string }[] = [];
  let plan: ColumnPlan | null = null;
  let rows = 0;
  let valid = 0;
  try {
    const lookup = registerLookup(sqlite);
    bulk = startBulkLoad(sqlite, { deferIndexes: writing && lookup.empty });
    searchIndex = writing && lookup.empty ? deferSearchIndex(sqlite) : null;
    const write = importWriter(sqlite, clock, actor.name);
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
        const values = valuesOf(cells, plan, row, problems);
        const result = quickValidRow(values, clock.today) ?? validateRow(values, row, clock.today);
        if (Array.isArray(result)) {
          const { missing } = plan;
          problems.addAll(result.filter((p) => !missing.has(p.column)));
          const reference = cellText(cells[plan.columns.indexOf('reference')] ?? null);
          if (reference !== null && !inFile.has(reference)) inFile.set(detach(reference), { row, request: null });
          continue;
        }
        const first = inFile.get(result.reference);
        if (first) {
          problems.add({
            row,
            column: 'reference',
            key: 'import.row.referenceInFile',
            params: { firstRow: first.row },
          });
        } else if (lookup.find(result.reference)) {
          problems.add({ row, column: 'reference', key: 'import.row.referenceInRegister' });
        }
        if (problems.count > before) continue;
        if (problems.count > 0) writing = false;
        // In a dry run (or once a problem stopped writing) the id is never used: nothing is linked.
        const request: KnownRequest = { id: 0, kind: result.kind };
        if (writing) {
          request.id = write.request(result, importedHistory(result, clock.today, options.fileName));
          write.counter(referencePattern, result.reference);
        }
        // Kept to the end of the import: copied, so as not to keep the file's text (see detach).
        inFile.set(detach(result.reference), { row, request });
        if (result.relatedReference !== null) {
          related.push({ row, from: request, target: detach(result.relatedReference) });
        }
        valid += 1;
      }
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e;
      problems.add({ row: e.row, column: '', key: e.key, params: e.params });
    }
    if (plan === null && problems.count === 0) {
      problems.add({ row: 1, column: '', key: 'import.empty' });
    }
    for (const link of related) {
      const named = inFile.get(link.target);
      if (named && named.request === null) continue; // that row's own problems are reported
      const target = named?.request ?? lookup.find(link.target);
      if (!target) {
        problems.add({
          row: link.row,
          column: 'related_reference',
          key: 'import.row.relatedUnknown',
          params: { reference: link.target },
        });
      } else if (writing && problems.count === 0) {
        write.link(link.from.id, target.id, linkKind(link.from.kind, target.kind));
      }
    }
    progress(rows);
    const ok = problems.count === 0;
    if (ok && writing) {
      write.finish();
      bulk.rebuildIndexes();
      searchIndex?.fill();
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
    bulk?.restore();
    stream.destroy();
  }
}
