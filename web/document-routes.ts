import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { AppError, type Envelope } from '../contract/errors.ts';
import { documentHeaders } from '../api/document-headers.ts';
import type { Register } from '../db/register.ts';

/** GET /documents/<id>/content: a stored document's bytes, for the page's previews and downloads. */
export const DOCUMENT_CONTENT = /^\/documents\/(\d{1,12})\/content$/;

type Reply = (status: number, envelope: Envelope<unknown>) => void;

/**
 * Streams a document named by its id in the path. The path is looked up in the register; no
 * part of the URL ever becomes part of a file path.
 */
export async function sendDocumentContent(
  pathname: string,
  register: Register,
  res: http.ServerResponse,
  reply: Reply,
): Promise<void> {
  const id = Number(DOCUMENT_CONTENT.exec(pathname)?.[1]);
  if (!Number.isSafeInteger(id) || id <= 0) {
    return reply(404, { ok: false, error: { code: 'not_found', message: 'There is no such document.' } });
  }
  let located: Awaited<ReturnType<Register['documents']['locate']>>;
  try {
    located = await register.documents.locate(id);
  } catch (e) {
    if (e instanceof AppError) return reply(e.code === 'not_found' ? 404 : 500, { ok: false, error: e.toApiError() });
    throw e;
  }
  const stat = fs.statSync(located.file, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    const message = 'The stored file of this document is missing from the data folder.';
    return reply(404, { ok: false, error: { code: 'not_found', message } });
  }
  res.writeHead(200, documentHeaders({ ...located.document, size: stat.size }));
  try {
    await pipeline(fs.createReadStream(located.file), res);
  } catch {
    // The page closed a preview before the file was through: nothing to report.
    res.destroy();
  }
}
