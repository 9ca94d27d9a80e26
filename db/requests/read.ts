import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Status } from '../../contract/codes.ts';
import { localIsoDate } from '../../contract/dates.ts';
import { appError } from '../../contract/errors.ts';
import type {
  HistoryEntry,
  Link,
  ListResult,
  RequestDetail,
  RequestSummary,
  ValidListQuery,
} from '../../contract/requests.ts';
import {
  requestAssistance,
  requestEvents,
  requestIdentifiers,
  requestLinks,
  requestOffences,
  requestParties,
  requestRefusalGrounds,
  requests,
  statusHistory,
} from '../schema/index.ts';
import { draftingFieldsOf } from '../drafting/fields.ts';
import type { Queryable } from '../types.ts';
import { allowedMoves } from '../workflow.ts';
import { eventOptionsFor } from './event-rules.ts';
import { filterClock, listCondition } from './filters.ts';
import { type RequestScope, scopedIds } from './scope.ts';

export type RequestRow = typeof requests.$inferSelect;

export function toSummary(row: RequestRow): RequestSummary {
  return {
    id: row.id,
    reference: row.reference,
    direction: row.direction,
    kind: row.kind,
    status: row.status,
    counterpartCountry: row.counterpartCountry,
    counterpartAuthority: row.counterpartAuthority,
    counterpartReference: row.counterpartReference,
    domesticReference: row.domesticReference,
    urgency: row.urgency,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    counterpartDeadline: row.counterpartDeadline,
    assignedTo: row.assignedTo,
    updatedAt: row.updatedAt,
  };
}

/** Where a suspended request goes back to: the status it was suspended from. */
export function resumeStatusOf(history: { fromStatus: Status | null; toStatus: Status }[]): Status | null {
  const suspension = history.findLast((h) => h.toStatus === 'suspended');
  return suspension?.fromStatus ?? null;
}

/** A move past the completeness check, as the history keeps it (db/drafting/gate.ts); nothing for the others. */
function overrideOf(reason: string | null, missing: string | null): Pick<HistoryEntry, 'override'> {
  if (reason === null) return {};
  const codes: unknown = JSON.parse(missing ?? '[]');
  return {
    override: { reason, missing: Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [] },
  };
}

export function requestRow(db: Queryable, id: number): RequestRow {
  const row = db.select().from(requests).where(eq(requests.id, id)).get();
  if (!row) throw appError('not_found', 'request.notFound', { id });
  return row;
}

function linksOf(db: Queryable, id: number, scope: RequestScope | null): Link[] {
  const rows = db
    .select()
    .from(requestLinks)
    .where(or(eq(requestLinks.fromId, id), eq(requestLinks.toId, id)))
    .orderBy(asc(requestLinks.id))
    .all();
  if (rows.length === 0) return [];
  const otherIds = rows.map((l) => (l.fromId === id ? l.toId : l.fromId));
  const others = new Map(
    db
      .select({
        id: requests.id,
        reference: requests.reference,
        direction: requests.direction,
        kind: requests.kind,
        status: requests.status,
      })
      .from(requests)
      .where(
        scope === null
          ? inArray(requests.id, otherIds)
          : and(inArray(requests.id, otherIds), inArray(requests.id, scopedIds(db, scope))),
      )
      .all()
      .map((r) => [r.id, r]),
  );
  // A link to a request outside the caller's scope is left out, as that request is.
  return rows.flatMap((l) => {
    const other = others.get(l.fromId === id ? l.toId : l.fromId);
    return other
      ? [{ id: l.id, kind: l.kind, side: l.fromId === id ? ('to' as const) : ('from' as const), other }]
      : [];
  });
}

/**
 * One request with its parts, its history, its links and what can be done with it now; with a
 * scope, only the links to requests in it.
 */
