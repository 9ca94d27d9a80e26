import type { Person, SignedIn, SignedInUser } from '../../contract/accounts.ts';
import { appError } from '../../contract/errors.ts';
import type { HandlerContext } from '../context.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

const userOf = ({ id, username, displayName, role, authority, language }: Person): SignedInUser => ({
  id,
  username,
  displayName,
  role,
  authority,
  language,
});

/** Opens this transport's session for the person (the transport keeps the token). */
async function signedIn(person: Person, ctx: HandlerContext): Promise<SignedIn> {
  const token = ctx.session.begin(person.id);
  return { outcome: 'signedIn', token, user: userOf(person), idleMinutes: (await ctx.register.settings()).idleMinutes };
}

/** The caller's own account: callers the transport vouches for have none. */
function ownAccount(ctx: HandlerContext): number {
  if (ctx.caller.userId === null) throw appError('denied', 'call.noOwnAccount');
  return ctx.caller.userId;
}

export const accountHandlers: HandlersFor<'accounts.'> = {
  'accounts.status': async (_input, ctx) => {
    const signedInNow = ctx.session.state === 'signedIn' && ctx.caller.userId !== null;
    const person =
      signedInNow && ctx.caller.userId !== null ? await ctx.register.accounts.find(ctx.caller.userId) : null;
    return {
      firstRun: await ctx.register.accounts.firstRun(),
      user: person ? userOf(person) : null,
      idleMinutes: (await ctx.register.settings()).idleMinutes,
    };
  },
  'accounts.createFirstAdministrator': async (input, ctx) =>
    signedIn(await ctx.register.accounts.createFirstAdministrator(input, await clockOf(ctx)), ctx),
  'accounts.signIn': async (input, ctx) => {
    const result = await ctx.register.accounts.signIn(input.username, input.password, ctx.now);
    return result.outcome === 'signedIn' ? signedIn(result.person, ctx) : result;
  },
  'accounts.signOut': async (_input, ctx) => ({ signedOut: ctx.session.end() }),
  'accounts.changePassword': async (input, ctx) => {
    const id = ownAccount(ctx);
    await ctx.register.accounts.changePassword(
      id,
      input.currentPassword,
      input.newPassword,
      ctx.caller,
      await clockOf(ctx),
    );
    return { changed: true };
  },
  'accounts.list': (_input, ctx) => ctx.register.accounts.list(),
  'accounts.names': (_input, ctx) => ctx.register.accounts.names(),
  'accounts.add': async (input, ctx) => ctx.register.accounts.add(input, ctx.caller, await clockOf(ctx)),
  'accounts.update': async (input, ctx) => {
    const person = await ctx.register.accounts.update(input, ctx.caller, await clockOf(ctx));
    // The next call of a disabled person is refused anyway; their open sessions go at once.
    if (person.disabled) ctx.session.endAllOf(person.id);
    return person;
  },
  'accounts.resetPassword': async (input, ctx) => {
    const person = await ctx.register.accounts.resetPassword(input.id, input.password, ctx.caller, await clockOf(ctx));
    // Whoever is signed in with the old password is signed out.
    ctx.session.endAllOf(person.id);
    return person;
  },
  'accounts.unlock': async (input, ctx) => ctx.register.accounts.unlock(input.id, ctx.caller, await clockOf(ctx)),
  'accounts.setLanguage': async (input, ctx) => {
    const person = await ctx.register.accounts.setLanguage(
      ownAccount(ctx),
      input.language,
      ctx.caller,
      await clockOf(ctx),
    );
    return { language: person.language ?? input.language };
  },
};
