import { and, asc, isNotNull, sql } from 'drizzle-orm';
import type { Facets } from '../../contract/register-list.ts';
import { requests } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import { type RequestScope, scopeCondition } from './scope.ts';

/** The statements behind requestFacets, built but not run (test/db/query-plans.test.ts checks their plans). */
export function facetQueries(db: Queryable, scope: RequestScope | null = null) {
  const distinct = (column: typeof requests.assignedTo | typeof requests.domesticAuthority) =>
    db
      .selectDistinct({ value: column })
      .from(requests)
      .where(scope === null ? isNotNull(column) : and(isNotNull(column), scopeCondition(scope)))
      .orderBy(asc(sql`${column} COLLATE NOCASE`));
  return { officers: distinct(requests.assignedTo), domesticAuthorities: distinct(requests.domesticAuthority) };
}

/** The officers and domestic authorities named on requests (in `scope`), each once, for pickers and filters. */
export function requestFacets(db: Queryable, scope: RequestScope | null = null): Facets {
  const { officers, domesticAuthorities } = facetQueries(db, scope);
  const values = (query: typeof officers) => query.all().flatMap((r) => (r.value === null ? [] : [r.value]));
  return { officers: values(officers), domesticAuthorities: values(domesticAuthorities) };
}
