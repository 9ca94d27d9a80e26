import { channel } from '../channel.ts';
import { z } from 'zod';
import {
  countryProfileSchema,
  deleteProfileSchema,
  profileOfCountrySchema,
  saveCountryProfileSchema,
} from '../profiles.ts';
import { deletedSchema } from '../directories.ts';
import { ANY_ROLE, DIRECTORY_KEEPERS } from '../roles.ts';

/**
 * Country profiles are a directory like the others: everyone reads them (they are shown beside
 * every request to or from the state), the directory keepers (clerks and administrators) keep them.
 */
export const profileChannels = {
  'profiles.list': channel({
    input: z.strictObject({}),
    output: z.array(countryProfileSchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
  /** The profile of one state, or null when there is none yet. */
  'profiles.ofCountry': channel({
    input: profileOfCountrySchema,
    output: countryProfileSchema.nullable(),
    roles: ANY_ROLE,
    mutates: false,
  }),
  'profiles.save': channel({
    input: saveCountryProfileSchema,
    output: countryProfileSchema,
    roles: DIRECTORY_KEEPERS,
    mutates: true,
  }),
  'profiles.delete': channel({
    input: deleteProfileSchema,
    output: deletedSchema,
    roles: DIRECTORY_KEEPERS,
    mutates: true,
  }),
};
