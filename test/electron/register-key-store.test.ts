import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyFileIn } from '../../db/keys/file-key-store.ts';
import { generateRegisterKey, writeKeyFile } from '../../db/keys/register-key.ts';
import { osKeyStore, type SafeStorageLike, sealedKeyFileIn } from '../../electron/register-key-store.ts';
import { tempDir } from '../helpers/temp-register.ts';

/** A stand-in for Electron's safeStorage: reversible, but never the text it was given. */
function fakeSafeStorage(available = true): SafeStorageLike & { sealed: number } {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  const store = {
    sealed: 0,
    isEncryptionAvailable: () => available,
    encryptString: (text: string) => {
      store.sealed += 1;
      return mask(Buffer.from(`sealed:${text}`));
    },
    decryptString: (data: Buffer) => {
      const text = mask(data).toString();
      if (!text.startsWith('sealed:'))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice('sealed:'.length);
    },
  };
  return store;
}

describe('the desktop app’s key store', () => {
  it('keeps the key sealed by the operating system, never in a plain file', () => {
    const dir = tempDir();
    const safe = fakeSafeStorage();
    const store = osKeyStore(dir, safe);
    const key = generateRegisterKey();
    store.save(key);
    expect(store.kind).toBe('os');
    expect(fs.existsSync(keyFileIn(dir))).toBe(false);
    expect(fs.readFileSync(sealedKeyFileIn(dir)).includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(osKeyStore(dir, safe).load()?.equals(key)).toBe(true);
  });

  it('seals a recovered plain key file and removes it', () => {
    const dir = tempDir();
    const key = generateRegisterKey();
    writeKeyFile(keyFileIn(dir), key);
    const safe = fakeSafeStorage();
    expect(osKeyStore(dir, safe).load()?.equals(key)).toBe(true);
    expect(safe.sealed).toBe(1);
    expect(fs.existsSync(keyFileIn(dir))).toBe(false);
    expect(osKeyStore(dir, safe).load()?.equals(key)).toBe(true);
  });

  it('answers with nothing when there is no key yet', () => {
    expect(osKeyStore(tempDir(), fakeSafeStorage()).load()).toBeNull();
  });

  it('falls back to a key file readable by its owner only where the system has no key store, and says so', () => {
    const dir = tempDir();
    const store = osKeyStore(dir, fakeSafeStorage(false));
    expect(store.kind).toBe('file');
    store.save(generateRegisterKey());
    expect(fs.existsSync(keyFileIn(dir))).toBe(true);
    expect(fs.existsSync(sealedKeyFileIn(dir))).toBe(false);
  });

  it('does not pretend to seal with Chromium’s fixed-password store on a Linux without a key ring', () => {
    const dir = tempDir();
    const store = osKeyStore(dir, { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'basic_text' });
    expect(store.kind).toBe('file');
    expect(osKeyStore(dir, { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'gnome_libsecret' }).kind).toBe(
      'os',
    );
  });

  it('refuses a sealed key the system cannot unseal (another account or machine)', () => {
    const dir = tempDir();
    osKeyStore(dir, fakeSafeStorage()).save(generateRegisterKey());
    fs.writeFileSync(sealedKeyFileIn(dir), Buffer.from('garbage'));
    expect(() => osKeyStore(dir, fakeSafeStorage()).load()).toThrow(
      expect.objectContaining({
        problem: 'wrong_key',
        message: expect.stringMatching(/cannot unseal.*recovery passphrase/),
      }),
    );
  });
});
