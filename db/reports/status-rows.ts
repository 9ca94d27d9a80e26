import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { CLOSED_STATUSES, type Direction, type EventType, type Kind, type Status } from '../../contract/codes.ts';
import type { StatusReportBy } from '../../contract/reports.ts';
import { isOpen } from '../requests/filters.ts';
import { requestEvents, requests, statusHistory } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import { type RequestScope, scopeCondition } from '../requests/scope.ts';

/** What last happened to a request: a status change or an event, whichever is later. */
export type LastEvent =
  | { on: string; kind: 'status'; from: Status | null; to: Status; note: string | null }
  | { on: string; kind: 'event'; type: EventType; note: string | null };

export interface StatusRow {
  reference: string;
  direction: Direction;
  kind: Kind;
  status: Status;
  counterpartCountry: string;
  counterpartReference: string | null;
  domesticReference: string | null;
  domesticAuthority: string | null;
  serviceProvider: string | null;
  assignedTo: string | null;
  urgency: 'normal' | 'urgent';
  openedOn: string | null;
  counterpartDeadline: string | null;
  /** The day of its last status change. */
  statusSince: string;
  lastEvent: LastEvent;
}

/**
 * One domestic authority's or one officer's requests (of those in `scope`, if given), open ones first (oldest first, as they
 * have waited longest), then the closed ones if asked for.
 */
export function statusReportRows(
  db: Queryable,
  by: StatusReportBy,
  value: string,
  includeClosed: boolean,
  scope: RequestScope | null = null,
): StatusRow[] {
  const column = by === 'domesticAuthority' ? requests.domesticAuthority : requests.assignedTo;
  const condition = and(
    eq(column, value),
    includeClosed ? undefined : isOpen,
    scope ? scopeCondition(scope) : undefined,
  );
  const rows = db
    .select()
    .from(requests)
    .where(condition)
    .orderBy(
      asc(inArray(requests.status, [...CLOSED_STATUSES])),
      asc(sql`coalesce(${requests.openedOn}, ${requests.createdAt})`),
      asc(requests.reference),
    )
    .all();
  if (rows.length === 0) return [];
  // The same requests, as a subquery: no limit on how many ids can be bound.
  const ids = db.select({ id: requests.id }).from(requests).where(condition);
  // The latest entry of each request: history and events are append-only, so the highest id.
  const lastHistory = new Map(
    db
      .select()
      .from(statusHistory)
      .where(
        inArray(
          statusHistory.id,
          db
            .select({ id: sql<number>`max(${statusHistory.id})` })
            .from(statusHistory)
            .where(inArray(statusHistory.requestId, ids))
            .groupBy(statusHistory.requestId),
        ),
      )
      .all()
      .map((h) => [h.requestId, h]),
  );
  const lastEvents = new Map<number, typeof requestEvents.$inferSelect>();
  for (const e of db
    .select()
    .from(requestEvents)
    .where(inArray(requestEvents.requestId, ids))
    .orderBy(asc(requestEvents.effectiveOn), asc(requestEvents.id))
    .all()) {
    lastEvents.set(e.requestId, e);
  }
  return rows.map((r) => {
    const h = lastHistory.get(r.id);
    const e = lastEvents.get(r.id);
    const statusSince = h?.effectiveOn ?? r.openedOn ?? r.createdAt.slice(0, 10);
    // An event on the same day as the status change came after it only if recorded later.
    const eventIsLater =
      e !== undefined &&
      (e.effectiveOn > statusSince ||
        (e.effectiveOn === statusSince && (h === undefined || e.recordedAt > h.recordedAt)));
    const lastEvent: LastEvent = eventIsLater
      ? { on: e.effectiveOn, kind: 'event', type: e.type, note: e.note }
      : {
          on: statusSince,
          kind: 'status',
          from: h?.fromStatus ?? null,
          to: h?.toStatus ?? r.status,
          note: h?.note ?? null,
        };
    return {
      reference: r.reference,
      direction: r.direction,
      kind: r.kind,
      status: r.status,
      counterpartCountry: r.counterpartCountry,
      counterpartReference: r.counterpartReference,
      domesticReference: r.domesticReference,
      domesticAuthority: r.domesticAuthority,
      serviceProvider: r.serviceProvider,
      assignedTo: r.assignedTo,
      urgency: r.urgency,
      openedOn: r.openedOn,
      counterpartDeadline: r.counterpartDeadline,
      statusSince,
      lastEvent,
    };
  });
}
