import { eq, or, type SQL, sql } from 'drizzle-orm';
import { requests } from '../schema/index.ts';
import type { Queryable } from '../types.ts';

/**
 * The requests a person may see when they may not see them all (a prosecutor: issue 6): those
 * assigned to them by name, and those of their domestic authority. Null everywhere a scope is
 * taken means every request. api/access.ts decides who gets which.
 */
export interface RequestScope {
  /** The name requests are assigned to (requests.assigned_to). */
  officer: string;
  /** Their domestic authority (requests.domestic_authority), if they belong to one. */
  authority: string | null;
}

/** The WHERE clause of a scope; SQLite answers it from the two columns' indexes (MULTI-INDEX OR). */
export function scopeCondition(scope: RequestScope): SQL {
  const mine = eq(requests.assignedTo, scope.officer);
  return scope.authority === null ? mine : (or(mine, eq(requests.domesticAuthority, scope.authority)) ?? mine);
}

/** Adds a scope to a condition (undefined: no condition). */
export function withinScope(condition: SQL | undefined, scope: RequestScope | null): SQL | undefined {
  if (scope === null) return condition;
  return condition === undefined ? scopeCondition(scope) : sql`(${condition}) AND (${scopeCondition(scope)})`;
}

/** The ids of the requests in a scope, as a subquery (no limit on how many). */
export function scopedIds(db: Queryable, scope: RequestScope) {
  return db.select({ id: requests.id }).from(requests).where(scopeCondition(scope));
}

/** Whether a request (which must exist) is in the scope. */
export function requestInScope(db: Queryable, id: number, scope: RequestScope | null): boolean {
  if (scope === null) return true;
  return (
    db
      .select({ id: requests.id })
      .from(requests)
      .where(sql`${requests.id} = ${id} AND (${scopeCondition(scope)})`)
      .get() !== undefined
  );
}
