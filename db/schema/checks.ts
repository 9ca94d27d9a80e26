import { sql } from 'drizzle-orm';

/** `col IN ('a','b',...)`, so the database itself refuses a code the spec does not know. */
export const oneOf = (column: string, codes: readonly string[]) =>
  sql.raw(`${column} IN (${codes.map((c) => `'${c}'`).join(', ')})`);
