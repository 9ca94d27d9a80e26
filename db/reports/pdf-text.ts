import LineBreaker from 'linebreak';
import { type FontScript, type FontWeight, fontName } from './fonts.ts';
import { mapArabicGlyphsToLetters } from './pdf-arabic.ts';
import { type Covers, type Direction, type Paragraph, type Run, paragraph, visualRuns } from './text-runs.ts';

/**
 * Text in PDFs, in any of the six languages: each line broken where Unicode allows it
 * (UAX #14 by `linebreak`, pdfkit's own breaker: between spaces, and between Chinese
 * characters, never before a closing mark), its runs of each script drawn in their font,
 * in the order the bidi algorithm gives (text-runs.ts). pdfkit's own wrapping knows one
 * font per call and breaks Chinese only at spaces, so both reports lay text out here.
 */

type Doc = PDFKit.PDFDocument;

export interface TextStyle {
  size: number;
  bold?: boolean;
  /** Extra space between two lines of one paragraph. */
  lineGap?: number;
}

/** Start and end follow the document's direction: start is the right edge in Arabic. */
export type Align = 'start' | 'end' | 'center';

export interface PlacedRun extends Run {
  font: string;
  width: number;
}

export interface TextLine {
  /** Left to right, as drawn. */
  runs: PlacedRun[];
  width: number;
}

export interface PdfText {
  readonly direction: Direction;
  /** `text` broken into lines no wider than `width` (a word wider than that is cut between characters). */
  lines(text: string, width: number, style: TextStyle): TextLine[];
  height(text: string, width: number, style: TextStyle): number;
  /** The width of `text` on one line. */
  width(text: string, style: TextStyle): number;
  /** `text` cut to fit one line of `width`, with an ellipsis where it was cut. */
  fit(text: string, width: number, style: TextStyle): string;
  /** Draws `text` in the box from (x, y), `width` wide; returns the height it took. */
  draw(text: string, x: number, y: number, width: number, style: TextStyle & { align?: Align }): number;
  lineHeight(style: TextStyle): number;
}

/** Line spacing and baseline, as fractions of the font size: room for Arabic marks and Chinese. */
const LEADING = 1.45;
const ASCENT = 1.1;
/** Room for rounding: a line exactly as wide as its box fits. */
const EPSILON = 0.01;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

interface Chunk {
  start: number;
  /** Where its trailing spaces begin. */
  contentEnd: number;
  end: number;
  width: number;
  spaceWidth: number;
  required: boolean;
}

/** pdfkit's embedded font wraps the fontkit font it reads (not in pdfkit's types; pdfkit is pinned). */
interface WithFontkit {
  _font?: { font?: { hasGlyphForCodePoint(codePoint: number): boolean } };
}

