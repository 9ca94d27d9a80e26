import { localIsoDate } from '../../contract/dates.ts';
import type { Clock } from '../../db/register.ts';
import type { HandlerContext } from '../context.ts';
import type { HandlersFor } from '../handler-types.ts';

export function clockOf(ctx: HandlerContext): Clock {
  const now = ctx.now();
  return { at: now.toISOString(), today: localIsoDate(now) };
}

export const requestHandlers: HandlersFor<'requests.'> = {
  'requests.register': (input, ctx) => ctx.register.requests.register(input, ctx.caller, clockOf(ctx)),
  'requests.update': (input, ctx) => ctx.register.requests.update(input, ctx.caller, clockOf(ctx)),
  'requests.list': (input, ctx) => ctx.register.requests.list(input, clockOf(ctx).today),
  'requests.get': (input, ctx) => ctx.register.requests.get(input.id),
  'requests.transition': (input, ctx) => ctx.register.requests.move(input, ctx.caller, clockOf(ctx)),
  'requests.recordEvent': (input, ctx) => ctx.register.requests.recordEvent(input, ctx.caller, clockOf(ctx)),
  'requests.link': (input, ctx) => ctx.register.requests.link(input, ctx.caller, clockOf(ctx)),
  'requests.unlink': (input, ctx) => ctx.register.requests.unlink(input.id, input.linkId, ctx.caller, clockOf(ctx)),
  'requests.assign': (input, ctx) => ctx.register.requests.assign(input, ctx.caller, clockOf(ctx)),
  'requests.facets': (_input, ctx) => ctx.register.requests.facets(),
};
