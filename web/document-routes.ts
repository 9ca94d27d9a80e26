import fs from 'node:fs';
import type http from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { apiError, type Envelope } from '../contract/errors.ts';
import { documentHeaders } from '../api/document-headers.ts';
import type { LocatedDocument } from '../db/documents/store.ts';

/** GET /documents/<id>/content: a stored document's bytes, for the page's previews and downloads. */
export const DOCUMENT_CONTENT = /^\/documents\/(\d{1,12})\/content$/;

type Reply = (status: number, envelope: Envelope<unknown>) => void;

/** The API host's answer: where the file is, if the session's caller may read the document. */
type Locate = (documentId: number) => Promise<Envelope<LocatedDocument>>;

const STATUS: Partial<Record<string, number>> = { not_found: 404, denied: 403, unauthenticated: 401 };

/**
 * Streams a document named by its id in the path. The path is looked up in the register; no
 * part of the URL ever becomes part of a file path.
 */
export async function sendDocumentContent(
  pathname: string,
  locate: Locate,
  /** The document's bytes as attached (the store decrypts an encrypted register's). */
  read: (located: LocatedDocument) => Readable,
  res: http.ServerResponse,
  reply: Reply,
): Promise<void> {
  const id = Number(DOCUMENT_CONTENT.exec(pathname)?.[1]);
  if (!Number.isSafeInteger(id) || id <= 0) {
    return reply(404, { ok: false, error: apiError('not_found', 'web.noSuchDocument') });
  }
  const answer = await locate(id);
  if (!answer.ok) return reply(STATUS[answer.error.code] ?? 500, answer);
  const located = answer.value;
  const stat = fs.statSync(located.file, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    return reply(404, { ok: false, error: apiError('not_found', 'document.storedFileMissing') });
  }
  // The size recorded at attachment: what the reader yields, whatever the file on disk holds.
  res.writeHead(200, documentHeaders(located.document));
  try {
    await pipeline(read(located), res);
  } catch {
    // The page closed a preview before the file was through: nothing to report.
    res.destroy();
  }
}
