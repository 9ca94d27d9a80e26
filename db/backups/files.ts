import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Byte-for-byte copies that hash what they write, so a manifest records the very bytes in the
 * backup. Documents and databases are copied as they lie on disk: once they are encrypted at
 * rest, a backup holds them encrypted with the same key, and nothing here decrypts anything.
 */

const CHUNK = 1024 * 1024;

export interface Written {
  size: number;
  sha256: string;
}

function fsync(file: string): void {
  // 'r+': Windows flushes only handles opened for writing.
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Streams `source` to a new file `dest` (never over an existing one), hashing on the way, then flushes it. */
export async function copyHashed(source: string, dest: string): Promise<Written> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(
    fs.createReadStream(source, { highWaterMark: CHUNK }),
    meter,
    fs.createWriteStream(dest, { flags: 'wx', mode: 0o600 }),
  );
  fsync(dest);
  return { size, sha256: hash.digest('hex') };
}

/** The same, blocking: for the backup taken while the register is being opened (before a migration). */
export function copyHashedSync(source: string, dest: string): Written {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.alloc(CHUNK);
  let size = 0;
  const input = fs.openSync(source, 'r');
  try {
    const output = fs.openSync(dest, 'wx', 0o600);
    try {
      for (;;) {
        const read = fs.readSync(input, buffer, 0, CHUNK, null);
        if (read === 0) break;
        const chunk = buffer.subarray(0, read);
        hash.update(chunk);
        let written = 0;
        while (written < read) written += fs.writeSync(output, chunk, written, read - written);
        size += read;
      }
      fs.fsyncSync(output);
    } finally {
      fs.closeSync(output);
    }
  } finally {
    fs.closeSync(input);
  }
  return { size, sha256: hash.digest('hex') };
}

export async function hashFile(file: string): Promise<Written> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

export function hashFileSync(file: string): Written {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.alloc(CHUNK);
  let size = 0;
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      size += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/**
 * Shares an unchanged document with the previous backup instead of copying it again: a hard
 * link, so it costs no space and each backup folder still holds every file it needs. False
 * where the file system has no hard links (FAT, some network shares): the caller copies.
 */
export function tryHardLink(existing: string, dest: string): boolean {
  try {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.linkSync(existing, dest);
    return true;
  } catch {
    return false;
  }
}

/** The size of a file, or null when there is no such file. */
export function sizeOf(file: string): number | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? stat.size : null;
}
