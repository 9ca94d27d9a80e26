import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountStatus, SignedIn, SignedInUser } from '../../contract/accounts.ts';
import { useApi } from '../../renderer/src/api/context.tsx';
import { SessionGate } from '../../renderer/src/session/SessionGate.tsx';
import { SessionMenu } from '../../renderer/src/session/SessionMenu.tsx';
import { type Call, ok, renderScreen } from './render.tsx';

const AMINA: SignedInUser = {
  id: 2,
  username: 'amina',
  displayName: 'Amina Clerk',
  role: 'clerk',
  authority: null,
  language: 'en',
};
const signedIn = (user: SignedInUser = AMINA): SignedIn => ({ outcome: 'signedIn', token: 't', user, idleMinutes: 15 });
const status = (over: Partial<AccountStatus> = {}): AccountStatus => ({
  firstRun: false,
  user: null,
  idleMinutes: 15,
  ...over,
});

/** Stands for the app: a counter (state to keep) and a call to the register. */
function Register() {
  const api = useApi();
  const [clicks, setClicks] = useState(0);
  const list = useQuery({ queryKey: ['requests.list'], queryFn: () => api.call('requests.list', {}) });
  return (
    <div>
      <SessionMenu />
      <button type="button" onClick={() => setClicks((c) => c + 1)}>
        Clicked {clicks}
      </button>
      <p>{list.isError ? 'list refused' : list.data ? 'the register' : 'loading'}</p>
    </div>
  );
}

const callsTo = (calls: Call[], channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input);

afterEach(() => {
  vi.useRealTimers();
});

