import crypto from 'node:crypto';

/**
 * Password hashes: scrypt (memory-hard), a random 16-byte salt per hash, compared in constant
 * time. The stored string names the algorithm and its parameters,
 * `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, so raising the cost later leaves older
 * hashes readable. N = 2^15 with r = 8 takes 32 MiB and a few tens of milliseconds per
 * attempt; it runs on libuv's thread pool (crypto.scrypt), so the process keeps answering.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** What a stored hash says of itself. */
export interface ParsedHash extends ScryptParameters {
  salt: Buffer;
  hash: Buffer;
}

/** Bounds for parameters read back from the file: a tampered row must not make a sign-in take minutes or gigabytes. */
const LIMITS = { maxN: 2 ** 20, maxR: 32, maxP: 16 };

function scrypt(password: string, salt: Buffer, params: ScryptParameters, keyLength: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly N = 2^15, r = 8.
  const maxmem = 128 * params.N * params.r * 2;
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SCRYPT.saltLength);
  const hash = await scrypt(password, salt, SCRYPT, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

const isPowerOfTwo = (n: number) => Number.isSafeInteger(n) && n > 1 && (n & (n - 1)) === 0;

export function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (!isPowerOfTwo(N) || N > LIMITS.maxN) return null;
  if (!Number.isSafeInteger(r) || r < 1 || r > LIMITS.maxR || !Number.isSafeInteger(p) || p < 1 || p > LIMITS.maxP) {
    return null;
  }
  if (salt.length < 16 || hash.length < 16 || hash.length > 64) return null;
  return { N, r, p, salt, hash };
}

/** Whether `password` is the one `stored` was made from. An unreadable stored value matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await scrypt(password, parsed.salt, parsed, parsed.hash.length);
  return crypto.timingSafeEqual(actual, parsed.hash);
}

let decoy: Promise<string> | null = null;

/**
 * A hash no password is known for: an unknown name is checked against it, so that it takes as
 * long to be refused as a wrong password and names cannot be told apart by timing.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(32).toString('base64'));
  return decoy;
}
