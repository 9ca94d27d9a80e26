import { z } from 'zod';
import { readKeyFile, type RegisterKey } from '../db/keys/register-key.ts';

/**
 * `--key-file FILE`: the key of an encrypted register, as 64 hexadecimal digits (what
 * `npm run web` keeps in register.key and `mla-desk key recover` writes). Without it, only an
 * unencrypted register opens, and a new register is made unencrypted.
 */
export const KEY_FILE_OPTION = { 'key-file': { type: 'string' } } as const;

export const keyFileSchema = z.string().trim().min(1, { message: '--key-file needs a file path' }).optional();

export const KEY_FILE_USAGE = '[--key-file KEY]';

/** The key in the file named by --key-file, if one was named (a clear message if it is not a key). */
export function keyFrom(file: string | undefined): RegisterKey | undefined {
  return file === undefined ? undefined : readKeyFile(file);
}
