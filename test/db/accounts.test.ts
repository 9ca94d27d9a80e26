import { describe, expect, it } from 'vitest';
import { addPersonSchema, type ValidAddPerson } from '../../contract/accounts.ts';
import type { Actor } from '../../db/audit.ts';
import type { Register } from '../../db/register.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

const PASSWORD = 'correct horse battery staple';
const CLOCK = { at: '2026-03-10T09:30:00.000Z', today: '2026-03-10' };
const ADMIN: Actor = { name: 'ada', roles: ['administrator'] };

async function office(): Promise<{ register: Register; adminId: number }> {
  const register = tempRegister();
  const admin = await register.accounts.createFirstAdministrator(
    { username: 'ada', displayName: 'Ada Admin', password: PASSWORD },
    CLOCK,
  );
  return { register, adminId: admin.id };
}

const person = (fields: Partial<ValidAddPerson> & { username: string; displayName: string }): ValidAddPerson =>
  addPersonSchema.parse({ role: 'clerk', password: PASSWORD, ...fields });

/** The audit entries about accounts, as stored. */
function accountAudit(register: Register): { action: string; actor: string; details: string }[] {
  return withRaw(
    register.location,
    (db) =>
      db.prepare("SELECT action, actor, details FROM audit_log WHERE entity = 'user' ORDER BY id").all() as {
        action: string;
        actor: string;
        details: string;
      }[],
    true,
  );
}

/** A clock that can be moved on, for lock-out periods. */
function movableNow(startIso: string) {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), advance: (minutes: number) => (t += minutes * 60_000) };
}

describe('the first administrator', () => {
  it('is created once, on an empty register only', async () => {
    const register = tempRegister();
    expect(await register.accounts.firstRun()).toBe(true);
    const admin = await register.accounts.createFirstAdministrator(
      { username: 'ada', displayName: 'Ada Admin', password: PASSWORD },
      CLOCK,
    );
    expect(admin).toMatchObject({ username: 'ada', role: 'administrator', disabled: false, authority: null });
    expect(await register.accounts.firstRun()).toBe(false);
    await expect(
      register.accounts.createFirstAdministrator({ username: 'eve', displayName: 'Eve', password: PASSWORD }, CLOCK),
    ).rejects.toMatchObject({ code: 'stale' });
    expect((await register.accounts.list()).map((p) => p.username)).toEqual(['ada']);
  });
});

