import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type WebServer, startWebServer } from '../../web/server.ts';
import { countRows } from './sqlite-files.ts';
import { MIGRATIONS, tempDir } from './temp-register.ts';

export const TOKEN = 'test-token-0123456789abcdef';
export const INDEX_HTML =
  '<!doctype html><html><head><title>MLA Desk</title></head><body><div id="root"></div></body></html>';
export const SECRET = 'TOP-SECRET-CONTENT-OUTSIDE-THE-RENDERER';

export interface TestServer {
  server: WebServer;
  port: number;
  databaseFile: string;
  rendererDir: string;
  /** The clerk's session, which api() sends unless told otherwise. */
  session: string;
  /** Audit entries the accounts' set-up wrote (the administrator, the clerk, the sign-ins). */
  auditEntriesAtStart: number;
}

/** The people every test server has; all share one password. */
export const PASSWORD = 'correct horse battery staple';
export const ADMIN = { username: 'ada', displayName: 'Ada Admin' };
export const CLERK = { username: 'amina', displayName: 'Amina Clerk' };

/** The session each test server's api() calls send, by port. */
const sessions = new Map<number, string>();

const running: WebServer[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()?.close();
});

/**
 * A web server on a free port over a temp data folder, serving a small renderer folder. A
 * secret file lies beside (outside) the renderer folder, for the path-traversal tests.
 */
export async function startTestServer(): Promise<TestServer> {
  const root = tempDir();
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(root, 'package.json'), `{"secret": "${SECRET}"}`);
  const databaseFile = path.join(root, 'data', 'register.sqlite');
  const server = await startWebServer({
    port: 0,
    databaseFile,
    migrationsFolder: MIGRATIONS,
    rendererDir,
    app: { name: 'MLA Desk', version: '0.0.0-test' },
    token: TOKEN,
  });
  running.push(server);
  const port = Number(new URL(server.url).port);
  const session = await signInClerk(port);
  sessions.set(port, session);
  return {
    server,
    port,
    databaseFile,
    rendererDir,
    session,
    auditEntriesAtStart: countRows(databaseFile, 'audit_log'),
  };
}

async function valueOf(reply: Promise<Reply>): Promise<Record<string, unknown>> {
  const envelope = json(await reply);
  if (!envelope.ok) throw new Error(`set-up call refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value as Record<string, unknown>;
}

/** First run over HTTP: the administrator, who adds the clerk; answers the clerk's session. */
async function signInClerk(port: number): Promise<string> {
  const none = { 'x-mla-session': '' };
  const admin = await valueOf(api(port, 'accounts.createFirstAdministrator', { ...ADMIN, password: PASSWORD }, none));
  const asAdmin = { 'x-mla-session': String(admin['token']) };
  await valueOf(api(port, 'accounts.add', { ...CLERK, role: 'clerk', password: PASSWORD }, asAdmin));
  await valueOf(api(port, 'accounts.signOut', {}, asAdmin));
  const clerk = await valueOf(api(port, 'accounts.signIn', { username: CLERK.username, password: PASSWORD }, none));
  return String(clerk['token']);
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Written one by one, the body sent chunked (when no length header is given). */
  chunks?: Buffer[];
}

/** A raw HTTP request, so the test controls every header (Host and Origin included) and every byte. */
export function request(port: number, options: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

/**
 * An API call as our own page makes it: POST, JSON, the token, our origin, and the clerk's
 * session (an `x-mla-session` header given here replaces it; '' sends none).
 */
export function api(
  port: number,
  channel: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return request(port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${TOKEN}`,
      origin: `http://127.0.0.1:${port}`,
      'x-mla-session': sessions.get(port) ?? '',
      ...headers,
    },
    body: JSON.stringify(input),
  });
}

export function json(reply: Reply): {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; fields?: { field: string }[] };
} {
  return JSON.parse(reply.body) as ReturnType<typeof json>;
}
