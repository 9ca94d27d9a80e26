import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRegisterKey } from '../../../db/keys/acquire.ts';
import { fileKeyStore, keyFileIn } from '../../../db/keys/file-key-store.ts';
import { generateRegisterKey } from '../../../db/keys/register-key.ts';
import { openSqliteRegister } from '../../../db/register.ts';
import { MIGRATIONS, tempDir } from '../../helpers/temp-register.ts';

describe('the key a register is opened with', () => {
  it('is made and stored on first use, and the same key comes back after', () => {
    const dir = tempDir();
    const store = fileKeyStore(keyFileIn(dir));
    const first = acquireRegisterKey(store, path.join(dir, 'register.sqlite'));
    expect(first.created).toBe(true);
    expect(fs.existsSync(keyFileIn(dir))).toBe(true);
    const second = acquireRegisterKey(store, path.join(dir, 'register.sqlite'));
    expect(second).toEqual({ key: first.key, created: false });
  });

  it('is made for a plain register that exists, which opening with it then encrypts', () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true }).close();
    const { key, created } = acquireRegisterKey(fileKeyStore(keyFileIn(dir)), file);
    expect(created).toBe(true);
    openSqliteRegister({ file, migrationsFolder: MIGRATIONS, key }).close();
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('is never invented for an encrypted register whose key is missing: the message says how to recover it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true, key: generateRegisterKey() }).close();
    expect(() => acquireRegisterKey(fileKeyStore(keyFileIn(dir)), file)).toThrow(
      expect.objectContaining({ problem: 'encrypted', message: expect.stringMatching(/mla-desk key recover/) }),
    );
    expect(fs.existsSync(keyFileIn(dir))).toBe(false);
  });
});
