import path from 'node:path';
import fc from 'fast-check';

/**
 * The raw material of the fuzz tests: hostile strings, numbers and shapes, and fast-check
 * arbitraries built from them. One fixed seed, so a failure reproduces run after run.
 */
export const FUZZ_SEED = 20_261_106;

/** Lone halves of surrogate pairs: valid in a JS string, invalid in UTF-8, JSON-escapable. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any code unit at all: control characters, lone surrogates, the rest of Unicode. */
const anyUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
);

export const anyString = fc.string({ unit: anyUnit, maxLength: 40 });

/** Strings that have broken parsers, paths, headers, logs or SQL somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  'x'.repeat(10_000),
  'é'.repeat(10_000),
  '😀'.repeat(5_000),
  'ش'.repeat(10_001),
  '\u0000',
  'a\u0000b',
  '\u0001\u001f\u007f',
  'line\r\nSet-Cookie: x=1',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDBFF\uDBFF',
  '\u202Efdp.exe',
  '\uFEFF',
  '\u200B\u200D',
  'ＣＯＮ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE requests; --",
  '" OR 1=1 --',
  '"NEAR( * OR',
  '%00',
  '%2e%2e%2f',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  'CON',
  'NUL',
  'COM1',
  'LPT1.txt',
  'trailing. ',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '=cmd|" /C calc"!A0',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'null',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-3-2',
  '+275760-09-13',
  'FR',
  'fr',
  'QQ',
  'mla',
  'incoming',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  2,
  3,
  -1,
  0.5,
  -1.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1899,
  1900,
  2026,
  2200,
  2201,
];

/** Nested `depth` levels deep, as an array or an object chain. */
export function nested(depth: number, as: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = as === 'array' ? [value] : { a: value };
  return value;
}

/**
 * An object whose own keys are the ones prototype pollution rides on. Built by JSON.parse, as
 * a transport would build it: a literal `{ __proto__: … }` would set the prototype instead.
 */
export function pollutingObject(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const own = JSON.parse(
    '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}',
  ) as Record<string, unknown>;
  return Object.assign(own, extra);
}

/** True when no prototype-pollution payload has reached Object.prototype. */
export function prototypesClean(): boolean {
  const probe: Record<string, unknown> = {};
  return probe['polluted'] === undefined && Object.getOwnPropertyNames(Object.prototype).every((k) => k !== 'polluted');
}

/** Strings only: the hostile list and random text with every kind of code unit. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: anyString },
);

const invalidDates = [new Date(Number.NaN), new Date(8.64e15 + 1), new Date('2026-02-30'), new Date(-1e15)];

/** Single values chosen to hurt: each of the lists above, and shapes that are not data. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...invalidDates) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      [],
      {},
      [null],
      10n ** 30n,
      -1n,
      new Map([['id', 1]]),
      new Set([1, 2]),
      new Uint8Array([0xff, 0xfe, 0]),
      Object.create(null) as unknown,
      new String('incoming'), // a boxed string, which is not a string to a schema
      // A sparse array: holes where values should be.
      Object.assign(new Array<unknown>(3), { 2: 1 }),
    ),
  },
  // Deeper nesting is tried outside fast-check, whose printing of a counterexample recurses.
  { weight: 1, arbitrary: fc.constantFrom(1, 50, 500).map((d) => nested(d, 'array')) },
  { weight: 1, arbitrary: fc.constantFrom(1, 50, 500).map((d) => nested(d, 'object')) },
  { weight: 1, arbitrary: fc.constant(null).map(() => pollutingObject()) },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 100_000).map((n) => Array.from({ length: n }, (_, i) => i + 1)) },
  { weight: 2, arbitrary: anyString },
);

/** Anything fast-check can make that structured clone (Electron IPC) could carry, and more. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 4,
  maxKeys: 8,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: anyUnit,
  values: [hostileValue],
});

/** What JSON.parse makes of random JSON text (own `__proto__` keys included). */
export const parsedJson: fc.Arbitrary<unknown> = fc
  .json({ depthSize: 'small', maxDepth: 4 })
  .map((text) => JSON.parse(text) as unknown);

/** Whole payloads with no regard for any channel. */
export const randomPayload: fc.Arbitrary<unknown> = fc.oneof(anyValue, parsedJson, hostileValue);

/** The contract's test for an absolute path on any platform (contract/files.ts). */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * Keeps every path a payload names inside `sandbox`. The tests run as whatever user the
 * machine gives them (root, here): a generated "/etc/x" that a channel accepted would really
 * be written. A path already inside the sandbox, with no dot-dot segment, is kept; any other
 * absolute path becomes one file name inside the sandbox, its separators replaced.
 */
export function confine(value: unknown, sandbox: string): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!ABSOLUTE.test(trimmed)) return value;
    if (trimmed.startsWith(sandbox + path.sep) && !trimmed.includes('..')) return value;
    return path.join(sandbox, 'elsewhere', trimmed.replace(/[\\/]/g, '_').slice(0, 200) || '_');
  }
  if (Array.isArray(value)) {
    // Not slice() or map(): an own "constructor" key on the array would decide what they build.
    const out: unknown[] = [];
    out.length = value.length;
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = confine(value[i], sandbox);
    for (const key of Object.keys(value)) {
      if (/^\d+$/.test(key)) continue;
      const own = (value as unknown as Record<string, unknown>)[key];
      Object.defineProperty(out, key, { value: own, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) return value; // Map, Set, Date, typed arrays, boxed values
    const out = Object.create(proto) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      // defineProperty, not assignment: an own "__proto__" key must stay an own key.
      Object.defineProperty(out, key, {
        value: confine((value as Record<string, unknown>)[key], sandbox),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
