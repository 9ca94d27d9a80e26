import { scopeOf } from '../access.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const dashboardHandlers: HandlersFor<'dashboard.'> = {
  // "Mine" is what is assigned to the signed-in person, by the name requests are assigned to.
  'dashboard.today': async (_input, ctx) =>
    ctx.register.dashboard.today(ctx.caller.displayName, (await clockOf(ctx)).today, scopeOf(ctx.caller)),
  // The legal clocks overdue or due soon, among the requests the caller may see.
  'dashboard.clocks': (_input, ctx) => ctx.register.clocks.due(ctx.now(), scopeOf(ctx.caller)),
};
