import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentDisposition, safeFileName } from '../api/document-headers.ts';
import { type FileAreas, isFileId, newFileId } from '../api/files.ts';
import { apiError, type Envelope } from '../contract/errors.ts';

/** Uploads as large as office evidence files get; streamed to disk, never held in memory. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

type Reply = (status: number, envelope: Envelope<unknown>) => void;

/** POST /upload: the body, as it streams in, becomes a file in the uploads area. */
export async function receiveUpload(req: http.IncomingMessage, areas: FileAreas, reply: Reply): Promise<void> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
    req.resume();
    return reply(413, { ok: false, error: apiError('invalid_input', 'web.uploadTooLarge') });
  }
  fs.mkdirSync(areas.uploadsDir, { recursive: true });
  const id = newFileId();
  const file = path.join(areas.uploadsDir, id);
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
  });
  try {
    await pipeline(req, fs.createWriteStream(file, { flags: 'wx' }));
  } catch {
    fs.rmSync(file, { force: true });
    return reply(400, { ok: false, error: apiError('invalid_input', 'web.uploadIncomplete') });
  }
  reply(200, { ok: true, value: { id, size } });
}

/** GET /download/<id>: a file the app produced for this browser, sent once and then removed. */
export async function sendDownload(id: string, areas: FileAreas, res: http.ServerResponse): Promise<boolean> {
  if (!isFileId(id)) return false;
  const file = path.join(areas.downloadsDir, id);
  if (!fs.existsSync(file)) return false;
  const name = fs.existsSync(`${file}.name`) ? fs.readFileSync(`${file}.name`, 'utf8') : id;
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(fs.statSync(file).size),
    // The name as a safe file name, and encoded so no character can break the header.
    'content-disposition': contentDisposition(safeFileName(name)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  await pipeline(fs.createReadStream(file), res);
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.name`, { force: true });
  return true;
}