describe('SessionGate', () => {
  it('asks for the administrator on first run, then opens the app signed in', async () => {
    const { calls } = renderScreen(
      <SessionGate>
        <Register />
      </SessionGate>,
      {
        'accounts.status': () => ok(status({ firstRun: true })),
        'accounts.createFirstAdministrator': (input) =>
          ok(signedIn({ ...AMINA, id: 1, role: 'administrator', ...(input as object) })),
        'requests.list': () => ok({ rows: [], total: 0 }),
      },
    );
    await screen.findByRole('heading', { name: 'Set up MLA Desk' });
    await userEvent.type(screen.getByLabelText(/^Sign-in name/), 'ada');
    await userEvent.type(screen.getByLabelText(/^Name/), 'Ada Admin');
    await userEvent.type(screen.getByLabelText(/^Password(?! again)/), 'correct horse battery');
    await userEvent.type(screen.getByLabelText(/^Password again/), 'correct horse batter');
    await userEvent.click(screen.getByRole('button', { name: 'Create the administrator' }));
    expect(await screen.findByText('The two passwords are not the same.')).toBeInTheDocument();
    expect(callsTo(calls, 'accounts.createFirstAdministrator')).toEqual([]);
    await userEvent.type(screen.getByLabelText(/^Password again/), 'y');
    await userEvent.click(screen.getByRole('button', { name: 'Create the administrator' }));
    expect(await screen.findByText('the register')).toBeInTheDocument();
    expect(callsTo(calls, 'accounts.createFirstAdministrator')).toEqual([
      { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' },
    ]);
    // The role shows beside the account's button, not in it (its name must hold all it shows).
    expect(screen.getByRole('button', { name: 'Account of Ada Admin' })).toHaveTextContent('Ada Admin');
    expect(screen.getByText('Administrator')).toBeInTheDocument();
  });

  it('shows nothing of the register before sign-in, and says why a sign-in was refused', async () => {
    const answers = [
      ok({ outcome: 'wrongPassword' }),
      ok({ outcome: 'locked', until: new Date(2026, 2, 10, 14, 35).toISOString() }),
      ok({ outcome: 'disabled' }),
      ok(signedIn()),
    ];
    const { calls } = renderScreen(
      <SessionGate>
        <Register />
      </SessionGate>,
      {
        'accounts.status': () => ok(status()),
        'accounts.signIn': () => answers.shift() ?? ok({ outcome: 'wrongPassword' }),
        'requests.list': () => ok({ rows: [], total: 0 }),
      },
    );
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.queryByText('the register')).not.toBeInTheDocument();
    expect(callsTo(calls, 'requests.list')).toEqual([]);

    const attempt = async (password: string) => {
      await userEvent.clear(screen.getByLabelText(/^Sign-in name/));
      await userEvent.type(screen.getByLabelText(/^Sign-in name/), 'Amina');
      await userEvent.type(screen.getByLabelText(/^Password/), password);
      await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    };
    await attempt('guess one');
    expect(await screen.findByRole('alert')).toHaveTextContent('The sign-in name or the password is not right.');
    // The password is cleared after a refusal, the name kept.
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
    await attempt('guess two');
    expect(await screen.findByText(/this account is locked until 14:35/)).toBeInTheDocument();
    await attempt('right one');
    expect(await screen.findByText('This account is disabled. Ask an administrator to enable it.')).toBeInTheDocument();
    await attempt('right one');
    expect(await screen.findByText('the register')).toBeInTheDocument();
    expect(callsTo(calls, 'accounts.signIn')[0]).toEqual({ username: 'Amina', password: 'guess one' });
  });

  it('locks from the account menu, keeps the screen under the lock, and unlocks with the password', async () => {
    const { calls } = renderScreen(
      <SessionGate>
        <Register />
      </SessionGate>,
      {
        'accounts.status': () => ok(status({ user: AMINA })),
        'accounts.signIn': (input) =>
          (input as { password: string }).password === 'right password'
            ? ok(signedIn())
            : ok({ outcome: 'wrongPassword' }),
        'accounts.signOut': () => ok({ signedOut: true }),
        'requests.list': () => ok({ rows: [], total: 0 }),
      },
    );
    await screen.findByText('the register');
    await userEvent.click(screen.getByRole('button', { name: 'Clicked 0' }));
    await userEvent.click(screen.getByRole('button', { name: 'Account of Amina Clerk' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Lock the screen' }));
    const dialog = await screen.findByRole('dialog', { name: 'MLA Desk is locked' });
    // The name is isolated (U+2068 … U+2069) so that it reads whole inside a sentence in any script.
    expect(dialog).toHaveTextContent('\u2068Amina Clerk\u2069, enter your password');
    // The app stays underneath, as it was; the session ended on the register's side too.
    expect(screen.getByText('Clicked 1')).toBeInTheDocument();
    expect(callsTo(calls, 'accounts.signOut')).toHaveLength(1);

    await userEvent.type(screen.getByLabelText(/^Password/), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('The sign-in name or the password is not right.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Password/), 'right password');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeInTheDocument();
    expect(callsTo(calls, 'accounts.signIn').at(-1)).toEqual({ username: 'amina', password: 'right password' });
  });

  it('locks the screen as soon as a call is refused because the session ended', async () => {
    renderScreen(
      <SessionGate>
        <Register />
      </SessionGate>,
      {
        'accounts.status': () => ok(status({ user: AMINA })),
        'accounts.signOut': () => ok({ signedOut: false }),
        'requests.list': () => ({ ok: false, error: { code: 'unauthenticated', message: 'Your session ended.' } }),
      },
    );
    expect(await screen.findByRole('dialog', { name: 'MLA Desk is locked' })).toBeInTheDocument();
    expect(screen.getByText('list refused')).toBeInTheDocument();
  });

  it('locks after the idle time with nobody at the keyboard', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls } = renderScreen(
      <SessionGate>
        <Register />
      </SessionGate>,
      {
        'accounts.status': () => ok(status({ user: AMINA, idleMinutes: 1 })),
        'accounts.signOut': () => ok({ signedOut: true }),
        'requests.list': () => ok({ rows: [], total: 0 }),
      },
    );
    await screen.findByText('the register');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(40_000);
    });
    expect(await screen.findByRole('dialog', { name: 'MLA Desk is locked' })).toBeInTheDocument();
    expect(callsTo(calls, 'accounts.signOut')).toHaveLength(1);
  });

  it('signs out from the account menu: the app goes, the sign-in screen comes', async () => {
    const { calls } = renderScreen(
      <SessionGate>
        <Register />
      </SessionGate>,
      {
        'accounts.status': () => ok(status({ user: AMINA })),
        'accounts.signOut': () => ok({ signedOut: true }),
        'requests.list': () => ok({ rows: [], total: 0 }),
      },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Account of Amina Clerk' }));
    expect(screen.getByText('Signed in as amina')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('the register')).not.toBeInTheDocument();
    expect(callsTo(calls, 'accounts.signOut')).toHaveLength(1);
  });
});
