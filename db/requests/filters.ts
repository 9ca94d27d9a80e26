import { and, between, eq, gte, inArray, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../../contract/codes.ts';
import type { Due, ValidListQuery } from '../../contract/requests.ts';
import type { Settings } from '../../contract/settings.ts';
import { requestLinks, requestOffences, requests } from '../schema/index.ts';
import { requestsMatching } from '../search/match.ts';
import { readSettings } from '../settings.ts';
import type { Queryable } from '../types.ts';
import { type RequestScope, withinScope } from './scope.ts';

/**
 * The register's filters, in one place: the list (requests.list), its export, saved views and
 * the Today dashboard all build their WHERE clause here, so a count on the dashboard and the
 * list it opens apply the very same rule.
 *
 * What needs attention ("due"), for the office's calendar day `today` and its reminder settings:
 *
 * - unreviewed: incoming, still 'registered' (nobody has started reviewing it).
 * - waiting (for the other side), either of:
 *   - not acknowledged: outgoing, 'sent', and its last status change (the move to 'sent') was
 *     more than acknowledgementDays ago;
 *   - no news: the ball is abroad — outgoing in 'sent', 'in_execution' or 'partially_executed',
 *     or incoming in 'awaiting_information' (we asked the requesting state for more) — and
 *     nothing happened for more than replyAbroadDays. "Happened" is the latest effective day
 *     of a status change or of a recorded event other than an internal note (a reminder sent,
 *     information received, ...). Outgoing 'awaiting_information' is not here: the requested
 *     state is then waiting for us (domain notes), not the reverse.
 *   "More than N days" is strict: a request sent exactly N days ago is not yet late.
 * - preservationExpiring: a preservation whose data is (or is being) preserved — any status but
 *   draft, refused, withdrawn, lapsed — with preserved_until from today to today + N days
 *   (preservationWarningDays, both ends included), and no request linked to it as its
 *   follow-up (a request_links row of kind follow_up pointing at it).
 * - deadlineSoon: open, counterpart_deadline from today to today + deadlineWarningDays.
 * - overdue: open, counterpart_deadline before today.
 */

export type ReminderDays = Pick<
  Settings,
  'acknowledgementDays' | 'replyAbroadDays' | 'preservationWarningDays' | 'deadlineWarningDays'
>;

export interface FilterClock {
  /** The office's calendar day, YYYY-MM-DD. */
  today: string;
  days: ReminderDays;
}

/** The calendar day `days` after (or before, if negative) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const allOf = (...conditions: SQL[]): SQL => and(...conditions) ?? sql`1`;
const anyOf = (...conditions: SQL[]): SQL => or(...conditions) ?? sql`0`;

export const isOpen: SQL = inArray(requests.status, [...OPEN_STATUSES]);

/**
 * The same test, kept off the status index (SQLite's unary + rule): for the deadline cards
 * the few requests with a deadline are the narrow side, while "open" matches a sixth of the
 * register; without statistics the planner would otherwise walk every open request.
 */
const isOpenTested: SQL = sql`+${requests.status} IN ${OPEN_STATUSES}`;

/**
 * The effective day of the request's last status change, and the latest effective day of a
 * status change or of an event other than an internal note: columns the write paths keep
 * (db/schema/requests.ts), so the rule reads the row it already holds instead of querying
 * the history of every waiting request; test/db/activity-columns.test.ts pins them to the
 * history they summarise.
 */
const lastStatusOn = sql`coalesce(${requests.lastStatusOn}, ${requests.openedOn}, '')`;
const lastActivityOn = sql`max(${lastStatusOn}, coalesce(${requests.lastEventOn}, ''))`;

const hasFollowUp = sql`EXISTS (SELECT 1 FROM ${requestLinks}
  WHERE ${requestLinks.toId} = ${requests.id} AND ${requestLinks.kind} = 'follow_up')`;

const outgoing = eq(requests.direction, 'outgoing');
const incoming = eq(requests.direction, 'incoming');

/** Every status a "waiting" request can be in (either rule below). */
const WAITING_STATUSES = ['sent', 'in_execution', 'partially_executed', 'awaiting_information'] as const;

export const DUE_RULES: Record<Due, (clock: FilterClock) => SQL> = {
  unreviewed: () => allOf(incoming, eq(requests.status, 'registered')),
  waiting: ({ today, days }) =>
    allOf(
      // Implied by both branches below; stated so SQLite can start from the status index.
      inArray(requests.status, WAITING_STATUSES),
      anyOf(
        allOf(outgoing, eq(requests.status, 'sent'), lt(lastStatusOn, addDays(today, -days.acknowledgementDays))),
        allOf(
          anyOf(
            allOf(outgoing, inArray(requests.status, ['sent', 'in_execution', 'partially_executed'])),
            allOf(incoming, eq(requests.status, 'awaiting_information')),
          ),
          lt(lastActivityOn, addDays(today, -days.replyAbroadDays)),
        ),
      ),
    ),
  preservationExpiring: ({ today, days }) =>
    allOf(
      eq(requests.kind, 'preservation'),
      notInArray(requests.status, ['draft', 'refused', 'withdrawn', 'lapsed']),
      between(requests.preservedUntil, today, addDays(today, days.preservationWarningDays)),
      sql`NOT ${hasFollowUp}`,
    ),
  deadlineSoon: ({ today, days }) =>
    allOf(isOpenTested, between(requests.counterpartDeadline, today, addDays(today, days.deadlineWarningDays))),
  // Bounded on both sides (no date is before year 1) so SQLite takes the deadline index as
  // the narrow range it is, with or without planner statistics.
  overdue: ({ today }) => allOf(isOpenTested, between(requests.counterpartDeadline, '0001-01-01', addDays(today, -1))),
};

/**
 * The full-text index (db/search/): the requests with the words in any searched field (our
 * reference, theirs, the domestic case number, persons and entities, identifiers, summary,
 * notes), by the very query the search box runs, so the two always agree.
 */
function textMatch(text: string): SQL {
  const matching = requestsMatching(text);
  return matching === null ? sql`0` : inArray(requests.id, matching);
}

export type ListFilters = Omit<ValidListQuery, 'sort' | 'order' | 'limit' | 'offset'>;

/**
 * The WHERE clause of a register query (undefined: every request), within `scope` when the
 * caller may see only some requests (db/requests/scope.ts).
 */
export function listCondition(q: ListFilters, clock: FilterClock, scope: RequestScope | null = null): SQL | undefined {
  const where: SQL[] = [];
  if (q.direction) where.push(eq(requests.direction, q.direction));
  if (q.kind) where.push(eq(requests.kind, q.kind));
  if (q.status) where.push(eq(requests.status, q.status));
  if (q.state === 'open') where.push(isOpen);
  if (q.state === 'closed') where.push(inArray(requests.status, [...CLOSED_STATUSES]));
  if (q.counterpartCountry) where.push(eq(requests.counterpartCountry, q.counterpartCountry));
  if (q.legalBasis) where.push(eq(requests.legalBasis, q.legalBasis));
  if (q.offence) {
    // IN (not a correlated EXISTS), so SQLite starts from the section's index and fetches the
    // requests by id instead of testing every request.
    where.push(
      inArray(
        requests.id,
        sql`(SELECT ${requestOffences.requestId} FROM ${requestOffences} WHERE ${requestOffences.section} = ${q.offence})`,
      ),
    );
  }
  if (q.urgency) where.push(eq(requests.urgency, q.urgency));
  if (q.assignedTo) where.push(eq(requests.assignedTo, q.assignedTo));
  if (q.domesticAuthority) where.push(eq(requests.domesticAuthority, q.domesticAuthority));
  if (q.openedFrom) where.push(gte(requests.openedOn, q.openedFrom));
  if (q.openedTo) where.push(lte(requests.openedOn, q.openedTo));
  if (q.due) where.push(DUE_RULES[q.due](clock));
  if (q.text) where.push(textMatch(q.text));
  return withinScope(where.length > 0 ? and(...where) : undefined, scope);
}

/** The day and the reminder settings a query is evaluated with. */
export function filterClock(db: Queryable, today: string): FilterClock {
  return { today, days: readSettings(db) };
}
