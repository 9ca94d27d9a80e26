import bidiFactory from 'bidi-js';
import type { FontScript } from './fonts.ts';

/**
 * What each character of a paragraph is drawn with, and in what order: the font by script
 * (Arabic, Chinese, everything else), the order by the Unicode bidirectional algorithm
 * (bidi-js: a complete UAX #9 that passes Unicode's conformance tests, no dependencies).
 */

// bidi-js exports a factory so the algorithm can be sent to a worker; one instance is enough.
const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

const LRI = '\u2066';
const PDI = '\u2069';
/** Directional controls steer the algorithm and are never drawn. */
const CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\n\r\t]/u;
/** Letters of the scripts written right to left. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ARABIC = /\p{scx=Arabic}/u;
const CJK =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}\p{scx=Hangul}\u3000-\u303F\uFE30-\uFE4F\uFF00-\uFFEF]/u;
const MARK = /\p{M}/u;
/**
 * Spaces, digits and punctuation that each of the three fonts draws (pinned by a test): they
 * take the font of the text around them, so an Arabic phrase stays one run, shaped whole.
 */
export const SHARED =
  /[\u0020-\u0040\u005B-\u0060\u007B-\u007E\u00A0\u00B7\u2013\u2014\u2018\u2019\u201C\u201D\u2026]/u;

/**
 * A code that starts with a digit and holds separators: a date, a case number, an IPv4 or
 * IPv6 address ("2026-0042", "17/2026", "2001:db8::1"), not part of a longer word.
 */
const NUMBER_CODE =
  /(?<![\p{L}\p{N}\p{M}\-./:_@#+])\p{Nd}[\p{Nd}\p{Script=Latin}\p{M}]*(?:[-./:_@#+]+[\p{Nd}\p{Script=Latin}\p{M}]+)+/gu;

/** Whether a font has a glyph for a code point. */
export type Covers = (script: FontScript, codePoint: number) => boolean;
const FALLBACK_ORDER: readonly FontScript[] = ['latin', 'cjk', 'arabic'];

/** One paragraph as the layout reads it: each UTF-16 unit's bidi level and font (null: not drawn). */
export interface Paragraph {
  text: string;
  levels: ArrayLike<number>;
  scripts: (FontScript | null)[];
  direction: Direction;
}

/** A piece of a line with one font and one direction, its text as the font must receive it. */
export interface Run {
  text: string;
  script: FontScript;
  rtl: boolean;
}

/**
 * In text that holds right-to-left letters, a code that starts with a digit is isolated (LRI
 * … PDI), so that "2026-0042" or "2001:db8::1" stays whole and left to right after an Arabic
 * word: the algorithm alone turns such digits into Arabic numbers and swaps them around the
 * hyphen. A code that starts with a Latin letter ("MLA-IN-2026-00001", "FR-2026/0042") and an
 * IPv4 address need no help: its digits follow its letters, or its dots hold them together.
 */
function isolateCodes(text: string): string {
  return text.replace(NUMBER_CODE, (code) => `${LRI}${code}${PDI}`);
}

/**
 * The direction of the first strong letter outside isolates (UAX #9 P2, P3); for text made
 * only of isolated values ("{{direction}} · {{kind}}"), that of the first strong letter in
 * them; else `fallback`.
 */
export function directionOfText(text: string, fallback: Direction): Direction {
  let depth = 0;
  let inside: Direction | null = null;
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'LRI' || type === 'RLI' || type === 'FSI') depth += 1;
    else if (type === 'PDI') depth = Math.max(0, depth - 1);
    else if (type === 'L' || type === 'R' || type === 'AL') {
      const direction = type === 'L' ? 'ltr' : 'rtl';
      if (depth === 0) return direction;
      inside ??= direction;
    }
  }
  return inside ?? fallback;
}

function scriptOf(char: string): FontScript | 'shared' | 'mark' | null {
  if (CONTROL.test(char)) return null;
  // Before the scripts: the middle dot, for one, is also a Chinese (and Latin, Greek…) character.
  if (SHARED.test(char)) return 'shared';
  if (ARABIC.test(char)) return 'arabic';
  if (CJK.test(char)) return 'cjk';
  if (MARK.test(char)) return 'mark';
  return 'latin';
}

/**
 * Each unit's font. Shared characters and marks in Arabic text (the nearest letter before
 * them, else after them, is Arabic) take the Arabic font, so an Arabic phrase is one run,
 * shaped whole; elsewhere they take Noto Sans (the Chinese font's middle dot and digits
 * are full-width or wider than Latin text wants). Marks follow the letter they sit on.
 */
