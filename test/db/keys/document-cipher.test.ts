import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  decryptingStream,
  DocumentIntegrityError,
  documentKeys,
  encryptingStream,
  plainSizeOf,
  sealedName,
  sealedSize,
} from '../../../db/keys/document-cipher.ts';
import { generateRegisterKey } from '../../../db/keys/register-key.ts';

const keys = documentKeys(generateRegisterKey());

async function through(transform: NodeJS.ReadWriteStream, input: Buffer, pieces = 7919): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < input.length; i += pieces) parts.push(input.subarray(i, i + pieces));
  const out: Buffer[] = [];
  await pipeline(Readable.from(parts), transform, async (source: AsyncIterable<Buffer | string>) => {
    for await (const chunk of source) out.push(Buffer.from(chunk));
  });
  return Buffer.concat(out);
}

const seal = (plain: Buffer, k = keys) => through(encryptingStream(k), plain);
const open = (sealed: Buffer, k = keys) => through(decryptingStream(k), sealed);

describe('documents at rest', () => {
  it.each([0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 3 * CHUNK_BYTES + 77])(
    'round-trip %i bytes, stored at the size sealedSize says',
    async (size) => {
      const plain = crypto.randomBytes(size);
      const sealed = await seal(plain);
      expect(sealed.length).toBe(sealedSize(size));
      expect(plainSizeOf(sealed.length)).toBe(size);
      expect((await open(sealed)).equals(plain)).toBe(true);
    },
  );

  it('hold no plaintext: a known phrase in the document is not in the stored bytes', async () => {
    const plain = Buffer.from('Letter of request concerning Zhivago Quellenbach, '.repeat(5000));
    const sealed = await seal(plain);
    expect(sealed.includes(Buffer.from('Quellenbach'))).toBe(false);
  });

  it('refuse any single changed byte, anywhere', async () => {
    const plain = crypto.randomBytes(2 * CHUNK_BYTES + 100);
    const sealed = await seal(plain);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sealed.length - 1 }), async (at) => {
        const altered = Buffer.from(sealed);
        altered[at] = (altered[at] ?? 0) ^ 0x01;
        await expect(open(altered)).rejects.toBeInstanceOf(DocumentIntegrityError);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('refuse a file cut short at a chunk boundary, chunks swapped, bytes appended, or another key', async () => {
    const plain = crypto.randomBytes(3 * CHUNK_BYTES + 10);
    const sealed = await seal(plain);
    const header = 16;
    const whole = CHUNK_BYTES + 16;
    const cut = sealed.subarray(0, header + 2 * whole);
    await expect(open(cut)).rejects.toBeInstanceOf(DocumentIntegrityError);
    const swapped = Buffer.concat([
      sealed.subarray(0, header),
      sealed.subarray(header + whole, header + 2 * whole),
      sealed.subarray(header, header + whole),
      sealed.subarray(header + 2 * whole),
    ]);
    await expect(open(swapped)).rejects.toBeInstanceOf(DocumentIntegrityError);
    await expect(open(Buffer.concat([sealed, Buffer.alloc(20)]))).rejects.toBeInstanceOf(DocumentIntegrityError);
    await expect(open(sealed, documentKeys(generateRegisterKey()))).rejects.toBeInstanceOf(DocumentIntegrityError);
    await expect(open(Buffer.from('plain text, never encrypted'))).rejects.toBeInstanceOf(DocumentIntegrityError);
  });

  it('encrypt the same document differently each time, under a name that does not reveal its hash', async () => {
    const plain = Buffer.from('same');
    expect((await seal(plain)).equals(await seal(plain))).toBe(false);
    const sha = crypto.createHash('sha256').update(plain).digest('hex');
    const name = sealedName(keys, sha);
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(name).not.toBe(sha);
    expect(sealedName(keys, sha)).toBe(name);
    expect(sealedName(documentKeys(generateRegisterKey()), sha)).not.toBe(name);
  });
});
