import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Reading generated letters back as a reader's software would: the text of a DOCX's parts
 * (a ZIP of XML, read here with Node's zlib, so no tool is needed), and the text pdftotext
 * finds in a PDF.
 */

/** The files of a ZIP archive by name (stored or deflated entries, as Office writes them). */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  // The end of central directory record: the last "PK\x05\x06".
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP archive');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    files.set(name, method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The text of a WordprocessingML part: every text node (the runs' text; a field's code too),
 * a line per paragraph, a line break as a new line.
 */
export function wordText(xml: string): string {
  return xml
    .replace(/<w:br\/>|<\/w:p>/g, '\n')
    .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');
}

/** The body and the header and footer of a DOCX, as text. */
export function docxText(bytes: Buffer): { body: string; header: string; footer: string; files: Map<string, Buffer> } {
  const files = unzip(bytes);
  const part = (name: string) => wordText(files.get(name)?.toString('utf8') ?? '');
  return { body: part('word/document.xml'), header: part('word/header1.xml'), footer: part('word/footer1.xml'), files };
}

/** The text of a PDF as pdftotext reads it (reading order, UTF-8), spaces kept. */
export function pdfTextOf(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'letter-pdf-')), 'letter.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
