import type { TFunction } from 'i18next';
import type { Channel } from '../../../../contract/codes.ts';
import {
  type CountryProfile,
  type DualCriminality,
  type TreatyBasis,
  isTreatyBasis,
  saveCountryProfileSchema,
  type ValidCountryProfile,
} from '../../../../contract/profiles.ts';
import { fieldProblems } from '../../../../contract/validate.ts';
import { type FieldErrors, fieldErrorsFrom } from '../../components/field-errors.ts';

/** A treaty as the dialog edits it ('' for an empty text or date, null for no basis chosen yet). */
export interface TreatyValues {
  legalBasis: TreatyBasis | null;
  name: string;
  inForceSince: string;
}

/** The profile dialog's values: selects hold codes or null, texts hold what was typed. */
export interface ProfileValues {
  country: string | null;
  /** The directory entry's id as the select holds it (a string), or null. */
  centralAuthorityId: string | null;
  languages: string[];
  channels: Channel[];
  dualCriminality: DualCriminality;
  dualCriminalityScope: string;
  treaties: TreatyValues[];
  notes: string;
}

export const EMPTY_TREATY: TreatyValues = { legalBasis: null, name: '', inForceSince: '' };

export function emptyProfile(country: string | null = null): ProfileValues {
  return {
    country,
    centralAuthorityId: null,
    languages: [],
    channels: [],
    dualCriminality: 'unknown',
    dualCriminalityScope: '',
    treaties: [],
    notes: '',
  };
}

export function valuesOfProfile(p: CountryProfile): ProfileValues {
  return {
    country: p.country,
    centralAuthorityId: p.centralAuthorityId === null ? null : String(p.centralAuthorityId),
    languages: p.languages,
    channels: p.channels,
    dualCriminality: p.dualCriminality,
    dualCriminalityScope: p.dualCriminalityScope ?? '',
    treaties: p.treaties.map((t) => ({
      legalBasis: isTreatyBasis(t.legalBasis) ? t.legalBasis : null,
      name: t.name ?? '',
      inForceSince: t.inForceSince ?? '',
    })),
    notes: p.notes ?? '',
  };
}

/** What the channel takes, before the contract's schema has had its say. */
export function profileInput(v: ProfileValues, id: number | undefined): Record<string, unknown> {
  return {
    ...(id === undefined ? {} : { id }),
    country: v.country ?? '',
    centralAuthorityId: v.centralAuthorityId === null ? null : Number(v.centralAuthorityId),
    languages: v.languages,
    channels: v.channels,
    dualCriminality: v.dualCriminality,
    dualCriminalityScope: v.dualCriminalityScope,
    // A treaty row left without its basis is named as such, not dropped silently.
    treaties: v.treaties.map((t) => ({
      legalBasis: t.legalBasis ?? '',
      name: t.name,
      inForceSince: t.inForceSince === '' ? null : t.inForceSince,
    })),
    notes: v.notes,
  };
}

/** The contract's own schema checks the dialog, so mistakes are named before anything is sent. */
export function checkProfile(
  t: TFunction,
  v: ProfileValues,
  id: number | undefined,
): { ok: true; input: ValidCountryProfile } | { ok: false; errors: FieldErrors } {
  const parsed = saveCountryProfileSchema.safeParse(profileInput(v, id));
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: fieldErrorsFrom(t, fieldProblems(parsed.error)) };
}
