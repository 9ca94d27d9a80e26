import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SHA256_HEX } from '../../contract/documents.ts';
import { AppError, appError, problem } from '../../contract/errors.ts';
import { reasonOf } from '../errors.ts';
import {
  DocumentIntegrityError,
  type DocumentKeys,
  documentKeys,
  encryptingStream,
  readStoredDocument,
  sealedName,
  sealedSize,
} from '../keys/document-cipher.ts';
import type { RegisterKey } from '../keys/register-key.ts';

/**
 * The document files of a register: `<dataDir>/documents/<first two hex>/<name>`, stored once
 * per content. In a plain register the name is the file's SHA-256, so it says what the file
 * must hash to. In an encrypted register (db/keys/document-cipher.ts) the file is encrypted
 * with a key derived from the register key and named by an HMAC of its SHA-256, so the folder
 * neither shows the documents nor tells which known files it holds. Files are streamed in and
 * out in chunks: evidence can be gigabytes, the process small.
 */
export interface BlobStore {
  root: string;
  /** Set when the register is encrypted: its documents are too. */
  keys: DocumentKeys | null;
}

export function blobStoreBeside(databaseFile: string, key?: RegisterKey): BlobStore {
  return {
    root: path.join(path.dirname(path.resolve(databaseFile)), 'documents'),
    keys: key ? documentKeys(key) : null,
  };
}

export function blobPath(store: BlobStore, sha256: string): string {
  // The name comes from the database: refuse anything but a hash before it touches a path.
  if (!SHA256_HEX.test(sha256)) throw appError('internal', 'document.notSha256', { value: sha256.slice(0, 80) });
  const name = store.keys ? sealedName(store.keys, sha256) : sha256;
  return path.join(store.root, name.slice(0, 2), name);
}

/** A stored file's bytes as they were attached (decrypted on the way in an encrypted register). */
export function readStored(store: Pick<BlobStore, 'keys'>, file: string): Readable {
  return readStoredDocument(store.keys, file);
}

/** Bytes kept from the start of a file, enough for every magic number we recognise. */
export const HEAD_BYTES = 64;
const CHUNK = 1024 * 1024;

/** A pass-through that hashes and counts what flows through it and keeps its first bytes. */
function meter() {
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      done(null, chunk);
    },
  });
  return { stream, digest: () => hash.digest('hex'), size: () => size, head: () => head };
}

function fsyncFile(file: string): void {
  // 'r+': Windows flushes only handles opened for writing.
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface StoredBlob {
  sha256: string;
  size: number;
  head: Buffer;
  /** False when the same content was already in the store. */
  created: boolean;
}

/**
 * Streams `source` into a temporary file inside the store while hashing it, then renames it to
 * its hash (atomic on one file system). A failure leaves no file behind, in the store or its
 * temporary folder; the hash is of the very bytes written, even if the source changes meanwhile.
 * `source` is a file's path, or bytes the app made in memory (a generated letter, db/letters/).
 */
export async function storeFile(store: BlobStore, source: string | Buffer): Promise<StoredBlob> {
  const tmpDir = path.join(store.root, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${crypto.randomBytes(12).toString('hex')}.part`);
  const m = meter();
  let readFailed = false;
  const input =
    typeof source === 'string' ? fs.createReadStream(source, { highWaterMark: CHUNK }) : Readable.from([source]);
  input.once('error', () => {
    readFailed = true;
  });
  try {
    const output = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    if (store.keys) await pipeline(input, m.stream, encryptingStream(store.keys), output);
    else await pipeline(input, m.stream, output);
    fsyncFile(tmp);
    const sha256 = m.digest();
    const target = blobPath(store, sha256);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const existing = fs.statSync(target, { throwIfNoEntry: false });
    try {
      // Replacing the same content costs a rename and repairs a stored file that was damaged.
      if (existing) fs.chmodSync(target, 0o600); // Windows will not replace a read-only file
      fs.renameSync(tmp, target);
    } catch (e) {
      // Windows refuses to replace a file another program is reading: keep that copy.
      if (existing?.size !== (store.keys ? sealedSize(m.size()) : m.size())) throw e;
      fs.chmodSync(target, 0o444);
      fs.rmSync(tmp, { force: true });
    }
    // Read-only: nothing in MLA Desk writes to a stored file again.
    fs.chmodSync(target, 0o444);
    return { sha256, size: m.size(), head: m.head(), created: existing === undefined };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    if (readFailed) {
      throw appError('invalid_input', 'document.sourceNotReadWhole', { reason: reasonOf(e) }, [
        problem('source', 'field.fileNotReadWhole'),
      ]);
    }
    throw appError('storage', 'document.notStored', { reason: reasonOf(e) });
  }
}

/** Removes a stored file (after its row could not be written). */
export function discardBlob(store: BlobStore, sha256: string): void {
  const file = blobPath(store, sha256);
  try {
    fs.chmodSync(file, 0o600);
    fs.rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to undo.
  }
}

/**
 * The SHA-256 of a stored file's bytes as attached, read in chunks; null when there is no such
 * file, 'unreadable' when an encrypted one no longer decrypts (altered, cut, or not ours).
 */
export async function hashFile(store: Pick<BlobStore, 'keys'>, file: string): Promise<string | null> {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return null;
  const hash = crypto.createHash('sha256');
  try {
    for await (const chunk of readStored(store, file)) hash.update(chunk as Buffer);
  } catch (e) {
    if (e instanceof DocumentIntegrityError) return UNREADABLE;
    throw e;
  }
  return hash.digest('hex');
}

/** What hashFile answers for an encrypted file that does not decrypt. */
export const UNREADABLE = 'unreadable';

/**
 * Copies a stored file to `dest`, hashing on the way: a copy that does not hash to `sha256`
 * is removed and refused, so no one is handed altered evidence as if it were the original.
 */
export async function copyVerified(
  store: Pick<BlobStore, 'keys'>,
  source: string,
  sha256: string,
  dest: string,
): Promise<number> {
  if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) {
    throw appError('not_found', 'document.storedFileMissing');
  }
  const m = meter();
  try {
    await pipeline(readStored(store, source), m.stream, fs.createWriteStream(dest));
  } catch (e) {
    fs.rmSync(dest, { force: true });
    if (e instanceof DocumentIntegrityError) {
      throw appError('storage', 'document.doesNotDecrypt');
    }
    throw appError('storage', 'document.copyNotWritten', { reason: reasonOf(e) });
  }
  if (m.digest() !== sha256) {
    fs.rmSync(dest, { force: true });
    throw appError('storage', 'document.hashChanged');
  }
  return m.size();
}
