import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type WebServer, startWebServer } from '../../web/server.ts';
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
}

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
    caller: { name: 'Amina Clerk', roles: ['clerk', 'prosecutor', 'manager', 'administrator'] },
    token: TOKEN,
  });
  running.push(server);
  return { server, port: Number(new URL(server.url).port), databaseFile, rendererDir };
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
  body?: string;
}

/** A raw HTTP request, so the test controls every header (Host and Origin included). */
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
    req.end(options.body);
  });
}

/** An API call as our own page makes it: POST, JSON, the token, our origin. */
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
