import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Person, ValidAddPerson, ValidUpdatePerson } from '../../contract/accounts.ts';
import { appError, problem } from '../../contract/errors.ts';
import type { Role } from '../../contract/roles.ts';
import type { Language } from '../../i18n/languages.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { users } from '../schema/index.ts';
import type { Db, Queryable } from '../types.ts';

export type UserRow = typeof users.$inferSelect;

/** A person as the screens see them: everything but the password hash. */
export function toPerson(row: UserRow): Person {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    authority: row.authority,
    disabled: row.disabled,
    lockedUntil: row.lockedUntil,
    failedAttempts: row.failedAttempts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    language: row.language,
  };
}

export function userRow(db: Queryable, id: number): UserRow {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw appError('not_found', 'account.notFound', { id });
  return row;
}

export function userByName(db: Queryable, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function listPeople(db: Queryable): Person[] {
  return db
    .select()
    .from(users)
    .orderBy(asc(sql`${users.displayName} COLLATE NOCASE`), asc(users.id))
    .all()
    .map(toPerson);
}

export function countPeople(db: Queryable): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0
  );
}

const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase('und');

/**
 * Requests are assigned by name (requests.assigned_to), so a display name must name one person:
 * compared with full Unicode case folding here (the table's NOCASE index folds ASCII only).
 */
function assertNamesFree(db: Queryable, fields: { username?: string; displayName?: string }, except?: number): void {
  const others = db
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(except === undefined ? undefined : ne(users.id, except))
    .all();
  if (fields.username !== undefined && others.some((o) => o.username === fields.username)) {
    throw appError('invalid_input', 'account.usernameTaken', undefined, [problem('username', 'field.usernameTaken')]);
  }
  const name = fields.displayName;
  if (name !== undefined && others.some((o) => fold(o.displayName) === fold(name))) {
    throw appError('invalid_input', 'account.displayNameTaken', undefined, [
      problem('displayName', 'field.displayNameTaken'),
    ]);
  }
}

/** Only prosecutors belong to a domestic authority: whose requests they read. */
function authorityFor(role: Role, authority: string | null): string | null {
  if (role !== 'prosecutor' && authority !== null) {
    throw appError('invalid_input', 'account.authorityOnlyProsecutor', undefined, [
      problem('authority', 'field.prosecutorsOnly'),
    ]);
  }
  return authority;
}

/** The people who can still manage the others: administrators whose account is not disabled. */
function activeAdministrators(db: Queryable, except: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, 'administrator'), eq(users.disabled, false), ne(users.id, except)))
      .get()?.n ?? 0
  );
}

/** Inserts a person whose password is already hashed; audited without any password material. */
export function insertPerson(
  db: Queryable,
  input: Omit<ValidAddPerson, 'password'>,
  passwordHash: string,
  actor: Actor,
  clock: Clock,
  action: string,
): Person {
  assertNamesFree(db, input);
  const authority = authorityFor(input.role, input.authority ?? null);
  const row = db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      authority,
      passwordHash,
      createdAt: clock.at,
      updatedAt: clock.at,
    })
    .returning()
    .get();
  recordAudit(db, actor, clock.at, {
    action,
    entity: 'user',
    entityId: row.id,
    details: { username: row.username, displayName: row.displayName, role: row.role, authority: row.authority },
  });
  return toPerson(row);
}

export function createFirstAdministrator(
  db: Db,
  input: { username: string; displayName: string },
  passwordHash: string,
  clock: Clock,
): Person {
  return db.transaction(
    (tx) => {
      if (countPeople(tx) > 0) {
        throw appError('stale', 'account.administratorExists');
      }
      // Nobody is signed in yet: the entry names the person who created their own account.
      const actor = { name: input.username, roles: ['administrator'] };
      return insertPerson(
        tx,
        { ...input, role: 'administrator', authority: null },
        passwordHash,
        actor,
        clock,
        'account.createFirstAdministrator',
      );
    },
    { behavior: 'immediate' },
  );
}

export function addPerson(db: Db, input: ValidAddPerson, passwordHash: string, actor: Actor, clock: Clock): Person {
  return db.transaction((tx) => insertPerson(tx, input, passwordHash, actor, clock, 'account.create'), {
    behavior: 'immediate',
  });
}

