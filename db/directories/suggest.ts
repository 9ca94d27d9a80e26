import { and, eq, isNotNull } from 'drizzle-orm';
import type { ValidSuggestQuery } from '../../contract/directories.ts';
import { counterpartAuthorities, domesticAuthorities, requests, serviceProviders } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import { foldName } from './entries.ts';

/** What the directory holds and what earlier requests used, for one field. */
function sources(db: Queryable, query: ValidSuggestQuery): { directory: string[]; used: string[] } {
  const { country } = query;
  switch (query.field) {
    case 'counterpartAuthority': {
      const ca = counterpartAuthorities;
      const directory = db
        .selectDistinct({ name: ca.name })
        .from(ca)
        .where(country === undefined ? undefined : eq(ca.country, country))
        .all();
      const used = db
        .selectDistinct({ name: requests.counterpartAuthority })
        .from(requests)
        .where(
          and(
            isNotNull(requests.counterpartAuthority),
            country === undefined ? undefined : eq(requests.counterpartCountry, country),
          ),
        )
        .all();
      return { directory: directory.map((r) => r.name), used: used.map((r) => r.name ?? '') };
    }
    // Domestic authorities and providers do not depend on the counterpart's country: a request
    // to the United States may well concern a provider of another country.
    case 'domesticAuthority': {
      const directory = db.selectDistinct({ name: domesticAuthorities.name }).from(domesticAuthorities).all();
      const used = db
        .selectDistinct({ name: requests.domesticAuthority })
        .from(requests)
        .where(isNotNull(requests.domesticAuthority))
        .all();
      return { directory: directory.map((r) => r.name), used: used.map((r) => r.name ?? '') };
    }
    case 'serviceProvider': {
      const directory = db.selectDistinct({ name: serviceProviders.name }).from(serviceProviders).all();
      const used = db
        .selectDistinct({ name: requests.serviceProvider })
        .from(requests)
        .where(isNotNull(requests.serviceProvider))
        .all();
      return { directory: directory.map((r) => r.name), used: used.map((r) => r.name ?? '') };
    }
  }
}

/**
 * The names to offer while a request is written: the directory's, then any other name earlier
 * requests used (imported registers are full of them), once each however it was capitalised
 * (the directory's spelling wins), in alphabetical order.
 */
export function suggestNames(db: Queryable, query: ValidSuggestQuery): string[] {
  const { directory, used } = sources(db, query);
  const byFolded = new Map<string, string>();
  for (const name of [...directory, ...used]) {
    const trimmed = name.trim();
    const key = foldName(trimmed);
    if (key !== '' && !byFolded.has(key)) byFolded.set(key, trimmed);
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return [...byFolded.values()].sort(collator.compare);
}
