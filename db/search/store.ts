import type { SQL } from 'drizzle-orm';
import type { SearchHit, SearchResult, ValidSearchQuery } from '../../contract/search.ts';
import type { Db, Queryable } from '../types.ts';
import type { RequestScope } from '../requests/scope.ts';
import { fieldRank } from './fields.ts';
import { matchExpression, searchWords } from './match.ts';
import { type Candidate, candidateRows, requestHeadings, sourceTexts } from './queries.ts';
import { matchQuality, snippetOf } from './snippet.ts';

/** Full-text search over the register (see db/register.ts for why it is asynchronous). */
export interface SearchStore {
  /** Only requests in `scope` are found (null or omitted: all of them). */
  search(query: ValidSearchQuery, scope?: RequestScope | null): Promise<SearchResult>;
}

/**
 * Index rows read at a time, per request wanted: a request often matches in two or three
 * fields (its reference and its summary). More are read while too few requests are found.
 */
const ROWS_PER_HIT = 5;
const MAX_READS = 4;

/** The first index rows matching, enough of them to name `limit` requests (or all there are). */
function candidatesFor(db: Queryable, match: SQL, limit: number, scope: RequestScope | null): Candidate[] {
  const batch = limit * ROWS_PER_HIT;
  const rows: Candidate[] = [];
  for (let read = 0; read < MAX_READS; read += 1) {
    const more = candidateRows(db, match, batch, rows.at(-1), scope);
    rows.push(...more);
    if (more.length < batch || new Set(rows.map((r) => r.requestId)).size >= limit) break;
  }
  return rows;
}

interface Ranked extends Candidate {
  text: string;
  quality: number;
}

/**
 * The order of results: a value that is exactly what was typed first, then by field (our
 * reference before theirs … before a status note), then whole words before parts of words,
 * shorter values before longer, and newer rows before older (index order, see fields.ts).
 */
function compare(a: Ranked, b: Ranked): number {
  return (
    Number(b.quality === 2) - Number(a.quality === 2) ||
    fieldRank(a.field) - fieldRank(b.field) ||
    b.quality - a.quality ||
    a.text.length - b.text.length ||
    a.order - b.order
  );
}

/** The requests matching `query.text`, best first, each with its best matching field. */
export function searchRegister(
  db: Queryable,
  query: ValidSearchQuery,
  scope: RequestScope | null = null,
): SearchResult {
  const words = searchWords(query.text);
  const match = matchExpression(words);
  if (match === null) return { hits: [] };
  const candidates = candidatesFor(db, match, query.limit, scope);
  const texts = sourceTexts(db, candidates);
  const ranked = candidates
    .map((c): Ranked => {
      const text = texts.get(c.order) ?? '';
      return { ...c, text, quality: matchQuality(text, words.folded) };
    })
    .sort(compare);
  const best = new Map<number, Ranked>();
  for (const row of ranked) {
    if (best.size >= query.limit) break;
    if (!best.has(row.requestId)) best.set(row.requestId, row);
  }
  const headings = requestHeadings(db, [...best.keys()]);
  const hits: SearchHit[] = [];
  for (const row of best.values()) {
    const heading = headings.get(row.requestId);
    if (!heading) continue;
    hits.push({ ...heading, field: row.field, snippet: snippetOf(row.text, words.folded) });
  }
  return { hits };
}

export function sqliteSearchStore(db: Db): SearchStore {
  // One read transaction: the matches and the texts shown come from the same state of the
  // register, even while an import commits on its own connection.
  return {
    search: async (query, scope = null) =>
      db.transaction((tx) => searchRegister(tx, query, scope), { behavior: 'deferred' }),
  };
}
