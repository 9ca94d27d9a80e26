import { checkWritablePath } from '../files.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const appHandlers: HandlersFor<'app.' | 'settings.' | 'register.'> = {
  'app.info': async (_input, ctx) => ({
    name: ctx.app.name,
    version: ctx.app.version,
    schemaVersion: ctx.register.schemaVersion,
    databaseFile: ctx.register.location,
    actor: { name: ctx.caller.name, roles: [...ctx.caller.roles] },
    today: (await clockOf(ctx)).today,
  }),
  'app.integrity': (_input, ctx) => ctx.register.auditChain(),
  'register.backup': (input, ctx) => {
    checkWritablePath(input.file, ctx.files, 'file');
    return ctx.register.backupTo(input.file);
  },
  'settings.get': (_input, ctx) => ctx.register.settings(),
  'settings.update': async (input, ctx) => {
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    return ctx.register.updateSettings(patch, ctx.caller, await clockOf(ctx));
  },
};