describe('people', () => {
  it('are told apart by sign-in name whatever its case, and by display name whatever its case', async () => {
    const { register } = await office();
    await register.accounts.add(person({ username: 'Amina', displayName: 'Amina Clerk' }), ADMIN, CLOCK);
    expect((await register.accounts.list()).map((p) => p.username)).toContain('amina');
    await expect(
      register.accounts.add(person({ username: 'AMINA', displayName: 'Another' }), ADMIN, CLOCK),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: [{ field: 'username' }] });
    await expect(
      register.accounts.add(person({ username: 'amina2', displayName: 'AMINA CLERK' }), ADMIN, CLOCK),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: [{ field: 'displayName' }] });
    // Unicode case folding, which SQLite's NOCASE does not do.
    await register.accounts.add(person({ username: 'zofia', displayName: 'Zofia Wiśniewska' }), ADMIN, CLOCK);
    await expect(
      register.accounts.add(person({ username: 'zofia2', displayName: 'ZOFIA WIŚNIEWSKA' }), ADMIN, CLOCK),
    ).rejects.toMatchObject({ fields: [{ field: 'displayName' }] });
  });

  it('belong to a domestic authority only as prosecutors, and leave it when they stop being one', async () => {
    const { register } = await office();
    await expect(
      register.accounts.add(
        person({ username: 'cc', displayName: 'C C', authority: 'Parquet de Paris' }),
        ADMIN,
        CLOCK,
      ),
    ).rejects.toMatchObject({ fields: [{ field: 'authority' }] });
    const paul = await register.accounts.add(
      person({ username: 'paul', displayName: 'Paul', role: 'prosecutor', authority: 'Parquet de Paris' }),
      ADMIN,
      CLOCK,
    );
    expect(paul.authority).toBe('Parquet de Paris');
    const moved = await register.accounts.update({ id: paul.id, role: 'clerk' }, ADMIN, CLOCK);
    expect(moved).toMatchObject({ role: 'clerk', authority: null });
  });

  it('never lose their last active administrator, by demotion or by disabling', async () => {
    const { register, adminId } = await office();
    const lastAdmin = { code: 'invalid_input', message: expect.stringContaining('last active administrator') };
    await expect(register.accounts.update({ id: adminId, role: 'clerk' }, ADMIN, CLOCK)).rejects.toMatchObject(
      lastAdmin,
    );
    await expect(register.accounts.update({ id: adminId, disabled: true }, ADMIN, CLOCK)).rejects.toMatchObject(
      lastAdmin,
    );
    // A disabled administrator does not count as a second one.
    const bob = await register.accounts.add(
      person({ username: 'bob', displayName: 'Bob', role: 'administrator' }),
      ADMIN,
      CLOCK,
    );
    await register.accounts.update({ id: bob.id, disabled: true }, ADMIN, CLOCK);
    await expect(register.accounts.update({ id: adminId, role: 'manager' }, ADMIN, CLOCK)).rejects.toMatchObject(
      lastAdmin,
    );
    // With a second active one, the first may go.
    await register.accounts.update({ id: bob.id, disabled: false }, ADMIN, CLOCK);
    expect((await register.accounts.update({ id: adminId, role: 'manager' }, ADMIN, CLOCK)).role).toBe('manager');
    await expect(register.accounts.update({ id: bob.id, disabled: true }, ADMIN, CLOCK)).rejects.toMatchObject(
      lastAdmin,
    );
  });

  it('are audited on every change, with no password material in the log', async () => {
    const { register } = await office();
    const amina = await register.accounts.add(person({ username: 'amina', displayName: 'Amina' }), ADMIN, CLOCK);
    await register.accounts.update({ id: amina.id, displayName: 'Amina Clerk' }, ADMIN, CLOCK);
    await register.accounts.resetPassword(amina.id, 'another long password', ADMIN, CLOCK);
    await register.accounts.changePassword(amina.id, 'another long password', 'my own password', ADMIN, CLOCK);
    await register.accounts.signIn('amina', 'wrong password', () => new Date());
    await register.accounts.unlock(amina.id, ADMIN, CLOCK);
    await register.accounts.signIn('amina', 'my own password', () => new Date());
    const entries = accountAudit(register);
    expect(entries.map((e) => e.action)).toEqual([
      'account.createFirstAdministrator',
      'account.create',
      'account.update',
      'account.resetPassword',
      'account.changePassword',
      'account.unlock',
      'account.signIn',
    ]);
    expect(entries[2]?.details).toContain('"displayName":{"from":"Amina","to":"Amina Clerk"}');
    const everything = JSON.stringify(entries);
    for (const secret of [PASSWORD, 'another long password', 'my own password', 'wrong password', 'scrypt$']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('signing in', () => {
  it('answers an unknown name exactly as a wrong password', async () => {
    const { register } = await office();
    expect(await register.accounts.signIn('nobody', PASSWORD, () => new Date())).toEqual({ outcome: 'wrongPassword' });
    expect(await register.accounts.signIn('ada', 'not the password', () => new Date())).toEqual({
      outcome: 'wrongPassword',
    });
    expect(await register.accounts.signIn('ada', PASSWORD, () => new Date())).toMatchObject({
      outcome: 'signedIn',
      person: { username: 'ada' },
    });
  });

  it('locks the account after five wrong passwords in a row, for fifteen minutes, right password or not', async () => {
    const { register } = await office();
    const clock = movableNow('2026-03-10T09:00:00.000Z');
    for (let i = 1; i <= 4; i += 1) {
      expect(await register.accounts.signIn('ada', `guess ${i}`, clock.now)).toEqual({ outcome: 'wrongPassword' });
    }
    expect(await register.accounts.signIn('ada', 'guess 5', clock.now)).toEqual({
      outcome: 'locked',
      until: '2026-03-10T09:15:00.000Z',
    });
    clock.advance(14);
    expect(await register.accounts.signIn('ada', PASSWORD, clock.now)).toMatchObject({ outcome: 'locked' });
    clock.advance(2);
    expect(await register.accounts.signIn('ada', PASSWORD, clock.now)).toMatchObject({ outcome: 'signedIn' });
    expect(accountAudit(register).map((e) => e.action)).toContain('account.lockedOut');
  });

  it('counts wrong passwords in a row only: a success starts the count again', async () => {
    const { register } = await office();
    for (let i = 0; i < 4; i += 1) await register.accounts.signIn('ada', 'wrong', () => new Date());
    expect((await register.accounts.signIn('ada', PASSWORD, () => new Date())).outcome).toBe('signedIn');
    for (let i = 0; i < 4; i += 1) {
      expect((await register.accounts.signIn('ada', 'wrong', () => new Date())).outcome).toBe('wrongPassword');
    }
  });

  it('checks at most the allowed number of passwords when attempts arrive all at once', async () => {
    const { register } = await office();
    const attempts = Array.from({ length: 12 }, (_, i) =>
      register.accounts.signIn('ada', `guess ${i}`, () => new Date()),
    );
    const outcomes = (await Promise.all(attempts)).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'wrongPassword').length).toBeLessThanOrEqual(4);
    expect(outcomes.filter((o) => o === 'locked').length).toBeGreaterThanOrEqual(8);
    // Locked now, even with the right password.
    expect((await register.accounts.signIn('ada', PASSWORD, () => new Date())).outcome).toBe('locked');
  });

  it('follows the lock-out settings the administrator chose', async () => {
    const { register } = await office();
    await register.updateSettings({ lockoutAttempts: 3, lockoutMinutes: 60 }, ADMIN, CLOCK);
    const clock = movableNow('2026-03-10T09:00:00.000Z');
    await register.accounts.signIn('ada', 'one', clock.now);
    await register.accounts.signIn('ada', 'two', clock.now);
    expect(await register.accounts.signIn('ada', 'three', clock.now)).toEqual({
      outcome: 'locked',
      until: '2026-03-10T10:00:00.000Z',
    });
  });

  it('can be unlocked by an administrator before the time is up', async () => {
    const { register, adminId } = await office();
    const amina = await register.accounts.add(person({ username: 'amina', displayName: 'Amina' }), ADMIN, CLOCK);
    for (let i = 0; i < 5; i += 1) await register.accounts.signIn('amina', 'wrong', () => new Date());
    expect((await register.accounts.list()).find((p) => p.id === amina.id)?.lockedUntil).not.toBeNull();
    const unlocked = await register.accounts.unlock(amina.id, ADMIN, CLOCK);
    expect(unlocked).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    expect((await register.accounts.signIn('amina', PASSWORD, () => new Date())).outcome).toBe('signedIn');
    expect(adminId).toBeGreaterThan(0);
  });

  it('tells a disabled person so only once their password is right', async () => {
    const { register } = await office();
    const amina = await register.accounts.add(person({ username: 'amina', displayName: 'Amina' }), ADMIN, CLOCK);
    await register.accounts.update({ id: amina.id, disabled: true }, ADMIN, CLOCK);
    expect(await register.accounts.signIn('amina', 'wrong', () => new Date())).toEqual({ outcome: 'wrongPassword' });
    expect(await register.accounts.signIn('amina', PASSWORD, () => new Date())).toEqual({ outcome: 'disabled' });
  });

  it('changes a person’s own password only with the current one', async () => {
    const { register, adminId } = await office();
    await expect(
      register.accounts.changePassword(adminId, 'not it', 'a brand new password', ADMIN, CLOCK),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: [{ field: 'currentPassword' }] });
    await register.accounts.changePassword(adminId, PASSWORD, 'a brand new password', ADMIN, CLOCK);
    expect((await register.accounts.signIn('ada', PASSWORD, () => new Date())).outcome).toBe('wrongPassword');
    expect((await register.accounts.signIn('ada', 'a brand new password', () => new Date())).outcome).toBe('signedIn');
  });
});
