import fs from 'node:fs';
import path from 'node:path';
import { StorageError } from '../db/errors.ts';
import type { KeyStore } from '../db/keys/acquire.ts';
import { fileKeyStore, keyFileIn } from '../db/keys/file-key-store.ts';
import { formatKeyText, parseKeyText, type RegisterKey } from '../db/keys/register-key.ts';

/** The part of Electron's safeStorage used here (typed locally so tests need no Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which store seals ('basic_text' is a fixed password in Chromium, no protection). */
  getSelectedStorageBackend?(): string;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

export function sealedKeyFileIn(dataDir: string): string {
  return path.join(dataDir, 'register.key.sealed');
}

/**
 * Whether sealing means something here. On Linux without the Secret Service or KWallet,
 * Chromium "encrypts" with a password written in its own source ('basic_text'): the key would
 * look sealed and be as open as a plain file, so it is kept as the plain file it is, and the
 * Security panel says so.
 */
function hasRealKeyStore(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  const backend = safeStorage.getSelectedStorageBackend?.();
  return backend === undefined || (backend !== 'basic_text' && backend !== 'unknown');
}

/**
 * The desktop app's key store: the register key wrapped by the operating system's key store
 * (Electron safeStorage: DPAPI on Windows, the Keychain on macOS, the Secret Service or
 * KWallet on Linux) in `register.key.sealed` beside the register, so the file alone opens
 * nothing on another account or machine. A plain `register.key` found there (what
 * `mla-desk key recover` writes after the key store was lost) is sealed and then removed.
 * Where the system offers no key store, the key stays in the plain key file, readable by its
 * owner only, and the Security panel says so.
 */
export function osKeyStore(dataDir: string, safeStorage: SafeStorageLike): KeyStore {
  const plain = fileKeyStore(keyFileIn(dataDir));
  if (!hasRealKeyStore(safeStorage)) return plain;
  const sealedFile = sealedKeyFileIn(dataDir);
  const save = (key: RegisterKey) => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(sealedFile, safeStorage.encryptString(formatKeyText(key)), { mode: 0o600, flag: 'wx' });
  };
  return {
    kind: 'os',
    location: sealedFile,
    load() {
      if (fs.existsSync(sealedFile)) {
        let text: string;
        try {
          text = safeStorage.decryptString(fs.readFileSync(sealedFile));
        } catch (e) {
          throw new StorageError(
            'wrong_key',
            `This system's key store cannot unseal the register key in ${sealedFile} (it was sealed for another ` +
              `user account or machine, or the key store was reset): ${(e as Error).message}. ` +
              `Recover the key with the administrator's recovery passphrase (mla-desk key recover).`,
          );
        }
        return parseKeyText(text, `The sealed key ${sealedFile}`);
      }
      const recovered = plain.load();
      if (recovered === null) return null;
      save(recovered);
      fs.rmSync(plain.location, { force: true });
      return recovered;
    },
    save,
  };
}
