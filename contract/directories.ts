import { z } from 'zod';
import { isCountryCode } from './countries.ts';
import { countryCode, optionalText, requiredText } from './request-fields.ts';
import { zodMessage } from './messages.ts';

/*
 * The office's directories: counterpart authorities abroad, domestic executing authorities
 * and service providers. Requests keep the names as text, so a directory entry may be
 * corrected or deleted without touching them. Name bounds match the request fields the names
 * are offered for (contract/request-fields.ts), so every suggestion fits where it is put.
 */

export const entryId = z.number().int().positive();

const optionalEmail = z
  .string()
  .trim()
  .max(254, zodMessage('field.maxLength'))
  .refine((s) => s === '' || z.email().safeParse(s).success, zodMessage('field.email'))
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()
  .transform((s) => s ?? null);

const optionalPhone = optionalText(60).refine((s) => s === null || /\d/.test(s), zodMessage('field.phone'));

const optionalCountry = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s.toUpperCase()))
  .refine((s) => s === null || isCountryCode(s), zodMessage('field.country'))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** Present when correcting an entry, absent when adding one. */
const saveId = { id: entryId.optional() };

export const counterpartAuthorityFields = {
  country: countryCode,
  name: requiredText(300),
  email: optionalEmail,
  phone: optionalPhone,
  address: optionalText(500),
  notes: optionalText(4000),
};
export const saveCounterpartAuthoritySchema = z.strictObject({ ...saveId, ...counterpartAuthorityFields });
export type CounterpartAuthorityInput = z.input<typeof saveCounterpartAuthoritySchema>;
export type ValidCounterpartAuthority = z.output<typeof saveCounterpartAuthoritySchema>;

export const domesticAuthorityFields = {
  name: requiredText(300),
  email: optionalEmail,
  phone: optionalPhone,
  address: optionalText(500),
  notes: optionalText(4000),
};
export const saveDomesticAuthoritySchema = z.strictObject({ ...saveId, ...domesticAuthorityFields });
export type DomesticAuthorityInput = z.input<typeof saveDomesticAuthoritySchema>;
export type ValidDomesticAuthority = z.output<typeof saveDomesticAuthoritySchema>;

export const serviceProviderFields = {
  name: requiredText(200),
  country: optionalCountry,
  /** How law enforcement reaches them: portal, address for orders, emergency line. */
  lawEnforcementContact: optionalText(2000),
  notes: optionalText(4000),
};
export const saveServiceProviderSchema = z.strictObject({ ...saveId, ...serviceProviderFields });
export type ServiceProviderInput = z.input<typeof saveServiceProviderSchema>;
export type ValidServiceProvider = z.output<typeof saveServiceProviderSchema>;

const stored = { id: entryId, updatedAt: z.string() };
const nullableText = z.string().nullable();

export const counterpartAuthoritySchema = z.object({
  ...stored,
  country: z.string(),
  name: z.string(),
  email: nullableText,
  phone: nullableText,
  address: nullableText,
  notes: nullableText,
});
export type CounterpartAuthority = z.infer<typeof counterpartAuthoritySchema>;

export const domesticAuthoritySchema = z.object({
  ...stored,
  name: z.string(),
  email: nullableText,
  phone: nullableText,
  address: nullableText,
  notes: nullableText,
});
export type DomesticAuthority = z.infer<typeof domesticAuthoritySchema>;

export const serviceProviderSchema = z.object({
  ...stored,
  name: z.string(),
  country: nullableText,
  lawEnforcementContact: nullableText,
  notes: nullableText,
});
export type ServiceProvider = z.infer<typeof serviceProviderSchema>;

export const counterpartListSchema = z.strictObject({
  country: z.string().trim().toUpperCase().length(2, zodMessage('field.countryLetters')).optional(),
});
export type ValidCounterpartList = z.output<typeof counterpartListSchema>;

export const deleteEntrySchema = z.strictObject({ id: entryId });
export const deletedSchema = z.object({ id: entryId });

/** The request fields whose names the directories suggest. */
export const SUGGEST_FIELDS = ['counterpartAuthority', 'domesticAuthority', 'serviceProvider'] as const;
export type SuggestField = (typeof SUGGEST_FIELDS)[number];

export const suggestSchema = z.strictObject({
  field: z.enum(SUGGEST_FIELDS),
  /** Counterpart authorities only: those of this country (the other fields ignore it). */
  country: z.string().trim().toUpperCase().length(2, zodMessage('field.countryLetters')).optional(),
});
export type SuggestQuery = z.input<typeof suggestSchema>;
export type ValidSuggestQuery = z.output<typeof suggestSchema>;
