import { and, eq, exists, gte, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Direction, Kind } from '../../contract/codes.ts';
import { requestAssistance, requestLinks, requestOffences, requests, statusHistory } from '../schema/index.ts';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Queryable } from '../types.ts';

/** One count of a breakdown, for one (direction, kind). */
export interface KeyedCount {
  direction: Direction;
  kind: Kind;
  key: string;
  n: number;
}

export type OpenedBreakdown =
  | 'byOffence'
  | 'byAssistance'
  | 'byLegalBasis'
  | 'byChannel'
  | 'byUrgency'
  | 'byProvider'
  | 'cyberRelated'
  | 'refusalGrounds'
  | 'preservationFollowedUp';

/*
 * The breakdowns that depend on a request's fields, not on its history, are plain SQL
 * aggregates (GROUP BY over the opened_on index), which stay fast on a large register.
 * Drafts never transmitted have no opened_on and fall outside every range.
 */

const openedIn = (from: string, to: string) => and(gte(requests.openedOn, from), lte(requests.openedOn, to));

function countBy(db: Queryable, key: SQL | SQLiteColumn, where: SQL | undefined, join?: 'offences' | 'assistance') {
  const base = db
    .select({
      direction: requests.direction,
      kind: requests.kind,
      key: sql<string | null>`${key}`,
      n: sql<number>`count(*)`,
    })
    .from(requests);
  const joined =
    join === 'offences'
      ? base.innerJoin(requestOffences, eq(requestOffences.requestId, requests.id))
      : join === 'assistance'
        ? base.innerJoin(requestAssistance, eq(requestAssistance.requestId, requests.id))
        : base;
  return joined.where(where).groupBy(requests.direction, requests.kind, key);
}

const keyed = (rows: KeyedRow[]): KeyedCount[] =>
  rows.flatMap((r) => (r.key === null || r.key === '' ? [] : [{ ...r, key: r.key }]));

type KeyedRow = { direction: Direction; kind: Kind; key: string | null; n: number };

/** A breakdown's statement, built but not run. */
export interface BreakdownQuery {
  all(): KeyedRow[];
  toSQL(): { sql: string; params: unknown[] };
}

/**
 * Counts of requests opened in the range, per breakdown; refusalGrounds instead counts the
 * refusals dated in the range, by the grounds the history recorded with each.
 */
export function openedCounts(db: Queryable, from: string, to: string): Record<OpenedBreakdown, KeyedCount[]> {
  const queries = openedCountQueries(db, from, to);
  return Object.fromEntries(Object.entries(queries).map(([name, query]) => [name, keyed(query.all())])) as Record<
    OpenedBreakdown,
    KeyedCount[]
  >;
}

/** The statements behind openedCounts, built but not run (test/db/query-plans.test.ts checks their plans). */
export function openedCountQueries(db: Queryable, from: string, to: string): Record<OpenedBreakdown, BreakdownQuery> {
  const opened = openedIn(from, to);
  const followers = alias(requests, 'followers');
  return {
    byOffence: countBy(db, requestOffences.section, opened, 'offences'),
    byAssistance: countBy(db, requestAssistance.code, opened, 'assistance'),
    byLegalBasis: countBy(db, requests.legalBasis, opened),
    byChannel: countBy(db, requests.channel, opened),
    byUrgency: countBy(db, requests.urgency, opened),
    byProvider: countBy(db, requests.serviceProvider, opened),
    cyberRelated: countBy(db, sql`'cyber'`, and(opened, eq(requests.cyberRelated, true))),
    // Each refusal dated in the range, with the grounds recorded with it in the history, so a
    // refusal later reopened still counts for the year it happened.
    refusalGrounds: db
      .select({
        direction: requests.direction,
        kind: requests.kind,
        key: sql<string | null>`grounds.value`,
        n: sql<number>`count(*)`,
      })
      .from(statusHistory)
      .innerJoin(requests, eq(requests.id, statusHistory.requestId))
      .innerJoin(sql`json_each(coalesce(${statusHistory.refusalGrounds}, '[]')) AS grounds`, sql`1 = 1`)
      .where(
        and(
          eq(statusHistory.toStatus, 'refused'),
          isNotNull(statusHistory.fromStatus),
          gte(statusHistory.effectiveOn, from),
          lte(statusHistory.effectiveOn, to),
        ),
      )
      .groupBy(requests.direction, requests.kind, sql`grounds.value`),
    // A preservation followed up: the `to` end of a follow-up or related link from an MLA or
    // disclosure request (the interchange's related_reference imports as such a link).
    preservationFollowedUp: countBy(
      db,
      sql`'followed'`,
      and(
        opened,
        eq(requests.kind, 'preservation'),
        exists(
          db
            .select({ one: sql`1` })
            .from(requestLinks)
            .innerJoin(followers, eq(followers.id, requestLinks.fromId))
            .where(
              and(
                eq(requestLinks.toId, requests.id),
                inArray(requestLinks.kind, ['follow_up', 'related']),
                inArray(followers.kind, ['mla', 'disclosure']),
              ),
            ),
        ),
      ),
    ),
  };
}
