import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Poppler's tools (poppler-utils, installed by .ci/run), as a reader's machine sees a PDF:
 * the fonts it holds, the text it gives back, the pages it draws.
 */

/** Directional marks pdftotext puts around right-to-left and embedded left-to-right text. */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text as the tests compare it: no bidi marks, every run of spaces (no-break ones too) one space. */
export const normalText = (text: string) => text.replace(BIDI_MARKS, '').replace(/\s+/g, ' ');

/** The text of a PDF as pdftotext gives it (logical order), normalised (normalText). */
export function pdfText(file: string): string {
  return normalText(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

export interface PdfFont {
  name: string;
  embedded: boolean;
  unicode: boolean;
}

/** The fonts pdffonts lists: name, embedded, with a ToUnicode map. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    // name, type (may hold spaces), encoding, then emb sub uni and the object id.
    const columns = line.trim().split(/\s+/);
    const [emb, , uni] = columns.slice(-5);
    return { name: columns[0] ?? '', embedded: emb === 'yes', unicode: uni === 'yes' };
  });
}

/** Draws each page at `dpi` into `dir` as `<name>-<page>.png`; returns the files. */
export function renderPages(file: string, dir: string, name: string, dpi = 60): string[] {
  fs.mkdirSync(dir, { recursive: true });
  for (const old of fs.readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) {
    fs.rmSync(path.join(dir, old));
  }
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, path.join(dir, name)]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => path.join(dir, f));
}
