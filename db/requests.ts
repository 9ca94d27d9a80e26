import type { Db, Queryable } from './types.ts';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { CLOSED_STATUSES, OPEN_STATUSES, type Status, isClosedStatus } from '../contract/codes.ts';
import { AppError } from '../contract/errors.ts';
import type {
  ListResult,
  RequestDetail,
  RequestSummary,
  ValidListQuery,
  ValidNewRequest,
  ValidTransition,
} from '../contract/requests.ts';
import { type Actor, recordAudit } from './audit.ts';
import { allocateReference } from './references.ts';
import { requestRefusalGrounds, requests, statusHistory } from './schema/index.ts';
import { allowedMoves, findMove, startStatus } from './workflow.ts';

type RequestRow = typeof requests.$inferSelect;

export interface Clock {
  /** ISO timestamp of the change. */
  at: string;
  /** The office's calendar date today. */
  today: string;
}

const words = (code: string) => code.replaceAll('_', ' ');

function toSummary(row: RequestRow): RequestSummary {
  return {
    id: row.id,
    reference: row.reference,
    direction: row.direction,
    kind: row.kind,
    status: row.status,
    counterpartCountry: row.counterpartCountry,
    counterpartAuthority: row.counterpartAuthority,
    counterpartReference: row.counterpartReference,
    urgency: row.urgency,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    assignedTo: row.assignedTo,
    updatedAt: row.updatedAt,
  };
}

/** Where a suspended request goes back to: the status it was suspended from. */
function resumeStatusOf(history: { fromStatus: Status | null; toStatus: Status }[]): Status | null {
  const suspension = history.findLast((h) => h.toStatus === 'suspended');
  return suspension?.fromStatus ?? null;
}

/** One request with its history and the moves its workflow allows now. */
export function getRequestDetail(db: Queryable, id: number): RequestDetail {
  const row = db.select().from(requests).where(eq(requests.id, id)).get();
  if (!row) throw new AppError('not_found', `There is no request with id ${id}.`);
  const history = db
    .select()
    .from(statusHistory)
    .where(eq(statusHistory.requestId, id))
    .orderBy(asc(statusHistory.id))
    .all();
  const grounds = db
    .select({ ground: requestRefusalGrounds.ground })
    .from(requestRefusalGrounds)
    .where(eq(requestRefusalGrounds.requestId, id))
    .all();
  return {
    ...toSummary(row),
    domesticAuthority: row.domesticAuthority,
    domesticReference: row.domesticReference,
    serviceProvider: row.serviceProvider,
    legalBasis: row.legalBasis as RequestDetail['legalBasis'],
    channel: row.channel as RequestDetail['channel'],
    summary: row.summary,
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
    })),
    moves: allowedMoves(row.direction, row.kind, row.status, resumeStatusOf(history)),
  };
}

/** Registers a new request under a freshly allocated reference, with its first history entry. */
export function registerRequest(
  db: Db,
  input: ValidNewRequest,
  referencePattern: string,
  actor: Actor,
  clock: Clock,
): RequestDetail {
  const status = startStatus(input.direction, input.kind);
  // An outgoing request is "opened" on the day it leaves; until then it is a draft.
  const openedOn = status === 'draft' ? null : input.openedOn;
  if (openedOn !== null && openedOn > clock.today) {
    throw new AppError('invalid_input', 'The request cannot be opened in the future.', [
      { field: 'openedOn', message: 'cannot be after today' },
    ]);
  }
  const id = db.transaction(
    (tx) => {
      const yearOf = openedOn ?? clock.today;
      const reference = allocateReference(db.$client, referencePattern, {
        kind: input.kind,
        direction: input.direction,
        year: Number(yearOf.slice(0, 4)),
      });
      const inserted = tx
        .insert(requests)
        .values({
          reference,
          direction: input.direction,
          kind: input.kind,
          status,
          openedOn,
          counterpartCountry: input.counterpartCountry,
          counterpartAuthority: input.counterpartAuthority,
          counterpartReference: input.counterpartReference,
          domesticAuthority: input.domesticAuthority,
          domesticReference: input.domesticReference,
          serviceProvider: input.serviceProvider,
          legalBasis: input.legalBasis,
          channel: input.channel,
          urgency: input.urgency,
          assignedTo: input.assignedTo,
          summary: input.summary,
          createdAt: clock.at,
          updatedAt: clock.at,
        })
        .returning({ id: requests.id })
        .get();
      tx.insert(statusHistory)
        .values({
          requestId: inserted.id,
          recordedAt: clock.at,
          effectiveOn: openedOn ?? clock.today,
          actor: actor.name,
          fromStatus: null,
          toStatus: status,
          note: null,
        })
        .run();
      recordAudit(tx, actor, clock.at, {
        action: 'request.register',
        entity: 'request',
        entityId: inserted.id,
        details: { reference, status, ...input },
      });
      return inserted.id;
    },
    { behavior: 'immediate' },
  );
  return getRequestDetail(db, id);
}

/**
 * Moves a request to another status if its workflow allows it, with what the move needs,
 * and records who, when and why in the history and the audit log.
 */
