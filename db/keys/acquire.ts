import fs from 'node:fs';
import { StorageError } from '../errors.ts';
import { generateRegisterKey, isPlainSqliteFile, type RegisterKey } from './register-key.ts';

/** Where a transport keeps the register key between starts. */
export interface KeyStore {
  /** 'os': wrapped by the operating system's key store (the desktop app); 'file': a key file (`npm run web`, the command line). */
  readonly kind: 'os' | 'file';
  /** Where it is, for messages. */
  readonly location: string;
  load(): RegisterKey | null;
  save(key: RegisterKey): void;
}

/**
 * The key to open the register with, made on first use: a register that does not exist yet,
 * or exists unencrypted (made by an earlier version, or by the command line without a key),
 * gets a new key, saved before the register is opened with it (which encrypts a plain one in
 * place). An encrypted register whose key is not in the store cannot be opened: the message
 * says how to recover it. Never replaces a stored key.
 */
export function acquireRegisterKey(store: KeyStore, databaseFile: string): { key: RegisterKey; created: boolean } {
  const stored = store.load();
  if (stored) return { key: stored, created: false };
  const exists = fs.existsSync(databaseFile) && fs.statSync(databaseFile).size > 0;
  if (exists && !isPlainSqliteFile(databaseFile)) {
    throw new StorageError('encrypted', {
      key: 'key.notInStore',
      params: { file: databaseFile, store: store.location },
    });
  }
  const key = generateRegisterKey();
  store.save(key);
  return { key, created: true };
}
