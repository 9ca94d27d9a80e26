import { appError } from '../../contract/errors.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const backupHandlers: HandlersFor<'backups.'> = {
  'backups.list': (_input, ctx) => ctx.register.backups.list(),
  'backups.create': (_input, ctx) => ctx.register.backups.create('on-demand', ctx.now()),
  'backups.verify': (input, ctx) => ctx.register.backups.verify(input.name, ctx.now()),
  'backups.restore': async (input, ctx) => {
    if (!ctx.registerSwap) {
      throw appError('storage', 'backup.replaceWhileOpen');
    }
    return ctx.registerSwap.restore(input.name, ctx.caller, await clockOf(ctx));
  },
  'backups.retention': async (input, ctx) => {
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    return ctx.register.backups.updateRetention(patch, ctx.caller, await clockOf(ctx));
  },
};
