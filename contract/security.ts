import { z } from 'zod';

/** Where the register key is kept: see db/keys/ and electron/register-key-store.ts. */
export const KEY_STORES = ['os', 'file', 'none'] as const;
export type KeyStoreKind = (typeof KEY_STORES)[number];

export const encryptionStatusSchema = z.object({
  encrypted: z.boolean(),
  /** 'os': the operating system's key store; 'file': a key file readable by its owner only; 'none': not encrypted. */
  keyStore: z.enum(KEY_STORES),
  keyId: z.string().nullable(),
  recoveryReady: z.boolean(),
  recoveryCreatedAt: z.string().nullable(),
});
export type EncryptionStatus = z.infer<typeof encryptionStatusSchema>;

export const recoveryPassphraseSchema = z.object({ passphrase: z.string() });
