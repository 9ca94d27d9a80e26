import { Transform } from 'node:stream';

export interface Utf8Decoder extends Transform {
  /** Set when invalid bytes were met: the text before them was passed on, then the stream ended. */
  readonly invalid: { atLineStart: boolean } | null;
}

/** Bytes at the end of `bytes` that start a character the next chunk completes. */
function completeLength(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + length > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

// The byte-order mark is kept by the decoder and dropped here once, at the very start.
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

function decodes(bytes: Uint8Array): boolean {
  try {
    decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The text before the first invalid byte. A prefix, less a character it cuts short, decodes
 * up to that byte and fails after it, so bisection finds where it is.
 */
function validText(bytes: Buffer): string {
  const whole = (length: number) => bytes.subarray(0, completeLength(bytes.subarray(0, length)));
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (decodes(whole(mid))) low = mid;
    else high = mid - 1;
  }
  return decode(whole(low));
}

/**
 * Decodes UTF-8 strictly: a file saved in a legacy code page would otherwise come in with
 * its accented and Arabic letters silently replaced. At the first invalid byte it passes on
 * the valid text before it and ends, so the CSV reader can tell in which row the byte sits.
 */
export function strictUtf8(): Utf8Decoder {
  let carry = Buffer.alloc(0);
  let started = false;
  let lastChar = '\n';
  let invalid: { atLineStart: boolean } | null = null;

  const stream = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      if (invalid) return done();
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeLength(bytes);
      carry = Buffer.from(bytes.subarray(cut));
      const whole = bytes.subarray(0, cut);
      let text: string | null = null;
      try {
        text = decode(whole);
      } catch {
        // Not UTF-8: fail() finds where.
      }
      if (text === null) fail(whole);
      else pass(text);
      done();
    },
    flush(done) {
      if (!invalid && carry.length > 0) fail(carry);
      done();
    },
  });

  function pass(text: string): void {
    let out = text;
    if (!started && out !== '') {
      started = true;
      if (out.startsWith('\uFEFF')) out = out.slice(1);
    }
    if (out === '') return;
    lastChar = out.at(-1) ?? lastChar;
    stream.push(out);
  }

  function fail(bytes: Buffer): void {
    pass(validText(bytes));
    invalid = { atLineStart: lastChar === '\n' };
    stream.push(null);
  }

  return Object.defineProperty(stream, 'invalid', { get: () => invalid }) as Utf8Decoder;
}
