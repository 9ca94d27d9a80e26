import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const dashboardHandlers: HandlersFor<'dashboard.'> = {
  'dashboard.today': (_input, ctx) => ctx.register.dashboard.today(ctx.caller.name, clockOf(ctx).today),
};
