import { describe, expect, it } from 'vitest';
import { newRequestSchema } from '../../contract/requests.ts';
import { fieldProblems } from '../../contract/validate.ts';
import { TOKEN, json, request, startTestServer } from '../helpers/web.ts';

describe('web API: malformed calls get an envelope, never a dropped connection or a 500', () => {
  it('answers an oversized call with 413 and a readable envelope', async () => {
    const t = await startTestServer();
    const body = JSON.stringify({ summary: 'x'.repeat(3 * 1024 * 1024) });
    const reply = await request(t.port, {
      method: 'POST',
      path: '/api/requests.register',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
        'content-length': String(body.length),
      },
      body,
    });
    expect(reply.status).toBe(413);
    expect(json(reply).error?.code).toBe('invalid_input');
  });

  it('answers a channel name that is not valid percent-encoding as an unknown channel', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, {
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{}',
    });
    expect(reply.status).toBe(404);
    expect(json(reply).error?.code).toBe('unknown_channel');
  });

  it('names a bad kind and a missing receipt date in the same reply', () => {
    const parsed = newRequestSchema.safeParse({ direction: 'incoming', kind: 'letter', counterpartCountry: 'FR' });
    expect(parsed.success).toBe(false);
    const fields = parsed.success ? [] : fieldProblems(parsed.error).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'openedOn']));
  });
});
