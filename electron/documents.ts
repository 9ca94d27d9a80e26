import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { documentHeaders, safeFileName } from '../api/document-headers.ts';
import { type ApiError, apiError, type Envelope } from '../contract/errors.ts';
import type { MessageKey, MessageParams } from '../contract/messages.ts';
import { type DocumentKeys, readStoredDocument } from '../db/keys/document-cipher.ts';

/**
 * Stored documents as the main process handles them: served to our page under
 * app://mla-desk/documents/<id>/content, and opened outside as a private read-only copy.
 * The database process says where a document's file is (db-protocol 'locate').
 */

export type Locate = (documentId: number) => Promise<Envelope<unknown>>;

export const DOCUMENT_PATH = /^\/documents\/(\d{1,12})\/content$/;

/** What the database process answers, checked again here: it crosses a process boundary. */
const locatedSchema = z.object({
  file: z.string().refine((f) => path.isAbsolute(f), { message: 'must be an absolute path' }),
  /** The stored file is encrypted (db/keys/document-cipher.ts). */
  sealed: z.boolean(),
  document: z.object({
    id: z.number().int(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    mediaType: z.string().max(200),
    originalName: z.string(),
    size: z.number().int().nonnegative(),
  }),
});
export type Located = z.infer<typeof locatedSchema>;

const failure = (code: ApiError['code'], key: MessageKey, params?: MessageParams): { ok: false; error: ApiError } => ({
  ok: false,
  error: apiError(code, key, params),
});

export async function locateDocument(locate: Locate, documentId: number): Promise<Envelope<Located>> {
  const reply = await locate(documentId);
  if (!reply.ok) return reply;
  const parsed = locatedSchema.safeParse(reply.value);
  return parsed.success ? { ok: true, value: parsed.data } : failure('internal', 'shell.noUsableFile');
}

/** The document id of an app:// path, or null when the path is not a document's. */
export function documentIdOf(pathname: string): number | null {
  const id = Number(DOCUMENT_PATH.exec(pathname)?.[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A refusal as the web server's document route gives it: an envelope the page says in its language. */
function refusal(status: number, error: ApiError): Response {
  return new Response(JSON.stringify({ ok: false, error }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Security-Policy': "default-src 'none'" },
  });
}

/** Streams a stored document to our page (the page fetches it and previews or saves it itself). */
export async function serveDocument(documentId: number, locate: Locate, keys: DocumentKeys | null): Promise<Response> {
  const located = await locateDocument(locate, documentId);
  if (!located.ok) return refusal(located.error.code === 'not_found' ? 404 : 500, located.error);
  const { file, document, sealed } = located.value;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return refusal(404, apiError('not_found', 'shell.storedFileMissing'));
  if (sealed && !keys) return refusal(500, apiError('internal', 'shell.keyUnavailable'));
  // Decrypted on the way for an encrypted register; the size is the one recorded at attachment.
  const content = readStoredDocument(sealed ? keys : null, file);
  // Node's web stream and the Response body type are the same thing under two declarations.
  const body = Readable.toWeb(content) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: documentHeaders(document) });
}

/** The name a copy is made under (api/document-headers.ts, shared with the download headers). */
export { safeFileName };

export interface OpenDeps {
  locate: Locate;
  /** Makes the verified copy (the contract's documents.saveCopy, which also records it). */
  saveCopy(documentId: number, file: string): Promise<Envelope<unknown>>;
  /** A folder for this app's open copies, private to the user. */
  copiesDir: string;
  /** shell.openPath: an empty string on success, else the reason. */
  openPath(file: string): Promise<string>;
}

/**
 * Opens a document outside MLA Desk: a fresh private folder, a verified copy under the
 * original name, made read-only, handed to the system. The stored file is never exposed.
 */
export async function openDocumentCopy(deps: OpenDeps, documentId: number): Promise<Envelope<null>> {
  const located = await locateDocument(deps.locate, documentId);
  if (!located.ok) return located;
  fs.mkdirSync(deps.copiesDir, { recursive: true, mode: 0o700 });
  const dir = fs.mkdtempSync(path.join(deps.copiesDir, 'doc-'));
  const file = path.join(dir, safeFileName(located.value.document.originalName));
  if (path.dirname(file) !== dir) return failure('internal', 'shell.nameUnusable');
  const saved = await deps.saveCopy(documentId, file);
  if (!saved.ok) {
    fs.rmSync(dir, { recursive: true, force: true });
    return saved;
  }
  fs.chmodSync(file, 0o444);
  const problem = await deps.openPath(file);
  if (problem !== '') return failure('internal', 'shell.noApplication', { file: path.basename(file), reason: problem });
  return { ok: true, value: null };
}

/** Removes the open copies of earlier sessions (called at start, before any is made). */
export function sweepOpenCopies(copiesDir: string): void {
  if (!fs.existsSync(copiesDir)) return;
  for (const entry of fs.readdirSync(copiesDir)) {
    const dir = path.join(copiesDir, entry);
    try {
      for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o600);
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Still open in another application (Windows locks it): left for the next start.
    }
  }
}