/**
 * Corrects a person's name, role or authority, or disables or enables the account. The last
 * active administrator can be neither demoted nor disabled: nobody could manage the office's
 * accounts any more.
 */
export function updatePerson(db: Db, input: ValidUpdatePerson, actor: Actor, clock: Clock): Person {
  return db.transaction(
    (tx) => {
      const before = userRow(tx, input.id);
      const role = input.role ?? before.role;
      const disabled = input.disabled ?? before.disabled;
      const displayName = input.displayName ?? before.displayName;
      // A person who stops being a prosecutor leaves their authority behind.
      const authority =
        input.authority !== undefined ? input.authority : role === 'prosecutor' ? before.authority : null;
      const stillAdministrator = role === 'administrator' && !disabled;
      if (before.role === 'administrator' && !before.disabled && !stillAdministrator) {
        if (activeAdministrators(tx, before.id) === 0) {
          const field = role !== 'administrator' ? 'role' : 'disabled';
          throw appError('invalid_input', 'account.lastAdministrator', undefined, [
            problem(field, 'field.lastAdministrator'),
          ]);
        }
      }
      assertNamesFree(tx, { displayName }, before.id);
      const after = { displayName, role, authority: authorityFor(role, authority), disabled };
      const changes = Object.fromEntries(
        (Object.keys(after) as (keyof typeof after)[])
          .filter((k) => after[k] !== before[k])
          .map((k) => [k, { from: before[k], to: after[k] }]),
      );
      if (Object.keys(changes).length === 0) return toPerson(before);
      const row = tx
        .update(users)
        .set({ ...after, updatedAt: clock.at })
        .where(eq(users.id, before.id))
        .returning()
        .get();
      recordAudit(tx, actor, clock.at, {
        action: 'account.update',
        entity: 'user',
        entityId: row.id,
        details: { username: row.username, ...changes },
      });
      return toPerson(row);
    },
    { behavior: 'immediate' },
  );
}

/** A new password (already hashed), set by an administrator or by the person; clears any lock-out. */
export function setPassword(
  db: Db,
  id: number,
  passwordHash: string,
  actor: Actor,
  clock: Clock,
  action: 'account.resetPassword' | 'account.changePassword',
): Person {
  return db.transaction(
    (tx) => {
      const before = userRow(tx, id);
      const row = tx
        .update(users)
        .set({ passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: clock.at })
        .where(eq(users.id, id))
        .returning()
        .get();
      recordAudit(tx, actor, clock.at, {
        action,
        entity: 'user',
        entityId: id,
        details: { username: before.username },
      });
      return toPerson(row);
    },
    { behavior: 'immediate' },
  );
}

export function unlockPerson(db: Db, id: number, actor: Actor, clock: Clock): Person {
  return db.transaction(
    (tx) => {
      const before = userRow(tx, id);
      if (before.lockedUntil === null && before.failedAttempts === 0) return toPerson(before);
      const row = tx
        .update(users)
        .set({ failedAttempts: 0, lockedUntil: null, updatedAt: clock.at })
        .where(eq(users.id, id))
        .returning()
        .get();
      recordAudit(tx, actor, clock.at, {
        action: 'account.unlock',
        entity: 'user',
        entityId: id,
        details: { username: before.username, lockedUntil: before.lockedUntil, failedAttempts: before.failedAttempts },
      });
      return toPerson(row);
    },
    { behavior: 'immediate' },
  );
}

/** The person's own choice of interface language; choosing the one already kept changes nothing. */
export function setLanguage(db: Db, id: number, language: Language, actor: Actor, clock: Clock): Person {
  return db.transaction(
    (tx) => {
      const before = userRow(tx, id);
      if (before.language === language) return toPerson(before);
      const row = tx.update(users).set({ language, updatedAt: clock.at }).where(eq(users.id, id)).returning().get();
      recordAudit(tx, actor, clock.at, {
        action: 'account.setLanguage',
        entity: 'user',
        entityId: id,
        details: { username: before.username, from: before.language, to: language },
      });
      return toPerson(row);
    },
    { behavior: 'immediate' },
  );
}
