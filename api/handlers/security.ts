import { appError } from '../../contract/errors.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const securityHandlers: HandlersFor<'security.'> = {
  'security.status': async (_input, ctx) => {
    const status = ctx.register.encryption.status();
    return { ...status, keyStore: status.encrypted ? (ctx.app.keyStore ?? 'file') : 'none' };
  },
  'security.createRecoveryPassphrase': async (_input, ctx) => {
    if (!ctx.register.encryption.status().encrypted) {
      throw appError('storage', 'key.notEncrypted');
    }
    return ctx.register.encryption.createRecoveryPassphrase(ctx.caller, await clockOf(ctx));
  },
};