function scriptsOf(text: string, covers: Covers): (FontScript | null)[] {
  const raw: (FontScript | 'shared' | 'mark' | null)[] = [];
  for (const char of text) {
    let script = scriptOf(char);
    const point = char.codePointAt(0) ?? 0;
    // A sign its script's font lacks (an arrow, a rare symbol) is drawn by a font that has it.
    if (script !== null && script !== 'shared' && script !== 'mark' && !covers(script, point)) {
      script = FALLBACK_ORDER.find((s) => covers(s, point)) ?? script;
    }
    for (let i = 0; i < char.length; i += 1) raw.push(script);
  }
  const isLetter = (s: (typeof raw)[number]): s is FontScript => s === 'latin' || s === 'arabic' || s === 'cjk';
  // An isolated code (LRI … PDI) is left-to-right text of its own: Noto Sans, whatever surrounds it.
  const before: (FontScript | null)[] = [];
  let last: FontScript | null = null;
  for (let i = 0; i < raw.length; i += 1) {
    const s = raw[i] ?? null;
    if (isLetter(s)) last = s;
    else if (text[i] === LRI || text[i] === PDI) last = 'latin';
    before.push(last);
  }
  const scripts: (FontScript | null)[] = new Array<FontScript | null>(raw.length).fill(null);
  let after: FontScript | null = null;
  for (let i = raw.length - 1; i >= 0; i -= 1) {
    const s = raw[i] ?? null;
    if (text[i] === LRI || text[i] === PDI) after = 'latin';
    if (isLetter(s)) {
      after = s;
      scripts[i] = s;
    } else if (s === 'mark') scripts[i] = before[i] ?? after ?? 'latin';
    else if (s === 'shared') scripts[i] = (before[i] ?? after) === 'arabic' ? 'arabic' : 'latin';
  }
  return scripts;
}

/**
 * Prepares one paragraph (no line feeds). Its direction is that of its first strong letter,
 * so a Latin reference in an Arabic table reads left to right; `fallback` (the document's)
 * decides for text with no letters, such as a date or a number.
 */
export function paragraph(source: string, fallback: Direction, covers: Covers = () => true): Paragraph {
  const hasRtl = RTL_LETTER.test(source);
  // Decided on the text as written: the isolates added below must not hide its first letter.
  const direction = directionOfText(source, fallback);
  const text = hasRtl ? isolateCodes(source) : source;
  const levels =
    !hasRtl && direction === 'ltr' ? new Uint8Array(text.length) : bidi.getEmbeddingLevels(text, direction).levels;
  return { text, levels, scripts: scriptsOf(text, covers), direction };
}

/** Brackets and other mirrored characters swapped, as a right-to-left run shows them. */
const mirrored = (text: string) => [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join('');

/**
 * The runs of the line [start, end) of `p` in visual order, left to right (UAX #9 L2 over
 * runs). A right-to-left run that holds Arabic letters keeps its logical order, mirrored:
 * the font's shaper (fontkit) joins the letters and lays the run out right to left. One with
 * only digits, spaces or punctuation is reversed here, since no shaper will.
 */
export function visualRuns(p: Paragraph, start: number, end: number): Run[] {
  interface Logical {
    from: number;
    to: number;
    level: number;
    script: FontScript;
  }
  const runs: Logical[] = [];
  for (let i = start; i < end; i += 1) {
    const script = p.scripts[i];
    if (script === null || script === undefined) continue;
    const level = p.levels[i] ?? 0;
    const last = runs.at(-1);
    if (last && last.level === level && last.script === script) last.to = i + 1;
    else runs.push({ from: i, to: i + 1, level, script });
  }
  const highest = Math.max(0, ...runs.map((r) => r.level));
  const lowest = Math.min(highest, ...runs.map((r) => r.level));
  const lowestOdd = lowest % 2 === 1 ? lowest : lowest + 1;
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < runs.length;) {
      if ((runs[i]?.level ?? 0) < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j += 1;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => {
    // A run may span a control character between two of its letters.
    const text = [...p.text.slice(r.from, r.to)].filter((c) => !CONTROL.test(c)).join('');
    if (r.level % 2 === 0) return { text, script: r.script, rtl: false };
    const swapped = mirrored(text);
    return RTL_LETTER.test(text)
      ? { text: swapped, script: r.script, rtl: true }
      : { text: [...swapped].reverse().join(''), script: r.script, rtl: true };
  });
}
