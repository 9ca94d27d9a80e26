import { and, eq, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import { DIRECTIONS, KINDS } from '../../contract/codes.ts';
import { requests, statusHistory } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import { codeIndex } from './sql-codes.ts';

/*
 * Reading the lives of a year (or of a trend's years) is what the statistics spend their time
 * on: tens of thousands of requests, each with its history. SQLite finds them quickly; what
 * costs is handing them to JavaScript value by value (a string made per value, an array per
 * row: more than the query itself at 250 000 requests). So the statement hands over ONE
 * value: a JSON array per request (json_array, which escapes every text), the arrays joined
 * by ROW_SEPARATOR, which readLives parses a slice of some thousand requests at a time (so
 * what it parses dies young instead of being copied by each garbage collection).
 *
 * Each request's array holds its direction and kind as numbers, its country, its opening day
 * and its whole history packed into one text (requests.life, kept by the write paths: see
 * life-text.ts), then whatever the caller adds (the year's breakdown fields).
 */

/** Between two requests' arrays: a comma and a line feed, which JSON text never holds raw. */
const ROW_SEPARATOR = ',\n';
/** How many characters of the text readLives parses at a time, about a thousand requests. */
const SLICE = 65_536;

/** The first values of each request's array in livesQuery, in this order. */
export type LifeRow = [direction: number, kind: number, country: string, openedOn: string, history: string | null];

/**
 * The requests open at some time between `from` and `to` (dates, inclusive): opened by `to`,
 * and not closed for good before `from`, as one text of JSON arrays, LifeRow followed by the
 * values of `extra` (see readLives).
 *
 * A request's closed_on is its last closure and history never goes back in time, so one
 * closed before `from` has nothing in the range. "closed_on IS NULL OR closed_on >= from" is
 * written as two searches of the closed_on index: SQLite then reads only those requests, by id
 * and so in the table's order, instead of walking the whole table
 * (test/db/query-plans.test.ts). Drafts never transmitted have no opened_on and are never read.
 */
export function livesQuery(db: Queryable, from: string, to: string, extra: SQL[] = [], filter?: SQL) {
  const values = [
    codeIndex(requests.direction, DIRECTIONS),
    codeIndex(requests.kind, KINDS),
    requests.counterpartCountry,
    requests.openedOn,
    requests.life,
    ...extra,
  ];
  return db
    .select({
      // char(44, 10): ROW_SEPARATOR.
      lives: sql<string | null>`group_concat(json_array(${sql.join(values, sql`, `)}), char(44, 10))`,
    })
    .from(requests)
    .where(
      and(
        isNotNull(requests.openedOn),
        lte(requests.openedOn, to),
        inArray(
          requests.id,
          sql`(SELECT ${requests.id} FROM ${requests} WHERE ${requests.closedOn} IS NULL
            UNION ALL SELECT ${requests.id} FROM ${requests} WHERE ${requests.closedOn} >= ${from})`,
        ),
        filter,
      ),
    );
}

/**
 * Runs a livesQuery: its requests' arrays, LifeRow then the values of its `extra`, as `Row`
 * says, parsed about `sliceChars` characters of JSON at a time.
 */
export function* readLives<Row extends [...LifeRow, ...unknown[]] = LifeRow>(
  query: ReturnType<typeof livesQuery>,
  sliceChars = SLICE,
): Generator<Row> {
  const text = query.get()?.lives ?? '';
  for (let at = 0; at < text.length;) {
    let cut = text.indexOf(ROW_SEPARATOR, at + sliceChars);
    if (cut < 0) cut = text.length;
    // The statement built this JSON itself, an array per request in the order livesQuery lists.
    yield* JSON.parse(`[${text.slice(at, cut)}]`) as Row[];
    at = cut + ROW_SEPARATOR.length;
  }
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
