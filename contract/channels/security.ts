import { z } from 'zod';
import { channel } from '../channel.ts';
import { ADMINISTRATORS } from '../roles.ts';
import { encryptionStatusSchema, recoveryPassphraseSchema } from '../security.ts';

export const securityChannels = {
  /** Whether the register is encrypted, where its key is kept, and whether it can be recovered. */
  'security.status': channel({
    input: z.strictObject({}),
    output: encryptionStatusSchema,
    roles: ADMINISTRATORS,
    mutates: false,
  }),
  /** Makes a new recovery passphrase (the previous one stops working) and returns it, to be shown once. */
  'security.createRecoveryPassphrase': channel({
    input: z.strictObject({}),
    output: recoveryPassphraseSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
};