export function getRequestDetail(db: Queryable, id: number, scope: RequestScope | null = null): RequestDetail {
  const row = requestRow(db, id);
  const history = db
    .select()
    .from(statusHistory)
    .where(eq(statusHistory.requestId, id))
    .orderBy(asc(statusHistory.id))
    .all();
  const events = db
    .select()
    .from(requestEvents)
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.id))
    .all();
  const grounds = db.select().from(requestRefusalGrounds).where(eq(requestRefusalGrounds.requestId, id)).all();
  const offences = db.select().from(requestOffences).where(eq(requestOffences.requestId, id)).all();
  const assistance = db.select().from(requestAssistance).where(eq(requestAssistance.requestId, id)).all();
  const parties = db
    .select()
    .from(requestParties)
    .where(eq(requestParties.requestId, id))
    .orderBy(asc(requestParties.position))
    .all();
  const identifiers = db
    .select()
    .from(requestIdentifiers)
    .where(eq(requestIdentifiers.requestId, id))
    .orderBy(asc(requestIdentifiers.position))
    .all();
  return {
    ...toSummary(row),
    domesticAuthority: row.domesticAuthority,
    serviceProvider: row.serviceProvider,
    legalBasis: row.legalBasis as RequestDetail['legalBasis'],
    legalBasisDetail: row.legalBasisDetail,
    channel: row.channel as RequestDetail['channel'],
    offences: offences.map((o) => o.section).sort(),
    cyberRelated: row.cyberRelated,
    offenceDescription: row.offenceDescription,
    assistance: assistance.map((a) => a.code),
    deadlineNote: row.deadlineNote,
    summary: row.summary,
    preservedUntil: row.preservedUntil,
    parties: parties.map(({ role, name, birthDate, nationality, location, identifiers: ids, note }) => ({
      role,
      name,
      birthDate,
      nationality,
      location,
      identifiers: ids,
      note,
    })),
    identifiers: identifiers.map(({ type, value, fromAt, toAt, timeZone, note }) => ({
      type,
      value,
      fromAt,
      toAt,
      timeZone,
      note,
    })),
    ...draftingFieldsOf(db, id),
    refusalGrounds: grounds.map((g) => g.ground),
    createdAt: row.createdAt,
    version: row.version,
    history: history.map((h) => ({
      id: h.id,
      recordedAt: h.recordedAt,
      effectiveOn: h.effectiveOn,
      actor: h.actor,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      note: h.note,
      ...overrideOf(h.overrideReason, h.overrideMissing),
    })),
    events: events.map(({ id: eid, recordedAt, effectiveOn, actor, type, note, details }) => ({
      id: eid,
      recordedAt,
      effectiveOn,
      actor,
      type,
      note,
      details: JSON.parse(details) as Record<string, unknown>,
    })),
    links: linksOf(db, id, scope),
    moves: allowedMoves(row.direction, row.kind, row.status, resumeStatusOf(history)),
    eventOptions: eventOptionsFor(row),
  };
}

export const SORT_COLUMNS = {
  reference: requests.reference,
  openedOn: requests.openedOn,
  updatedAt: requests.updatedAt,
  status: requests.status,
  counterpartCountry: requests.counterpartCountry,
} as const;

/**
 * The two statements behind a page of the register, built but not run: the page, filtered
 * (db/requests/filters.ts) and sorted, and the total count of matching requests. listRequests
 * runs them; test/db/query-plans.test.ts checks that SQLite answers each from an index.
 */
export function listRequestsQueries(
  db: Queryable,
  q: ValidListQuery,
  today: string,
  scope: RequestScope | null = null,
) {
  const condition = listCondition(q, filterClock(db, today), scope);
  const direction = q.order === 'asc' ? asc : desc;
  return {
    page: db
      .select()
      .from(requests)
      .where(condition)
      .orderBy(direction(SORT_COLUMNS[q.sort]), direction(requests.id))
      .limit(q.limit)
      .offset(q.offset),
    total: db
      .select({ n: sql<number>`count(*)` })
      .from(requests)
      .where(condition),
  };
}

/**
 * A page of the register, filtered (db/requests/filters.ts) and sorted, with the total count
 * of matching requests. `today` dates the "due" filters; it defaults to this machine's day.
 */
export function listRequests(
  db: Queryable,
  q: ValidListQuery,
  today: string = localIsoDate(),
  scope: RequestScope | null = null,
): ListResult {
  const { page, total } = listRequestsQueries(db, q, today, scope);
  const rows = page.all();
  const n = total.get()?.n ?? 0;
  return { rows: rows.map(toSummary), total: n };
}
