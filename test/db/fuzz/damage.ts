import fc from 'fast-check';
import { expect } from 'vitest';
import { AppError } from '../../../contract/errors.ts';

/** Long enough for any file the fuzz makes; a read that takes longer is taken for a hang. */
export const HANG_MS = 20_000;

export function withinTime<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${HANG_MS} ms`)), HANG_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves with the value, or with the AppError it was refused with; anything else fails the test. */
export async function typed<T>(promise: Promise<T>, what: string): Promise<T | AppError> {
  try {
    return await withinTime(promise, what);
  } catch (e) {
    if (e instanceof AppError) {
      expect(e.message.trim(), what).not.toBe('');
      return e;
    }
    throw e;
  }
}

/** One to three damages to a file's bytes: cut short, bytes flipped, inserted, removed or repeated. */
export function damaged(bytes: Buffer): fc.Arbitrary<Buffer> {
  const at = fc.nat({ max: Math.max(0, bytes.length - 1) });
  const junk = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 16 }),
    fc.constantFrom(
      Uint8Array.from([0]),
      Uint8Array.from([0xff, 0xfe]),
      Uint8Array.from([0xef, 0xbb, 0xbf]),
      Uint8Array.from([0xc3]), // a UTF-8 character cut short
      Uint8Array.from([0xed, 0xa0, 0x80]), // a surrogate encoded as UTF-8
      Buffer.from('"'),
      Buffer.from('\r'),
      Buffer.from(',,,,'),
      Buffer.from('\n\n\n'),
    ),
  );
  type Damage = (b: Buffer) => Buffer;
  const damage: fc.Arbitrary<Damage> = fc.oneof(
    at.map(
      (n): Damage =>
        (b) =>
          b.subarray(0, Math.min(n, b.length)),
    ),
    fc
      .array(fc.tuple(at, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
      .map((flips): Damage => (b) => {
        const copy = Buffer.from(b);
        for (const [i, v] of flips) if (i < copy.length) copy[i] = v;
        return copy;
      }),
    fc.tuple(at, junk).map(
      ([n, j]): Damage =>
        (b) =>
          Buffer.concat([b.subarray(0, n), j, b.subarray(n)]),
    ),
    fc.tuple(at, fc.nat({ max: 4_000 })).map(
      ([n, k]): Damage =>
        (b) =>
          Buffer.concat([b.subarray(0, n), b.subarray(n + k)]),
    ),
    fc.tuple(at, fc.nat({ max: 2_000 })).map(
      ([n, k]): Damage =>
        (b) =>
          Buffer.concat([b.subarray(0, n + k), b.subarray(n, n + k), b.subarray(n + k)]),
    ),
  );
  return fc.array(damage, { minLength: 1, maxLength: 3 }).map((ds) => ds.reduce((b, d) => d(b), bytes));
}
