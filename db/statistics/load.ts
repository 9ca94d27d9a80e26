import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Direction, Kind, Status } from '../../contract/codes.ts';
import { requests, statusHistory } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import { type Life, lifeOf, type StatusChange } from './life.ts';

export interface RequestLife extends Life {
  id: number;
  direction: Direction;
  kind: Kind;
  country: string;
  openedOn: string;
}

/**
 * The lives of the requests that were open at some time between `from` and `to` (dates,
 * inclusive): opened by `to`, and not closed for good before `from`. A request's closed_on
 * is its last closure and history never goes back in time, so one closed before `from`
 * has nothing in the range; the closed_on index keeps this to the requests still open or
 * closed in or after the range.
 * Drafts never transmitted have no opened_on and are never loaded. One query, walked row
 * by row in history order, keeps memory to one small record per request.
 */
export function livesQuery(db: Queryable, from: string, to: string) {
  return db
    .select({
      id: requests.id,
      direction: requests.direction,
      kind: requests.kind,
      country: requests.counterpartCountry,
      openedOn: requests.openedOn,
      from: statusHistory.fromStatus,
      to: statusHistory.toStatus,
      on: statusHistory.effectiveOn,
    })
    .from(requests)
    .innerJoin(statusHistory, eq(statusHistory.requestId, requests.id))
    .where(
      and(
        isNotNull(requests.openedOn),
        lte(requests.openedOn, to),
        // "closed_on IS NULL OR closed_on >= from", written as two searches of the closed_on
        // index: SQLite then reads only those requests, by id and so already in id order,
        // instead of walking the whole table (test/db/query-plans.test.ts).
        inArray(
          requests.id,
          sql`(SELECT ${requests.id} FROM ${requests} WHERE ${requests.closedOn} IS NULL
            UNION ALL SELECT ${requests.id} FROM ${requests} WHERE ${requests.closedOn} >= ${from})`,
        ),
      ),
    )
    .orderBy(asc(requests.id), asc(statusHistory.id));
}

/** The lives of the requests open at some time between `from` and `to` (see livesQuery). */
export function loadLives(db: Queryable, from: string, to: string): RequestLife[] {
  const rows = livesQuery(db, from, to).all();
  const lives: RequestLife[] = [];
  let changes: StatusChange[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    if (row === undefined) continue;
    changes.push({ from: row.from as Status | null, to: row.to, on: row.on });
    if (rows[i + 1]?.id === row.id) continue;
    // opened_on is not null here (the query's condition); the type cannot know it.
    const openedOn = row.openedOn ?? '';
    lives.push({
      id: row.id,
      direction: row.direction,
      kind: row.kind,
      country: row.country,
      openedOn,
      ...lifeOf(openedOn, changes),
    });
    changes = [];
  }
  return lives;
}

/**
 * The first and last year the register has data for: the first opening of a transmitted
 * request, and its last recorded change (a reopening still open has no closed_on).
 */
export function yearsWithDataQueries(db: Queryable) {
  return {
    first: db.select({ on: sql<string | null>`min(${requests.openedOn})` }).from(requests),
    last: db
      .select({ on: sql<string | null>`max(${statusHistory.effectiveOn})` })
      .from(statusHistory)
      .innerJoin(requests, eq(statusHistory.requestId, requests.id))
      .where(isNotNull(requests.openedOn)),
  };
}

/** The first and last year the register has data for (see yearsWithDataQueries). */
export function yearsWithData(db: Queryable): { from: number | null; to: number | null } {
  const queries = yearsWithDataQueries(db);
  const first = queries.first.get()?.on;
  const last = queries.last.get()?.on;
  const year = (d: string | null | undefined) => (d ? Number(d.slice(0, 4)) : null);
  return { from: year(first), to: year(last) };
}
