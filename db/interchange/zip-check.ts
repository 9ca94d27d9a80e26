import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Checks that an XLSX file is a whole ZIP archive before the workbook reader sees it: its
 * directory where it should be, every entry where the directory says, and every entry
 * inflating to exactly its recorded size and CRC-32. exceljs's streaming reader waits for ever
 * on an archive whose compressed bytes are damaged (a flipped byte, as a bad disk or a broken
 * transfer leaves), neither ending nor failing; this check finds such damage at once.
 */

/** What is wrong with an archive (import.file.xlsxDamage.<kind> words it), and the entry it is in. */
export interface ZipDamage {
  kind:
    | 'noDirectory'
    | 'directoryPastEnd'
    | 'directoryDamaged'
    | 'entryMisplaced'
    | 'entryDisagrees'
    | 'entryPastEnd'
    | 'entryCompression'
    | 'entryDamaged'
    | 'tooLarge';
  entry?: string;
}

/** Inflated bytes an import will unpack at most (a register of 250,000 requests is well under). */
export const MAX_INFLATED_BYTES = 2 * 1024 ** 3;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DATA_DESCRIPTOR_FLAG = 0x08;

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const n = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, n);
}

/** The archive's directory, or the reason it cannot be trusted; null for ZIP64 (not checked here). */
function readDirectory(fd: number, fileSize: number): { entries: Entry[]; directoryOffset: number } | ZipDamage | null {
  const tail = readAt(fd, Math.max(0, fileSize - 65_557), Math.min(fileSize, 65_557));
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return { kind: 'noDirectory' };
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return null;
  const endOffset = fileSize - tail.length + at;
  if (directoryOffset + directorySize > endOffset) return { kind: 'directoryPastEnd' };
  const directory = readAt(fd, directoryOffset, directorySize);
  const entries: Entry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) return { kind: 'directoryDamaged' };
    const nameLength = directory.readUInt16LE(p + 28);
    const entry: Entry = {
      flags: directory.readUInt16LE(p + 8),
      method: directory.readUInt16LE(p + 10),
      crc: directory.readUInt32LE(p + 16),
      compressed: directory.readUInt32LE(p + 20),
      size: directory.readUInt32LE(p + 24),
      offset: directory.readUInt32LE(p + 42),
      name: directory.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) return null;
    entries.push(entry);
    p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
  }
  return { entries, directoryOffset };
}

/** Inflates one entry from its place in the file, checking size and CRC-32 as it goes. */
async function checkEntry(file: string, fd: number, entry: Entry, directoryOffset: number): Promise<ZipDamage | null> {
  const damaged = (kind: ZipDamage['kind']): ZipDamage => ({ kind, entry: entry.name });
  const local = readAt(fd, entry.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) return damaged('entryMisplaced');
  if ((entry.flags & DATA_DESCRIPTOR_FLAG) === 0) {
    // Without a data descriptor the local header must agree with the directory: a streaming
    // reader believes the local header.
    const agrees =
      local.readUInt32LE(14) === entry.crc &&
      local.readUInt32LE(18) === entry.compressed &&
      local.readUInt32LE(22) === entry.size &&
      local.readUInt16LE(8) === entry.method;
    if (!agrees) return damaged('entryDisagrees');
  }
  const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressed > directoryOffset) return damaged('entryPastEnd');
  if (entry.method !== 0 && entry.method !== 8) return damaged('entryCompression');
  let size = 0;
  let crc = 0;
  const count = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      crc = zlib.crc32(chunk, crc);
      // Past its recorded size: damaged, or a bomb; stop inflating now.
      done(size > entry.size ? new Error('longer than recorded') : null);
    },
  });
  const raw = entry.compressed === 0 ? null : fs.createReadStream(file, { start, end: start + entry.compressed - 1 });
  try {
    if (raw === null) count.end();
    else if (entry.method === 0) await pipeline(raw, count);
    else await pipeline(raw, zlib.createInflateRaw(), count);
  } catch {
    return damaged('entryDamaged');
  }
  return size === entry.size && crc === entry.crc ? null : damaged('entryDamaged');
}

/** Null when the archive is whole, else why it is not. */
export async function zipDamage(file: string): Promise<ZipDamage | null> {
  const fd = fs.openSync(file, 'r');
  try {
    const { size: fileSize } = fs.fstatSync(fd);
    const directory = readDirectory(fd, fileSize);
    if (directory === null) return null; // ZIP64: left to the reader (and its stall guard)
    if ('kind' in directory) return directory;
    const { entries, directoryOffset } = directory;
    const inflated = entries.reduce((sum, e) => sum + e.size, 0);
    if (inflated > MAX_INFLATED_BYTES) return { kind: 'tooLarge' };
    for (const entry of entries) {
      const problem = await checkEntry(file, fd, entry, directoryOffset);
      if (problem !== null) return problem;
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
