import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../contract/accounts.ts';
import { PeoplePanel } from '../../renderer/src/screens/settings/PeoplePanel.tsx';
import { type Call, ok, renderScreen } from './render.tsx';

const person = (over: Partial<Person> & Pick<Person, 'id' | 'username' | 'displayName' | 'role'>): Person => ({
  authority: null,
  disabled: false,
  lockedUntil: null,
  failedAttempts: 0,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  language: null,
  ...over,
});

const ADA = person({ id: 1, username: 'ada', displayName: 'Ada Admin', role: 'administrator' });
const PAUL = person({
  id: 2,
  username: 'paul',
  displayName: 'Paul Prosecutor',
  role: 'prosecutor',
  authority: 'Parquet de Paris',
  lockedUntil: new Date(Date.now() + 10 * 60_000).toISOString(),
  failedAttempts: 0,
});

const callsTo = (calls: Call[], channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input);

function renderPeople(extra: Parameters<typeof renderScreen>[1] = {}) {
  return renderScreen(<PeoplePanel />, {
    'accounts.list': () => ok([ADA, PAUL]),
    'directories.domesticAuthorities.list': () =>
      ok([{ id: 1, name: 'Parquet de Paris', email: null, phone: null, address: null, notes: null, updatedAt: 'x' }]),
    ...extra,
  });
}

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('PeoplePanel', () => {
  it('lists who may sign in, with their role, authority and state', async () => {
    renderPeople();
    const table = await screen.findByRole('table', { name: 'People' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(rowOf('Ada Admin')).toHaveTextContent('Administrator');
    expect(rowOf('Ada Admin')).toHaveTextContent('Active');
    expect(rowOf('Paul Prosecutor')).toHaveTextContent('Prosecutor');
    expect(rowOf('Paul Prosecutor')).toHaveTextContent('Parquet de Paris');
    expect(rowOf('Paul Prosecutor')).toHaveTextContent(/Locked until \d\d:\d\d/);
    // Only a locked person can be unlocked.
    expect(
      within(rowOf('Paul Prosecutor')).getByRole('button', { name: 'Unlock Paul Prosecutor' }),
    ).toBeInTheDocument();
    expect(within(rowOf('Ada Admin')).queryByRole('button', { name: /Unlock/ })).not.toBeInTheDocument();
  });

  it('adds a prosecutor with their domestic authority and the password to hand over', async () => {
    const { calls } = renderPeople({
      'accounts.add': (input) => ok(person({ id: 3, ...(input as Pick<Person, 'username' | 'displayName' | 'role'>) })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add a person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a person' });
    expect(within(dialog).queryByRole('combobox', { name: /^Domestic authority/ })).not.toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText(/^Sign-in name/), 'nadia');
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'Nadia Haddad');
    await userEvent.click(within(dialog).getByRole('combobox', { name: /^Role/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Prosecutor' }));
    await userEvent.type(within(dialog).getByRole('combobox', { name: /^Domestic authority/ }), 'Parquet de Paris');
    await userEvent.type(within(dialog).getByLabelText(/^Password(?! again)/), 'a long enough password');
    await userEvent.type(within(dialog).getByLabelText(/^Password again/), 'a long enough password');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add a person' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsTo(calls, 'accounts.add')).toEqual([
      {
        username: 'nadia',
        displayName: 'Nadia Haddad',
        role: 'prosecutor',
        authority: 'Parquet de Paris',
        password: 'a long enough password',
      },
    ]);
  });

  it('shows the register’s refusal, such as disabling the last administrator', async () => {
    const { calls } = renderPeople({
      'accounts.update': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'This is the last active administrator: add another one first.',
          fields: [{ field: 'disabled', message: 'cannot change: this is the last active administrator' }],
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Disable Ada Admin' }));
    expect(
      await screen.findByText('This is the last active administrator: add another one first.'),
    ).toBeInTheDocument();
    expect(callsTo(calls, 'accounts.update')).toEqual([{ id: 1, disabled: true }]);
  });

  it('unlocks a locked person and gives someone a new password', async () => {
    const { calls } = renderPeople({
      'accounts.unlock': () => ok({ ...PAUL, lockedUntil: null }),
      'accounts.resetPassword': () => ok(PAUL),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Unlock Paul Prosecutor' }));
    await waitFor(() => expect(callsTo(calls, 'accounts.unlock')).toEqual([{ id: 2 }]));

    await userEvent.click(screen.getByRole('button', { name: 'New password for Paul Prosecutor' }));
    const dialog = await screen.findByRole('dialog', { name: 'A new password for Paul Prosecutor' });
    await userEvent.type(within(dialog).getByLabelText(/^Password(?! again)/), 'another long password');
    await userEvent.type(within(dialog).getByLabelText(/^Password again/), 'another long passwort');
    await userEvent.click(within(dialog).getByRole('button', { name: 'New password' }));
    expect(await within(dialog).findByText('The two passwords are not the same.')).toBeInTheDocument();
    expect(callsTo(calls, 'accounts.resetPassword')).toEqual([]);
    await userEvent.clear(within(dialog).getByLabelText(/^Password again/));
    await userEvent.type(within(dialog).getByLabelText(/^Password again/), 'another long password');
    await userEvent.click(within(dialog).getByRole('button', { name: 'New password' }));
    await waitFor(() =>
      expect(callsTo(calls, 'accounts.resetPassword')).toEqual([{ id: 2, password: 'another long password' }]),
    );
  });

  it('corrects a person without offering to change their sign-in name', async () => {
    const { calls } = renderPeople({ 'accounts.update': (input) => ok({ ...PAUL, ...(input as object) }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Correct Paul Prosecutor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Correct Paul Prosecutor' });
    expect(within(dialog).getByLabelText(/^Sign-in name/)).toBeDisabled();
    expect(within(dialog).queryByLabelText(/^Password/)).not.toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText(/^Name/));
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'Paul Martin');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(callsTo(calls, 'accounts.update')).toEqual([
        { id: 2, displayName: 'Paul Martin', role: 'prosecutor', authority: 'Parquet de Paris' },
      ]),
    );
  });
});
