import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { callerAs, testContext } from '../helpers/temp-register.ts';

const incoming = {
  direction: 'incoming',
  kind: 'mla',
  counterpartCountry: 'fr',
  openedOn: '2026-03-02',
  summary: 'Bank records sought',
};

describe('dispatch', () => {
  it('registers a request and answers with an ok envelope holding it', async () => {
    const ctx = testContext();
    const reply = await dispatch('requests.register', incoming, ctx);
    expect(reply.ok).toBe(true);
    const detail = (reply as { value: RequestDetail }).value;
    expect(detail.reference).toBe('MLA-IN-2026-00001');
    expect(detail.counterpartCountry).toBe('FR');
    expect(detail.status).toBe('registered');
  });

  it('names every bad field and writes nothing', async () => {
    const ctx = testContext();
    const reply = await dispatch(
      'requests.register',
      { direction: 'sideways', kind: 'mla', counterpartCountry: 'QQ', openedOn: '2026-02-30' },
      ctx,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fields = reply.ok ? [] : (reply.error.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['direction', 'counterpartCountry', 'openedOn']));
    expect(
      (await ctx.register.requests.list({ state: 'all', sort: 'updatedAt', order: 'desc', limit: 10, offset: 0 }))
        .total,
    ).toBe(0);
  });

  it('refuses unknown fields rather than dropping them silently', async () => {
    const reply = await dispatch('requests.register', { ...incoming, referenceOverride: 'X-1' }, testContext());
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a channel that is not in the contract', async () => {
    const reply = await dispatch('requests.delete', {}, testContext());
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses a caller whose role the channel does not allow', async () => {
    const ctx = testContext({ caller: callerAs('prosecutor', 'Paul Prosecutor') });
    const reply = await dispatch('requests.register', incoming, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'denied' } });
  });

  it('turns an unexpected failure into an internal error envelope instead of throwing', async () => {
    const ctx = testContext();
    ctx.register.close();
    const logged: string[] = [];
    const reply = await dispatch('requests.list', {}, ctx, (m) => logged.push(m));
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(1);
  });

  it('refuses a forbidden move with a message and keeps the status', async () => {
    const ctx = testContext();
    await dispatch('requests.register', incoming, ctx);
    const reply = await dispatch(
      'requests.transition',
      { id: 1, to: 'executed', on: '2026-03-05', expectedVersion: 1 },
      ctx,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_move' } });
    expect(reply.ok ? '' : reply.error.message).toContain('cannot go from registered to executed');
    expect((await ctx.register.requests.get(1)).status).toBe('registered');
  });
});
