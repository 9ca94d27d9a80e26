import type { Channel, LegalBasis } from './codes.ts';
import { type CountryProfile, isTreatyBasis } from './profiles.ts';

/*
 * What the counterpart state's profile says about a request being drafted or registered: the
 * one place these rules live, read by the panel beside the request form (and by anything that
 * later wants the same answer, a letter or a check before sending).
 *
 * An empty list in a profile means "not recorded", not "accepts nothing": a profile filled in
 * for its languages only must not warn about every channel and legal basis.
 */

/** What the rules read of a profile (the panel has the whole profile; tests need no more). */
export type ProfileRequirements = Pick<
  CountryProfile,
  'languages' | 'channels' | 'treaties' | 'dualCriminality' | 'dualCriminalityScope'
>;

export interface CountryWarningInput {
  /** The state's profile, or null when the office has none for it yet. */
  profile: ProfileRequirements | null;
  /** The language the request is written in (ISO 639-1); absent while the form has no such field. */
  language?: string | null | undefined;
  channel?: Channel | null | undefined;
  legalBasis?: LegalBasis | null | undefined;
  /** The office's day (YYYY-MM-DD): a treaty in force only from a later day does not count yet. */
  today?: string | undefined;
}

export type CountryWarning =
  /** Nothing is known of the state yet: the panel offers to create its profile. */
  | { code: 'no_profile'; severity: 'note' }
  | { code: 'language_not_accepted'; severity: 'warning'; language: string; accepted: string[] }
  | { code: 'channel_not_accepted'; severity: 'warning'; channel: Channel; accepted: Channel[] }
  | { code: 'legal_basis_not_in_force'; severity: 'warning'; legalBasis: LegalBasis; inForce: LegalBasis[] }
  /** The instrument is listed, but in force with the state only from a later day. */
  | { code: 'treaty_not_yet_in_force'; severity: 'warning'; legalBasis: LegalBasis; since: string }
  /** Shown as a note: whether the conduct is an offence there is for the drafter to check. */
  | {
      code: 'dual_criminality';
      severity: 'note';
      rule: 'required_all' | 'required_coercive';
      scope: string | null;
    };

export type CountryWarningCode = CountryWarning['code'];

/** "fr-CA" and "FR" are French: a state accepting French accepts them. */
const baseLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

function languageWarning(profile: ProfileRequirements, language: string | null | undefined): CountryWarning[] {
  if (!language || profile.languages.length === 0) return [];
  const base = baseLanguage(language);
  if (base === '' || profile.languages.includes(base)) return [];
  return [{ code: 'language_not_accepted', severity: 'warning', language: base, accepted: profile.languages }];
}

function channelWarning(profile: ProfileRequirements, channel: Channel | null | undefined): CountryWarning[] {
  if (!channel || profile.channels.length === 0 || profile.channels.includes(channel)) return [];
  return [{ code: 'channel_not_accepted', severity: 'warning', channel, accepted: profile.channels }];
}

function legalBasisWarning(
  profile: ProfileRequirements,
  legalBasis: LegalBasis | null | undefined,
  today: string | undefined,
): CountryWarning[] {
  // Reciprocity and domestic law need no treaty; an empty list records none either way.
  if (!legalBasis || !isTreatyBasis(legalBasis) || profile.treaties.length === 0) return [];
  const listed = profile.treaties.filter((t) => t.legalBasis === legalBasis);
  const inForce = (since: string | null) => since === null || today === undefined || since <= today;
  if (listed.some((t) => inForce(t.inForceSince))) return [];
  const later = listed
    .map((t) => t.inForceSince)
    .filter((since): since is string => since !== null)
    .sort()[0];
  if (later !== undefined) return [{ code: 'treaty_not_yet_in_force', severity: 'warning', legalBasis, since: later }];
  const bases = profile.treaties.filter((t) => inForce(t.inForceSince)).map((t) => t.legalBasis);
  return [{ code: 'legal_basis_not_in_force', severity: 'warning', legalBasis, inForce: [...new Set(bases)] }];
}

function dualCriminalityNote(profile: ProfileRequirements): CountryWarning[] {
  const rule = profile.dualCriminality;
  if (rule !== 'required_all' && rule !== 'required_coercive') return [];
  return [{ code: 'dual_criminality', severity: 'note', rule, scope: profile.dualCriminalityScope }];
}

/** The warnings first (what to change), then the notes (what to bear in mind). */
export function countryWarnings(input: CountryWarningInput): CountryWarning[] {
  const { profile } = input;
  if (profile === null) return [{ code: 'no_profile', severity: 'note' }];
  return [
    ...languageWarning(profile, input.language),
    ...channelWarning(profile, input.channel),
    ...legalBasisWarning(profile, input.legalBasis, input.today),
    ...dualCriminalityNote(profile),
  ];
}
