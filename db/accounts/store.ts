import { eq } from 'drizzle-orm';
import type { Person, PersonName, ValidAddPerson, ValidUpdatePerson } from '../../contract/accounts.ts';
import { appError, problem } from '../../contract/errors.ts';
import type { Actor } from '../audit.ts';
import type { Language } from '../../i18n/languages.ts';
import type { Clock } from '../clock.ts';
import { users } from '../schema/index.ts';
import type { Db } from '../types.ts';
import { listPersonNames } from './names.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  addPerson,
  countPeople,
  createFirstAdministrator,
  listPeople,
  setLanguage,
  setPassword,
  toPerson,
  unlockPerson,
  updatePerson,
  userRow,
} from './people.ts';
import { signIn, type SignInResult } from './sign-in.ts';

export type { SignInResult } from './sign-in.ts';

/**
 * The people who may sign in, and how they do (see db/register.ts for why it is asynchronous).
 * Every change is written to the audit log in its transaction, never with password material.
 */
export interface AccountStore {
  /** True while no account exists: the app then asks for the first administrator. */
  firstRun(): Promise<boolean>;
  /** Refused once any account exists. */
  createFirstAdministrator(
    input: { username: string; displayName: string; password: string },
    clock: Clock,
  ): Promise<Person>;
  signIn(username: string, password: string, now: () => Date): Promise<SignInResult>;
  /** The person behind a session, as they are now (null once the account is gone). */
  find(id: number): Promise<Person | null>;
  list(): Promise<Person[]>;
  /** Sign-in and shown names of all accounts (any role may read them). */
  names(): Promise<PersonName[]>;
  add(input: ValidAddPerson, actor: Actor, clock: Clock): Promise<Person>;
  update(input: ValidUpdatePerson, actor: Actor, clock: Clock): Promise<Person>;
  resetPassword(id: number, password: string, actor: Actor, clock: Clock): Promise<Person>;
  /** The person's own change: refused unless `current` is their password now. */
  changePassword(id: number, current: string, next: string, actor: Actor, clock: Clock): Promise<Person>;
  unlock(id: number, actor: Actor, clock: Clock): Promise<Person>;
  /** The person's own interface language (any role; only ever their own account). */
  setLanguage(id: number, language: Language, actor: Actor, clock: Clock): Promise<Person>;
}

export function sqliteAccountStore(db: Db): AccountStore {
  return {
    firstRun: async () => countPeople(db) === 0,
    createFirstAdministrator: async (input, clock) => {
      if (countPeople(db) > 0) {
        throw appError('stale', 'account.administratorExists');
      }
      const hash = await hashPassword(input.password);
      return createFirstAdministrator(db, input, hash, clock);
    },
    signIn: (username, password, now) => signIn(db, username, password, now),
    find: async (id) => {
      const row = db.select().from(users).where(eq(users.id, id)).get();
      return row ? toPerson(row) : null;
    },
    list: async () => listPeople(db),
    names: async () => listPersonNames(db),
    add: async (input, actor, clock) => addPerson(db, input, await hashPassword(input.password), actor, clock),
    update: async (input, actor, clock) => updatePerson(db, input, actor, clock),
    resetPassword: async (id, password, actor, clock) => {
      userRow(db, id);
      return setPassword(db, id, await hashPassword(password), actor, clock, 'account.resetPassword');
    },
    changePassword: async (id, current, next, actor, clock) => {
      if (!(await verifyPassword(current, userRow(db, id).passwordHash))) {
        throw appError('invalid_input', 'account.wrongCurrentPassword', undefined, [
          problem('currentPassword', 'field.notCurrentPassword'),
        ]);
      }
      return setPassword(db, id, await hashPassword(next), actor, clock, 'account.changePassword');
    },
    unlock: async (id, actor, clock) => unlockPerson(db, id, actor, clock),
    setLanguage: async (id, language, actor, clock) => setLanguage(db, id, language, actor, clock),
  };
}
