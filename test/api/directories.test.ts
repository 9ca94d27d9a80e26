import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { callerAs, testContext } from '../helpers/temp-register.ts';

const PROSECUTOR = callerAs('prosecutor', 'Pia Prosecutor');
const ADMIN = callerAs('administrator', 'Ada Admin');

describe('directory channels', () => {
  it('let a clerk or an administrator keep the directories, and anyone read them', async () => {
    const ctx = testContext();
    const added = await dispatch('directories.serviceProviders.save', { name: 'Meta Platforms', country: 'us' }, ctx);
    expect(added).toMatchObject({ ok: true, value: { name: 'Meta Platforms', country: 'US' } });
    const byAdmin = await dispatch(
      'directories.domesticAuthorities.save',
      { name: 'Cyber Unit' },
      { ...ctx, caller: ADMIN },
    );
    expect(byAdmin.ok).toBe(true);

    const asProsecutor = { ...ctx, caller: PROSECUTOR };
    const refused = await dispatch('directories.serviceProviders.save', { name: 'Google LLC' }, asProsecutor);
    expect(refused).toMatchObject({ ok: false, error: { code: 'denied' } });
    const read = await dispatch('directories.serviceProviders.list', {}, asProsecutor);
    expect(read).toMatchObject({ ok: true, value: [{ name: 'Meta Platforms' }] });
    const suggested = await dispatch('directories.suggest', { field: 'domesticAuthority' }, asProsecutor);
    expect(suggested).toEqual({ ok: true, value: ['Cyber Unit'] });
  });

  it('answer a duplicate with the field it concerns', async () => {
    const ctx = testContext();
    await dispatch('directories.counterpartAuthorities.save', { country: 'FR', name: 'BEPPI' }, ctx);
    const reply = await dispatch('directories.counterpartAuthorities.save', { country: 'fr', name: 'beppi' }, ctx);
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: [{ field: 'name', message: 'is already in the directory for this country' }],
      },
    });
  });

  it('refuse a bad e-mail address before anything is written', async () => {
    const ctx = testContext();
    const reply = await dispatch('directories.domesticAuthorities.save', { name: 'Cyber Unit', email: 'cyber@' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'email' }] } });
    expect(await ctx.register.directories.listDomesticAuthorities()).toEqual([]);
  });

  it('delete an entry by id and say when it is already gone', async () => {
    const ctx = testContext();
    const added = await dispatch('directories.domesticAuthorities.save', { name: 'Cyber Unit' }, ctx);
    const id = added.ok ? (added.value as { id: number }).id : 0;
    expect(await dispatch('directories.domesticAuthorities.delete', { id }, ctx)).toEqual({ ok: true, value: { id } });
    expect(await dispatch('directories.domesticAuthorities.delete', { id }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
