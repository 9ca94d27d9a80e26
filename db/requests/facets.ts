import { asc, isNotNull, sql } from 'drizzle-orm';
import type { Facets } from '../../contract/register-list.ts';
import { requests } from '../schema/index.ts';
import type { Queryable } from '../types.ts';

/** The officers and domestic authorities named on requests, each once, for pickers and filters. */
export function requestFacets(db: Queryable): Facets {
  const distinct = (column: typeof requests.assignedTo | typeof requests.domesticAuthority) =>
    db
      .selectDistinct({ value: column })
      .from(requests)
      .where(isNotNull(column))
      .orderBy(asc(sql`${column} COLLATE NOCASE`))
      .all()
      .flatMap((r) => (r.value === null ? [] : [r.value]));
  return { officers: distinct(requests.assignedTo), domesticAuthorities: distinct(requests.domesticAuthority) };
}
