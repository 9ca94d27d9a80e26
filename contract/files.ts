import { z } from 'zod';
import { zodMessage } from './messages.ts';

/**
 * Files cross the boundary by reference, never as bytes in a call. The desktop app names a
 * path (from a native dialog or a dropped file); the browser build uploads the file first
 * (POST /upload, streamed to disk) and names the upload.
 */
const absolutePath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((f) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f), zodMessage('field.absolutePath'));

export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export const fileSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), path: absolutePath }),
  z.strictObject({ kind: z.literal('upload'), id: z.string().regex(UPLOAD_ID, zodMessage('field.notUpload')) }),
]);
export type FileSource = z.infer<typeof fileSourceSchema>;

/** Where a file the app writes goes: a path the person chose, or a download for the browser. */
export const fileTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), path: absolutePath }),
  z.strictObject({ kind: z.literal('download') }),
]);
export type FileTarget = z.infer<typeof fileTargetSchema>;

export const writtenFileSchema = z.object({
  /** The file's name as offered to the person (the download's name). */
  name: z.string(),
  bytes: z.number().int(),
  /** Set for a path target. */
  path: z.string().nullable(),
  /** Set for a download target: GET /download/<id> with the session token. */
  downloadId: z.string().nullable(),
});
export type WrittenFile = z.infer<typeof writtenFileSchema>;
