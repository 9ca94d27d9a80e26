/**
 * Makes Arabic text in a PDF copy, search and extract as the letters it shows.
 *
 * Noto Sans Arabic draws many letters as a base shared by several of them and their dots
 * (ب ت ث ن ي start alike; ر and ز differ by a dot). pdfkit maps each glyph of the subset to
 * one text (ToUnicode), the code points fontkit remembers for the glyph, and fontkit keeps one
 * glyph object per glyph id: the base of ز would read back as ر. Here the Arabic font of a
 * document gives each (glyph, letters) pair its own glyph in the subset (the same outline
 * twice costs a few bytes), each mapped to its own letters.
 *
 * This reaches into pdfkit's embedded font and fontkit's font, which their types do not
 * declare; both packages are pinned (package.json) and test/db/pdf-text.test.ts reads the
 * letters back, so an upgrade that changes them fails there, not in an office.
 */

interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): Glyph;
}

/** The parts of pdfkit 0.20's EmbeddedFont used here. */
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  layout(text: string, features: unknown, onlyWidth?: boolean): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features: unknown): [string[], unknown[]];
}

const patched = new WeakSet<object>();

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  const font = value as Partial<EmbeddedFont> | null;
  return (
    typeof font?.encode === 'function' &&
    typeof font.layout === 'function' &&
    typeof font.font?.getGlyph === 'function' &&
    Array.isArray(font.subset?.glyphs) &&
    Array.isArray(font.unicode) &&
    Array.isArray(font.widths)
  );
}

/** Applies the mapping to the document's current font (call after `doc.font(arabic)`). */
export function mapArabicGlyphsToLetters(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: unknown })._font;
  if (!isEmbeddedFont(font) || patched.has(font)) return;
  patched.add(font);
  const fontkit = font.font;
  const getGlyph = fontkit.getGlyph.bind(fontkit);
  // Each use of a glyph with the letters it stands for in that place, not the first ones seen.
  fontkit.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    return glyph.codePoints.join() === codePoints.join()
      ? glyph
      : (Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph);
  };
  const gids = new Map<string, number>();
  const used = new Set<number>();
  // The same names and labels recur on every row, and pdfkit shapes a text up to three times
  // to draw it (to encode it, to measure it, to move past it): each text is shaped once per
  // document. pdfkit only reads a shaped run, never changes it.
  const layout = font.layout.bind(font);
  const shaped = new Map<string, ReturnType<EmbeddedFont['layout']>>();
  font.layout = (text, features, onlyWidth) => {
    if (!features) return layout(text, features, onlyWidth);
    const key = `${JSON.stringify(features)}\u0000${text}`;
    let run = shaped.get(key);
    if (!run) {
      run = layout(text, features);
      shaped.set(key, run);
    }
    return run;
  };
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
      let gid = gids.get(key);
      if (gid === undefined) {
        if (used.has(glyph.id)) {
          font.subset.glyphs.push(glyph.id);
          gid = font.subset.glyphs.length - 1;
        } else {
          gid = font.subset.includeGlyph(glyph.id);
          used.add(glyph.id);
        }
        gids.set(key, gid);
        font.widths[gid] = glyph.advanceWidth * font.scale;
        font.unicode[gid] = glyph.codePoints;
      }
      return `0000${gid.toString(16)}`.slice(-4);
    });
    return [encoded, positions];
  };
}
