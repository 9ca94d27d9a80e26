import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CHANNELS } from '../../contract/codes.ts';
import { DUAL_CRIMINALITY, TREATY_BASES } from '../../contract/profiles.ts';
import { oneOf } from './checks.ts';
import { counterpartAuthorities } from './directories.ts';

/**
 * Country profiles: one per counterpart state (ISO 3166-1 alpha-2), what the office knows of
 * its requirements. The lists (languages, channels, treaties) are rows of their own, like a
 * request's offences and assistance, so the database itself refuses a code it does not know.
 */
export const countryProfiles = sqliteTable(
  'country_profiles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    country: text('country').notNull().unique(),
    /**
     * The state's central authority, an entry of the counterpart authorities directory. The
     * directory may lose the entry (it is corrected there, not here): the profile then has none.
     */
    centralAuthorityId: integer('central_authority_id').references(() => counterpartAuthorities.id, {
      onDelete: 'set null',
    }),
    dualCriminality: text('dual_criminality', { enum: DUAL_CRIMINALITY }).notNull().default('unknown'),
    dualCriminalityScope: text('dual_criminality_scope'),
    notes: text('notes'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    check('country_profiles_country_code', sql`length(${t.country}) = 2 AND ${t.country} = upper(${t.country})`),
    check('country_profiles_dual_criminality_code', oneOf('dual_criminality', DUAL_CRIMINALITY)),
    // Deleting a directory entry looks up the profiles naming it.
    index('country_profiles_central_authority_idx').on(t.centralAuthorityId),
  ],
);

/** The languages the state accepts requests in (ISO 639-1), its preferred one first. */
export const countryProfileLanguages = sqliteTable(
  'country_profile_languages',
  {
    profileId: integer('profile_id')
      .notNull()
      .references(() => countryProfiles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    language: text('language').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.language] }),
    check('country_profile_language_code', sql`length(${t.language}) = 2 AND ${t.language} = lower(${t.language})`),
  ],
);

/** The channels of transmission the state accepts. */
export const countryProfileChannels = sqliteTable(
  'country_profile_channels',
  {
    profileId: integer('profile_id')
      .notNull()
      .references(() => countryProfiles.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.channel] }),
    check('country_profile_channel_code', oneOf('channel', CHANNELS)),
  ],
);

/** The treaties and conventions in force between the state and ours. */
export const countryProfileTreaties = sqliteTable(
  'country_profile_treaties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => countryProfiles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    legalBasis: text('legal_basis', { enum: TREATY_BASES }).notNull(),
    name: text('name'),
    inForceSince: text('in_force_since'),
  },
  (t) => [
    check('country_profile_treaty_basis_code', oneOf('legal_basis', TREATY_BASES)),
    index('country_profile_treaties_profile_idx').on(t.profileId, t.position),
  ],
);
