import { inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SEARCH_FIELDS, type SearchField } from '../../contract/search.ts';
import {
  correspondence,
  requestDrafting,
  requestEvents,
  requestIdentifiers,
  requestParties,
  requests,
  statusHistory,
} from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import { type RequestScope, scopedIds } from '../requests/scope.ts';
import { decodeRowid } from './fields.ts';

/** One index row that matched: which request, which field, which source row, in index order. */
export interface Candidate {
  order: number;
  rowid: number;
  requestId: number;
  field: SearchField;
  sourceId: number;
}

/**
 * The first `limit` index rows matching, in rowid order: the strongest fields first and the
 * newest rows first within a field (db/search/fields.ts). No bm25 here: FTS5 computes bm25's
 * IDF by counting every row that matches, a cost that grows with the matches (measured at
 * 250,000 requests: 26 ms for a common surname, 90 ms for a word of the import's notes),
 * while reading the first rows in rowid order stops after `limit` of them. `after`: go on
 * reading after that candidate. `scope`: only requests in it (null: all).
 */
export function candidateRows(
  db: Queryable,
  match: SQL,
  limit: number,
  after?: Candidate,
  scope: RequestScope | null = null,
): Candidate[] {
  const from = after === undefined ? sql`` : sql`AND rowid > ${after.rowid}`;
  // Out-of-scope requests are dropped here, before the limit, so they cannot crowd out the rest.
  const within = scope === null ? sql`` : sql`AND request_id IN ${scopedIds(db, scope)}`;
  const rows = db.all<{ rowid: number; requestId: number }>(
    sql`SELECT rowid, request_id AS requestId FROM search_index
        WHERE search_index MATCH ${match} ${from} ${within} ORDER BY rowid LIMIT ${limit}`,
  );
  const start = after === undefined ? 0 : after.order + 1;
  return rows.map((r, i) => ({ order: start + i, rowid: r.rowid, requestId: r.requestId, ...decodeRowid(r.rowid) }));
}

/**
 * The drafting of a request as its search result shows it: the columns the index joins into one
 * row (migrations/0021_drafting_search.sql), blank ones left out, here with a visible separator
 * where the index has a line break (a snippet shows white space as one space).
 */
const draftingText = sql<string | null>`concat_ws(' · ', ${sql.join(
  [
    requestDrafting.proceedingsNature,
    requestDrafting.conductingAuthority,
    requestDrafting.procedureToFollow,
    requestDrafting.purpose,
    requestDrafting.emergencyJustification,
  ].map((column) => sql`nullif(trim(${column}), '')`),
  sql`, `,
)})`;

/**
 * Where each field's text lives: the same tables and columns as the migration's `search_source`
 * view, which builds the index (test/db/search.test.ts shows each field's text). Read here
 * straight from the tables: through the view's eleven-way UNION the same lookups cost several times more.
 */
const SOURCES = {
  reference: { table: requests, id: requests.id, text: requests.reference },
  counterpartReference: { table: requests, id: requests.id, text: requests.counterpartReference },
  domesticReference: { table: requests, id: requests.id, text: requests.domesticReference },
  identifier: { table: requestIdentifiers, id: requestIdentifiers.id, text: requestIdentifiers.value },
  partyName: { table: requestParties, id: requestParties.id, text: requestParties.name },
  partyIdentifiers: { table: requestParties, id: requestParties.id, text: requestParties.identifiers },
  summary: { table: requests, id: requests.id, text: requests.summary },
  correspondence: { table: correspondence, id: correspondence.id, text: correspondence.summary },
  eventNote: { table: requestEvents, id: requestEvents.id, text: requestEvents.note },
  statusNote: { table: statusHistory, id: statusHistory.id, text: statusHistory.note },
  // One index row per request: the source row is the request's drafting row, keyed by the request.
  drafting: { table: requestDrafting, id: requestDrafting.requestId, text: draftingText },
} satisfies Record<SearchField, { table: SQLiteTable; id: SQLiteColumn; text: SQLiteColumn | SQL<string | null> }>;

/** The text of each candidate's source row, keyed by the candidate's order. */
export function sourceTexts(db: Queryable, candidates: readonly Candidate[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const field of SEARCH_FIELDS) {
    const ofField = candidates.filter((c) => c.field === field);
    if (ofField.length === 0) continue;
    const source = SOURCES[field];
    const rows = db
      .select({ id: source.id, text: source.text })
      .from(source.table)
      .where(
        inArray(
          source.id,
          ofField.map((c) => c.sourceId),
        ),
      )
      .all();
    const byId = new Map(rows.map((r) => [r.id, r.text ?? '']));
    for (const c of ofField) texts.set(c.order, byId.get(c.sourceId) ?? '');
  }
  return texts;
}

export type RequestHeading = Pick<
  typeof requests.$inferSelect,
  'id' | 'reference' | 'direction' | 'kind' | 'status' | 'counterpartCountry'
>;

/** What a search result shows of each request. */
export function requestHeadings(db: Queryable, ids: readonly number[]): Map<number, RequestHeading> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({
      id: requests.id,
      reference: requests.reference,
      direction: requests.direction,
      kind: requests.kind,
      status: requests.status,
      counterpartCountry: requests.counterpartCountry,
    })
    .from(requests)
    .where(inArray(requests.id, [...ids]))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}
