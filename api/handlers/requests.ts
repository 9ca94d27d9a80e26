import { type Clock, officeClock } from '../../db/register.ts';
import type { HandlerContext } from '../context.ts';
import type { HandlersFor } from '../handler-types.ts';
import { assertEventAllowed, assertRequestVisible, scopeOf } from '../access.ts';

/**
 * When a call happens: the moment, and the office's calendar day in its zone as the legal clocks
 * count it (db/clocks/store.ts officeDay). Every handler's "today" comes from here.
 */
export async function clockOf(ctx: HandlerContext): Promise<Clock> {
  return officeClock(ctx.register.clocks, ctx.now());
}

export const requestHandlers: HandlersFor<'requests.'> = {
  'requests.register': async (input, ctx) => ctx.register.requests.register(input, ctx.caller, await clockOf(ctx)),
  'requests.update': async (input, ctx) => ctx.register.requests.update(input, ctx.caller, await clockOf(ctx)),
  'requests.list': async (input, ctx) =>
    ctx.register.requests.list(input, (await clockOf(ctx)).today, scopeOf(ctx.caller)),
  'requests.get': async (input, ctx) => {
    await assertRequestVisible(ctx, input.id);
    return ctx.register.requests.get(input.id, scopeOf(ctx.caller));
  },
  'requests.transition': async (input, ctx) => ctx.register.requests.move(input, ctx.caller, await clockOf(ctx)),
  'requests.recordEvent': async (input, ctx) => {
    assertEventAllowed(ctx.caller, input.type);
    await assertRequestVisible(ctx, input.id);
    const scope = scopeOf(ctx.caller);
    const detail = await ctx.register.requests.recordEvent(input, ctx.caller, await clockOf(ctx));
    // What a prosecutor gets back shows only the links they may follow.
    return scope === null ? detail : ctx.register.requests.get(input.id, scope);
  },
  'requests.link': async (input, ctx) => ctx.register.requests.link(input, ctx.caller, await clockOf(ctx)),
  'requests.unlink': async (input, ctx) =>
    ctx.register.requests.unlink(input.id, input.linkId, ctx.caller, await clockOf(ctx)),
  'requests.assign': async (input, ctx) => ctx.register.requests.assign(input, ctx.caller, await clockOf(ctx)),
  'requests.facets': (_input, ctx) => ctx.register.requests.facets(scopeOf(ctx.caller)),
};
