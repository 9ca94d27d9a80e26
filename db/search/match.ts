import { sql, type SQL } from 'drizzle-orm';
import { clipSearchText } from '../../contract/search.ts';
import { foldArabic, foldedLength, foldText } from './fold.ts';

/**
 * From what someone typed to an FTS5 MATCH expression. The typed text is never FTS5 syntax:
 * it is cut into words at white space, and each word becomes an FTS5 string ("…", inner
 * quotes doubled) bound as a parameter, so quotes, NEAR(, *, OR, column filters or SQL in the
 * text are searched for as characters. The words are ANDed: all of them in one field's value.
 *
 * A trigram index cannot look up fewer than three characters. A word of one or two
 * characters (王伟, "Li", "%") is looked up among the index's terms instead: every character
 * of the stored text starts a trigram (the stored text ends in two spaces), so the trigrams
 * that begin with the word are exactly where it occurs, and the word becomes their OR.
 */

/** Words beyond these are ignored (a pasted paragraph still searches, on its first words). */
const MAX_WORDS = 8;
/** Short words cost a walk of the index's terms each; more than two add little but time. */
const MAX_SHORT_WORDS = 2;

export interface SearchWords {
  /** Words of three characters or more, as FTS5 strings (quoted, Arabic folded). */
  phrases: string[];
  /** Words of one or two characters, folded as the index's terms are. */
  shorts: string[];
  /** Every word searched, folded, for finding it again in a matched value (snippets). */
  folded: string[];
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The words of a search text, deduplicated, in the order typed. */
export function searchWords(text: string): SearchWords {
  // Control characters (NUL included) separate words; they are never searched for.
  const raw = clipSearchText(text)
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u);
  const seen = new Set<string>();
  const long: string[] = [];
  const short: string[] = [];
  for (const word of raw) {
    const folded = foldText(word);
    if (folded === '' || seen.has(folded)) continue;
    seen.add(folded);
    (foldedLength(word) >= 3 ? long : short).push(word);
  }
  const phrases = long.slice(0, MAX_WORDS);
  // Beside a longer word, a single character narrows nothing worth its cost.
  const shorts = short
    .filter((w) => phrases.length === 0 || foldedLength(w) === 2)
    .slice(0, Math.min(MAX_SHORT_WORDS, MAX_WORDS - phrases.length));
  return {
    phrases: phrases.map((w) => quote(foldArabic(w))),
    shorts: shorts.map(foldText),
    folded: [...phrases, ...shorts].map(foldText),
  };
}

/**
 * The MATCH expression for the words, as SQL (parameters and, for short words, a subquery on
 * the index's terms that yields their OR, or an empty phrase, which matches nothing); null when
 * there is nothing to search for.
 */
export function matchExpression(words: SearchWords): SQL | null {
  const parts: SQL[] = [];
  if (words.phrases.length > 0) parts.push(sql`${words.phrases.join(' AND ')}`);
  for (const prefix of words.shorts) {
    parts.push(sql`(SELECT coalesce('(' || group_concat('"' || replace(term, '"', '""') || '"', ' OR ') || ')', '""')
      FROM search_terms WHERE term >= ${prefix} AND term < ${`${prefix}\u{10FFFF}`})`);
  }
  if (parts.length === 0) return null;
  // Explicit AND: FTS5 drops an empty phrase from an implicit AND but not from an explicit one.
  return sql.join(parts, sql` || ' AND ' || `);
}

/**
 * The requests whose indexed text matches `text`, as a subquery for `requests.id IN (…)`:
 * the register's text filter (db/requests/filters.ts), so it finds what the search box finds.
 * Null when the text holds nothing to search for.
 */
export function requestsMatching(text: string): SQL | null {
  const match = matchExpression(searchWords(text));
  return match === null ? null : sql`(SELECT request_id FROM search_index WHERE search_index MATCH ${match})`;
}
