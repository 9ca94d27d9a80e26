import { SEARCH_FIELDS, type SearchField } from '../../contract/search.ts';

/**
 * How the index numbers its rows (migrations/0009_full_text_search.sql): rowid = (rank << 40)
 * minus the source row's id, where rank is the field's place in SEARCH_FIELDS counted from 1.
 * Reading matches in ascending rowid order therefore meets the strongest field first and,
 * within a field, the newest row first; the triggers recompute the rowid to delete a row's entry.
 */
const RANK_SPAN = 2 ** 40;

/** The field's rank in the index (1 = strongest). */
export function fieldRank(field: SearchField): number {
  return SEARCH_FIELDS.indexOf(field) + 1;
}

/** The field and source row an index rowid stands for. */
export function decodeRowid(rowid: number): { field: SearchField; sourceId: number } {
  // Source ids are below 2^40, so the rowid lies in ((rank - 1) * 2^40, rank * 2^40).
  const rank = Math.floor(rowid / RANK_SPAN) + 1;
  const field = SEARCH_FIELDS[rank - 1];
  if (field === undefined) throw new Error(`search index rowid ${rowid} names no field`);
  return { field, sourceId: rank * RANK_SPAN - rowid };
}

/** The rowid of a field's entry for a source row (the triggers compute the same in SQL). */
export function encodeRowid(field: SearchField, sourceId: number): number {
  return fieldRank(field) * RANK_SPAN - sourceId;
}
