import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRegisterKey, readKeyFile, writeKeyFile } from '../../db/keys/register-key.ts';
import { openDatabase } from '../../db/open.ts';
import { cli, cliWithInput } from '../helpers/cli-io.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

function encryptedRegister() {
  const dir = tempDir();
  const db = path.join(dir, 'register.sqlite');
  const keyFile = path.join(dir, 'register.key');
  const key = generateRegisterKey();
  writeKeyFile(keyFile, key);
  return { dir, db, keyFile, key };
}

describe('--key-file', () => {
  it('creates an encrypted register with init, which check then opens only with the key', async () => {
    const { db, keyFile } = encryptedRegister();
    expect((await cli('init', '--db', db, '--key-file', keyFile)).out[0]).toMatch(/encrypted/);
    expect(await cli('check', '--db', db, '--key-file', keyFile)).toMatchObject({ code: 0 });
    const without = await cli('check', '--db', db);
    expect(without.code).toBe(1);
    expect(without.err.join('\n')).toMatch(/encrypted.*--key-file/);
  });

  it('refuses a wrong key file by name and a file that is not a key, with exit 1', async () => {
    const { db, keyFile, dir } = encryptedRegister();
    await cli('init', '--db', db, '--key-file', keyFile);
    const other = path.join(dir, 'other.key');
    writeKeyFile(other, generateRegisterKey());
    const wrong = await cli('check', '--db', db, '--key-file', other);
    expect(wrong.code).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/key does not open/);
    const notKey = path.join(dir, 'notes.txt');
    fs.writeFileSync(notKey, 'hello');
    const bad = await cli('check', '--db', db, '--key-file', notKey);
    expect(bad.err.join('\n')).toMatch(/64 hexadecimal digits/);
  });

  it('seeds, exports and prints statistics of an encrypted register', async () => {
    const { db, keyFile, dir } = encryptedRegister();
    expect(await cli('seed', '--db', db, '--count', '20', '--key-file', keyFile)).toMatchObject({ code: 0 });
    const csv = path.join(dir, 'out.csv');
    expect(await cli('export', csv, '--db', db, '--key-file', keyFile)).toMatchObject({ code: 0 });
    expect(fs.readFileSync(csv, 'utf8').split('\n').length).toBeGreaterThan(20);
    const stats = await cli('stats', '--db', db, '--year', '2025', '--key-file', keyFile);
    expect(stats.code).toBe(0);
    expect(() => JSON.parse(stats.out.join('\n')) as unknown).not.toThrow();
  });
});

describe('mla-desk key-passphrase and key-recover', () => {
  it('makes a passphrase that recovers the key into a new key file, which opens the register', async () => {
    const { db, keyFile, key, dir } = encryptedRegister();
    await cli('init', '--db', db, '--key-file', keyFile);
    const made = await cli('key-passphrase', '--db', db, '--key-file', keyFile);
    expect(made.code).toBe(0);
    const passphrase = /Recovery passphrase: (\S+)/.exec(made.out.join('\n'))?.[1];
    expect(passphrase).toMatch(/^[0-9A-Z-]{35}$/);
    const out = path.join(dir, 'recovered.key');
    const recovered = await cliWithInput(`${passphrase}\n`, 'key-recover', '--db', db, '--out', out);
    expect(recovered).toMatchObject({ code: 0 });
    expect(readKeyFile(out).equals(key)).toBe(true);
    openDatabase({ file: db, migrationsFolder: MIGRATIONS, key: readKeyFile(out) }).close();
  });

  it('refuses a wrong passphrase and writes no key file', async () => {
    const { db, keyFile, dir } = encryptedRegister();
    await cli('init', '--db', db, '--key-file', keyFile);
    await cli('key-passphrase', '--db', db, '--key-file', keyFile);
    const out = path.join(dir, 'recovered.key');
    const run = await cliWithInput('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF\n', 'key-recover', '--db', db, '--out', out);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/does not unlock/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says so when the register has no recovery file, or nothing is piped in', async () => {
    const { db, keyFile, dir } = encryptedRegister();
    await cli('init', '--db', db, '--key-file', keyFile);
    const out = path.join(dir, 'recovered.key');
    expect((await cliWithInput('x\n', 'key-recover', '--db', db, '--out', out)).err.join('\n')).toMatch(
      /recovery\.json cannot be read/,
    );
    await cli('key-passphrase', '--db', db, '--key-file', keyFile);
    expect((await cli('key-recover', '--db', db, '--out', out)).err.join('\n')).toMatch(/standard input/);
    expect((await cliWithInput('\n', 'key-recover', '--db', db, '--out', out)).err.join('\n')).toMatch(
      /No recovery passphrase/,
    );
  });

  it('refuses key-passphrase for a register without a key', async () => {
    const { db } = encryptedRegister();
    await cli('init', '--db', db);
    const run = await cli('key-passphrase', '--db', db);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/--key-file is required/);
  });
});
