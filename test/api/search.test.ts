import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { channels } from '../../contract/channels.ts';
import { ROLES } from '../../contract/roles.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { callerAs, testContext } from '../helpers/temp-register.ts';

describe('the search channel', () => {
  it('is open to whoever may read the register', () => {
    expect(channels['search.requests'].roles).toEqual(channels['requests.list'].roles);
    expect(channels['search.requests'].mutates).toBe(false);
  });

  it('answers every role with the requests found, their best field and a snippet', async () => {
    const ctx = testContext();
    const r = await seedRequest(ctx.register, {
      counterpartCountry: 'UA',
      parties: [{ role: 'suspect', name: 'Олександр Шевченко' }],
      domesticAuthority: 'Kyiv Prosecutor',
    });
    for (const role of ROLES) {
      // A prosecutor finds the requests of their authority (test/api/prosecutor-scope.test.ts).
      const reply = await dispatch(
        'search.requests',
        { text: 'шевченко' },
        { ...ctx, caller: callerAs(role, 'x', role === 'prosecutor' ? 'Kyiv Prosecutor' : null) },
      );
      expect(reply).toEqual({
        ok: true,
        value: {
          hits: [
            {
              id: r.id,
              reference: r.reference,
              direction: 'incoming',
              kind: 'mla',
              status: 'registered',
              counterpartCountry: 'UA',
              field: 'partyName',
              snippet: [
                { text: 'Олександр ', hit: false },
                { text: 'Шевченко', hit: true },
              ],
            },
          ],
        },
      });
    }
  });

  it('accepts any text, ten thousand characters or FTS5 syntax, and answers without error', async () => {
    const ctx = testContext();
    await seedRequest(ctx.register, { summary: 'Anything' });
    for (const text of ['x'.repeat(10_000), '"NEAR( * OR', "'; DROP TABLE requests; --", '😀'.repeat(3_000), '']) {
      const reply = await dispatch('search.requests', { text }, ctx);
      expect(reply).toEqual({ ok: true, value: { hits: [] } });
    }
  });

  it('refuses what is not a search (no text, a limit out of range, unknown fields), naming the field', async () => {
    const ctx = testContext();
    expect(await dispatch('search.requests', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'text' }] },
    });
    expect(await dispatch('search.requests', { text: 'a', limit: 500 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'limit' }] },
    });
    expect(await dispatch('search.requests', { text: 'a', sql: 'x' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
