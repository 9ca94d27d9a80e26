import { z } from 'zod';
import {
  ASSISTANCE,
  CHANNELS,
  DIRECTIONS,
  ICCS_SECTIONS,
  IDENTIFIER_TYPES,
  KINDS,
  LEGAL_BASES,
  PARTY_ROLES,
  URGENCIES,
} from './codes.ts';
import { isCountryCode } from './countries.ts';
import { isoDate } from './dates.ts';
import { isLanguageCode } from './language-codes.ts';
import { zodMessage } from './messages.ts';

/** Optional free text: trimmed, empty means "no value", bounded so a paste cannot bloat the file. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, zodMessage('field.maxLength'))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);

export const requiredText = (max: number) =>
  z
    .string(zodMessage('field.required'))
    .trim()
    .min(1, zodMessage('field.required'))
    .max(max, zodMessage('field.maxLength'));

const optionalCode = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .enum(codes)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const optionalDate = isoDate
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** A list of codes, each at most once, in the order of the code list (so it compares equal). */
const codeList = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .array(z.enum(codes))
    .max(codes.length)
    .default([])
    .transform((list) => codes.filter((c) => list.includes(c)) as T[number][]);

export const countryCode = z.string().trim().toUpperCase().refine(isCountryCode, zodMessage('field.country'));

const optionalCountry = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s.toUpperCase()))
  .refine((s) => s === null || isCountryCode(s), zodMessage('field.country'))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** A moment with its UTC offset, to the minute at least: "2026-03-01T10:15+02:00", "…T08:15:30Z". */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export const dateTimeWithOffset = z
  .string()
  .trim()
  .refine((s) => DATE_TIME_WITH_OFFSET.test(s) && !Number.isNaN(Date.parse(s)), zodMessage('field.dateTimeWithOffset'));

/** An ISO 639-1 code ("fr"), any case typed; empty means "not said". */
const optionalLanguage = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s.toLowerCase()))
  // Kept a string (not narrowed to the code type): stored text read back is a plain string.
  .refine((s): boolean => s === null || isLanguageCode(s), zodMessage('field.languageCode'))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const partySchema = z.strictObject({
  role: z.enum(PARTY_ROLES),
  name: requiredText(300),
  birthDate: optionalDate,
  nationality: optionalCountry,
  /** Where the person or entity is (address, town, country), as far as known. */
  location: optionalText(500),
  identifiers: optionalText(500),
  note: optionalText(2000),
});
export type PartyInput = z.input<typeof partySchema>;
export type Party = z.output<typeof partySchema>;

export const identifierSchema = z
  .strictObject({
    type: z.enum(IDENTIFIER_TYPES),
    value: requiredText(500),
    fromAt: dateTimeWithOffset
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    toAt: dateTimeWithOffset
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    timeZone: optionalText(64),
    note: optionalText(2000),
  })
  .refine((i) => i.fromAt === null || i.toAt === null || Date.parse(i.fromAt) <= Date.parse(i.toAt), {
    path: ['toAt'],
    ...zodMessage('field.rangeEndBeforeStart'),
  });
export type IdentifierInput = z.input<typeof identifierSchema>;
export type Identifier = z.output<typeof identifierSchema>;

/** Everything about a request that a clerk writes and may correct later. */
export const requestFieldsShape = {
  counterpartCountry: countryCode,
  counterpartAuthority: optionalText(300),
  counterpartReference: optionalText(120),
  domesticAuthority: optionalText(300),
  domesticReference: optionalText(120),
  serviceProvider: optionalText(200),
  legalBasis: optionalCode(LEGAL_BASES),
  legalBasisDetail: optionalText(300),
  channel: optionalCode(CHANNELS),
  offences: codeList(ICCS_SECTIONS),
  cyberRelated: z.boolean().default(false),
  offenceDescription: optionalText(1000),
  assistance: codeList(ASSISTANCE),
  urgency: z.enum(URGENCIES).default('normal'),
  counterpartDeadline: optionalDate,
  deadlineNote: optionalText(500),
  assignedTo: optionalText(120),
  summary: optionalText(8000),
  /** Preservation only: the day the preserved data may be released. */
  preservedUntil: optionalDate,
  parties: z.array(partySchema).max(200).default([]),
  identifiers: z.array(identifierSchema).max(500).default([]),
  /*
   * What a formal request must state besides the above (contract/completeness.ts). The register
   * keeps them; the interchange format does not carry them (an import leaves them empty).
   */
  /** The subject and nature of the investigation, prosecution or proceeding. */
  proceedingsNature: optionalText(2000),
  /** The authority conducting the proceedings (often, not always, the one asking). */
  conductingAuthority: optionalText(300),
  /** Any particular procedure the requested state is asked to follow (e.g. an oath, the defence present). */
  procedureToFollow: optionalText(4000),
  /** What the evidence or assistance is for. */
  purpose: optionalText(4000),
  /** Emergency disclosure only: why life or safety is at imminent risk. */
  emergencyJustification: optionalText(4000),
  /** The language the request is written in (ISO 639-1), checked against the counterpart's profile. */
  requestLanguage: optionalLanguage,
  /** This request follows a preservation (linked with a follow-up link); not for a preservation itself. */
  followsPreservation: z.boolean().default(false),
};

/**
 * The fields the interchange format does not carry, as a request imported from it holds them
 * (the import's fast path writes them so: db/interchange/quick-row.ts).
 */
export const FIELDS_NOT_INTERCHANGED = {
  proceedingsNature: null,
  conductingAuthority: null,
  procedureToFollow: null,
  purpose: null,
  emergencyJustification: null,
  requestLanguage: null,
  followsPreservation: false,
} as const;

export const requestFieldsSchema = z.strictObject(requestFieldsShape);
export type RequestFieldsInput = z.input<typeof requestFieldsSchema>;
export type RequestFields = z.output<typeof requestFieldsSchema>;

/** What a clerk gives when registering a request; the reference is generated, never typed. */
export const newRequestSchema = z
  .strictObject({
    direction: z.enum(DIRECTIONS),
    kind: z.enum(KINDS),
    /** Incoming: the day the central authority received it. Outgoing: empty until sent. */
    openedOn: optionalDate,
    ...requestFieldsShape,
  })
  .refine((r) => !(r.direction === 'incoming' && (r.openedOn ?? null) === null), {
    path: ['openedOn'],
    ...zodMessage('field.openedOnIncoming'),
    // Run even when other fields failed, so one reply names every missing field.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });
export type NewRequest = z.input<typeof newRequestSchema>;
export type ValidNewRequest = z.output<typeof newRequestSchema>;

/** A correction of a request's fields: all of them, as the form shows them, on the version seen. */
export const updateRequestSchema = z.strictObject({
  id: z.number().int().positive(),
  expectedVersion: z.number().int().min(1),
  fields: requestFieldsSchema,
});
export type UpdateRequest = z.input<typeof updateRequestSchema>;
export type ValidUpdateRequest = z.output<typeof updateRequestSchema>;
