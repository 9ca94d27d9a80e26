import { eq } from 'drizzle-orm';
import type { Person } from '../../contract/accounts.ts';
import { type Actor, recordAudit } from '../audit.ts';
import { users } from '../schema/index.ts';
import { readSettings } from '../settings.ts';
import type { Db, Queryable } from '../types.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { toPerson, userByName, type UserRow } from './people.ts';

export type SignInResult =
  | { outcome: 'signedIn'; person: Person }
  | { outcome: 'wrongPassword' }
  | { outcome: 'locked'; until: string }
  | { outcome: 'disabled' };

const actorOf = (row: UserRow): Actor => ({ name: row.username, roles: [row.role] });

const isLocked = (row: UserRow, at: string) => row.lockedUntil !== null && row.lockedUntil > at;

/**
 * Checks a sign-in. Lock-out: after `lockoutAttempts` wrong passwords in a row (settings) the
 * account refuses every password for `lockoutMinutes`, without even checking it.
 *
 * The attempt is counted before the password is checked, in its own write transaction: the
 * check takes tens of milliseconds off the database's thread, and attempts sent all at once
 * would otherwise all be checked against a count none of them had raised yet. So at most
 * `lockoutAttempts` passwords are ever checked per lock-out period.
 */
export async function signIn(db: Db, username: string, password: string, now: () => Date): Promise<SignInResult> {
  const { lockoutAttempts, lockoutMinutes } = readSettings(db);
  const at = now().toISOString();
  const lockOut = (tx: Queryable, row: UserRow): SignInResult => {
    const until = new Date(Date.parse(at) + lockoutMinutes * 60_000).toISOString();
    tx.update(users).set({ failedAttempts: 0, lockedUntil: until }).where(eq(users.id, row.id)).run();
    recordAudit(tx, actorOf(row), at, {
      action: 'account.lockedOut',
      entity: 'user',
      entityId: row.id,
      details: { username: row.username, attempts: lockoutAttempts, until },
    });
    return { outcome: 'locked', until };
  };

  const counted = db.transaction(
    (tx): UserRow | SignInResult | null => {
      const row = userByName(tx, username);
      if (!row) return null;
      if (isLocked(row, at)) return { outcome: 'locked', until: row.lockedUntil ?? at };
      // Attempts already in flight used up the allowance: lock without checking this one.
      if (row.failedAttempts >= lockoutAttempts) return lockOut(tx, row);
      tx.update(users)
        .set({ failedAttempts: row.failedAttempts + 1 })
        .where(eq(users.id, row.id))
        .run();
      return row;
    },
    { behavior: 'immediate' },
  );
  if (counted === null) {
    // Unknown name: as long as a wrong password takes, and the same answer.
    await verifyPassword(password, await decoyHash());
    return { outcome: 'wrongPassword' };
  }
  if ('outcome' in counted) return counted;

  const right = await verifyPassword(password, counted.passwordHash);
  return db.transaction(
    (tx): SignInResult => {
      const row = userByName(tx, username);
      if (!row || row.id !== counted.id) return { outcome: 'wrongPassword' };
      if (right) {
        const fresh = tx
          .update(users)
          .set({ failedAttempts: 0, lockedUntil: null })
          .where(eq(users.id, row.id))
          .returning()
          .get();
        if (row.disabled) return { outcome: 'disabled' };
        recordAudit(tx, actorOf(row), at, {
          action: 'account.signIn',
          entity: 'user',
          entityId: row.id,
          details: { username: row.username },
        });
        return { outcome: 'signedIn', person: toPerson(fresh) };
      }
      if (isLocked(row, at)) return { outcome: 'locked', until: row.lockedUntil ?? at };
      return row.failedAttempts >= lockoutAttempts ? lockOut(tx, row) : { outcome: 'wrongPassword' };
    },
    { behavior: 'immediate' },
  );
}
