import { sql, type SQL } from 'drizzle-orm';
import type { ClockRule, ClockScope } from '../../contract/clocks.ts';
import { requestLinks, requests } from '../schema/index.ts';

/*
 * The clock rules (contract/clocks.ts) in SQL, for the Today dashboard's queries: which requests
 * a rule applies to and runs for, and the column its clock is counted from. The same table the
 * request screen's clocks are computed from in TypeScript (contract/clock-compute.ts), read the
 * same way: test/db/clocks-dashboard.test.ts checks the two agree request by request.
 *
 * Tests that an index should not serve are written with SQLite's unary + (as the Today cards
 * do, db/requests/filters.ts): each query is meant to start from the narrow range of its start
 * column or from the status index, not from a code matched by a large share of the register.
 */

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const off = (column: SQL) => sql`+${column}`;

/**
 * Which requests a rule's scope takes in. `byState`: its direction and kind (with the status of
 * runsSql) are the prefix of requests_state_idx, which also holds the legal basis and the
 * country, so the whole test is answered from that index; otherwise none of them is looked up
 * in an index (the query starts from a date's).
 */
export function scopeSql(scope: ClockScope, byState: boolean): SQL {
  const col = (column: SQL) => (byState ? column : off(column));
  const parts: SQL[] = [sql`${col(sql`${requests.direction}`)} = ${scope.direction}`];
  if (scope.kinds) parts.push(sql`${col(sql`${requests.kind}`)} IN (${list(scope.kinds)})`);
  // Never from the legal basis' own index: an EU instrument can be a large share of the register.
  if (scope.legalBases) parts.push(sql`${off(sql`${requests.legalBasis}`)} IN (${list(scope.legalBases)})`);
  if (scope.notLegalBases) parts.push(sql`coalesce(${requests.legalBasis}, '') NOT IN (${list(scope.notLegalBases)})`);
  if (scope.countries) parts.push(sql`${off(sql`${requests.counterpartCountry}`)} IN (${list(scope.countries)})`);
  if (scope.notCountries) parts.push(sql`${requests.counterpartCountry} NOT IN (${list(scope.notCountries)})`);
  return sql.join(parts, sql` AND `);
}

/** The rule runs for the request's status (and, for a preservation, nothing has followed it up yet). */
export function runsSql(rule: ClockRule, byState: boolean): SQL {
  const status = byState ? sql`${requests.status}` : off(sql`${requests.status}`);
  const runs = sql`${status} IN (${list(rule.runs)})`;
  if (!rule.stopsOnFollowUp) return runs;
  return sql`${runs} AND NOT EXISTS (SELECT 1 FROM ${requestLinks}
    WHERE ${requestLinks.toId} = ${requests.id} AND ${requestLinks.kind} = 'follow_up')`;
}

/** The day of the request's last status change (the column the write paths keep). */
export const lastStatusOnSql = sql`coalesce(${requests.lastStatusOn}, ${requests.openedOn})`;

/** Its last status change or event other than a note: the Today dashboard's "no news" day. */
export const lastActivityOnSql = sql`max(coalesce(${requests.lastStatusOn}, ${requests.openedOn}, ''), coalesce(${requests.lastEventOn}, ''))`;
