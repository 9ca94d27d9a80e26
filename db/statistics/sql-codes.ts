import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/*
 * Codes (the constant lists of contract/codes.ts) turned into something cheaper to hand from
 * SQLite to JavaScript: their place in their list, or one letter. The codes are written into
 * the statement as literals, not bound parameters: SQLite compares a column with a literal
 * faster, which counts in an expression evaluated for every row of a year (about 10% of the
 * year's statement at 250 000 requests).
 */

/** A code as an SQL literal; only the code lists' own characters are allowed in. */
function literal(code: string): SQL {
  if (!/^[a-z0-9_]+$/.test(code)) throw new Error(`Not a code: ${code}`);
  return sql.raw(`'${code}'`);
}

/** `CASE column WHEN code THEN result … [ELSE otherwise] END` over a code list. */
export function caseOfCodes(
  column: SQLiteColumn,
  codes: readonly string[],
  result: (i: number) => SQL,
  otherwise?: SQL | SQLiteColumn,
): SQL {
  const whens = sql.join(
    codes.map((code, i) => sql`WHEN ${literal(code)} THEN ${result(i)}`),
    sql` `,
  );
  return otherwise === undefined
    ? sql`CASE ${column} ${whens} END`
    : sql`CASE ${column} ${whens} ELSE ${otherwise} END`;
}

const place = (i: number) => sql.raw(String(i));

/** The place of a column's code in its code list (for columns a CHECK constraint keeps to it). */
export const codeIndex = (column: SQLiteColumn, codes: readonly string[]) =>
  sql<number>`${caseOfCodes(column, codes, place)}`;

/**
 * A code as its place in its code list, or as itself when the list does not have it (a
 * column without a CHECK constraint may hold a code from an older version): see codeAt.
 */
export const codeOrText = (column: SQLiteColumn, codes: readonly string[]) =>
  sql<number | string | null>`${caseOfCodes(column, codes, place, column)}`;

/** The code a codeIndex or codeOrText value stands for (null stays null). */
export function codeAt<Code extends string>(
  codes: readonly Code[],
  value: number | string | null,
): Code | string | null {
  if (typeof value !== 'number') return value;
  const code = codes[value];
  if (code === undefined) throw new Error(`No code at ${value}`);
  return code;
}

/** Letters for the codes of a list, by place: 'A', 'B', … (a list of up to 26 codes). */
export const letters = (codes: readonly string[]) => codes.map((_, i) => String.fromCharCode(65 + i));
/** The place a letter of `letters` stands for, read at `at` in `text`. */
export const placeOfLetter = (text: string, at: number) => text.charCodeAt(at) - 65;

/** A constant text as an SQL literal (the statistics' own separators and letters). */
export function quoted(text: string): SQL {
  if (text.includes("'")) throw new Error(`Not a constant text for SQL: ${text}`);
  return sql.raw(`'${text}'`);
}

/**
 * The letter of a column's code (see letters), for a column a CHECK constraint keeps to its
 * code list; '?' for anything else, which codesOfLetters refuses.
 */
export const letterOf = (column: SQLiteColumn, codes: readonly string[]) => {
  const byPlace = letters(codes);
  return caseOfCodes(column, codes, (i) => quoted(byPlace[i] ?? '?'), quoted('?'));
};

/** The codes a run of letterOf letters stands for. */
export function codesOfLetters<Code extends string>(codes: readonly Code[], text: string): Code[] {
  const found: Code[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const code = codes[placeOfLetter(text, at)];
    if (code === undefined) throw new Error(`Unknown code letter in ${text}`);
    found.push(code);
  }
  return found;
}
