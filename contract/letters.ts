import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import {
  CORRESPONDENCE_CHANNELS,
  type Direction,
  type DocumentDirection,
  type DocumentType,
  type EventType,
  type Kind,
  KINDS,
} from './codes.ts';
import { isoDate } from './dates.ts';
import { hasControlCharacters, recordId } from './documents.ts';
import { fileSourceSchema, fileTargetSchema } from './files.ts';
import { zodMessage } from './messages.ts';
import { requestId, requiredText } from './requests.ts';

/**
 * Letters the office generates from a request (issue 8, part 4): eight templates, each kept per
 * language, rendered to DOCX and PDF and stored as documents of the request. The template text
 * is Liquid producing the small block markup of db/letters/markup.ts.
 */
export const LETTER_CODES = [
  'letter_of_request',
  'preservation_request',
  'emergency_disclosure_request',
  'acknowledgement',
  'additional_information_request',
  'transmission_to_executing_authority',
  'reminder',
  'returned_evidence_cover',
] as const;
export type LetterCode = (typeof LETTER_CODES)[number];

export interface LetterTemplateSpec {
  /** The requests it is written for. */
  directions: readonly Direction[];
  kinds: readonly Kind[];
  /** How the generated files are kept among the request's documents. */
  documentType: DocumentType;
  documentDirection: DocumentDirection;
  /** The history event a sent letter records (a reminder is one; the others are noted). */
  sentEvent: Extract<EventType, 'reminder_sent' | 'note'>;
}

const EVERY_KIND = KINDS;

export const LETTER_TEMPLATES: Readonly<Record<LetterCode, LetterTemplateSpec>> = {
  // The formal request (UNTOC art. 18(15)); a disclosure request through the same channel too.
  letter_of_request: {
    directions: ['outgoing'],
    kinds: ['mla', 'disclosure'],
    documentType: 'request',
    documentDirection: 'outgoing',
    sentEvent: 'note',
  },
  preservation_request: {
    directions: ['outgoing'],
    kinds: ['preservation'],
    documentType: 'request',
    documentDirection: 'outgoing',
    sentEvent: 'note',
  },
  emergency_disclosure_request: {
    directions: ['outgoing'],
    kinds: ['emergency_disclosure'],
    documentType: 'request',
    documentDirection: 'outgoing',
    sentEvent: 'note',
  },
  acknowledgement: {
    directions: ['incoming'],
    kinds: EVERY_KIND,
    documentType: 'acknowledgement',
    documentDirection: 'outgoing',
    sentEvent: 'note',
  },
  additional_information_request: {
    directions: ['incoming'],
    kinds: EVERY_KIND,
    documentType: 'correspondence',
    documentDirection: 'outgoing',
    sentEvent: 'note',
  },
  transmission_to_executing_authority: {
    directions: ['incoming'],
    kinds: EVERY_KIND,
    documentType: 'correspondence',
    documentDirection: 'outgoing',
    sentEvent: 'note',
  },
  reminder: {
    directions: ['outgoing'],
    kinds: EVERY_KIND,
    documentType: 'correspondence',
    documentDirection: 'outgoing',
    sentEvent: 'reminder_sent',
  },
  returned_evidence_cover: {
    directions: ['incoming'],
    kinds: EVERY_KIND,
    documentType: 'correspondence',
    documentDirection: 'outgoing',
    sentEvent: 'note',
  },
};

/** The templates written for a request of this direction and kind, in the list's order. */
export function lettersFor(direction: Direction, kind: Kind): LetterCode[] {
  return LETTER_CODES.filter((code) => {
    const spec = LETTER_TEMPLATES[code];
    return spec.directions.includes(direction) && spec.kinds.includes(kind);
  });
}

/** A template's text is bounded: a letter is a few pages, and each save renders it in full. */
export const TEMPLATE_MAX_CHARS = 50_000;
/** A logo is printed a few centimetres wide: 1 MB is plenty, and keeps the register small. */
export const LOGO_MAX_BYTES = 1024 * 1024;
export const ADDRESS_MAX_LINES = 6;

export const letterCodeSchema = z.enum(LETTER_CODES);
export const letterLanguageSchema = z.enum(LANGUAGES);

/**
 * Where a language's template comes from: the office's own text, the default shipped for that
 * language, or (no default in that language yet) the English default, which the screens say.
 */
