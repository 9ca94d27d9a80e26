import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { CountryProfile } from '../../contract/profiles.ts';
import { countRows } from '../helpers/sqlite-files.ts';
import { callerAs, testContext } from '../helpers/temp-register.ts';

const PROSECUTOR = callerAs('prosecutor', 'Pia Prosecutor');
const MANAGER = callerAs('manager', 'Max Manager');
const ADMIN = callerAs('administrator', 'Ada Admin');

const valueOf = <T>(reply: { ok: boolean; value?: unknown }): T => {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply.value as T;
};

describe('country profile channels', () => {
  it('let the directory keepers keep the profiles, and every signed-in role read them', async () => {
    const ctx = testContext();
    const authority = valueOf<{ id: number }>(
      await dispatch('directories.counterpartAuthorities.save', { country: 'FR', name: 'BEPPI' }, ctx),
    );
    const saved = valueOf<CountryProfile>(
      await dispatch(
        'profiles.save',
        {
          country: 'fr',
          centralAuthorityId: authority.id,
          languages: ['fr'],
          channels: ['central_authority'],
          dualCriminality: 'required_coercive',
          treaties: [{ legalBasis: 'untoc', inForceSince: '2002-10-29' }],
        },
        ctx,
      ),
    );
    expect(saved).toMatchObject({ country: 'FR', updatedBy: 'Amina Clerk', centralAuthority: { name: 'BEPPI' } });
    const byAdmin = await dispatch('profiles.save', { country: 'DE', languages: ['de'] }, { ...ctx, caller: ADMIN });
    expect(byAdmin).toMatchObject({ ok: true, value: { updatedBy: 'Ada Admin' } });

    for (const caller of [PROSECUTOR, MANAGER]) {
      const asReader = { ...ctx, caller };
      expect(await dispatch('profiles.save', { country: 'IT' }, asReader)).toMatchObject({
        ok: false,
        error: { code: 'denied' },
      });
      expect(await dispatch('profiles.delete', { id: saved.id }, asReader)).toMatchObject({
        ok: false,
        error: { code: 'denied' },
      });
      expect(await dispatch('profiles.ofCountry', { country: 'fr' }, asReader)).toMatchObject({
        ok: true,
        value: { id: saved.id, languages: ['fr'] },
      });
      const list = valueOf<CountryProfile[]>(await dispatch('profiles.list', {}, asReader));
      expect(list.map((p) => p.country)).toEqual(['DE', 'FR']);
    }
    expect(await dispatch('profiles.ofCountry', { country: 'IT' }, ctx)).toEqual({ ok: true, value: null });
  });

  it('answer bad input with each field’s problem, before anything is written', async () => {
    const ctx = testContext();
    const reply = await dispatch(
      'profiles.save',
      {
        country: 'Narnia',
        languages: ['fr', 'klingon'],
        channels: ['carrier_pigeon'],
        dualCriminality: 'sometimes',
        treaties: [{ legalBasis: 'reciprocity' }],
      },
      ctx,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fields = reply.ok ? [] : (reply.error.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(['country', 'languages.1', 'channels.0', 'dualCriminality', 'treaties.0.legalBasis']);
    expect(countRows(ctx.register.location, 'country_profiles')).toBe(0);
    // Not an object at all, or ids that are not ids: refused the same way, never a crash.
    for (const input of [null, 'FR', { country: 'FR', centralAuthorityId: 'one' }, { id: 0, country: 'FR' }]) {
      expect(await dispatch('profiles.save', input, ctx)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await dispatch('profiles.ofCountry', { country: 'XX' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'country' }] },
    });
  });

  it('refuse a second profile for a state and a central authority of another state, with their keys', async () => {
    const ctx = testContext();
    const bfj = valueOf<{ id: number }>(
      await dispatch('directories.counterpartAuthorities.save', { country: 'DE', name: 'Bundesamt für Justiz' }, ctx),
    );
    expect((await dispatch('profiles.save', { country: 'AT' }, ctx)).ok).toBe(true);
    expect(await dispatch('profiles.save', { country: 'at' }, ctx)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        key: 'profile.secondProfile',
        params: { country: 'AT' },
        fields: [{ field: 'country', key: 'profile.field.hasProfile' }],
      },
    });
    expect(await dispatch('profiles.save', { country: 'CH', centralAuthorityId: bfj.id }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'centralAuthorityId' }] },
    });
  });

  it('delete a profile and leave an audit entry for each change', async () => {
    const ctx = testContext();
    const saved = valueOf<CountryProfile>(await dispatch('profiles.save', { country: 'ES', languages: ['es'] }, ctx));
    expect(await dispatch('profiles.delete', { id: saved.id }, ctx)).toEqual({ ok: true, value: { id: saved.id } });
    expect(await dispatch('profiles.delete', { id: saved.id }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found', key: 'profile.notFound' },
    });
    expect(await dispatch('profiles.ofCountry', { country: 'ES' }, ctx)).toEqual({ ok: true, value: null });
    expect(countRows(ctx.register.location, 'audit_log')).toBe(2);
  });
});
