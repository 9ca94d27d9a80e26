import { describe, expect, it } from 'vitest';
import { countRows } from '../helpers/sqlite-files.ts';
import { SCHEMA_VERSION } from '../helpers/temp-register.ts';
import { type TestServer, TOKEN, api, json, request, startTestServer } from '../helpers/web.ts';

const INCOMING = { direction: 'incoming', kind: 'mla', counterpartCountry: 'fr', openedOn: '2026-01-05' };

async function total(t: TestServer): Promise<number> {
  const reply = await api(t.port, 'requests.list', {});
  return (json(reply).value as { total: number }).total;
}

/** The API refused the call: no request, no history and no audit row was written. */
async function expectNothingWritten(t: TestServer): Promise<void> {
  expect(await total(t)).toBe(0);
  expect(countRows(t.databaseFile, 'status_history')).toBe(0);
  expect(countRows(t.databaseFile, 'audit_log')).toBe(t.auditEntriesAtStart);
}

describe('web API: who may call', () => {
  it('answers a call from our page with the token with an ok envelope', async () => {
    const t = await startTestServer();
    const reply = await api(t.port, 'requests.register', INCOMING);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(json(reply)).toMatchObject({
      ok: true,
      value: { reference: 'MLA-IN-2026-00001', counterpartCountry: 'FR' },
    });
    expect(await total(t)).toBe(1);
  });

  it('accepts a call that names no Origin (not from a browser page) when it has the token', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-mla-session': t.session },
      body: '{}',
    });
    expect(json(reply)).toMatchObject({
      ok: true,
      value: { name: 'MLA Desk', schemaVersion: SCHEMA_VERSION, databaseFile: t.databaseFile },
    });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }],
    ['a longer token', { authorization: `Bearer ${TOKEN}0` }],
    ['the token in another scheme', { authorization: `Basic ${TOKEN}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('refuses a call with %s as 401 unauthorised and writes nothing', async (_name, auth) => {
    const t = await startTestServer();
    const reply = await request(t.port, {
      method: 'POST',
      path: '/api/requests.register',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${t.port}`, ...auth },
      body: JSON.stringify(INCOMING),
    });
    expect(reply.status).toBe(401);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'unauthorised', message: expect.any(String) } });
    await expectNothingWritten(t);
  });

  it.each([
    ['localhost', (port: number) => `localhost:${port}`],
    ['an attacker name resolving to us (DNS rebinding)', (port: number) => `evil.example:${port}`],
    ['another port', (port: number) => `127.0.0.1:${port + 1}`],
  ])('refuses a request whose Host is %s, even with the token', async (_name, hostOf) => {
    const t = await startTestServer();
    const reply = await api(t.port, 'requests.register', INCOMING, { host: hostOf(t.port) });
    expect(reply.status).toBe(421);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'denied' } });
    const page = await request(t.port, { path: '/', headers: { host: hostOf(t.port) } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('<div id="root">');
    await expectNothingWritten(t);
  });

  it.each(['https://evil.example', 'null', 'http://localhost:5199'])(
    'refuses a call from the foreign Origin %s with 403, even with the token',
    async (origin) => {
      const t = await startTestServer();
      const reply = await api(t.port, 'requests.register', INCOMING, { origin });
      expect(reply.status).toBe(403);
      expect(json(reply)).toMatchObject({ ok: false, error: { code: 'denied' } });
      await expectNothingWritten(t);
    },
  );
});

describe('web API: what a call must look like', () => {
  it.each(['GET', 'PUT', 'DELETE'])('refuses %s on an API path with 405', async (method) => {
    const t = await startTestServer();
    const reply = await request(t.port, {
      method,
      path: '/api/requests.list',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(reply.status).toBe(405);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses the content type %s with 415 and writes nothing',
    async (type) => {
      const t = await startTestServer();
      const reply = await api(t.port, 'requests.register', INCOMING, { 'content-type': type });
      expect(reply.status).toBe(415);
      expect(json(reply)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      await expectNothingWritten(t);
    },
  );

  it('refuses a body that is not JSON with 400', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, {
      method: 'POST',
      path: '/api/requests.register',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{"direction": "incoming",',
    });
    expect(reply.status).toBe(400);
    expect(json(reply)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The call is not valid JSON.' },
    });
    await expectNothingWritten(t);
  });

  it('answers bad input with invalid_input naming each bad field, and writes nothing', async () => {
    const t = await startTestServer();
    const reply = await api(t.port, 'requests.register', {
      direction: 'incoming',
      kind: 'letter',
      counterpartCountry: 'XX',
      openedOn: '2026-02-30',
    });
    const envelope = json(reply);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((envelope.error?.fields ?? []).map((f) => f.field).sort()).toEqual([
      'counterpartCountry',
      'kind',
      'openedOn',
    ]);
    await expectNothingWritten(t);
  });

  it('answers a channel that is not in the contract with unknown_channel', async () => {
    const t = await startTestServer();
    const reply = await api(t.port, 'requests.delete', { id: 1 });
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('treats an empty body as an empty input', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, {
      method: 'POST',
      path: '/api/requests.list',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-mla-session': t.session },
    });
    expect(json(reply)).toEqual({ ok: true, value: { rows: [], total: 0 } });
  });
});
