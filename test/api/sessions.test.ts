import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../api/host.ts';
import type { AccountStatus, SignedIn, SignInOutcome } from '../../contract/accounts.ts';
import { type Office, openOffice, PASSWORD, PEOPLE } from '../helpers/office.ts';
import { MIGRATIONS } from '../helpers/temp-register.ts';

const offices: Office[] = [];
afterEach(() => {
  while (offices.length > 0) offices.pop()?.close();
});

/** An office whose clock the test moves on. */
async function officeWithClock() {
  let t = Date.parse('2026-03-10T09:00:00.000Z');
  const office = await openOffice({ now: () => new Date(t) });
  offices.push(office);
  return { office, advance: (minutes: number) => (t += minutes * 60_000) };
}

const unauthenticated = { ok: false, error: { code: 'unauthenticated' } };

describe('first run', () => {
  it('asks for the administrator on an empty register, signs them in, and never again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-first-run-'));
    const host = createApiHost({
      databaseFile: path.join(dir, 'register.sqlite'),
      migrationsFolder: MIGRATIONS,
      app: { name: 'MLA Desk', version: '0' },
      log: () => undefined,
    });
    try {
      const status = await host.handle('accounts.status', {}, null);
      expect(status).toEqual({ ok: true, value: { firstRun: true, user: null, idleMinutes: 15 } });
      expect(await host.handle('requests.list', {}, null)).toMatchObject(unauthenticated);
      const input = { username: 'Ada', displayName: 'Ada Admin', password: PASSWORD };
      const created = await host.handle('accounts.createFirstAdministrator', input, null);
      expect(created).toMatchObject({ ok: true, value: { outcome: 'signedIn', user: { username: 'ada' } } });
      const token = (created as { value: SignedIn }).value.token;
      expect(await host.handle('accounts.status', {}, token)).toMatchObject({
        value: { firstRun: false, user: { username: 'ada', role: 'administrator' } },
      });
      const again = await host.handle('accounts.createFirstAdministrator', { ...input, username: 'eve' }, null);
      expect(again).toMatchObject({ ok: false, error: { code: 'stale' } });
      // A password too short for a new account is refused with the field named.
      const short = await host.handle(
        'accounts.add',
        { username: 'x1', displayName: 'X', role: 'clerk', password: 'short' },
        token,
      );
      expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'password' }] } });
    } finally {
      host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sessions', () => {
  it('end after the idle time without calls, and each call keeps them going', async () => {
    const { office, advance } = await officeWithClock();
    advance(14);
    expect((await office.call('clerk', 'requests.list', {})).ok).toBe(true);
    advance(14);
    expect((await office.call('clerk', 'requests.list', {})).ok).toBe(true);
    advance(16);
    const ended = await office.call('clerk', 'requests.list', {});
    expect(ended).toMatchObject(unauthenticated);
    expect(ended.ok ? '' : ended.error.message).toContain('ended');
    // Status, which is public, says nobody is signed in on it any more.
    expect(await office.value<AccountStatus>('clerk', 'accounts.status', {})).toMatchObject({ user: null });
    // Signing in again (the lock screen's unlock) opens a new one.
    const again = await office.value<SignedIn>('anonymous', 'accounts.signIn', {
      username: PEOPLE.clerk.username,
      password: PASSWORD,
    });
    expect(again.idleMinutes).toBe(15);
    expect((await office.host.handle('requests.list', {}, again.token)).ok).toBe(true);
  });

  it('take a new idle time from the settings at once', async () => {
    const { office, advance } = await officeWithClock();
    await office.value('administrator', 'settings.update', { idleMinutes: 5 });
    advance(6);
    expect(await office.call('clerk', 'requests.list', {})).toMatchObject(unauthenticated);
  });

  it('end on signing out, and signing out twice is no error', async () => {
    const { office } = await officeWithClock();
    expect(await office.value('clerk', 'accounts.signOut', {})).toEqual({ signedOut: true });
    expect(await office.call('clerk', 'requests.list', {})).toMatchObject(unauthenticated);
    expect(await office.value('clerk', 'accounts.signOut', {})).toEqual({ signedOut: false });
  });

  it('are replaced by a new sign-in on the same session, and never shared', async () => {
    const { office } = await officeWithClock();
    const old = office.tokens.clerk;
    const reply = await office.call('clerk', 'accounts.signIn', {
      username: PEOPLE.manager.username,
      password: PASSWORD,
    });
    const next = (reply as { value: SignedIn }).value.token;
    expect(next).not.toBe(old);
    expect(await office.host.handle('requests.list', {}, old)).toMatchObject(unauthenticated);
    expect(await office.host.handle('accounts.status', {}, next)).toMatchObject({
      value: { user: { username: PEOPLE.manager.username } },
    });
  });

  it('do not survive a restart of the host', async () => {
    const { office } = await officeWithClock();
    const token = office.tokens.clerk;
    const file = office.host.register.location;
    office.host.close();
    const host = createApiHost({
      databaseFile: file,
      migrationsFolder: MIGRATIONS,
      app: { name: 'MLA Desk', version: '0' },
      log: () => undefined,
    });
    try {
      expect(await host.handle('requests.list', {}, token)).toMatchObject(unauthenticated);
    } finally {
      host.close();
      // The office's own close must not close it twice.
      office.host.close = () => undefined;
    }
  });

  it('end for a person who is disabled or given a new password; the administrator’s own goes on', async () => {
    const { office } = await officeWithClock();
    const clerk = office.people.clerk;
    await office.value('administrator', 'accounts.resetPassword', { id: clerk.id, password: 'a new long password' });
    expect(await office.call('clerk', 'requests.list', {})).toMatchObject(unauthenticated);
    expect((await office.call('administrator', 'accounts.list', {})).ok).toBe(true);
    const signedIn = await office.value<SignInOutcome>('anonymous', 'accounts.signIn', {
      username: clerk.username,
      password: 'a new long password',
    });
    const token = (signedIn as SignedIn).token;
    await office.value('administrator', 'accounts.update', { id: clerk.id, disabled: true });
    expect(await office.host.handle('requests.list', {}, token)).toMatchObject(unauthenticated);
    // An administrator resetting their own password stays signed in.
    await office.value('administrator', 'accounts.resetPassword', {
      id: office.people.administrator.id,
      password: PASSWORD,
    });
    expect((await office.call('administrator', 'accounts.list', {})).ok).toBe(true);
  });

  it('tell the transports whether someone is signed in, for the routes outside the contract', async () => {
    const { office } = await officeWithClock();
    expect(await office.host.signedIn(office.tokens.clerk)).toMatchObject({ name: 'amina', roles: ['clerk'] });
    expect(await office.host.signedIn('forged')).toBeNull();
    expect(await office.host.signedIn(null)).toBeNull();
    expect(await office.host.locateDocument(1, null)).toMatchObject(unauthenticated);
  });
});