export const TEMPLATE_SOURCES = ['custom', 'default', 'englishDefault'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

export const templateInfoSchema = z.object({
  code: letterCodeSchema,
  language: letterLanguageSchema,
  source: z.enum(TEMPLATE_SOURCES),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TemplateInfo = z.infer<typeof templateInfoSchema>;

export const templateSchema = templateInfoSchema.extend({
  body: z.string(),
  /** What "restore default" brings back (the English default where the language has none). */
  defaultBody: z.string(),
});
export type LetterTemplate = z.infer<typeof templateSchema>;

export const templateKeySchema = z.strictObject({ code: letterCodeSchema, language: letterLanguageSchema });

const templateBody = z
  .string(zodMessage('field.required'))
  .max(TEMPLATE_MAX_CHARS, zodMessage('field.maxLength'))
  .refine((s) => s.trim() !== '', zodMessage('field.required'));

export const saveTemplateSchema = templateKeySchema.extend({ body: templateBody });
export type SaveTemplateInput = z.input<typeof saveTemplateSchema>;

/** One block of a rendered letter (db/letters/markup.ts), each line as it is printed. */
export const letterBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('title'), lines: z.array(z.string()) }),
  z.object({ type: z.literal('heading'), lines: z.array(z.string()) }),
  z.object({ type: z.literal('paragraph'), lines: z.array(z.string()), align: z.enum(['start', 'end']) }),
  z.object({ type: z.literal('item'), lines: z.array(z.string()) }),
  z.object({ type: z.literal('row'), label: z.array(z.string()), value: z.array(z.string()) }),
]);
export type LetterBlock = z.infer<typeof letterBlockSchema>;

export const letterheadViewSchema = z.object({
  officeName: z.string(),
  addressLines: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  logo: z
    .object({
      name: z.string(),
      mediaType: z.enum(['image/png', 'image/jpeg']),
      bytes: z.number().int(),
      width: z.number().int(),
      height: z.number().int(),
    })
    .nullable(),
});
export type LetterheadView = z.infer<typeof letterheadViewSchema>;

export const previewSchema = z.object({
  code: letterCodeSchema,
  language: letterLanguageSchema,
  direction: z.enum(['ltr', 'rtl']),
  /** The template used is the English default: the language has none of its own yet. */
  fallback: z.boolean(),
  letterhead: letterheadViewSchema,
  blocks: z.array(letterBlockSchema),
});
export type LetterPreview = z.infer<typeof previewSchema>;

export const previewLetterSchema = z.strictObject({
  requestId,
  code: letterCodeSchema,
  language: letterLanguageSchema,
});

/** The editor's preview of text not saved yet, against a request or (none chosen) the sample request. */
export const previewTemplateSchema = templateKeySchema.extend({
  body: templateBody,
  requestId: requestId.nullable().default(null),
});

export const generateLetterSchema = previewLetterSchema;

/** A letter generated for a request: its two files, and the correspondence entry once sent. */
export const generatedLetterSchema = z.object({
  id: recordId,
  requestId,
  code: letterCodeSchema,
  language: letterLanguageSchema,
  docxDocumentId: recordId,
  pdfDocumentId: recordId,
  docxName: z.string(),
  pdfName: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  sentCorrespondenceId: recordId.nullable(),
  sentOn: z.string().nullable(),
});
export type GeneratedLetter = z.infer<typeof generatedLetterSchema>;

export const markSentSchema = z.strictObject({
  id: recordId,
  onDate: isoDate,
  channel: z.enum(CORRESPONDENCE_CHANNELS),
  /** What the correspondence log and the history say (the dialog proposes one). */
  summary: requiredText(4000),
  /** Which of the two files went: the PDF, the DOCX, or both. */
  files: z.enum(['pdf', 'docx', 'both']).default('pdf'),
});
export type MarkSentInput = z.input<typeof markSentSchema>;
export type ValidMarkSent = z.output<typeof markSentSchema>;

const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, zodMessage('field.maxLength'))
    .refine((s) => !hasControlCharacters(s), zodMessage('field.noControlCharacters'))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

/** The logo: keep the one stored, remove it, or take a PNG or JPEG file (checked when read). */
export const logoChangeSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('keep') }),
  z.strictObject({ action: z.literal('remove') }),
  z.strictObject({ action: z.literal('replace'), source: fileSourceSchema, name: z.string().trim().min(1).max(255) }),
]);

/** The letterhead's lines; its office name is the setting of that name (Settings → Office), kept in one place. */
export const saveLetterheadSchema = z.strictObject({
  addressLines: z
    .array(
      z
        .string()
        .trim()
        .max(200, zodMessage('field.maxLength'))
        .refine((s) => !hasControlCharacters(s), zodMessage('field.noControlCharacters')),
    )
    .max(ADDRESS_MAX_LINES)
    .default([])
    .transform((lines) => lines.filter((l) => l !== '')),
  phone: optionalLine(60),
  email: optionalLine(200),
  logo: logoChangeSchema.default({ action: 'keep' }),
});
export type SaveLetterheadInput = z.input<typeof saveLetterheadSchema>;
export type ValidSaveLetterhead = z.output<typeof saveLetterheadSchema>;

/** The one-page-per-section case summary of a request (issue 8, part 5), saved where the person says. */
export const caseSummarySchema = z.strictObject({
  requestId,
  language: letterLanguageSchema.default('en'),
  target: fileTargetSchema,
});
export type CaseSummaryInput = z.input<typeof caseSummarySchema>;
