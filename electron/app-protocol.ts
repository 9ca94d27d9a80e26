import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, contentTypeOf, fileForUrlPath } from '../renderer/serving.ts';
import type { DocumentKeys } from '../db/keys/document-cipher.ts';
import { documentIdOf, type Locate, serveDocument } from './documents.ts';

export { CONTENT_SECURITY_POLICY };

/** The renderer is served from app://mla-desk/, never file://, so it has a real origin of its own. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mla-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of our own page (any path), whatever Chromium reports as their origin. */
export function isAppUrl(raw: string | null | undefined): boolean {
  if (typeof raw !== 'string') return false;
  try {
    const url = new URL(raw);
    // Node's URL gives custom schemes an opaque origin ('null'), so compare scheme and host.
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export type AppRequestTarget = { ok: true; file: string } | { ok: false; status: 400 | 403 | 405; reason: string };

/**
 * Maps a request to a file under `root`, or refuses it. Only GET is served; anything that
 * would resolve outside `root` (dot segments, encoded slashes, drive letters) is refused.
 */
export function resolveAppRequest(method: string, rawUrl: string, root: string): AppRequestTarget {
  if (method !== 'GET') return { ok: false, status: 405, reason: `method ${method} is not allowed` };
  if (!isAppUrl(rawUrl)) return { ok: false, status: 403, reason: 'not our origin' };
  const file = fileForUrlPath(root, new URL(rawUrl).pathname);
  if (file === null) return { ok: false, status: 400, reason: 'malformed path or outside the app folder' };
  return { ok: true, file };
}

function refusal(status: number, reason: string): Response {
  return new Response(reason, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

/**
 * Serves one app:// request from `root`. A path without an extension that is not a file gets
 * index.html, so the renderer's client-side routes survive a reload. With `locate`, the
 * stored documents are served under /documents/<id>/content.
 */
export async function serveAppRequest(
  request: { method: string; url: string },
  root: string,
  locate?: Locate,
  /** The keys of an encrypted register's documents, once known. */
  documentKeys: () => DocumentKeys | null = () => null,
): Promise<Response> {
  const target = resolveAppRequest(request.method, request.url, root);
  if (!target.ok) return refusal(target.status, target.reason);
  const documentId = locate ? documentIdOf(new URL(request.url).pathname) : null;
  if (locate && documentId !== null) {
    // A failure reading the store still answers with a response (and its CSP), never a rejection.
    return serveDocument(documentId, locate, documentKeys()).catch(() =>
      refusal(500, 'the document could not be read'),
    );
  }
  let file = target.file;
  let body = await readFileOrNull(file);
  if (body === null && path.extname(file) === '') {
    file = path.join(path.resolve(root), 'index.html');
    body = await readFileOrNull(file);
  }
  if (body === null) return refusal(404, 'not found');
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}
