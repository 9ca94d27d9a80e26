import { registerReportFonts } from '../reports/fonts.ts';
import { type PdfText, type TextStyle, pdfText } from '../reports/pdf-text.ts';
import { type LaidBlock, type RenderedLetter, contactLine, groupRows } from './rendered.ts';
import { letterWords } from './words.ts';

/**
 * A letter as a PDF: A4 portrait, the letterhead at the head of every page (the logo at the
 * start of the line, the office, address and contacts beside it, a rule under them), our
 * reference and "Page n of m" at the foot. Text is laid out by the reports' module
 * (db/reports/pdf-text.ts: line breaking for every script, Arabic shaped, bidi order), so a
 * letter in Arabic reads from the right and one in Chinese wraps between characters. A
 * paragraph longer than the rest of a page goes on over the next one; a heading never ends a page.
 */

type Doc = PDFKit.PDFDocument;

const MARGIN_X = 56;
const MARGIN_TOP = 36;
const MARGIN_BOTTOM = 56;
const FOOTER_FROM_BOTTOM = 30;
const LOGO_MAX_HEIGHT = 48;
const LOGO_MAX_WIDTH = 150;
const BODY: TextStyle = { size: 10.5, lineGap: 1 };
const TITLE: TextStyle = { size: 13, bold: true };
const HEADING: TextStyle = { size: 11, bold: true };
const BULLET_INDENT = 16;
const LABEL_SHARE = 0.32;
const COLUMN_GAP = 10;

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Where the text may be cut to go on over the next page: between words, and at line ends. */
function cutPoints(text: string): number[] {
  const points: number[] = [];
  for (const { index } of words.segment(text)) if (index > 0) points.push(index);
  points.push(text.length);
  return points;
}

/**
 * The longest beginning of `text`, cut between words, whose lines fit in `height`; the rest
 * goes on. A line breaker that fills each line greedily lays a beginning out exactly as the
 * whole, so the cut falls at a line end.
 */
