import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../contract/channels.ts';
import { ERROR_CODES } from '../../contract/errors.ts';
import { anyValue, FUZZ_SEED, hostileString, parsedJson } from '../api/fuzz/values.ts';
import { countRows } from '../helpers/sqlite-files.ts';
import {
  api,
  type Reply,
  request,
  type RequestOptions,
  type TestServer,
  TOKEN,
  startTestServer,
} from '../helpers/web.ts';

/**
 * The loopback HTTP transport fed what a browser, a script or a broken proxy could send:
 * bodies that are not JSON or not text, wrong content types, bodies over the limit (declared
 * or streamed), wrong methods, odd channel paths. Each answer must be a 4xx (or, for JSON that
 * parses, the dispatcher's envelope) with a JSON error, never a 500, a dropped connection or a
 * dead server, and the register must not change.
 */

/** One request with full control of the bytes; POST unless told otherwise. */
const send = (port: number, options: RequestOptions) => request(port, { method: 'POST', ...options });

let t: TestServer;
let requests = 0;
let rowsAtStart: number[] = [];
const auth = () => ({
  authorization: `Bearer ${TOKEN}`,
  origin: `http://127.0.0.1:${t.port}`,
  'x-mla-session': t.session,
});
const registerRows = () =>
  ['requests', 'status_history', 'audit_log', 'documents'].map((table) => countRows(t.databaseFile, table));

// One server per test: the web helper closes its servers after each.
beforeEach(async () => {
  t = await startTestServer();
  rowsAtStart = registerRows();
}, 60_000);

afterAll(() => {
  console.log(`fuzz-http: ${requests} malformed requests sent to the web server`);
});

/** A JSON error envelope with a known code (never internal) and a message. */
function expectJsonError(reply: Pick<Reply, 'status' | 'body'>, what: string): void {
  requests += 1;
  expect(reply.status, `${what}: ${reply.body.slice(0, 200)}`).not.toBe(500);
  const envelope = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
  if (reply.status === 200) {
    // JSON that parsed reached the dispatcher: its envelope is the answer.
    if (envelope.ok) return;
  } else {
    expect(reply.status, what).toBeGreaterThanOrEqual(400);
    expect(reply.status, what).toBeLessThan(500);
    expect(envelope.ok).toBe(false);
  }
  expect(ERROR_CODES).toContain(envelope.error?.code);
  expect(envelope.error?.code).not.toBe('internal');
  expect(envelope.error?.message.trim()).not.toBe('');
}

/**
 * The server still answers a proper call (a public one: a fuzzed accounts.signOut may have
 * ended the session), and, unless calls may have been accepted, nothing was written.
 */
async function expectAlive(nothingWritten = true): Promise<void> {
  const reply = await api(t.port, 'accounts.status', {}, { 'x-mla-session': '' });
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  if (nothingWritten) expect(registerRows()).toEqual(rowsAtStart);
}

const json = { 'content-type': 'application/json' };

