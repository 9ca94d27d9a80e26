import fs from 'node:fs';
import path from 'node:path';
import type { KeyStore } from './acquire.ts';
import { readKeyFile, type RegisterKey, writeKeyFile } from './register-key.ts';

/** The key file beside a register (`register.key`): what `npm run web` and a recovery leave. */
export function keyFileIn(dataDir: string): string {
  return path.join(dataDir, 'register.key');
}

/**
 * A key kept in a plain key file, readable by its owner only. For the web transport (a
 * development and test tool) and the command line; the desktop app keeps its key in the
 * operating system's key store instead (electron/register-key-store.ts).
 */
export function fileKeyStore(file: string): KeyStore {
  return {
    kind: 'file',
    location: file,
    load: (): RegisterKey | null => (fs.existsSync(file) ? readKeyFile(file) : null),
    save: (key) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeKeyFile(file, key);
    },
  };
}
