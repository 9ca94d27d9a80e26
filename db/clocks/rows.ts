import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ClockHistoryEntry, ClockSubject } from '../../contract/clock-compute.ts';
import { requestEvents, requestLinks, requests, statusHistory } from '../schema/index.ts';
import { decodeLife } from '../statistics/life-text.ts';
import type { Queryable } from '../types.ts';

/** What the dashboard reads of requests to compute their clocks (db/clocks/due.ts). */

type RequestRow = typeof requests.$inferSelect;

/** A column of requests as a plain expression: drizzle refuses table columns when the source is SQL (INDEXED BY). */
const column = <K extends keyof RequestRow>(c: (typeof requests)[K]) => sql<RequestRow[K]>`${c}`;

/** The table, or the table read through requests_state_idx (named, so the plan does not depend on statistics). */
export const requestsSource = (byState: boolean): SQL =>
  byState ? sql`${requests} INDEXED BY requests_state_idx` : sql`${requests}`;

/** What the clocks of a request are computed from, all of it in requests_state_idx. */
export const INDEXED = {
  id: column<'id'>(requests.id),
  direction: column<'direction'>(requests.direction),
  kind: column<'kind'>(requests.kind),
  status: column<'status'>(requests.status),
  legalBasis: column<'legalBasis'>(requests.legalBasis),
  counterpartCountry: column<'counterpartCountry'>(requests.counterpartCountry),
  openedOn: column<'openedOn'>(requests.openedOn),
  preservedUntil: column<'preservedUntil'>(requests.preservedUntil),
  lastEventOn: column<'lastEventOn'>(requests.lastEventOn),
};

const followedUpSql = sql<number>`EXISTS (SELECT 1 FROM ${requestLinks}
  WHERE ${requestLinks.toId} = ${requests.id} AND ${requestLinks.kind} = 'follow_up')`;

/** …and the rest: what the list shows, the history packed on the row, the follow-up. */
export const FULL = {
  ...INDEXED,
  reference: column<'reference'>(requests.reference),
  counterpartDeadline: column<'counterpartDeadline'>(requests.counterpartDeadline),
  life: column<'life'>(requests.life),
  followedUp: followedUpSql,
};

export type IndexedRow = { [K in keyof typeof INDEXED]: (typeof INDEXED)[K]['_']['type'] };
export type FullRow = { [K in keyof typeof FULL]: (typeof FULL)[K]['_']['type'] };

const CHUNK = 500;
function inChunks<T>(ids: readonly number[], read: (chunk: number[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...read(ids.slice(i, i + CHUNK)));
  return out;
}

/** Some requests, whole, by id. */
export function fullRows(db: Queryable, ids: readonly number[]): Map<number, FullRow> {
  const rows = inChunks(ids, (chunk) => db.select(FULL).from(requests).where(inArray(requests.id, chunk)).all());
  return new Map(rows.map((r) => [r.id, r]));
}

/** The status histories of some requests, with the moments they were recorded (for clocks in hours). */
export function historiesOf(db: Queryable, ids: readonly number[]): Map<number, ClockHistoryEntry[]> {
  const rows = inChunks(ids, (chunk) =>
    db
      .select({
        requestId: statusHistory.requestId,
        to: statusHistory.toStatus,
        on: statusHistory.effectiveOn,
        at: statusHistory.recordedAt,
      })
      .from(statusHistory)
      .where(inArray(statusHistory.requestId, chunk))
      .orderBy(statusHistory.requestId, statusHistory.id)
      .all(),
  );
  const byRequest = new Map<number, ClockHistoryEntry[]>();
  for (const { requestId, ...entry } of rows) {
    const list = byRequest.get(requestId) ?? [];
    list.push(entry);
    byRequest.set(requestId, list);
  }
  return byRequest;
}

/** How many times each of some preservations was extended. */
export function extensionsOf(db: Queryable, ids: readonly number[]): Map<number, number> {
  const rows = inChunks(ids, (chunk) =>
    db
      .select({ id: requestEvents.requestId, n: sql<number>`count(*)` })
      .from(requestEvents)
      .where(and(inArray(requestEvents.requestId, chunk), eq(requestEvents.type, 'preservation_extended')))
      .groupBy(requestEvents.requestId)
      .all(),
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** A request read from requests_state_idx with its history: enough for the clocks that are not about preservations or deadlines. */
export function indexedSubject(row: IndexedRow, history: readonly ClockHistoryEntry[]): ClockSubject {
  const { id: _id, ...facts } = row;
  return { ...facts, counterpartDeadline: null, history, followedUp: false, extensions: 0 };
}

/** A whole request: its history from the packed column unless given (with the recorded moments). */
export function fullSubject(row: FullRow, extensions: number, history?: readonly ClockHistoryEntry[]): ClockSubject {
  const { id: _id, reference: _reference, life, followedUp, ...facts } = row;
  return {
    ...facts,
    followedUp: Boolean(followedUp),
    history: history ?? (life ? decodeLife(life).map(({ to, on }) => ({ to, on })) : []),
    extensions,
  };
}
