import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The annual figures as a manager submitted them, frozen: what was reported stays
 * reproducible after later corrections to the register.
 */
export const statisticsSnapshots = sqliteTable(
  'statistics_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    /** Why it was frozen ("Annual report 2025", "UNODC questionnaire"). */
    label: text('label').notNull(),
    /** JSON: the figures in the spec's JSON form. */
    figures: text('figures').notNull(),
    /** Which definitions produced them (the spec's version as this build implements it). */
    definitions: text('definitions').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('statistics_snapshots_year_idx').on(t.year, t.createdAt)],
);
