import { prepareTarget } from '../files.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const statisticsHandlers: HandlersFor<'statistics.'> = {
  'statistics.year': (input, ctx) => ctx.register.statistics.year(input.year),
  'statistics.years': (_input, ctx) => ctx.register.statistics.years(),
  'statistics.trend': (input, ctx) => ctx.register.statistics.trend(input),
  'statistics.export': async ({ target, year, format, language }, ctx) => {
    const { today } = await clockOf(ctx);
    const out = prepareTarget(target, `statistics-${year}-${today}.${format}`, ctx.files);
    await ctx.register.statistics.exportYear(year, format, out.path, today, language);
    return out.done();
  },
  'statistics.freeze': async (input, ctx) => ctx.register.statistics.freeze(input, ctx.caller, await clockOf(ctx)),
  'statistics.snapshots': (input, ctx) => ctx.register.statistics.snapshots(input.year),
};
