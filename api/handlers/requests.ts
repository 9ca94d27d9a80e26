import { localIsoDate } from '../../contract/dates.ts';
import type { Clock } from '../../db/register.ts';
import type { HandlerContext } from '../context.ts';
import type { HandlersFor } from '../handler-types.ts';
import { assertEventAllowed, assertRequestVisible, scopeOf } from '../access.ts';

export function clockOf(ctx: HandlerContext): Clock {
  const now = ctx.now();
  return { at: now.toISOString(), today: localIsoDate(now) };
}

export const requestHandlers: HandlersFor<'requests.'> = {
  'requests.register': (input, ctx) => ctx.register.requests.register(input, ctx.caller, clockOf(ctx)),
  'requests.update': (input, ctx) => ctx.register.requests.update(input, ctx.caller, clockOf(ctx)),
  'requests.list': (input, ctx) => ctx.register.requests.list(input, clockOf(ctx).today, scopeOf(ctx.caller)),
  'requests.get': async (input, ctx) => {
    await assertRequestVisible(ctx, input.id);
    return ctx.register.requests.get(input.id, scopeOf(ctx.caller));
  },
  'requests.transition': (input, ctx) => ctx.register.requests.move(input, ctx.caller, clockOf(ctx)),
  'requests.recordEvent': async (input, ctx) => {
    assertEventAllowed(ctx.caller, input.type);
    await assertRequestVisible(ctx, input.id);
    const scope = scopeOf(ctx.caller);
    const detail = await ctx.register.requests.recordEvent(input, ctx.caller, clockOf(ctx));
    // What a prosecutor gets back shows only the links they may follow.
    return scope === null ? detail : ctx.register.requests.get(input.id, scope);
  },
  'requests.link': (input, ctx) => ctx.register.requests.link(input, ctx.caller, clockOf(ctx)),
  'requests.unlink': (input, ctx) => ctx.register.requests.unlink(input.id, input.linkId, ctx.caller, clockOf(ctx)),
  'requests.assign': (input, ctx) => ctx.register.requests.assign(input, ctx.caller, clockOf(ctx)),
  'requests.facets': (_input, ctx) => ctx.register.requests.facets(scopeOf(ctx.caller)),
};