export function moveRequest(db: Db, input: ValidTransition, actor: Actor, clock: Clock): RequestDetail {
  db.transaction(
    (tx) => {
      const row = tx.select().from(requests).where(eq(requests.id, input.id)).get();
      if (!row) throw new AppError('not_found', `There is no request with id ${input.id}.`);
      const history = tx
        .select({
          fromStatus: statusHistory.fromStatus,
          toStatus: statusHistory.toStatus,
          effectiveOn: statusHistory.effectiveOn,
        })
        .from(statusHistory)
        .where(eq(statusHistory.requestId, row.id))
        .orderBy(asc(statusHistory.id))
        .all();
      const move = findMove(row.direction, row.kind, row.status, input.to, resumeStatusOf(history));
      if (!move) {
        throw new AppError(
          'forbidden_move',
          `${row.reference} cannot go from ${words(row.status)} to ${words(input.to)}: its workflow does not allow that move.`,
        );
      }
      // Checked after the workflow, so a move that is now impossible says why, not just "stale".
      if (row.version !== input.expectedVersion) {
        throw new AppError('stale', `${row.reference} was changed by someone else meanwhile. Reload it and try again.`);
      }
      const problems: { field: string; message: string }[] = [];
      if (move.needs.includes('note') && !input.note) {
        problems.push({ field: 'note', message: 'A reason is required for this move.' });
      }
      if (move.needs.includes('refusalGrounds') && input.refusalGrounds.length === 0) {
        problems.push({ field: 'refusalGrounds', message: 'A refusal must state at least one ground.' });
      }
      const openedOn = row.openedOn ?? (input.to === 'sent' ? input.on : null);
      // History is read in order by the statistics: a change cannot predate the one before it.
      // (A draft's creation does not count: a request written up today may have left last week.)
      const lastChange = history.filter((h) => !(h.fromStatus === null && h.toStatus === 'draft')).at(-1)?.effectiveOn;
      if (openedOn !== null && input.on < openedOn) {
        problems.push({ field: 'on', message: `The date cannot be before the request was opened (${openedOn}).` });
      } else if (lastChange !== undefined && input.on < lastChange) {
        problems.push({ field: 'on', message: `The date cannot be before the last change (${lastChange}).` });
      }
      if (input.on > clock.today) {
        problems.push({ field: 'on', message: 'The date cannot be in the future.' });
      }
      if (problems.length > 0) throw new AppError('invalid_input', 'The move is missing what it needs.', problems);

      const closing = isClosedStatus(input.to);
      tx.update(requests)
        .set({
          status: input.to,
          openedOn,
          closedOn: closing ? input.on : null,
          updatedAt: clock.at,
          version: row.version + 1,
        })
        .where(eq(requests.id, row.id))
        .run();
      // The grounds belong to the refusal: a reopened request no longer has them (the history does).
      if (row.status === 'refused' || input.to === 'refused') {
        tx.delete(requestRefusalGrounds).where(eq(requestRefusalGrounds.requestId, row.id)).run();
      }
      if (input.to === 'refused') {
        tx.insert(requestRefusalGrounds)
          .values(input.refusalGrounds.map((ground) => ({ requestId: row.id, ground })))
          .run();
      }
      tx.insert(statusHistory)
        .values({
          requestId: row.id,
          recordedAt: clock.at,
          effectiveOn: input.on,
          actor: actor.name,
          fromStatus: row.status,
          toStatus: input.to,
          note: input.note,
        })
        .run();
      recordAudit(tx, actor, clock.at, {
        action: move.reopening ? 'request.reopen' : 'request.move',
        entity: 'request',
        entityId: row.id,
        details: {
          from: row.status,
          to: input.to,
          on: input.on,
          note: input.note,
          refusalGrounds: input.refusalGrounds,
        },
      });
    },
    { behavior: 'immediate' },
  );
  return getRequestDetail(db, input.id);
}

const SORT_COLUMNS = {
  reference: requests.reference,
  openedOn: requests.openedOn,
  updatedAt: requests.updatedAt,
  status: requests.status,
  counterpartCountry: requests.counterpartCountry,
} as const;

/** A page of the register, filtered and sorted, with the total count of matching requests. */
export function listRequests(db: Queryable, q: ValidListQuery): ListResult {
  const where: SQL[] = [];
  if (q.direction) where.push(eq(requests.direction, q.direction));
  if (q.kind) where.push(eq(requests.kind, q.kind));
  if (q.status) where.push(eq(requests.status, q.status));
  if (q.state === 'open') where.push(inArray(requests.status, [...OPEN_STATUSES]));
  if (q.state === 'closed') where.push(inArray(requests.status, [...CLOSED_STATUSES]));
  if (q.counterpartCountry) where.push(eq(requests.counterpartCountry, q.counterpartCountry));
  if (q.text) {
    // Until full-text search arrives, a plain substring match on the references.
    const pattern = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      sql`${requests.reference} LIKE ${pattern} ESCAPE '\\'`,
      sql`${requests.counterpartReference} LIKE ${pattern} ESCAPE '\\'`,
    );
    if (match) where.push(match);
  }
  const condition = where.length > 0 ? and(...where) : undefined;
  const direction = q.order === 'asc' ? asc : desc;
  const rows = db
    .select()
    .from(requests)
    .where(condition)
    .orderBy(direction(SORT_COLUMNS[q.sort]), direction(requests.id))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(requests)
    .where(condition)
    .get();
  return { rows: rows.map(toSummary), total: total?.n ?? 0 };
}
