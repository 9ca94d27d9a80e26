import crypto from 'node:crypto';
import fs from 'node:fs';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import type { RegisterKey } from './register-key.ts';

/**
 * How stored documents are encrypted at rest, with keys derived from the register key (so the
 * one key and its recovery passphrase cover the register and its files):
 *
 *   file  = MAGIC(8) || noncePrefix(8) || chunk(0) || chunk(1) || ... || chunk(n)
 *   chunk = AES-256-GCM(plaintext[i], nonce = noncePrefix || i as uint32, aad = i || final?)
 *           || tag(16)
 *
 * Plaintext chunks are CHUNK_BYTES long except the last, which is shorter (possibly empty) and
 * marked final in its authenticated data: a file cut short, chunks swapped, or a chunk from
 * another file fails the tag check. Streaming both ways: evidence can be gigabytes.
 */
export const DOCUMENT_MAGIC = Buffer.from('MLADENC1', 'latin1');
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const PREFIX_BYTES = 8;
const HEADER_BYTES = DOCUMENT_MAGIC.length + PREFIX_BYTES;
const SEALED_CHUNK = CHUNK_BYTES + TAG_BYTES;

export interface DocumentKeys {
  /** Encrypts the files. */
  content: Buffer;
  /** Names them: the stored name is an HMAC of the SHA-256, so the folder does not reveal which known files it holds. */
  naming: Buffer;
}

export function documentKeys(registerKey: RegisterKey): DocumentKeys {
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', registerKey, Buffer.alloc(0), info, 32));
  return { content: derive('mla-desk documents content v1'), naming: derive('mla-desk documents naming v1') };
}

/** The stored name of a document whose plaintext hashes to `sha256`. */
export function sealedName(keys: DocumentKeys, sha256: string): string {
  return crypto.createHmac('sha256', keys.naming).update(sha256).digest('hex');
}

/** The stored size of a document of `plainSize` bytes. */
export function sealedSize(plainSize: number): number {
  const fullChunks = Math.floor(plainSize / CHUNK_BYTES);
  return HEADER_BYTES + plainSize + (fullChunks + 1) * TAG_BYTES;
}

/** The plaintext size of a stored document of `stored` bytes (null if no document has that size). */
export function plainSizeOf(stored: number): number | null {
  const body = stored - HEADER_BYTES;
  if (body < TAG_BYTES) return null;
  const fullChunks = Math.floor((body - TAG_BYTES) / SEALED_CHUNK);
  const plain = body - (fullChunks + 1) * TAG_BYTES;
  return sealedSize(plain) === stored ? plain : null;
}

const aad = (index: number, final: boolean) => {
  const b = Buffer.alloc(5);
  b.writeUInt32BE(index, 0);
  b[4] = final ? 1 : 0;
  return b;
};

function nonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX_BYTES);
  return n;
}

export class DocumentIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentIntegrityError';
  }
}

/** A transform that encrypts a document's bytes into the stored form. */
export function encryptingStream(keys: DocumentKeys): Transform {
  const prefix = crypto.randomBytes(PREFIX_BYTES);
  let index = 0;
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  const seal = (plain: Buffer, final: boolean): Buffer => {
    const cipher = crypto.createCipheriv('aes-256-gcm', keys.content, nonce(prefix, index));
    cipher.setAAD(aad(index, final));
    const out = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    index += 1;
    return out;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!started) {
        this.push(Buffer.concat([DOCUMENT_MAGIC, prefix]));
        started = true;
      }
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      // Keep at least one byte back: the last chunk must be the one marked final.
      while (pending.length > CHUNK_BYTES) {
        this.push(seal(pending.subarray(0, CHUNK_BYTES), false));
        pending = pending.subarray(CHUNK_BYTES);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(Buffer.concat([DOCUMENT_MAGIC, prefix]));
      if (pending.length === CHUNK_BYTES) {
        this.push(seal(pending, false));
        pending = Buffer.alloc(0);
      }
      this.push(seal(pending, true));
      done();
    },
  });
}

/**
 * A transform that decrypts a stored document, failing (DocumentIntegrityError) on anything
 * that is not exactly what encryptingStream wrote with these keys: a changed byte, a cut, an
 * appended chunk, another file's chunk.
 */
export function decryptingStream(keys: DocumentKeys): Transform {
  let header: Buffer | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  let finished = false;
  const open = (sealed: Buffer, final: boolean): Buffer => {
    if (!header) throw new DocumentIntegrityError('The stored document has no header.');
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.content, nonce(header.subarray(8), index));
    decipher.setAAD(aad(index, final));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
      index += 1;
      return plain;
    } catch {
      throw new DocumentIntegrityError('The stored document was altered, cut short or encrypted with another key.');
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      try {
        if (finished) throw new DocumentIntegrityError('The stored document has bytes after its end.');
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        if (header === null) {
          if (pending.length < HEADER_BYTES) return done();
          header = pending.subarray(0, HEADER_BYTES);
          if (!header.subarray(0, DOCUMENT_MAGIC.length).equals(DOCUMENT_MAGIC)) {
            throw new DocumentIntegrityError('The stored document is not encrypted as MLA Desk stores documents.');
          }
          pending = pending.subarray(HEADER_BYTES);
        }
        // A full chunk is final only if nothing follows it: keep one back until more arrives.
        while (pending.length > SEALED_CHUNK) {
          this.push(open(pending.subarray(0, SEALED_CHUNK), false));
          pending = pending.subarray(SEALED_CHUNK);
        }
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (header === null || pending.length < TAG_BYTES) {
          throw new DocumentIntegrityError('The stored document was cut short.');
        }
        this.push(open(pending, true));
        finished = true;
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

/**
 * A stored document's bytes as they were attached: decrypted on the way when `keys` are given
 * (an encrypted register's documents), as they are otherwise. For the transports, which stream
 * documents to the page (app://, GET /documents/<id>/content).
 */
export function readStoredDocument(keys: DocumentKeys | null, file: string): Readable {
  const raw = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  if (!keys) return raw;
  const plain = decryptingStream(keys);
  raw.once('error', (e) => plain.destroy(e));
  return raw.pipe(plain);
}
