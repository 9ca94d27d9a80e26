/**
 * How text is folded for search, on the query's side, mirroring what the index does to the
 * stored text (migrations/0009_full_text_search.sql): the SQL `replace()` chain there for
 * Arabic, then SQLite's trigram tokenizer (`remove_diacritics 2`: case folded, the diacritics
 * of Latin letters removed). test/db/search-fold.test.ts pins the two sides together.
 */

/** Removed from stored and searched text: Arabic harakat (fathatan … sukun), superscript alef, tatweel. */
export const ARABIC_REMOVED: readonly string[] = [
  '\u064B',
  '\u064C',
  '\u064D',
  '\u064E',
  '\u064F',
  '\u0650',
  '\u0651',
  '\u0652',
  '\u0670',
  '\u0640',
];

/** Replaced in stored and searched text: alef forms → alef, alef maqsura → yeh, teh marbuta → heh. */
export const ARABIC_REPLACED: Readonly<Record<string, string>> = {
  '\u0622': '\u0627',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0671': '\u0627',
  '\u0649': '\u064A',
  '\u0629': '\u0647',
};

const arabicRemoved = new Set(ARABIC_REMOVED);

/** The Arabic folding the migration's SQL applies to stored text, applied to a query. */
export function foldArabic(text: string): string {
  let out = '';
  for (const c of text) {
    if (!arabicRemoved.has(c)) out += ARABIC_REPLACED[c] ?? c;
  }
  return out;
}

/**
 * The combining marks SQLite's trigram tokenizer drops with remove_diacritics (measured on
 * SQLite 3.53 over U+0080–U+30FF; the test re-measures them): a decomposed "u\u0308" is "u".
 */
const TOKENIZER_DROPS = /^[\u0300-\u0304\u0306-\u030C\u030F\u0311\u031B\u0323-\u0328\u032D\u032E\u0330\u0331]$/u;
/** The tokenizer removes diacritics from Latin letters only (Latin-1 to Latin Extended-B, Latin Extended Additional). */
const LATIN_WITH_DIACRITICS = /^[\u00C0-\u024F\u1E00-\u1EFF]$/u;
/**
 * Letters SQLite's case folding leaves alone where JavaScript's does not: dotless i, and
 * letters newer than SQLite's Unicode tables (Greek yot, Cyrillic supplement). Measured, as
 * test/db/search-fold.test.ts re-measures.
 */
const KEEP_CASE = new Set(['ı', 'Ϳ', 'Ԩ', 'Ԫ', 'Ԭ', 'Ԯ']);
/** Latin letters whose diacritics the tokenizer keeps although they decompose (a with dot and macron). */
const KEEP_DIACRITICS = new Set(['ǡ']);

/** One character in its case-folded form, as close to SQLite's simple case folding as JS allows. */
function caseFold(c: string): string {
  if (KEEP_CASE.has(c)) return c;
  const lower = c.toLowerCase();
  if (lower !== c) {
    // "İ" lowers to "i" + combining dot above, which the tokenizer drops.
    const [first = c, ...rest] = lower;
    return rest.every((m) => TOKENIZER_DROPS.test(m)) ? first : c;
  }
  // Letters like final sigma, micro sign and long s fold to another lower-case letter (ς → σ).
  const upper = c.toUpperCase();
  if ([...upper].length !== 1 || upper === c) return c;
  const back = upper.toLowerCase();
  return [...back].length === 1 ? back : c;
}

/** Folded characters, remembered: a register's text uses few distinct characters, folded again and again. */
const folds = new Map<string, string>();

/** One character folded as the index folds it ('' when the index drops it). */
export function foldChar(c: string): string {
  let folded = folds.get(c);
  if (folded === undefined) {
    folded = foldUncached(c);
    // Bounded: text in every script of Unicode would otherwise grow it without end.
    if (folds.size < 50_000) folds.set(c, folded);
  }
  return folded;
}

function foldUncached(c: string): string {
  const arabic = arabicRemoved.has(c) ? '' : (ARABIC_REPLACED[c] ?? c);
  if (arabic === '' || TOKENIZER_DROPS.test(arabic)) return '';
  const folded = caseFold(arabic);
  if (!LATIN_WITH_DIACRITICS.test(folded) || KEEP_DIACRITICS.has(folded)) return folded;
  // The tokenizer's table maps to ASCII letters only: "ǣ" (æ with macron) stays as it is.
  const [base = folded, ...marks] = folded.normalize('NFD');
  return /^[a-z]$/.test(base) && marks.every((m) => TOKENIZER_DROPS.test(m)) ? base : folded;
}

/** The text folded character by character, as the index's terms are. */
export function foldText(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

/** How many characters the tokenizer sees in `term` (what decides between a trigram phrase and a short term). */
export function foldedLength(term: string): number {
  let n = 0;
  for (const c of term) if (foldChar(c) !== '') n += 1;
  return n;
}

/**
 * The folded text with, for each of its UTF-16 units, the offset in `text` of the character it
 * came from (plus one past the end), so a match found in the folded text maps back to the
 * original for the snippet.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let at = 0;
  for (const c of text) {
    const f = foldChar(c);
    folded += f;
    for (let i = 0; i < f.length; i += 1) offsets.push(at);
    at += c.length;
  }
  offsets.push(at);
  return { folded, offsets };
}