export function splitToFit(
  text: PdfText,
  content: string,
  width: number,
  style: TextStyle,
  height: number,
): [string, string] {
  if (text.height(content, width, style) <= height) return [content, ''];
  const points = cutPoints(content);
  let low = 0;
  let high = points.length - 1;
  let best = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const point = points[middle] ?? 0;
    if (text.height(content.slice(0, point).trimEnd(), width, style) <= height) {
      best = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (best < 0) return ['', content];
  const at = points[best] ?? 0;
  return [
    content.slice(0, at).trimEnd(),
    content
      .slice(at)
      .replace(/^[ \t]+/, '')
      .replace(/^\n/, ''),
  ];
}

interface Page {
  doc: Doc;
  text: PdfText;
  letter: RenderedLetter;
  /** Where the body starts below the letterhead, and where it must end. */
  top: number;
  bottom: number;
  y: number;
  width: number;
  /** Pages added so far: a value that went on over a page ends on another one. */
  number: number;
}

/** The letterhead at the head of the current page; returns where the body may start. */
function drawLetterhead(doc: Doc, text: PdfText, letter: RenderedLetter): number {
  const { letterhead } = letter;
  const width = doc.page.width - 2 * MARGIN_X;
  const rtl = letter.direction === 'rtl';
  let textLeft = MARGIN_X;
  let textWidth = width;
  let bottom = MARGIN_TOP;
  if (letterhead.logo && letterhead.logoBytes) {
    const scale = Math.min(LOGO_MAX_HEIGHT / letterhead.logo.height, LOGO_MAX_WIDTH / letterhead.logo.width);
    const w = letterhead.logo.width * scale;
    const h = letterhead.logo.height * scale;
    doc.image(letterhead.logoBytes, rtl ? doc.page.width - MARGIN_X - w : MARGIN_X, MARGIN_TOP, {
      width: w,
      height: h,
    });
    textWidth = width - w - 12;
    textLeft = rtl ? MARGIN_X : MARGIN_X + w + 12;
    bottom = MARGIN_TOP + h;
  }
  const words = letterWords(letter.language);
  let y = MARGIN_TOP;
  doc.fillColor('black');
  if (letterhead.officeName) y += text.draw(letterhead.officeName, textLeft, y, textWidth, { size: 12, bold: true });
  const small = [...letterhead.addressLines, contactLine(letterhead, words)].filter((l) => l !== '');
  for (const line of small) y += text.draw(line, textLeft, y, textWidth, { size: 8.5 });
  bottom = Math.max(bottom, y);
  if (bottom === MARGIN_TOP) return MARGIN_TOP;
  doc
    .moveTo(MARGIN_X, bottom + 6)
    .lineTo(doc.page.width - MARGIN_X, bottom + 6)
    .lineWidth(0.8)
    .strokeColor('black')
    .stroke();
  return bottom + 22;
}

function newPage(page: Page): void {
  page.doc.addPage();
  page.number += 1;
  page.top = drawLetterhead(page.doc, page.text, page.letter);
  page.y = page.top;
}

/**
 * Draws `content` from the current position, going on over as many pages as it needs;
 * `x` and `width` are the column, `first` (bullets) draws something beside its first line.
 */
function flow(
  page: Page,
  content: string,
  x: number,
  width: number,
  style: TextStyle & { align?: 'start' | 'end' | 'center' },
  first?: (y: number) => void,
): void {
  let rest = content;
  let started = false;
  while (true) {
    const room = page.bottom - page.y;
    const [head, tail] = splitToFit(page.text, rest, width, style, room);
    if (head === '' && page.y > page.top) {
      newPage(page);
      continue;
    }
    // A word taller than a whole page (it cannot happen with letter sizes) is drawn anyway.
    const drawn = head === '' ? rest : head;
    if (!started && first) first(page.y);
    started = true;
    page.y += page.text.draw(drawn, x, page.y, width, style);
    rest = head === '' ? '' : tail;
    if (rest === '') return;
    newPage(page);
  }
}

function ensureRoom(page: Page, height: number): void {
  if (page.y + height > page.bottom && page.y > page.top) newPage(page);
}

function drawBlock(page: Page, block: LaidBlock, next: LaidBlock | undefined): void {
  const { text } = page;
  const left = MARGIN_X;
  const width = page.width;
  const rtl = page.letter.direction === 'rtl';
  switch (block.type) {
    case 'title':
      ensureRoom(page, text.height(block.lines.join('\n'), width, TITLE) + 2 * text.lineHeight(BODY));
      flow(page, block.lines.join('\n'), left, width, { ...TITLE, align: 'center' });
      page.y += 10;
      return;
    case 'heading': {
      page.y += 6;
      // Kept with what follows: the heading and one line of the next block.
      const after = next ? text.lineHeight(BODY) : 0;
      ensureRoom(page, text.height(block.lines.join('\n'), width, HEADING) + after);
      flow(page, block.lines.join('\n'), left, width, HEADING);
      page.y += 3;
      return;
    }
    case 'paragraph':
      flow(page, block.lines.join('\n'), left, width, { ...BODY, align: block.align });
      page.y += 7;
      return;
    case 'item': {
      const inner = width - BULLET_INDENT;
      const textLeft = rtl ? left : left + BULLET_INDENT;
      flow(page, block.lines.join('\n'), textLeft, inner, BODY, (y) => {
        text.draw('•', rtl ? left + width - BULLET_INDENT + 4 : left + 4, y, BULLET_INDENT - 4, BODY);
      });
      page.y += 3;
      return;
    }
    case 'rows': {
      const labelWidth = Math.round(width * LABEL_SHARE);
      const valueWidth = width - labelWidth - COLUMN_GAP;
      const labelLeft = rtl ? left + width - labelWidth : left;
      const valueLeft = rtl ? left : left + labelWidth + COLUMN_GAP;
      const labelStyle = { ...BODY, bold: true };
      for (const row of block.rows) {
        const label = row.label.join('\n');
        const labelHeight = text.height(label, labelWidth, labelStyle);
        // The label and the value's first line together.
        ensureRoom(page, Math.max(labelHeight, text.lineHeight(BODY)));
        const y = page.y;
        const sheet = page.number;
        text.draw(label, labelLeft, y, labelWidth, labelStyle);
        flow(page, row.value.join('\n'), valueLeft, valueWidth, BODY);
        if (page.number === sheet) page.y = Math.max(page.y, y + labelHeight);
        page.y += 2;
      }
      page.y += 6;
      return;
    }
  }
}

function drawFooters(doc: Doc, text: PdfText, letter: RenderedLetter): void {
  const words = letterWords(letter.language);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const page = words.fill(words.page, { page: String(i + 1 - range.start), pages: String(range.count) });
    const line = words.fill(words.footer, { reference: letter.reference, page });
    const y = doc.page.height - FOOTER_FROM_BOTTOM;
    doc.fillColor('black');
    text.draw(line, MARGIN_X, y, doc.page.width - 2 * MARGIN_X, { size: 8, align: 'center' });
  }
}

/** The letter's PDF, made in memory: nothing is written anywhere until it is whole. */
export async function letterPdf(letter: RenderedLetter): Promise<Buffer> {
  // Loaded on first use, as the reports do: pdfkit stays outside the bundle.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN_TOP, bottom: 0, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    lang: letter.language,
    displayTitle: true,
    autoFirstPage: true,
    info: { Title: letter.title, Subject: letter.reference, Author: letter.author || 'MLA Desk', Creator: 'MLA Desk' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerReportFonts(doc);
  const text = pdfText(doc, letter.direction);
  const top = drawLetterhead(doc, text, letter);
  const page: Page = {
    doc,
    text,
    letter,
    top,
    bottom: doc.page.height - MARGIN_BOTTOM,
    y: top,
    width: doc.page.width - 2 * MARGIN_X,
    number: 0,
  };
  const blocks = groupRows(letter.blocks);
  blocks.forEach((block, i) => drawBlock(page, block, blocks[i + 1]));
  drawFooters(doc, text, letter);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
