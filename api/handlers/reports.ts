import { fileSlug } from '../../contract/reports.ts';
import { prepareTarget } from '../files.ts';
import { scopeOf } from '../access.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const reportHandlers: HandlersFor<'reports.'> = {
  'reports.status': async ({ target, ...input }, ctx) => {
    const { today } = await clockOf(ctx);
    const out = prepareTarget(target, `status-report-${fileSlug(input.value)}-${today}.${input.format}`, ctx.files);
    await ctx.register.reports.statusReport(input, out.path, today, scopeOf(ctx.caller));
    return out.done();
  },
  'reports.list': async ({ target, ...input }, ctx) => {
    const { today } = await clockOf(ctx);
    const out = prepareTarget(target, `register-${today}.${input.format}`, ctx.files);
    await ctx.register.reports.exportList(input, out.path, today, scopeOf(ctx.caller));
    return out.done();
  },
};
