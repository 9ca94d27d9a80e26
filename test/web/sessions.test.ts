import { describe, expect, it } from 'vitest';
import { CLERK, PASSWORD, TOKEN, api, json, request, startTestServer } from '../helpers/web.ts';

const none = { 'x-mla-session': '' };

describe('web transport: the start token and a signed-in session', () => {
  it('answers only the public channels to a page that has the start token but nobody signed in', async () => {
    const t = await startTestServer();
    expect(json(await api(t.port, 'accounts.status', {}, none))).toMatchObject({
      ok: true,
      value: { firstRun: false, user: null },
    });
    expect(json(await api(t.port, 'requests.list', {}, none))).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(json(await api(t.port, 'requests.list', {}, { 'x-mla-session': 'forged' }))).toMatchObject({
      error: { code: 'unauthenticated' },
    });
  });

  it('hands the page a session token at sign-in, which it then sends in its header', async () => {
    const t = await startTestServer();
    const signedIn = json(await api(t.port, 'accounts.signIn', { username: 'AMINA', password: PASSWORD }, none));
    expect(signedIn).toMatchObject({ ok: true, value: { outcome: 'signedIn', user: CLERK } });
    const token = (signedIn.value as { token: string }).token;
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(json(await api(t.port, 'requests.list', {}, { 'x-mla-session': token })).ok).toBe(true);
    const wrong = json(await api(t.port, 'accounts.signIn', { username: 'amina', password: 'not it at all' }, none));
    expect(wrong).toEqual({ ok: true, value: { outcome: 'wrongPassword' } });
  });

  it('takes uploads and hands out downloads only on a signed-in session', async () => {
    const t = await startTestServer();
    const upload = (session: string) =>
      request(t.port, {
        method: 'POST',
        path: '/upload',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/octet-stream',
          'x-mla-session': session,
        },
        body: 'evidence',
      });
    const refused = await upload('');
    expect(refused.status).toBe(401);
    expect(json(refused).error?.code).toBe('unauthenticated');
    expect((await upload(t.session)).status).toBe(200);

    const exported = json(await api(t.port, 'interchange.export', { format: 'csv', target: { kind: 'download' } }));
    const downloadId = (exported.value as { downloadId: string }).downloadId;
    const download = (session: string) =>
      request(t.port, {
        path: `/download/${downloadId}`,
        headers: { authorization: `Bearer ${TOKEN}`, 'x-mla-session': session },
      });
    expect((await download('')).status).toBe(401);
    expect((await download(t.session)).status).toBe(200);
  });
});
