import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createApiHost } from '../api/host.ts';
import { apiError, type Envelope, type ErrorCode } from '../contract/errors.ts';
import type { MessageKey } from '../contract/messages.ts';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../renderer/serving.ts';
import { DOCUMENT_CONTENT, sendDocumentContent } from './document-routes.ts';
import { receiveUpload, sendDownload } from './file-routes.ts';
import { resolveStaticFile } from './static.ts';

export interface WebServerOptions {
  port: number;
  databaseFile: string;
  migrationsFolder: string;
  rendererDir: string;
  app: { name: string; version: string; keyStore?: 'os' | 'file' };
  /** The register's key (db/keys/); without one the register must be plain. */
  key?: Buffer | undefined;
  /** Fixed token for tests; by default a random one per start. */
  token?: string;
}

export interface WebServer {
  url: string;
  /** The page address with the token in its fragment (never sent to the server in a request line). */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;
const API_PREFIX = '/api/';
const UPLOAD_PATH = '/upload';
const DOWNLOAD_PREFIX = '/download/';
const DOCUMENTS_PREFIX = '/documents/';

function send(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function refuse(res: http.ServerResponse, status: number, code: ErrorCode, key: MessageKey) {
  send(res, status, { ok: false, error: apiError(code, key) });
}

/** The body as text, or null when it exceeds MAX_BODY (the rest is drained, not read into memory). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The header carrying the signed-in session's token (accounts.signIn hands it to the page),
 * beside the per-start bearer token that every private route needs first.
 */
export const SESSION_HEADER = 'x-mla-session';

function sessionOf(req: http.IncomingMessage): string | null {
  const value = req.headers[SESSION_HEADER];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * A request Node's parser refuses before the handler sees it (a request line or headers over
 * the limit, bytes that are not HTTP): answered with a JSON envelope like every other refusal,
 * rather than Node's bare status line, and the connection closed.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, key] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ([431, 'Request Header Fields Too Large', 'web.headersTooLong'] as const)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([408, 'Request Timeout', 'web.tooSlow'] as const)
        : ([400, 'Bad Request', 'web.notHttp'] as const);
  const body = JSON.stringify({ ok: false, error: apiError('invalid_input', key) });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The check of every private route (API, uploads, downloads, document contents): no foreign
 * Origin, and the session's bearer token. Null when the call may go on.
 */
export function privateRouteRefusal(
  headers: http.IncomingHttpHeaders,
  origin: string,
  token: string,
): { status: number; code: ErrorCode; key: MessageKey } | null {
  if (headers.origin !== undefined && headers.origin !== origin) {
    return { status: 403, code: 'denied', key: 'web.foreignOrigin' };
  }
  const auth = headers.authorization ?? '';
  if (!auth.startsWith('Bearer ') || !tokensEqual(auth.slice(7), token)) {
    return { status: 401, code: 'unauthorised', key: 'web.noToken' };
  }
  return null;
}

/**
 * Serves the renderer and the API contract over HTTP on 127.0.0.1 only. Every API call must
 * carry the per-start token, come with our own Host (no DNS rebinding) and, if the browser
 * names an Origin, our own origin. The handlers are the very ones Electron uses.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = createApiHost({
    databaseFile: options.databaseFile,
    migrationsFolder: options.migrationsFolder,
    key: options.key,
    app: options.app,
  });
  const token = options.token ?? crypto.randomBytes(32).toString('hex');
  let origin = '';

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      if (req.headers.host !== new URL(origin).host) return refuse(res, 421, 'denied', 'web.wrongHost');
      const pathname = url.split('?')[0] ?? '/';
      const isPrivate =
        url.startsWith(API_PREFIX) ||
        url === UPLOAD_PATH ||
        url.startsWith(DOWNLOAD_PREFIX) ||
        pathname.startsWith(DOCUMENTS_PREFIX);
      const refusal = isPrivate ? privateRouteRefusal(req.headers, origin, token) : null;
      if (refusal) return refuse(res, refusal.status, refusal.code, refusal.key);
      if (pathname.startsWith(DOCUMENTS_PREFIX)) {
        if (req.method !== 'GET') return refuse(res, 405, 'invalid_input', 'web.documentsUseGet');
        if (!DOCUMENT_CONTENT.test(pathname)) return refuse(res, 404, 'not_found', 'web.noSuchDocument');
        const locate = (id: number) => host.locateDocument(id, sessionOf(req));
        return sendDocumentContent(
          pathname,
          locate,
          (located) => host.readDocument(located),
          res,
          (status, envelope) => send(res, status, envelope),
        );
      }
      // Files in and out need a signed-in person too (what they may do with them is the channels' to say).
      if ((url === UPLOAD_PATH || url.startsWith(DOWNLOAD_PREFIX)) && (await host.signedIn(sessionOf(req))) === null) {
        if (url === UPLOAD_PATH) req.resume();
        return refuse(res, 401, 'unauthenticated', 'web.signInFirst');
      }
      if (url === UPLOAD_PATH) {
        if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'web.uploadsUsePost');
        return receiveUpload(req, host.files, (status, envelope) => send(res, status, envelope));
      }
      if (url.startsWith(DOWNLOAD_PREFIX)) {
        if (req.method !== 'GET') return refuse(res, 405, 'invalid_input', 'web.downloadsUseGet');
        if (await sendDownload(url.slice(DOWNLOAD_PREFIX.length), host.files, res)) return;
        return refuse(res, 404, 'not_found', 'web.noSuchDownload');
      }
      if (url.startsWith(API_PREFIX)) {
        if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'web.callsUsePost');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'invalid_input', 'web.callsSendJson');
        }
        if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
          res.setHeader('connection', 'close');
          return refuse(res, 413, 'invalid_input', 'web.callTooLarge');
        }
        const body = await readBody(req);
        if (body === null) return refuse(res, 413, 'invalid_input', 'web.callTooLarge');
        let input: unknown;
        try {
          input = body === '' ? {} : JSON.parse(body);
        } catch {
          return refuse(res, 400, 'invalid_input', 'web.notJson');
        }
        let channel: string;
        try {
          channel = decodeURIComponent(url.slice(API_PREFIX.length));
        } catch {
          return refuse(res, 404, 'unknown_channel', 'web.noSuchChannel');
        }
        return send(res, 200, await host.handle(channel, input, sessionOf(req)));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'invalid_input', 'web.onlyGet');
      const file = resolveStaticFile(options.rendererDir, url);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('Not found');
      }
      res.writeHead(200, {
        'content-type': contentTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    })().catch((e: unknown) => {
      // The client went away mid-call (a closed tab, a cancelled upload): nothing failed here.
      if (req.destroyed && (e as NodeJS.ErrnoException).code === 'ECONNRESET') {
        res.destroy();
        return;
      }
      console.error('Web server request failed', e);
      if (!res.headersSent) send(res, 500, { ok: false, error: apiError('internal', 'web.serverFailed') });
      else res.destroy();
    });
  });

  server.on('clientError', answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    openUrl: `${origin}/#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          host.close();
          resolve();
        });
      }),
  };
}
