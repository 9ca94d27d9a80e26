import { assertRequestVisible } from '../access.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const clockHandlers: HandlersFor<'clocks.'> = {
  'clocks.settings': (_input, ctx) => ctx.register.clocks.settings(),
  'clocks.saveSettings': async (input, ctx) =>
    ctx.register.clocks.updateSettings(input, ctx.caller, await clockOf(ctx)),
  'clocks.ofRequest': async (input, ctx) => {
    await assertRequestVisible(ctx, input.id);
    return ctx.register.clocks.ofRequest(input.id, ctx.now());
  },
};
