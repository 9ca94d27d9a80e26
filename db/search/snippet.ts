import type { SnippetPart } from '../../contract/search.ts';
import { foldText, foldWithOffsets } from './fold.ts';

/**
 * Snippets and match quality, worked out on the source row's own text (the index keeps no
 * copy of it), with the words folded as the index folds them: "muller" lights up "Müller",
 * "محمد" lights up "مُحَمَّد".
 */

/** Values up to this long are shown whole; longer ones around their first match. */
const WHOLE = 120;
const BEFORE = 40;
const AFTER = 80;

type Range = [start: number, end: number];

/** Where the words occur in `text` (offsets into `text`), sorted and merged. */
function hitRanges(text: string, words: readonly string[]): Range[] {
  const { folded, offsets } = foldWithOffsets(text);
  const ranges: Range[] = [];
  for (const word of words) {
    if (word === '') continue;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      ranges.push([offsets[at] ?? 0, offsets[at + word.length] ?? text.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** A start or end moved off the middle of a surrogate pair. */
function onCharacter(text: string, at: number): number {
  return /[\uDC00-\uDFFF]/.test(text.charAt(at)) ? at - 1 : at;
}

/** The value, or the part of it around its first match, cut into hit and non-hit parts. */
export function snippetOf(value: string, words: readonly string[]): SnippetPart[] {
  const text = value.replace(/\s+/gu, ' ').trim();
  const ranges = hitRanges(text, words);
  let from = 0;
  let to = text.length;
  if (text.length > WHOLE) {
    const first = ranges[0]?.[0] ?? 0;
    from = onCharacter(text, Math.max(0, first - BEFORE));
    to = onCharacter(text, Math.min(text.length, Math.max(first, from) + AFTER));
  }
  const parts: SnippetPart[] = [];
  const plain = (s: string) => {
    if (s !== '') parts.push({ text: s, hit: false });
  };
  if (from > 0) plain('…');
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    plain(text.slice(at, Math.max(at, start)));
    const s = Math.max(at, start);
    const e = Math.min(end, to);
    if (e > s) parts.push({ text: text.slice(s, e), hit: true });
    at = Math.max(at, e);
  }
  plain(text.slice(at, to));
  if (to < text.length) plain('…');
  // Adjacent plain pieces (the ellipsis and its text) read as one.
  return parts.reduce<SnippetPart[]>((out, part) => {
    const last = out.at(-1);
    if (last && !last.hit && !part.hit) last.text += part.text;
    else out.push({ ...part });
    return out;
  }, []);
}

/**
 * How well a value matches, for ranking within a field: 2 when it is exactly what was typed
 * (a reference or a name typed in full), 1 when every word starts a word of the value
 * ("Mül" in "Anna Müller"), 0 for a match inside a word.
 */
export function matchQuality(value: string, words: readonly string[]): number {
  const folded = foldText(value.replace(/\s+/gu, ' ').trim());
  if (words.length > 0 && folded === words.join(' ')) return 2;
  const startsWord = (word: string) => {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(folded.charAt(at - 1))) return true;
    }
    return false;
  };
  return words.length > 0 && words.every(startsWord) ? 1 : 0;
}
