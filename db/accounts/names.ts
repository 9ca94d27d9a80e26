import { asc } from 'drizzle-orm';
import type { PersonName } from '../../contract/accounts.ts';
import { users } from '../schema/index.ts';
import type { Queryable } from '../types.ts';

/** Every account's sign-in name and shown name, disabled ones too (their past work still shows). */
export function listPersonNames(db: Queryable): PersonName[] {
  return db
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .orderBy(asc(users.username))
    .all();
}

/** Who a sign-in name stands for, for text made outside the screens (the case summary). */
export function personNamer(db: Queryable): (username: string) => string {
  const names = new Map(listPersonNames(db).map((p) => [p.username, p.displayName]));
  return (username) => names.get(username) ?? username;
}
