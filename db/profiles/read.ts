import { asc, eq, inArray } from 'drizzle-orm';
import { CHANNELS } from '../../contract/codes.ts';
import type { CountryProfile, Treaty } from '../../contract/profiles.ts';
import {
  counterpartAuthorities,
  countryProfileChannels,
  countryProfileLanguages,
  countryProfiles,
  countryProfileTreaties,
} from '../schema/index.ts';
import type { Queryable } from '../types.ts';

type ProfileRow = typeof countryProfiles.$inferSelect;

/** Groups child rows by the profile they belong to, keeping their order. */
function byProfile<R extends { profileId: number }, V>(rows: R[], value: (row: R) => V): Map<number, V[]> {
  const grouped = new Map<number, V[]>();
  for (const row of rows) {
    const list = grouped.get(row.profileId) ?? [];
    list.push(value(row));
    grouped.set(row.profileId, list);
  }
  return grouped;
}

/**
 * The profiles of these rows with their lists and central authority, read in one query per
 * list (there are at most a couple of hundred states, so the whole directory is cheap).
 */
function assemble(db: Queryable, rows: ProfileRow[]): CountryProfile[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const languages = byProfile(
    db
      .select()
      .from(countryProfileLanguages)
      .where(inArray(countryProfileLanguages.profileId, ids))
      .orderBy(asc(countryProfileLanguages.profileId), asc(countryProfileLanguages.position))
      .all(),
    (r) => r.language,
  );
  const channels = byProfile(
    db.select().from(countryProfileChannels).where(inArray(countryProfileChannels.profileId, ids)).all(),
    (r) => r.channel,
  );
  const treaties = byProfile(
    db
      .select()
      .from(countryProfileTreaties)
      .where(inArray(countryProfileTreaties.profileId, ids))
      .orderBy(asc(countryProfileTreaties.profileId), asc(countryProfileTreaties.position))
      .all(),
    (r): Treaty => ({ legalBasis: r.legalBasis, name: r.name, inForceSince: r.inForceSince }),
  );
  const authorityIds = rows.flatMap((r) => (r.centralAuthorityId === null ? [] : [r.centralAuthorityId]));
  const authorities = new Map(
    (authorityIds.length === 0
      ? []
      : db.select().from(counterpartAuthorities).where(inArray(counterpartAuthorities.id, authorityIds)).all()
    ).map((a) => [a.id, a]),
  );
  return rows.map((row) => ({
    ...row,
    centralAuthority: row.centralAuthorityId === null ? null : (authorities.get(row.centralAuthorityId) ?? null),
    languages: languages.get(row.id) ?? [],
    // In the order of the code list, however the rows come back.
    channels: CHANNELS.filter((c) => channels.get(row.id)?.includes(c)),
    treaties: treaties.get(row.id) ?? [],
  }));
}

/** Every profile, by country code (the screens sort by the name in their own language). */
export function listCountryProfiles(db: Queryable): CountryProfile[] {
  return assemble(db, db.select().from(countryProfiles).orderBy(asc(countryProfiles.country)).all());
}

export function countryProfileOf(db: Queryable, country: string): CountryProfile | null {
  return assemble(db, db.select().from(countryProfiles).where(eq(countryProfiles.country, country)).all())[0] ?? null;
}

export function countryProfileById(db: Queryable, id: number): CountryProfile | null {
  return assemble(db, db.select().from(countryProfiles).where(eq(countryProfiles.id, id)).all())[0] ?? null;
}
