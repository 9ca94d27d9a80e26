import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, PersonName } from '../../contract/accounts.ts';
import { type Office, openOffice } from '../helpers/office.ts';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

describe('the names shown for the people who recorded things', () => {
  it('are every account’s, for every role, with only the sign-in and shown names', async () => {
    const expected = [
      { username: 'ada', displayName: 'Ada Admin' },
      { username: 'amina', displayName: 'Amina Clerk' },
      { username: 'marta', displayName: 'Marta Manager' },
      { username: 'paul', displayName: 'Paul Prosecutor' },
    ];
    for (const role of ['administrator', 'clerk', 'prosecutor', 'manager'] as const) {
      expect(await office.value<PersonName[]>(role, 'accounts.names', {})).toEqual(expected);
    }
    expect(await office.call('anonymous', 'accounts.names', {})).toMatchObject({ ok: false });
  });

  it('follow a renamed account, and keep a disabled one (its past work still shows)', async () => {
    const { id } = office.people.clerk;
    await office.value<Person>('administrator', 'accounts.update', { id, displayName: 'Amina Benali' });
    await office.value<Person>('administrator', 'accounts.update', { id: office.people.manager.id, disabled: true });
    const names = await office.value<PersonName[]>('prosecutor', 'accounts.names', {});
    expect(names).toContainEqual({ username: 'amina', displayName: 'Amina Benali' });
    expect(names).toContainEqual({ username: 'marta', displayName: 'Marta Manager' });
  });
});
