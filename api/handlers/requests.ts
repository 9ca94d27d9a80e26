import { localIsoDate } from '../../contract/dates.ts';
import type { HandlerContext } from '../context.ts';
import type { HandlersFor } from '../handler-types.ts';

export function clockOf(ctx: HandlerContext) {
  const now = ctx.now();
  return { at: now.toISOString(), today: localIsoDate(now) };
}

export const requestHandlers: HandlersFor<'requests.'> = {
  'requests.register': (input, ctx) => ctx.register.registerRequest(input, ctx.caller, clockOf(ctx)),
  'requests.list': (input, ctx) => ctx.register.listRequests(input),
  'requests.get': (input, ctx) => ctx.register.getRequest(input.id),
  'requests.transition': (input, ctx) => ctx.register.moveRequest(input, ctx.caller, clockOf(ctx)),
};
