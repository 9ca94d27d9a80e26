import { z } from 'zod';
import { requestSummarySchema } from './requests.ts';

/**
 * The fields full-text search looks in, strongest first: a match in an earlier field ranks
 * above a match in a later one (db/search/ ranks on this order, the migration numbers the
 * index rows by it, and the UI names the field that matched).
 */
export const SEARCH_FIELDS = [
  'reference',
  'counterpartReference',
  'domesticReference',
  'identifier',
  'partyName',
  'partyIdentifiers',
  'summary',
  'correspondence',
  'eventNote',
  'statusNote',
  // Appended, not placed by strength: the index's rowids encode each field's place (db/search/fields.ts).
  'drafting',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** How much of the typed text is searched; the rest is ignored, never refused. */
export const SEARCH_TEXT_MAX = 200;
export const SEARCH_LIMIT_MAX = 50;

/**
 * The first `max` characters of `text`, without cutting a character in two (a surrogate pair
 * split at the end would leave half an emoji).
 */
export function clipSearchText(text: string, max = SEARCH_TEXT_MAX): string {
  if (text.length <= max) return text;
  const clipped = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(clipped) ? clipped.slice(0, -1) : clipped;
}

/**
 * What is typed in the search box: any text at all (quotes, operators, emoji, ten thousand
 * characters) is accepted and clipped, because a search box that answers "invalid input" to
 * what someone pasted is a broken search box. The text never reaches SQL as syntax (db/search/match.ts).
 */
export const searchQuerySchema = z.strictObject({
  text: z.string().transform((t) => clipSearchText(t)),
  limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;
export type ValidSearchQuery = z.output<typeof searchQuerySchema>;

/** A piece of the matched text; `hit` marks the pieces that match the query. */
export const snippetPartSchema = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

/** One request found: what identifies it, the best field that matched and where in it. */
export const searchHitSchema = requestSummarySchema
  .pick({ id: true, reference: true, direction: true, kind: true, status: true, counterpartCountry: true })
  .extend({ field: z.enum(SEARCH_FIELDS), snippet: z.array(snippetPartSchema) });
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
