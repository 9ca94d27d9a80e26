import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStatus, SignedIn } from '../../contract/accounts.ts';
import { type Office, openOffice, PASSWORD, PEOPLE } from '../helpers/office.ts';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

const signIn = (username: string) =>
  office.value<SignedIn>('anonymous', 'accounts.signIn', { username, password: PASSWORD });

describe('each person’s interface language', () => {
  it('is null until chosen, then comes back with every sign-in and status, for that person only', async () => {
    expect((await signIn(PEOPLE.clerk.username)).user.language).toBeNull();

    expect(await office.value('clerk', 'accounts.setLanguage', { language: 'ar' })).toEqual({ language: 'ar' });
    const status = await office.value<AccountStatus>('clerk', 'accounts.status', {});
    expect(status.user).toMatchObject({ username: 'amina', language: 'ar' });
    expect((await signIn(PEOPLE.clerk.username)).user.language).toBe('ar');

    // Another person's choice is their own.
    await office.value('manager', 'accounts.setLanguage', { language: 'zh' });
    expect((await signIn(PEOPLE.manager.username)).user.language).toBe('zh');
    expect((await signIn(PEOPLE.clerk.username)).user.language).toBe('ar');
  });

  it('takes one of the six languages only, with a message naming them', async () => {
    for (const language of ['de', 'AR', '', 'ar-EG', 7, null]) {
      const reply = await office.call('prosecutor', 'accounts.setLanguage', { language });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: [{ field: 'language', message: expect.stringContaining('ar, en') }] },
      });
    }
    expect(await office.call('prosecutor', 'accounts.setLanguage', {})).toMatchObject({ ok: false });
    // Nobody else's account: the input has no id, and extra keys are refused.
    expect(
      await office.call('prosecutor', 'accounts.setLanguage', { language: 'fr', id: office.people.clerk.id }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('needs a signed-in person', async () => {
    expect(await office.call('anonymous', 'accounts.setLanguage', { language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });
});
