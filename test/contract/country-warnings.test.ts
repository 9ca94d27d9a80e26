import { describe, expect, it } from 'vitest';
import {
  type CountryWarningInput,
  type ProfileRequirements,
  countryWarnings,
} from '../../contract/country-warnings.ts';

/** France as a profile might record it: French only, central authorities, two instruments. */
const FRANCE: ProfileRequirements = {
  languages: ['fr'],
  channels: ['central_authority'],
  treaties: [
    { legalBasis: 'untoc', name: null, inForceSince: '2002-10-29' },
    { legalBasis: 'bilateral_treaty', name: 'Treaty of 1994', inForceSince: '2027-01-01' },
  ],
  dualCriminality: 'not_required',
  dualCriminalityScope: null,
};

const check = (input: Partial<CountryWarningInput>, profile: ProfileRequirements | null = FRANCE) =>
  countryWarnings({ profile, today: '2026-03-10', ...input });
const codes = (input: Partial<CountryWarningInput>, profile?: ProfileRequirements | null) =>
  check(input, profile).map((w) => w.code);

describe('warnings beside a request, from the counterpart state’s profile', () => {
  it('say only that there is no profile yet when the state has none, whatever the request says', () => {
    expect(check({ language: 'en', channel: 'diplomatic', legalBasis: 'uncac' }, null)).toEqual([
      { code: 'no_profile', severity: 'note' },
    ]);
  });

  it('are silent for a request that matches the profile, or says nothing yet', () => {
    expect(check({})).toEqual([]);
    expect(check({ language: 'fr', channel: 'central_authority', legalBasis: 'untoc' })).toEqual([]);
    expect(check({ language: null, channel: null, legalBasis: null })).toEqual([]);
  });

  it('warn when the request’s language is not one the state accepts, naming those it does', () => {
    expect(check({ language: 'en' })).toEqual([
      { code: 'language_not_accepted', severity: 'warning', language: 'en', accepted: ['fr'] },
    ]);
    // A regional variant or another case is still the language.
    expect(codes({ language: 'fr-CA' })).toEqual([]);
    expect(codes({ language: 'FR' })).toEqual([]);
  });

  it('warn when the chosen channel is not accepted', () => {
    expect(check({ channel: 'diplomatic' })).toEqual([
      { code: 'channel_not_accepted', severity: 'warning', channel: 'diplomatic', accepted: ['central_authority'] },
    ]);
  });

  it('warn when the legal basis is not among the treaties in force, listing those that are', () => {
    expect(check({ legalBasis: 'budapest' })).toEqual([
      { code: 'legal_basis_not_in_force', severity: 'warning', legalBasis: 'budapest', inForce: ['untoc'] },
    ]);
  });

  it('never warn about reciprocity or domestic law, which need no treaty', () => {
    expect(codes({ legalBasis: 'reciprocity' })).toEqual([]);
    expect(codes({ legalBasis: 'domestic_law' })).toEqual([]);
  });

  it('warn when the treaty chosen is listed but enters into force later, with the day', () => {
    expect(check({ legalBasis: 'bilateral_treaty' })).toEqual([
      { code: 'treaty_not_yet_in_force', severity: 'warning', legalBasis: 'bilateral_treaty', since: '2027-01-01' },
    ]);
    // From that day on it counts; and with no day known it counts at once.
    expect(codes({ legalBasis: 'bilateral_treaty', today: '2027-01-01' })).toEqual([]);
    expect(codes({ legalBasis: 'bilateral_treaty', today: undefined })).toEqual([]);
    // A second entry of the same kind already in force is enough.
    const two = {
      ...FRANCE,
      treaties: [
        ...FRANCE.treaties,
        { legalBasis: 'bilateral_treaty' as const, name: 'Old treaty', inForceSince: null },
      ],
    };
    expect(codes({ legalBasis: 'bilateral_treaty' }, two)).toEqual([]);
  });

  it('note dual criminality when the state requires it, with what for, and not otherwise', () => {
    const coercive = { ...FRANCE, dualCriminality: 'required_coercive' as const, dualCriminalityScope: 'Searches' };
    expect(check({}, coercive)).toEqual([
      { code: 'dual_criminality', severity: 'note', rule: 'required_coercive', scope: 'Searches' },
    ]);
    expect(check({}, { ...FRANCE, dualCriminality: 'required_all' })).toEqual([
      { code: 'dual_criminality', severity: 'note', rule: 'required_all', scope: null },
    ]);
    expect(codes({}, { ...FRANCE, dualCriminality: 'unknown' })).toEqual([]);
  });

  it('read an empty list as not recorded, so a partial profile does not warn about what it lacks', () => {
    const languagesOnly: ProfileRequirements = { ...FRANCE, channels: [], treaties: [] };
    expect(codes({ language: 'fr', channel: 'diplomatic', legalBasis: 'budapest' }, languagesOnly)).toEqual([]);
    const channelsOnly: ProfileRequirements = { ...FRANCE, languages: [], treaties: [] };
    expect(codes({ language: 'en', channel: 'central_authority' }, channelsOnly)).toEqual([]);
  });

  it('list every problem at once, warnings before notes', () => {
    const strict = { ...FRANCE, dualCriminality: 'required_all' as const };
    expect(codes({ language: 'en', channel: 'interpol', legalBasis: 'uncac' }, strict)).toEqual([
      'language_not_accepted',
      'channel_not_accepted',
      'legal_basis_not_in_force',
      'dual_criminality',
    ]);
  });
});
