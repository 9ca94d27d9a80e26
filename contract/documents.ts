import { z } from 'zod';
import { CORRESPONDENCE_CHANNELS, DIRECTIONS, DOCUMENT_DIRECTIONS, DOCUMENT_TYPES } from './codes.ts';
import { isoDate } from './dates.ts';
import { fileSourceSchema, fileTargetSchema } from './files.ts';
import { optionalText, requestId, requiredText } from './requests.ts';
import { zodMessage } from './messages.ts';

/** A document or correspondence entry id, as the register hands them out. */
export const recordId = z.number().int().positive();

export const SHA256_HEX = /^[0-9a-f]{64}$/;

const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
export const hasControlCharacters = (s: string): boolean => [...s].some(isControl);
export const replaceControlCharacters = (s: string, by: string): string =>
  [...s].map((c) => (isControl(c) ? by : c)).join('');

/** A file kept with a request. `originalName` is what the file was called: data, never a path. */
export const documentSchema = z.object({
  id: recordId,
  requestId,
  sha256: z.string().regex(SHA256_HEX),
  size: z.number().int().nonnegative(),
  originalName: z.string(),
  mediaType: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  direction: z.enum(DOCUMENT_DIRECTIONS),
  documentDate: z.string(),
  note: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type DocumentRecord = z.infer<typeof documentSchema>;

// Control characters would let a name forge lines in logs or headers; everything else
// (any script, spaces, separators) is kept as typed, since it is never used as a path.
const fileName = z
  .string()
  .trim()
  .min(1, zodMessage('field.required'))
  .max(255, zodMessage('field.maxLength'))
  .refine((s) => !hasControlCharacters(s), zodMessage('field.noControlCharacters'));

export const attachDocumentSchema = z.strictObject({
  requestId,
  source: fileSourceSchema,
  /**
   * The file's name as the person saw it. Needed for an upload (the server only knows its id);
   * for a path, the default is the path's last part.
   */
  name: fileName.optional(),
  type: z.enum(DOCUMENT_TYPES),
  direction: z.enum(DOCUMENT_DIRECTIONS),
  documentDate: isoDate,
  note: optionalText(2000),
});
export type AttachDocumentInput = z.input<typeof attachDocumentSchema>;
export type ValidAttachDocument = z.output<typeof attachDocumentSchema>;

/** What a hash re-check found: the bytes on disk still have the SHA-256 recorded at attachment. */
export const verificationSchema = z.object({
  id: recordId,
  sha256: z.string(),
  intact: z.boolean(),
  /** The stored file is gone from the data folder. */
  missing: z.boolean(),
  /** The SHA-256 of the bytes found now; null when the file is missing. */
  actualSha256: z.string().nullable(),
  checkedAt: z.string(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const saveCopySchema = z.strictObject({ id: recordId, target: fileTargetSchema });

const linkedDocumentSchema = z.object({
  id: recordId,
  originalName: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  documentDate: z.string(),
});

/** One message to or from the counterpart, with the documents it carried. */
export const correspondenceSchema = z.object({
  id: recordId,
  requestId,
  onDate: z.string(),
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CORRESPONDENCE_CHANNELS),
  summary: z.string(),
  documents: z.array(linkedDocumentSchema),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type CorrespondenceEntry = z.infer<typeof correspondenceSchema>;

const correspondenceFields = {
  onDate: isoDate,
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CORRESPONDENCE_CHANNELS),
  summary: requiredText(4000),
  /** Documents of the same request that the message carried; each at most once. */
  documentIds: z
    .array(recordId)
    .max(200)
    .default([])
    .transform((ids) => [...new Set(ids)]),
};

export const addCorrespondenceSchema = z.strictObject({ requestId, ...correspondenceFields });
export type AddCorrespondenceInput = z.input<typeof addCorrespondenceSchema>;
export type ValidAddCorrespondence = z.output<typeof addCorrespondenceSchema>;

/** A correction of an entry: every field given again; the audit log keeps what it was. */
export const updateCorrespondenceSchema = z.strictObject({ id: recordId, ...correspondenceFields });
export type UpdateCorrespondenceInput = z.input<typeof updateCorrespondenceSchema>;
export type ValidUpdateCorrespondence = z.output<typeof updateCorrespondenceSchema>;
