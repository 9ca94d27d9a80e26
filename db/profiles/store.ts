import type { CountryProfile, ValidCountryProfile } from '../../contract/profiles.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../types.ts';
import { countryProfileOf, listCountryProfiles } from './read.ts';
import { deleteCountryProfile, saveCountryProfile } from './write.ts';

/**
 * The country profiles (see db/register.ts for why it is asynchronous). "save" adds a profile,
 * or corrects the one its id names; every write leaves an audit entry.
 */
export interface ProfileStore {
  listCountryProfiles(): Promise<CountryProfile[]>;
  /** The profile of one state, or null when the office has none yet. */
  countryProfileOf(country: string): Promise<CountryProfile | null>;
  saveCountryProfile(input: ValidCountryProfile, actor: Actor, clock: Clock): Promise<CountryProfile>;
  deleteCountryProfile(id: number, actor: Actor, clock: Clock): Promise<{ id: number }>;
}

export function sqliteProfileStore(db: Db): ProfileStore {
  return {
    listCountryProfiles: async () => listCountryProfiles(db),
    countryProfileOf: async (country) => countryProfileOf(db, country),
    saveCountryProfile: async (input, actor, clock) => saveCountryProfile(db, input, actor, clock),
    deleteCountryProfile: async (id, actor, clock) => deleteCountryProfile(db, id, actor, clock),
  };
}
