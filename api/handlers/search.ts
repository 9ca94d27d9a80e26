import { scopeOf } from '../access.ts';
import type { HandlersFor } from '../handler-types.ts';

export const searchHandlers: HandlersFor<'search.'> = {
  'search.requests': (input, ctx) => ctx.register.search.search(input, scopeOf(ctx.caller)),
};
