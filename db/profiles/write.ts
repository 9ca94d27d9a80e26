import { and, eq, ne } from 'drizzle-orm';
import { type AppError, appError, problem } from '../../contract/errors.ts';
import type { CountryProfile, ValidCountryProfile } from '../../contract/profiles.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import {
  counterpartAuthorities,
  countryProfileChannels,
  countryProfileLanguages,
  countryProfiles,
  countryProfileTreaties,
} from '../schema/index.ts';
import type { Db, Queryable } from '../types.ts';
import { countryProfileById } from './read.ts';

const ENTITY = 'country_profile';

/** What the audit log keeps of a profile: its own fields, not the directory entry's contacts. */
function snapshot({
  centralAuthority: _contacts,
  ...profile
}: CountryProfile): Omit<CountryProfile, 'centralAuthority'> {
  return profile;
}

function notFound(id: number): AppError {
  return appError('not_found', 'profile.notFound', { id });
}

/** One profile per state: a second one for the same country is refused, naming the field. */
function refuseSecondProfile(tx: Queryable, country: string, id: number | undefined): void {
  const clash = tx
    .select({ id: countryProfiles.id })
    .from(countryProfiles)
    .where(
      id === undefined
        ? eq(countryProfiles.country, country)
        : and(eq(countryProfiles.country, country), ne(countryProfiles.id, id)),
    )
    .get();
  if (clash) {
    throw appError('invalid_input', 'profile.secondProfile', { country }, [
      problem('country', 'profile.field.hasProfile'),
    ]);
  }
}

/** The central authority must be an entry of the counterpart authorities directory for the same state. */
function checkCentralAuthority(tx: Queryable, input: ValidCountryProfile): void {
  if (input.centralAuthorityId === null) return;
  const entry = tx
    .select({ country: counterpartAuthorities.country })
    .from(counterpartAuthorities)
    .where(eq(counterpartAuthorities.id, input.centralAuthorityId))
    .get();
  if (!entry || entry.country !== input.country) {
    const fields = [problem('centralAuthorityId', 'profile.field.centralAuthority')];
    throw entry
      ? appError(
          'invalid_input',
          'profile.authorityOfOtherCountry',
          { other: entry.country, country: input.country },
          fields,
        )
      : appError('invalid_input', 'profile.authorityGone', undefined, fields);
  }
}

/** The lists are replaced whole: a profile is edited in one dialog, so what it sends is the new state. */
function writeLists(tx: Queryable, profileId: number, input: ValidCountryProfile): void {
  tx.delete(countryProfileLanguages).where(eq(countryProfileLanguages.profileId, profileId)).run();
  tx.delete(countryProfileChannels).where(eq(countryProfileChannels.profileId, profileId)).run();
  tx.delete(countryProfileTreaties).where(eq(countryProfileTreaties.profileId, profileId)).run();
  if (input.languages.length > 0) {
    tx.insert(countryProfileLanguages)
      .values(input.languages.map((language, position) => ({ profileId, position, language })))
      .run();
  }
  if (input.channels.length > 0) {
    tx.insert(countryProfileChannels)
      .values(input.channels.map((channel) => ({ profileId, channel })))
      .run();
  }
  if (input.treaties.length > 0) {
    tx.insert(countryProfileTreaties)
      .values(input.treaties.map((treaty, position) => ({ profileId, position, ...treaty })))
      .run();
  }
}

/**
 * Adds a profile, or (with an id) corrects it: the row, its lists and the audit entry in one
 * transaction, so a refused save leaves nothing half-written.
 */
export function saveCountryProfile(db: Db, input: ValidCountryProfile, actor: Actor, clock: Clock): CountryProfile {
  const { id, languages: _l, channels: _c, treaties: _t, ...fields } = input;
  return db.transaction(
    (tx) => {
      const before = id === undefined ? null : countryProfileById(tx, id);
      if (id !== undefined && !before) throw notFound(id);
      refuseSecondProfile(tx, input.country, id);
      checkCentralAuthority(tx, input);
      const row = { ...fields, updatedAt: clock.at, updatedBy: actor.name };
      let profileId: number;
      if (id === undefined) {
        profileId = tx.insert(countryProfiles).values(row).returning({ id: countryProfiles.id }).get().id;
      } else {
        tx.update(countryProfiles).set(row).where(eq(countryProfiles.id, id)).run();
        profileId = id;
      }
      writeLists(tx, profileId, input);
      const after = countryProfileById(tx, profileId);
      if (!after) throw notFound(profileId);
      recordAudit(tx, actor, clock.at, {
        action: before ? `${ENTITY}.update` : `${ENTITY}.create`,
        entity: ENTITY,
        entityId: profileId,
        details: before ? { before: snapshot(before), after: snapshot(after) } : { after: snapshot(after) },
      });
      return after;
    },
    { behavior: 'immediate' },
  );
}

export function deleteCountryProfile(db: Db, id: number, actor: Actor, clock: Clock): { id: number } {
  return db.transaction(
    (tx) => {
      const before = countryProfileById(tx, id);
      if (!before) throw notFound(id);
      // Its languages, channels and treaties go with it (ON DELETE CASCADE).
      tx.delete(countryProfiles).where(eq(countryProfiles.id, id)).run();
      recordAudit(tx, actor, clock.at, {
        action: `${ENTITY}.delete`,
        entity: ENTITY,
        entityId: id,
        details: { before: snapshot(before) },
      });
      return { id };
    },
    { behavior: 'immediate' },
  );
}
