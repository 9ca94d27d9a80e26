import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ARABIC_REMOVED, ARABIC_REPLACED, foldChar } from '../../db/search/fold.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/*
 * The query side folds text in JavaScript (db/search/fold.ts); the index side folds it in the
 * migration's SQL and SQLite's trigram tokenizer. These tests hold the two to each other.
 */

/** The characters of the scripts an office meets, by block. */
const RANGES: [from: number, to: number][] = [
  [0x21, 0x7e], // ASCII
  [0xa1, 0x24f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x300, 0x36f], // combining diacritical marks (some dropped by the tokenizer, some kept)
  [0x370, 0x3ff], // Greek
  [0x400, 0x52f], // Cyrillic and its supplement
  [0x600, 0x6ff], // Arabic
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x4e00, 0x4fff], // a slice of the CJK ideographs
];

function* characters(): Generator<string> {
  for (const [from, to] of RANGES) {
    for (let c = from; c <= to; c += 1) {
      const ch = String.fromCodePoint(c);
      // Unassigned code points and white space (which separates words) are not text to fold.
      if (/\p{Cn}|\s/u.test(ch)) continue;
      yield ch;
    }
  }
}

describe('folding a query as the index folds text', () => {
  it('agrees with the trigram tokenizer on every letter, digit and sign of the common scripts', () => {
    const db = new Database(':memory:');
    try {
      db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'trigram remove_diacritics 2');
               CREATE VIRTUAL TABLE terms USING fts5vocab(t, 'row');`);
      const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (1, ?)');
      const terms = db.prepare('SELECT term FROM terms').pluck();
      const disagreements: string[] = [];
      for (const ch of characters()) {
        // The migration's SQL folds Arabic before the tokenizer sees it; that is tested below.
        if (ARABIC_REMOVED.includes(ch) || ARABIC_REPLACED[ch] !== undefined) continue;
        db.exec('DELETE FROM t');
        insert.run(`${ch}qq`);
        const expected = foldChar(ch) === '' ? [] : [`${foldChar(ch)}qq`];
        const actual = terms.all();
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          disagreements.push(
            `U+${ch.codePointAt(0)?.toString(16)} ${ch}: index ${JSON.stringify(actual)}, query ${JSON.stringify(expected)}`,
          );
        }
      }
      expect(disagreements).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('agrees with the migration on Arabic: harakat and tatweel removed, letter forms unified', async () => {
    const register = tempRegister();
    const changed = [...ARABIC_REMOVED, ...Object.keys(ARABIC_REPLACED)];
    // Each folded character between two letters it cannot be confused with (ب … ت).
    const summary = changed.map((c) => `ب${c}ت`).join(' ');
    await register.requests.register(newRequest({ counterpartCountry: 'LB', summary }), ACTOR, CLOCK);
    const terms = withRaw(
      register.location,
      (db) => db.prepare('SELECT term FROM search_terms').pluck().all() as string[],
      true,
    );
    for (const c of changed) {
      expect(
        terms.some((t) => t.includes(c)),
        `U+${c.codePointAt(0)?.toString(16)} left in the index`,
      ).toBe(false);
      // A removed character leaves "بت" and the space after it: the trigram "بت ".
      expect(terms, `U+${c.codePointAt(0)?.toString(16)}`).toContain(`ب${foldChar(c)}ت `.slice(0, 3));
    }
  });
});
