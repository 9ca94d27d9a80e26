import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, parseHash, SCRYPT, verifyPassword } from '../../db/accounts/passwords.ts';

describe('password hashes', () => {
  it('are scrypt with N = 2^15, r = 8, p = 1 and a 16-byte salt, written out with the hash', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    const parsed = parseHash(stored);
    expect(parsed).toMatchObject({ N: 2 ** 15, r: 8, p: 1 });
    expect(parsed?.salt).toHaveLength(16);
    expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 15);
    // The very hash node:crypto computes with those parameters: nothing home-made.
    const expected = crypto.scryptSync('correct horse battery', parsed?.salt ?? Buffer.alloc(0), 32, {
      N: 2 ** 15,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    expect(parsed?.hash.equals(expected)).toBe(true);
  });

  it('salt each hash afresh: the same password never gives the same string', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(parseHash(a)?.salt.equals(parseHash(b)?.salt ?? Buffer.alloc(0))).toBe(false);
  });

  it('verify the right password only, exactly as typed', async () => {
    const stored = await hashPassword('Pässwort mit Leerzeichen ');
    expect(await verifyPassword('Pässwort mit Leerzeichen ', stored)).toBe(true);
    // The same text in another Unicode form (decomposed ä) is the same password.
    expect(await verifyPassword('Pa\u0308sswort mit Leerzeichen ', stored)).toBe(true);
    expect(await verifyPassword('Pässwort mit Leerzeichen', stored)).toBe(false);
    expect(await verifyPassword('pässwort mit leerzeichen ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('match nothing when the stored value is not a hash they can read, or asks for absurd costs', async () => {
    const stored = await hashPassword('secret password');
    const [, , , , salt, hash] = stored.split('$');
    for (const bad of [
      '',
      'plain text',
      `md5$${salt}$${hash}`,
      `scrypt$1000$8$1$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 24}$8$1$${salt}$${hash}`, // 16 GiB of memory per attempt
      `scrypt$32768$8$1$$${hash}`, // no salt
      `scrypt$32768$8$1$${salt}$`, // no hash
    ]) {
      expect(parseHash(bad), bad).toBeNull();
      expect(await verifyPassword('secret password', bad), bad).toBe(false);
    }
  });

  it('run off the main thread: the event loop keeps turning while hashes are computed', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    await Promise.all([hashPassword('a password'), hashPassword('another password')]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
