import type { HandlersFor } from '../handler-types.ts';

/** Saved views belong to the caller: the owner is never taken from the input. */
export const viewHandlers: HandlersFor<'views.'> = {
  'views.list': (_input, ctx) => ctx.register.views.list(ctx.caller.name),
  'views.save': (input, ctx) => ctx.register.views.save(ctx.caller.name, input, ctx.now().toISOString()),
  'views.delete': (input, ctx) => ctx.register.views.delete(ctx.caller.name, input.id),
};
