import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { requests } from './requests.ts';

/**
 * What a formal request states besides the register's own columns (contract/completeness.ts):
 * the proceedings and who conducts them, the procedure to follow, the purpose, an emergency's
 * justification, the language it is written in, and whether it follows a preservation. One row
 * per request that has any, written by the request form (the interchange format does not carry
 * these, so an imported request has none). Kept beside `requests`, not in it: the register's
 * lists, dashboard and statistics read `requests` by the hundred thousand, and SQLite plans
 * those reads by the width of its rows (test/db/query-plans.test.ts).
 */
export const requestDrafting = sqliteTable('request_drafting', {
  requestId: integer('request_id')
    .primaryKey()
    .references(() => requests.id, { onDelete: 'cascade' }),
  proceedingsNature: text('proceedings_nature'),
  conductingAuthority: text('conducting_authority'),
  procedureToFollow: text('procedure_to_follow'),
  purpose: text('purpose'),
  emergencyJustification: text('emergency_justification'),
  /** ISO 639-1, kept to the code list by triggers (as users.language: no CHECK to rebuild for). */
  requestLanguage: text('request_language'),
  followsPreservation: integer('follows_preservation', { mode: 'boolean' }).notNull().default(false),
});
