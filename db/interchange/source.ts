import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import type { InterchangeFormat } from '../../contract/interchange.ts';
import { englishText, type MessageKey, type MessageParams } from '../../contract/messages.ts';

/**
 * Something wrong with the file as a whole (not UTF-8, broken quoting, not a workbook),
 * found at a row: reading stops there, and the import reports it like any other problem.
 * Said by a key of the messages catalog; its parameters hold the row.
 */
export class FileProblem extends Error {
  readonly row: number;
  readonly key: MessageKey;
  readonly params: MessageParams;
  constructor(row: number, key: MessageKey, params: MessageParams = {}) {
    const withRow = { ...params, row };
    super(englishText(key, withRow));
    this.name = 'FileProblem';
    this.row = row;
    this.key = key;
    this.params = withRow;
  }
}

/** How far reading has got, for progress, and the file's SHA-256. */
export interface SourceMeter {
  readonly bytesTotal: number;
  bytesRead(): number;
  /** From the bytes read on the way, or, if reading stopped early (an XLSX's later sheets), the whole file again. */
  sha256(): Promise<string>;
}

/** The file each opened stream reads, for a reader that checks the file as a whole first (XLSX). */
const sourceFiles = new WeakMap<Readable, string>();

export function sourceFileOf(stream: Readable): string | undefined {
  return sourceFiles.get(stream);
}

/**
 * Opens a file for one streaming pass, counting and hashing the bytes as they go by, so the
 * audit log can name exactly the file that was imported without reading it twice.
 */
export function openSource(file: string): { stream: Readable; meter: SourceMeter } {
  const bytesTotal = fs.statSync(file).size;
  const hash = crypto.createHash('sha256');
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  input.on('error', (e) => counter.destroy(e));
  // Closing the reader early (the first worksheet is all we need) must release the file too.
  counter.on('close', () => input.destroy());
  const stream = input.pipe(counter);
  sourceFiles.set(stream, file);
  return {
    stream,
    meter: {
      bytesTotal,
      bytesRead: () => read,
      sha256: async () => {
        if (read === bytesTotal) return hash.copy().digest('hex');
        const whole = crypto.createHash('sha256');
        for await (const chunk of fs.createReadStream(file)) whole.update(chunk as Buffer);
        return whole.digest('hex');
      },
    },
  };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** What a file is by its first bytes (an upload has no name): an XLSX workbook is a zip archive. */
export function sniffFormat(file: string): InterchangeFormat {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    const n = fs.readSync(fd, head, 0, 4, 0);
    return n === 4 && head.equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  } finally {
    fs.closeSync(fd);
  }
}
