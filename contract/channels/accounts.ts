import { z } from 'zod';
import {
  accountStatusSchema,
  addPersonSchema,
  changePasswordSchema,
  createFirstAdministratorSchema,
  languageSchema,
  personNameSchema,
  personSchema,
  resetPasswordSchema,
  setLanguageSchema,
  signedInSchema,
  signInOutcomeSchema,
  signInSchema,
  updatePersonSchema,
} from '../accounts.ts';
import { channel } from '../channel.ts';
import { ADMINISTRATORS, ANY_ROLE } from '../roles.ts';

const none = z.strictObject({});
const personId = z.strictObject({ id: z.number().int().positive() });

/**
 * Signing in and out, and the people of the office. The first four are public (nobody is
 * signed in yet when they are needed); the People screen's channels are the administrators'.
 */
export const accountChannels = {
  'accounts.status': channel({
    input: none,
    output: accountStatusSchema,
    roles: ANY_ROLE,
    mutates: false,
    public: true,
  }),
  /** Only while no account exists; the person who creates it is signed in at once. */
  'accounts.createFirstAdministrator': channel({
    input: createFirstAdministratorSchema,
    output: signedInSchema,
    roles: ANY_ROLE,
    mutates: true,
    public: true,
  }),
  'accounts.signIn': channel({
    input: signInSchema,
    output: signInOutcomeSchema,
    roles: ANY_ROLE,
    // Counts wrong passwords and records the sign-in.
    mutates: true,
    public: true,
  }),
  /** Ends this session, if one is open (signing out twice is not an error). */
  'accounts.signOut': channel({
    input: none,
    output: z.object({ signedOut: z.boolean() }),
    roles: ANY_ROLE,
    mutates: false,
    public: true,
  }),
  'accounts.changePassword': channel({
    input: changePasswordSchema,
    output: z.object({ changed: z.literal(true) }),
    roles: ANY_ROLE,
    mutates: true,
  }),
  'accounts.list': channel({
    input: none,
    output: z.array(personSchema),
    roles: ADMINISTRATORS,
    mutates: false,
  }),
  /**
   * Everyone's shown name, disabled accounts' included, for every role: the screens and the
   * case summary name the people who recorded a request's history, not their sign-in names.
   */
  'accounts.names': channel({
    input: none,
    output: z.array(personNameSchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
  'accounts.add': channel({
    input: addPersonSchema,
    output: personSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  /** Name, role, authority, and disabling or enabling the account. */
  'accounts.update': channel({
    input: updatePersonSchema,
    output: personSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  /** Sets a new password the administrator hands over; ends the person's open sessions. */
  'accounts.resetPassword': channel({
    input: resetPasswordSchema,
    output: personSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  /** The signed-in person's own interface language, kept for their next sign-in. */
  'accounts.setLanguage': channel({
    input: setLanguageSchema,
    output: z.object({ language: languageSchema }),
    roles: ANY_ROLE,
    mutates: true,
  }),
  /** Lifts a lock-out before its time. */
  'accounts.unlock': channel({
    input: personId,
    output: personSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
};