/** Writes text on `doc`, whose fonts are registered (fonts.ts), for a document in `direction`. */
export function pdfText(doc: Doc, direction: Direction): PdfText {
  const widths = new Map<string, number>();
  const coverage = new Map<string, boolean>();
  const covers: Covers = (script, codePoint) => {
    const key = `${script}\u0000${codePoint}`;
    let has = coverage.get(key);
    if (has === undefined) {
      doc.font(fontName(script, 'regular'));
      has = (doc as unknown as WithFontkit)._font?.font?.hasGlyphForCodePoint(codePoint) ?? true;
      coverage.set(key, has);
    }
    return has;
  };
  const weightOf = (style: TextStyle): FontWeight => (style.bold ? 'bold' : 'regular');

  const measure = (text: string, script: FontScript, weight: FontWeight, size: number): number => {
    if (text === '') return 0;
    const key = `${script}\u0000${weight}\u0000${size}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      doc.font(fontName(script, weight)).fontSize(size);
      // Arabic is shaped as one run (pdfkit would shape word by word without features).
      width = doc.widthOfString(text, script === 'arabic' ? { features: [] } : {});
      widths.set(key, width);
    }
    return width;
  };

  /** The width of the logical range [from, to): each script's stretch in its font. */
  const rangeWidth = (p: Paragraph, from: number, to: number, weight: FontWeight, size: number): number => {
    let total = 0;
    let i = from;
    while (i < to) {
      const script = p.scripts[i];
      let j = i + 1;
      while (j < to && p.scripts[j] === script) j += 1;
      if (script) total += measure(p.text.slice(i, j), script, weight, size);
      i = j;
    }
    return total;
  };

  const chunk = (p: Paragraph, start: number, end: number, required: boolean, weight: FontWeight, size: number) => {
    const contentEnd = start + p.text.slice(start, end).replace(/\s+$/u, '').length;
    return {
      start,
      contentEnd,
      end,
      width: rangeWidth(p, start, contentEnd, weight, size),
      spaceWidth: rangeWidth(p, contentEnd, end, weight, size),
      required,
    };
  };

  /** A word wider than the line, cut between characters (graphemes, so no accent is left alone). */
  const cut = (p: Paragraph, c: Chunk, width: number, weight: FontWeight, size: number): Chunk[] => {
    const pieces: Chunk[] = [];
    let from = c.start;
    let end = c.start;
    for (const { index, segment } of graphemes.segment(p.text.slice(c.start, c.contentEnd))) {
      const next = c.start + index + segment.length;
      if (end > from && rangeWidth(p, from, next, weight, size) > width + EPSILON) {
        pieces.push(chunk(p, from, end, false, weight, size));
        from = end;
      }
      end = next;
    }
    pieces.push(chunk(p, from, c.end, c.required, weight, size));
    return pieces;
  };

  const chunksOf = (p: Paragraph, width: number, weight: FontWeight, size: number): Chunk[] => {
    const breaker = new LineBreaker(p.text);
    const out: Chunk[] = [];
    let last = 0;
    for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
      const c = chunk(p, last, b.position, b.required, weight, size);
      out.push(...(c.width > width + EPSILON ? cut(p, c, width, weight, size) : [c]));
      last = b.position;
    }
    return out;
  };

  const placed = (p: Paragraph, from: number, to: number, weight: FontWeight, size: number): TextLine => {
    const runs = visualRuns(p, from, to).map((run) => ({
      ...run,
      font: fontName(run.script, weight),
      width: measure(run.text, run.script, weight, size),
    }));
    return { runs, width: runs.reduce((w, r) => w + r.width, 0) };
  };

  // A cell is measured for its row's height, then drawn: laid out once.
  const laidOut = new Map<string, TextLine[]>();
  const lines = (text: string, width: number, style: TextStyle): TextLine[] => {
    const key = `${style.bold ? 'b' : 'r'}\u0000${style.size}\u0000${width}\u0000${text}`;
    let out = laidOut.get(key);
    if (!out) {
      out = layout(text, width, style);
      laidOut.set(key, out);
    }
    return out;
  };

  const layout = (text: string, width: number, style: TextStyle): TextLine[] => {
    const weight = weightOf(style);
    const out: TextLine[] = [];
    for (const source of text.split(/\r?\n/)) {
      const p = paragraph(source, direction, covers);
      let start = -1;
      let contentEnd = 0;
      let x = 0;
      const chunks = chunksOf(p, width, weight, style.size);
      chunks.forEach((c, i) => {
        if (start >= 0 && c.width > 0 && x + c.width > width + EPSILON) {
          out.push(placed(p, start, contentEnd, weight, style.size));
          start = -1;
        }
        if (start < 0) {
          start = c.start;
          contentEnd = c.start;
          x = 0;
        }
        if (c.width > 0) contentEnd = c.contentEnd;
        x += c.width + c.spaceWidth;
        // A mandatory break (a line or paragraph separator) ends the line.
        if (c.required && i < chunks.length - 1) {
          out.push(placed(p, start, contentEnd, weight, style.size));
          start = -1;
        }
      });
      if (start >= 0 || chunks.length === 0) out.push(placed(p, Math.max(start, 0), contentEnd, weight, style.size));
    }
    return out;
  };

  const lineHeight = (style: TextStyle) => style.size * LEADING + (style.lineGap ?? 0);

  return {
    direction,
    lines,
    lineHeight,
    height: (text, width, style) => lines(text, width, style).length * lineHeight(style),
    width(text, style) {
      return Math.max(...lines(text, Number.POSITIVE_INFINITY, style).map((l) => l.width));
    },
    fit(text, width, style) {
      if (this.width(text, style) <= width + EPSILON) return text;
      const parts = [...graphemes.segment(text)].map((s) => s.segment);
      while (parts.length > 0 && this.width(`${parts.join('').trimEnd()}…`, style) > width + EPSILON) parts.pop();
      return `${parts.join('').trimEnd()}…`;
    },
    draw(text, x, y, width, style) {
      const drawn = lines(text, width, style);
      const rightAligned = (style.align ?? 'start') === (direction === 'rtl' ? 'start' : 'end');
      drawn.forEach((line, i) => {
        let left = style.align === 'center' ? x + (width - line.width) / 2 : rightAligned ? x + width - line.width : x;
        const baseline = y + i * lineHeight(style) + style.size * ASCENT;
        for (const run of line.runs) {
          doc.font(run.font).fontSize(style.size);
          if (run.script === 'arabic') mapArabicGlyphsToLetters(doc);
          // The width is known: pdfkit would otherwise shape the run again to measure it.
          const options: PDFKit.Mixins.TextOptions & { textWidth: number } = {
            lineBreak: false,
            baseline: 'alphabetic',
            textWidth: run.width,
            ...(run.script === 'arabic' ? { features: [] } : {}),
          };
          doc.text(run.text, left, baseline, options);
          left += run.width;
        }
      });
      return drawn.length * lineHeight(style);
    },
  };
}
