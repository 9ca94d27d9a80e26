import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRegisterKey, keyId } from '../../../db/keys/register-key.ts';
import {
  generateRecoveryPassphrase,
  normalisePassphrase,
  RECOVERY_SCRYPT,
  readRecoveryFile,
  recoveryFileFor,
  unwrapRegisterKey,
  wrapRegisterKey,
  writeRecoveryFile,
} from '../../../db/keys/recovery.ts';
import { tempDir } from '../../helpers/temp-register.ts';

/** The smallest cost the record accepts: the tests check the wrapping, not the cost. */
const CHEAP = { N: 2 ** 14, r: 8, p: 1 };

describe('the recovery passphrase', () => {
  it('is six groups of five characters of Crockford base 32, different every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const passphrase = generateRecoveryPassphrase();
      expect(passphrase).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
      seen.add(passphrase);
    }
    expect(seen.size).toBe(200);
  });

  it('is read back whatever the case, spacing and look-alike letters a person typed', () => {
    expect(normalisePassphrase(' abcd0-1ijkl o ')).toBe(normalisePassphrase('ABCD0-11JK1-0'));
  });

  it('unwraps the key it wrapped, typed loosely', async () => {
    const key = generateRegisterKey();
    const passphrase = generateRecoveryPassphrase();
    const record = await wrapRegisterKey(key, passphrase, CHEAP);
    expect(record.keyId).toBe(keyId(key));
    const typed = passphrase.toLowerCase().replaceAll('-', ' ');
    expect((await unwrapRegisterKey(record, typed)).equals(key)).toBe(true);
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    const record = await wrapRegisterKey(generateRegisterKey(), generateRecoveryPassphrase(), CHEAP);
    await expect(unwrapRegisterKey(record, generateRecoveryPassphrase())).rejects.toMatchObject({
      problem: 'wrong_key',
      message: 'That recovery passphrase does not unlock this register.',
    });
  });

  it('refuses a record whose wrapped key, or the key id it claims, was changed', async () => {
    const passphrase = generateRecoveryPassphrase();
    const record = await wrapRegisterKey(generateRegisterKey(), passphrase, CHEAP);
    const wrapped = Buffer.from(record.wrapped, 'base64');
    wrapped[0] = (wrapped[0] ?? 0) ^ 1;
    await expect(
      unwrapRegisterKey({ ...record, wrapped: wrapped.toString('base64') }, passphrase),
    ).rejects.toMatchObject({
      problem: 'wrong_key',
    });
    await expect(unwrapRegisterKey({ ...record, keyId: '0123456789abcdef' }, passphrase)).rejects.toMatchObject({
      problem: 'wrong_key',
    });
  });

  it('is memory-hard by default: scrypt with at least 64 MiB', async () => {
    expect(128 * RECOVERY_SCRYPT.N * RECOVERY_SCRYPT.r).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    const key = generateRegisterKey();
    const passphrase = generateRecoveryPassphrase();
    const record = await wrapRegisterKey(key, passphrase);
    expect(record.kdf).toMatchObject({ name: 'scrypt', N: RECOVERY_SCRYPT.N, r: RECOVERY_SCRYPT.r });
    expect((await unwrapRegisterKey(record, passphrase)).equals(key)).toBe(true);
  });

  it('is kept in a file beside the register that holds no key in clear and reads back', async () => {
    const dir = tempDir();
    const file = recoveryFileFor(path.join(dir, 'register.sqlite'));
    const key = generateRegisterKey();
    const record = await wrapRegisterKey(key, generateRecoveryPassphrase(), CHEAP);
    writeRecoveryFile(file, record);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    expect(readRecoveryFile(file)).toEqual(record);
  });

  it('refuses a file that is not a recovery file, saying so', () => {
    const file = path.join(tempDir(), 'x.json');
    fs.writeFileSync(file, '{"format":"something else"}');
    expect(() => readRecoveryFile(file)).toThrow(expect.objectContaining({ problem: 'wrong_key' }));
    fs.writeFileSync(file, 'not json');
    expect(() => readRecoveryFile(file)).toThrow(/cannot be read/);
  });
});
