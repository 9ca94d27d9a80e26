import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../contract/roles.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { oneOf } from './checks.ts';

/**
 * The people who may sign in (db/accounts/). One role each: a person who also does another
 * role's work holds a second account. Sessions are not stored: they live in the API host's
 * memory and end with it.
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored in lower case (checked below), so "Amina" and "amina" are one name. Never changes. */
    username: text('username').notNull(),
    /** The name requests are assigned to (requests.assigned_to) and the screens show. */
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** A prosecutor's domestic authority (the value requests.domestic_authority carries). */
    authority: text('authority'),
    /** `scrypt$N$r$p$salt$hash` (base64): the algorithm and its parameters travel with the hash. */
    passwordHash: text('password_hash').notNull(),
    /** Wrong passwords since the last success or lock-out. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** ISO timestamp: sign-in is refused until then. */
    lockedUntil: text('locked_until'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /**
     * The language the person chose for the interface; null until they have chosen (the app then
     * uses the one on screen at sign-in and saves it). Kept to the six by triggers (0015).
     */
    language: text('language', { enum: LANGUAGES }),
  },
  (t) => [
    uniqueIndex('users_username_idx').on(t.username),
    // Requests are assigned to a person by this name, so it must name one person. NOCASE folds
    // ASCII only; db/accounts also compares with full Unicode case folding before writing.
    uniqueIndex('users_display_name_idx').on(sql`${t.displayName} COLLATE NOCASE`),
    check('users_username_lower', sql`${t.username} = lower(${t.username})`),
    check('users_role_code', oneOf('role', ROLES)),
    check('users_authority_prosecutor', sql`${t.authority} IS NULL OR ${t.role} = 'prosecutor'`),
    check('users_failed_attempts', sql`${t.failedAttempts} >= 0`),
  ],
);
