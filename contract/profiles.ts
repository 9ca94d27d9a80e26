import { z } from 'zod';
import { CHANNELS, LEGAL_BASES, type LegalBasis } from './codes.ts';
import { isoDate } from './dates.ts';
import { counterpartAuthoritySchema, entryId } from './directories.ts';
import { isLanguageCode } from './language-codes.ts';
import { zodMessage } from './messages.ts';
import { countryCode, optionalText } from './request-fields.ts';

/*
 * Country profiles (issue 8, part 2): what the office knows of each counterpart state's
 * requirements, one profile per state, shown beside a request to or from it. The directory
 * starts empty; the office fills it as it learns (no profile is seeded, since a wrong one would
 * warn wrongly).
 */

/**
 * Whether the state requires the conduct to be an offence under its own law too: never, for
 * every request, only for coercive measures (search, seizure, interception…), or not known.
 */
export const DUAL_CRIMINALITY = ['not_required', 'required_all', 'required_coercive', 'unknown'] as const;
export type DualCriminality = (typeof DUAL_CRIMINALITY)[number];

/**
 * The legal bases that are instruments a state can have in force with us: every code of
 * LEGAL_BASES but reciprocity and domestic law, which need no treaty (so they are never listed,
 * and never warned about). A test checks that the two lists make up LEGAL_BASES.
 */
export const TREATY_BASES = [
  'untoc',
  'uncac',
  'drug_1988',
  'budapest',
  'un_cybercrime',
  'bilateral_treaty',
  'regional_treaty',
  'eu_eio',
  'eu_e_evidence',
  'other',
] as const satisfies readonly LegalBasis[];
export type TreatyBasis = (typeof TREATY_BASES)[number];
export const NON_TREATY_BASES = ['reciprocity', 'domestic_law'] as const satisfies readonly LegalBasis[];

export const isTreatyBasis = (basis: LegalBasis): basis is TreatyBasis =>
  (TREATY_BASES as readonly string[]).includes(basis);

/** Bounds: a state accepts a handful of languages and has a few dozen instruments with us at most. */
export const MAX_LANGUAGES = 20;
export const MAX_TREATIES = 50;

export const languageCodeSchema = z
  .string(zodMessage('profile.field.languageCode'))
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, zodMessage('profile.field.languageCode'));

/** Each at most once, in the order given (the first is the one the state prefers). */
const languageList = z
  .array(languageCodeSchema)
  .max(MAX_LANGUAGES)
  .default([])
  .transform((list) => [...new Set(list)]);

/** Channel codes each at most once, in the order of the code list (so two saves compare equal). */
const channelList = z
  .array(z.enum(CHANNELS))
  .max(CHANNELS.length)
  .default([])
  .transform((list) => CHANNELS.filter((c) => list.includes(c)));

export const treatySchema = z.strictObject({
  legalBasis: z.enum(LEGAL_BASES).refine(isTreatyBasis, zodMessage('profile.field.treatyBasis')),
  /** Which one: the bilateral treaty's title, the regional convention's name. */
  name: optionalText(300),
  inForceSince: isoDate
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type TreatyInput = z.input<typeof treatySchema>;

/** Two entries for one instrument are one typed twice: named on the second. */
const treatyList = z
  .array(treatySchema)
  .max(MAX_TREATIES)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((t, i) => {
      const key = `${t.legalBasis}\u0000${(t.name ?? '').toLowerCase()}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], ...zodMessage('profile.field.alreadyListed') });
      seen.add(key);
    });
  });

const optionalId = entryId
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const countryProfileFields = {
  country: countryCode,
  /** An entry of the counterpart authorities directory of the same country, whose contacts are shown. */
  centralAuthorityId: optionalId,
  languages: languageList,
  channels: channelList,
  dualCriminality: z.enum(DUAL_CRIMINALITY).default('unknown'),
  /** What it is required for, in the state's own terms ("offences punishable by 1 year or more"). */
  dualCriminalityScope: optionalText(1000),
  treaties: treatyList,
  notes: optionalText(4000),
};

export const saveCountryProfileSchema = z.strictObject({ id: entryId.optional(), ...countryProfileFields });
export type CountryProfileInput = z.input<typeof saveCountryProfileSchema>;
export type ValidCountryProfile = z.output<typeof saveCountryProfileSchema>;

export const treatyRecordSchema = z.object({
  legalBasis: z.enum(LEGAL_BASES),
  name: z.string().nullable(),
  inForceSince: z.string().nullable(),
});
export type Treaty = z.infer<typeof treatyRecordSchema>;

export const countryProfileSchema = z.object({
  id: entryId,
  country: z.string(),
  centralAuthorityId: entryId.nullable(),
  /** The directory entry with its contacts; null when none is chosen or it was deleted. */
  centralAuthority: counterpartAuthoritySchema.nullable(),
  languages: z.array(z.string()),
  channels: z.array(z.enum(CHANNELS)),
  dualCriminality: z.enum(DUAL_CRIMINALITY),
  dualCriminalityScope: z.string().nullable(),
  treaties: z.array(treatyRecordSchema),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  /** Who last saved it, as the history names people. */
  updatedBy: z.string(),
});
export type CountryProfile = z.infer<typeof countryProfileSchema>;

export const profileOfCountrySchema = z.strictObject({ country: countryCode });
export const deleteProfileSchema = z.strictObject({ id: entryId });