describe('fuzzing the web server with malformed HTTP', () => {
  it('answers bodies that are not JSON, or not text, with 400 and a JSON error (an envelope if they parse)', async () => {
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
      hostileString.map((s) => Buffer.from(s)),
      fc
        .constantFrom(
          '{',
          '{"a":',
          '[1,2',
          '{"text": "x"}}',
          "{'single': 'quotes'}",
          '{"a": undefined}',
          '{"a": NaN}',
          '\u0000{}',
          '\uFEFF{}',
          '{"a":1,}',
          '// comment\n{}',
          '['.repeat(100_000) + ']'.repeat(100_000),
        )
        .map((s) => Buffer.from(s)),
      // UTF-16 and Latin-1 JSON: not the UTF-8 the API reads.
      fc.constantFrom(Buffer.from('{"text":"é"}', 'utf16le'), Buffer.from('{"text":"é"}', 'latin1')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), bodies, async (channel, body) => {
        const reply = await send(t.port, { path: `/api/${channel}`, headers: { ...json, ...auth() }, body });
        expectJsonError(reply, `${channel} with ${body.length} bytes`);
      }),
      { seed: FUZZ_SEED, numRuns: 250, endOnFailure: true },
    );
    await expectAlive();
  });

  it('answers JSON of any shape to any channel with an envelope', async () => {
    const values = fc.oneof(parsedJson, fc.jsonValue(), anyValue);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), values, async (channel, value) => {
        let body: string;
        try {
          body = JSON.stringify(value) ?? 'null';
        } catch {
          return; // a BigInt somewhere inside: not JSON at all (the test above covers non-JSON)
        }
        const reply = await send(t.port, { path: `/api/${channel}`, headers: { ...json, ...auth() }, body });
        expect(reply.status).toBe(200);
        expectJsonError(reply, channel);
      }),
      { seed: FUZZ_SEED, numRuns: 250, endOnFailure: true },
    );
    await expectAlive(false);
  });

  it('answers a call with another content type with 415, and another method with 405', async () => {
    const types: Record<string, string>[] = [
      {},
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'multipart/form-data; boundary=x' },
      { 'content-type': '' },
    ];
    for (const headers of types) {
      const reply = await send(t.port, { path: '/api/requests.list', headers: { ...headers, ...auth() }, body: '{}' });
      expect(reply.status, JSON.stringify(headers)).toBe(415);
      expectJsonError(reply, 'content type');
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await send(t.port, { method, path: '/api/requests.register', headers: { ...json, ...auth() } });
      expect(reply.status, method).toBe(405);
      expectJsonError(reply, method);
    }
    await expectAlive();
  });

  it('answers an enormous body with 413, declared or streamed, and stays up when a body is cut off', async () => {
    const declared = await send(t.port, {
      path: '/api/requests.register',
      headers: { ...json, ...auth(), 'content-length': String(50 * 1024 * 1024) },
      body: '{}',
    }).catch(() => null);
    // The server may close the connection on a body it will not read: the client sees that, never a 500.
    if (declared) {
      expect(declared.status).toBe(413);
      expectJsonError(declared, 'declared');
    }
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const streamed = await send(t.port, {
      path: '/api/search.requests',
      headers: { ...json, ...auth() },
      chunks: [Buffer.from('{"text":"'), ...Array.from({ length: 12 }, () => chunk), Buffer.from('"}')],
    });
    expect(streamed.status).toBe(413);
    expectJsonError(streamed, 'streamed');
    // A body cut off mid-way: the client goes, the server stays, and logs no failure of its own.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await new Promise<void>((resolve) => {
      const socket = net.connect(t.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/requests.register HTTP/1.1\r\nhost: 127.0.0.1:${t.port}\r\ncontent-type: application/json\r\n` +
            `authorization: Bearer ${TOKEN}\r\nx-mla-session: ${t.session}\r\ncontent-length: 1000\r\n\r\n{"direction":`,
        );
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    await expectAlive();
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('answers odd channel paths with unknown_channel, never a file', async () => {
    const paths = fc.oneof(
      hostileString.map((s) => `/api/${encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))}`),
      fc.constantFrom(
        '/api/',
        '/api/%00',
        '/api/%E0%A4%A',
        '/api/..%2f..%2fsecret.txt',
        '/api/requests.list/extra',
        '/api/requests.list?x=1',
        '/api/__proto__',
        '/api/constructor',
        `/api/${'x'.repeat(6_000)}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(paths, async (path) => {
        const reply = await send(t.port, { path, headers: { ...json, ...auth() }, body: '{}' });
        // 431: a request line longer than the server reads (Node's limit), answered as JSON too.
        expect([200, 404, 431]).toContain(reply.status);
        expectJsonError(reply, path);
        if (reply.status === 200) expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
      }),
      { seed: FUZZ_SEED, numRuns: 150, endOnFailure: true },
    );
    await expectAlive();
  });

  it('answers what Node itself refuses (an address over its limit, bytes that are not HTTP) as JSON too', async () => {
    const long = await send(t.port, {
      path: `/api/${'x'.repeat(20_000)}`,
      headers: { ...json, ...auth() },
      body: '{}',
    });
    expect(long.status).toBe(431);
    expectJsonError(long, 'long request line');
    for (const garbage of ['HELLO\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', '\u0000\u0001\u0002\r\n\r\n']) {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(t.port, '127.0.0.1', () => socket.end(garbage));
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      expect(head, JSON.stringify(garbage)).toMatch(/^HTTP\/1\.1 400 /);
      expectJsonError({ status: 400, body }, JSON.stringify(garbage));
    }
    await expectAlive();
  });

  it('answers malformed upload, download and document requests with 4xx JSON errors', async () => {
    const cases: { method: string; path: string; body?: string }[] = [
      { method: 'GET', path: '/upload' },
      { method: 'PUT', path: '/upload', body: 'x' },
      { method: 'POST', path: '/download/abc' },
      { method: 'GET', path: '/download/../../secret.txt' },
      { method: 'GET', path: `/download/${'a'.repeat(32)}%00` },
      { method: 'GET', path: '/download/' },
      { method: 'DELETE', path: '/documents/1/content' },
      { method: 'GET', path: '/documents/0/content' },
      { method: 'GET', path: '/documents/1/content/..' },
      { method: 'GET', path: '/documents/%2e%2e/content' },
    ];
    for (const c of cases) {
      const reply = await send(t.port, { ...c, headers: auth() });
      expect(reply.status, `${c.method} ${c.path}`).toBeGreaterThanOrEqual(400);
      expectJsonError(reply, `${c.method} ${c.path}`);
    }
    await expectAlive();
  });
});
