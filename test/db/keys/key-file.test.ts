import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateRegisterKey,
  isPlainSqliteFile,
  keyPragma,
  parseKeyText,
  readKeyFile,
  writeKeyFile,
} from '../../../db/keys/register-key.ts';
import { tempDir } from '../../helpers/temp-register.ts';

describe('a key file', () => {
  it('round-trips a key, readable by its owner only', () => {
    const file = path.join(tempDir(), 'register.key');
    const key = generateRegisterKey();
    writeKeyFile(file, key);
    expect(readKeyFile(file).equals(key)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('is never overwritten by a new key', () => {
    const file = path.join(tempDir(), 'register.key');
    writeKeyFile(file, generateRegisterKey());
    expect(() => writeKeyFile(file, generateRegisterKey())).toThrow(/EEXIST/);
  });

  it.each([
    ['empty', ''],
    ['too short', 'abcd'],
    ['not hexadecimal', 'z'.repeat(64)],
    ['a quote trying to reach SQL', `${'a'.repeat(62)}'"`],
    ['two keys', `${'a'.repeat(64)}\n${'b'.repeat(64)}`],
  ])('refuses %s content with a message saying what a key is', (_name, text) => {
    expect(() => parseKeyText(text)).toThrow(/64 hexadecimal digits/);
  });

  it('refuses a missing or oversized file by name', () => {
    const dir = tempDir();
    expect(() => readKeyFile(path.join(dir, 'none.key'))).toThrow(/none\.key cannot be read/);
    const big = path.join(dir, 'big.key');
    fs.writeFileSync(big, 'a'.repeat(5000));
    expect(() => readKeyFile(big)).toThrow(/too large/);
  });

  it('keys SQL with hexadecimal digits only', () => {
    expect(keyPragma(Buffer.alloc(32, 0xab))).toBe(`key = "x'${'ab'.repeat(32)}'"`);
    expect(() => keyPragma(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('tells a plain SQLite file from anything else by its header', () => {
    const dir = tempDir();
    const plain = path.join(dir, 'plain');
    fs.writeFileSync(plain, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    const other = path.join(dir, 'other');
    fs.writeFileSync(other, Buffer.alloc(100, 7));
    expect(isPlainSqliteFile(plain)).toBe(true);
    expect(isPlainSqliteFile(other)).toBe(false);
    expect(isPlainSqliteFile(path.join(dir, 'missing'))).toBe(false);
  });
});
