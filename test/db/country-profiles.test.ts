import { describe, expect, it } from 'vitest';
import { saveCounterpartAuthoritySchema } from '../../contract/directories.ts';
import { AppError } from '../../contract/errors.ts';
import { type CountryProfileInput, saveCountryProfileSchema } from '../../contract/profiles.ts';
import type { Register } from '../../db/register.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { countRows, withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

const profile = (input: CountryProfileInput) => saveCountryProfileSchema.parse(input);
const LATER = { at: '2026-03-12T14:00:00.000Z', today: '2026-03-12' };
const ADMIN = { name: 'Ada Admin', roles: ['administrator'] };

async function authority(register: Register, country: string, name: string) {
  return register.directories.saveCounterpartAuthority(
    saveCounterpartAuthoritySchema.parse({ country, name, email: `mla@${country.toLowerCase()}.example` }),
    ACTOR,
    CLOCK,
  );
}

interface AuditRow {
  action: string;
  entity_id: number;
  actor: string;
  details: string;
}

const profileAudit = (register: Register) =>
  withRaw(
    register.location,
    (db) =>
      db
        .prepare("SELECT action, entity_id, actor, details FROM audit_log WHERE entity = 'country_profile' ORDER BY id")
        .all() as AuditRow[],
    true,
  );

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('country profiles in the register', () => {
  it('start empty: the structure is there, no state is profiled', async () => {
    const register = tempRegister();
    expect(await register.profiles.listCountryProfiles()).toEqual([]);
    expect(await register.profiles.countryProfileOf('FR')).toBeNull();
    for (const table of ['country_profiles', 'country_profile_languages', 'country_profile_channels']) {
      expect(countRows(register.location, table)).toBe(0);
    }
  });

  it('add a profile with its lists and central authority, read it back by country, and correct it whole', async () => {
    const register = tempRegister();
    const beppi = await authority(register, 'FR', 'BEPPI');
    const added = await register.profiles.saveCountryProfile(
      profile({
        country: 'fr',
        centralAuthorityId: beppi.id,
        languages: ['FR', 'en', 'fr'],
        channels: ['judicial_network', 'central_authority'],
        dualCriminality: 'required_coercive',
        dualCriminalityScope: 'Searches, seizures and interceptions',
        treaties: [
          { legalBasis: 'untoc', inForceSince: '2002-10-29' },
          { legalBasis: 'bilateral_treaty', name: 'Treaty on mutual legal assistance (1994)' },
        ],
        notes: 'Send the e-mail copy first, the original by post.',
      }),
      ACTOR,
      CLOCK,
    );
    expect(added).toMatchObject({
      country: 'FR',
      centralAuthorityId: beppi.id,
      centralAuthority: { name: 'BEPPI', email: 'mla@fr.example' },
      // Each once, the preferred first; channels in the order of the code list.
      languages: ['fr', 'en'],
      channels: ['central_authority', 'judicial_network'],
      dualCriminality: 'required_coercive',
      treaties: [
        { legalBasis: 'untoc', name: null, inForceSince: '2002-10-29' },
        { legalBasis: 'bilateral_treaty', name: 'Treaty on mutual legal assistance (1994)', inForceSince: null },
      ],
      updatedAt: CLOCK.at,
      updatedBy: ACTOR.name,
    });
    expect(await register.profiles.countryProfileOf('FR')).toEqual(added);

    const corrected = await register.profiles.saveCountryProfile(
      profile({ id: added.id, country: 'FR', languages: ['fr'], treaties: [{ legalBasis: 'uncac' }] }),
      ADMIN,
      LATER,
    );
    // What the dialog sends is the whole new state: lists left empty are emptied.
    expect(corrected).toMatchObject({
      id: added.id,
      centralAuthority: null,
      languages: ['fr'],
      channels: [],
      dualCriminality: 'unknown',
      dualCriminalityScope: null,
      treaties: [{ legalBasis: 'uncac', name: null, inForceSince: null }],
      notes: null,
      updatedAt: LATER.at,
      updatedBy: ADMIN.name,
    });
    expect(countRows(register.location, 'country_profile_languages')).toBe(1);
    expect(countRows(register.location, 'country_profile_treaties')).toBe(1);
  });

  it('list every profile by country code', async () => {
    const register = tempRegister();
    for (const country of ['MX', 'DE', 'FR']) {
      await register.profiles.saveCountryProfile(profile({ country, languages: ['es'] }), ACTOR, CLOCK);
    }
    expect((await register.profiles.listCountryProfiles()).map((p) => p.country)).toEqual(['DE', 'FR', 'MX']);
  });

  it('refuse a second profile for the same state, on adding and on correcting, naming the field', async () => {
    const register = tempRegister();
    const fr = await register.profiles.saveCountryProfile(profile({ country: 'FR' }), ACTOR, CLOCK);
    const de = await register.profiles.saveCountryProfile(profile({ country: 'DE' }), ACTOR, CLOCK);
    const again = await refusal(register.profiles.saveCountryProfile(profile({ country: 'fr' }), ACTOR, CLOCK));
    expect(again.code).toBe('invalid_input');
    expect(again.message).toContain('FR');
    expect(again.key).toBe('profile.secondProfile');
    expect(again.fields).toEqual([
      { field: 'country', message: 'already has a profile', key: 'profile.field.hasProfile' },
    ]);
    const moved = await refusal(
      register.profiles.saveCountryProfile(profile({ id: de.id, country: 'FR' }), ACTOR, CLOCK),
    );
    expect(moved.fields?.[0]?.field).toBe('country');
    // A profile keeps its own country when corrected.
    await register.profiles.saveCountryProfile(profile({ id: fr.id, country: 'FR', notes: 'x' }), ACTOR, CLOCK);
    expect(profileAudit(register).map((r) => r.action)).toEqual([
      'country_profile.create',
      'country_profile.create',
      'country_profile.update',
    ]);
  });

  it('take as central authority only an entry of the same state, and write nothing when refused', async () => {
    const register = tempRegister();
    const bfj = await authority(register, 'DE', 'Bundesamt für Justiz');
    const foreign = await refusal(
      register.profiles.saveCountryProfile(
        profile({ country: 'AT', centralAuthorityId: bfj.id, languages: ['de'] }),
        ACTOR,
        CLOCK,
      ),
    );
    expect(foreign.code).toBe('invalid_input');
    expect(foreign.message).toContain('of DE, not of AT');
    expect(foreign.fields).toEqual([
      {
        field: 'centralAuthorityId',
        message: 'must be a counterpart authority of this country in the directory',
        key: 'profile.field.centralAuthority',
      },
    ]);
    const gone = await refusal(
      register.profiles.saveCountryProfile(profile({ country: 'AT', centralAuthorityId: 999 }), ACTOR, CLOCK),
    );
    expect(gone.message).toContain('no longer in the directory');
    for (const table of ['country_profiles', 'country_profile_languages']) {
      expect(countRows(register.location, table)).toBe(0);
    }
    expect(profileAudit(register)).toEqual([]);
  });

  it('lose the central authority, not the profile, when the directory entry is deleted', async () => {
    const register = tempRegister();
    const bfj = await authority(register, 'DE', 'Bundesamt für Justiz');
    await register.profiles.saveCountryProfile(
      profile({ country: 'DE', centralAuthorityId: bfj.id, languages: ['de'] }),
      ACTOR,
      CLOCK,
    );
    await register.directories.deleteCounterpartAuthority(bfj.id, ACTOR, CLOCK);
    expect(await register.profiles.countryProfileOf('DE')).toMatchObject({
      centralAuthorityId: null,
      centralAuthority: null,
      languages: ['de'],
    });
  });

  it('show a corrected directory entry’s contacts in the profile', async () => {
    const register = tempRegister();
    const bfj = await authority(register, 'DE', 'Bundesamt für Justiz');
    await register.profiles.saveCountryProfile(profile({ country: 'DE', centralAuthorityId: bfj.id }), ACTOR, CLOCK);
    await register.directories.saveCounterpartAuthority(
      saveCounterpartAuthoritySchema.parse({ id: bfj.id, country: 'DE', name: 'BfJ', phone: '+49 228 99 410 40' }),
      ACTOR,
      CLOCK,
    );
    expect((await register.profiles.countryProfileOf('DE'))?.centralAuthority).toMatchObject({
      name: 'BfJ',
      phone: '+49 228 99 410 40',
    });
  });

  it('delete a profile with its lists, and say when it is already gone', async () => {
    const register = tempRegister();
    const added = await register.profiles.saveCountryProfile(
      profile({ country: 'IT', languages: ['it'], channels: ['diplomatic'], treaties: [{ legalBasis: 'budapest' }] }),
      ACTOR,
      CLOCK,
    );
    expect(await register.profiles.deleteCountryProfile(added.id, ACTOR, LATER)).toEqual({ id: added.id });
    expect(await register.profiles.countryProfileOf('IT')).toBeNull();
    for (const table of ['country_profile_languages', 'country_profile_channels', 'country_profile_treaties']) {
      expect(countRows(register.location, table)).toBe(0);
    }
    expect((await refusal(register.profiles.deleteCountryProfile(added.id, ACTOR, LATER))).code).toBe('not_found');
    expect(
      (await refusal(register.profiles.saveCountryProfile(profile({ id: added.id, country: 'IT' }), ACTOR, LATER)))
        .code,
    ).toBe('not_found');
  });

  it('write one audit entry per change, with the profile before and after', async () => {
    const register = tempRegister();
    const added = await register.profiles.saveCountryProfile(
      profile({ country: 'ES', languages: ['es'] }),
      ACTOR,
      CLOCK,
    );
    await register.profiles.saveCountryProfile(
      profile({ id: added.id, country: 'ES', languages: ['es', 'en'] }),
      ADMIN,
      LATER,
    );
    await register.profiles.deleteCountryProfile(added.id, ACTOR, LATER);
    const rows = profileAudit(register);
    expect(rows.map((r) => [r.action, r.entity_id, r.actor])).toEqual([
      ['country_profile.create', added.id, ACTOR.name],
      ['country_profile.update', added.id, ADMIN.name],
      ['country_profile.delete', added.id, ACTOR.name],
    ]);
    const update = JSON.parse(rows[1]?.details ?? '{}') as { before: { languages: string[] }; after: object };
    expect(update.before.languages).toEqual(['es']);
    expect(update.after).toMatchObject({ languages: ['es', 'en'], updatedBy: ADMIN.name });
    expect(update.after).not.toHaveProperty('centralAuthority');
    const deleted = JSON.parse(rows[2]?.details ?? '{}') as { before: { country: string } };
    expect(deleted.before.country).toBe('ES');
  });

  it('are guarded by the database itself against codes the contract does not know', () => {
    const register = tempRegister();
    withRaw(register.location, (db) => {
      const add = (country: string, rule = 'unknown') =>
        db
          .prepare(
            'INSERT INTO country_profiles (country, dual_criminality, updated_at, updated_by) VALUES (?, ?, ?, ?)',
          )
          .run(country, rule, CLOCK.at, 'x');
      expect(() => add('fr')).toThrow(/country_profiles_country_code/);
      expect(() => add('FRA')).toThrow(/country_profiles_country_code/);
      expect(() => add('FR', 'sometimes')).toThrow(/dual_criminality_code/);
      const id = Number(add('FR').lastInsertRowid);
      expect(() => add('FR')).toThrow(/UNIQUE/);
      const child =
        (sql: string, ...values: unknown[]) =>
        () =>
          db.prepare(sql).run(id, ...values);
      expect(child('INSERT INTO country_profile_channels (profile_id, channel) VALUES (?, ?)', 'email')).toThrow(
        /country_profile_channel_code/,
      );
      expect(
        child('INSERT INTO country_profile_languages (profile_id, position, language) VALUES (?, 0, ?)', 'FR'),
      ).toThrow(/country_profile_language_code/);
      expect(
        child(
          'INSERT INTO country_profile_treaties (profile_id, position, legal_basis) VALUES (?, 0, ?)',
          'reciprocity',
        ),
      ).toThrow(/country_profile_treaty_basis_code/);
    });
  });
});
