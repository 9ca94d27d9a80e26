import { z } from 'zod';
import type { ChannelName } from './channels.ts';
import type { Envelope } from './errors.ts';
import { hasControlCharacters } from './documents.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { zodMessage } from './messages.ts';
import { ROLES } from './roles.ts';

/**
 * Accounts and sessions (issue 6, parts 1 and 2). Sign-in names are folded to lower case, so
 * "Amina" and "amina" are one account; a name is plain ASCII so that it reads the same on any
 * keyboard and in the audit log.
 */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, zodMessage('field.username'));

/** What people type to sign in: never trimmed or changed (a space may be part of a password). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, zodMessage('field.minLength'))
  .max(PASSWORD_MAX, zodMessage('field.maxLength'));
/** A password given to sign in is checked, not judged: only its length is bounded (the hash's cost). */
const givenPasswordSchema = z
  .string()
  .min(1, zodMessage('field.required'))
  .max(PASSWORD_MAX, zodMessage('field.maxLength'));

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, zodMessage('field.required'))
    .max(max, zodMessage('field.maxLength'))
    .refine((s) => !hasControlCharacters(s), zodMessage('field.noControlCharacters'));

/** The name requests are assigned to (requests.assigned_to holds at most 120 characters). */
export const displayNameSchema = plainText(120);
/** A domestic authority, as requests.domestic_authority names it (db/directories). */
export const authoritySchema = plainText(200);

export const roleSchema = z.enum(ROLES);

/** One of the six interface languages (i18n/languages.ts). */
// zod's own "must be one of …" (contract/zod-messages.ts) lists the six.
export const languageSchema = z.enum(LANGUAGES);

/** A person as the People screen lists them; never their password hash. */
export const personSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  authority: z.string().nullable(),
  disabled: z.boolean(),
  /** ISO timestamp while sign-in is refused after too many wrong passwords, else null. */
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The interface language the person chose; null until they have chosen one. */
  language: languageSchema.nullable(),
});
export type Person = z.infer<typeof personSchema>;

/**
 * The name a person signs in with, which the history, the documents and the audit keep (it
 * never changes), and the name shown for them, which an administrator may change.
 */
export const personNameSchema = personSchema.pick({ username: true, displayName: true });
export type PersonName = z.infer<typeof personNameSchema>;

/** Who is signed in on a session: what the screens need to greet them and to hide what they may not use. */
export const signedInUserSchema = personSchema.pick({
  id: true,
  username: true,
  displayName: true,
  role: true,
  authority: true,
  language: true,
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const accountStatusSchema = z.object({
  /** No account exists yet: the first person to open the app creates the administrator. */
  firstRun: z.boolean(),
  /** The person signed in on this session, or null. */
  user: signedInUserSchema.nullable(),
  /** The idle time after which a session ends and the screen locks. */
  idleMinutes: z.number().int(),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const signInSchema = z.strictObject({ username: usernameSchema, password: givenPasswordSchema });

export const signedInSchema = z.object({
  outcome: z.literal('signedIn'),
  /**
   * The session's token. The browser build sends it with every call; in the desktop app the
   * database process keeps it for the window that signed in (electron/db-worker.ts).
   */
  token: z.string(),
  user: signedInUserSchema,
  idleMinutes: z.number().int(),
});
export type SignedIn = z.infer<typeof signedInSchema>;

/**
 * A refused sign-in is an answer, not an error: the screen says which of these it was. An
 * unknown name and a wrong password get the same answer, so names cannot be probed.
 */
export const signInOutcomeSchema = z.discriminatedUnion('outcome', [
  signedInSchema,
  z.object({ outcome: z.literal('wrongPassword') }),
  /** Too many wrong passwords: refused until `until` (ISO timestamp), whatever is typed. */
  z.object({ outcome: z.literal('locked'), until: z.string() }),
  /** Only said once the right password was given, so it tells nothing to someone guessing. */
  z.object({ outcome: z.literal('disabled') }),
]);
export type SignInOutcome = z.infer<typeof signInOutcomeSchema>;

export const createFirstAdministratorSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: newPasswordSchema,
});

const authorityInput = authoritySchema.nullable().optional();

/** Only prosecutors belong to a domestic authority (db/accounts checks the pair). */
export const addPersonSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  authority: authorityInput,
  password: newPasswordSchema,
});
export type AddPersonInput = z.input<typeof addPersonSchema>;
export type ValidAddPerson = z.output<typeof addPersonSchema>;

/** A correction: only the fields given change. The sign-in name never changes (the audit log names people by it). */
export const updatePersonSchema = z.strictObject({
  id: z.number().int().positive(),
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  authority: authorityInput,
  disabled: z.boolean().optional(),
});
export type UpdatePersonInput = z.input<typeof updatePersonSchema>;
export type ValidUpdatePerson = z.output<typeof updatePersonSchema>;

export const resetPasswordSchema = z.strictObject({ id: z.number().int().positive(), password: newPasswordSchema });

export const changePasswordSchema = z.strictObject({
  currentPassword: givenPasswordSchema,
  newPassword: newPasswordSchema,
});

/** A signed-in person sets the language of their own interface (kept for their next sign-in). */
export const setLanguageSchema = z.strictObject({ language: languageSchema });

/** Channels whose ok answer opens a session: the transports keep its token (see signedInSchema). */
export const SESSION_OPENING_CHANNELS: readonly ChannelName[] = [
  'accounts.signIn',
  'accounts.createFirstAdministrator',
];

/** The token a call's answer hands to the transport, if it opened a session. */
export function openedSessionToken(channel: string, envelope: Envelope<unknown>): string | null {
  if (!envelope.ok || !(SESSION_OPENING_CHANNELS as readonly string[]).includes(channel)) return null;
  const parsed = signedInSchema.safeParse(envelope.value);
  return parsed.success ? parsed.data.token : null;
}
