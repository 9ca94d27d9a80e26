import type Database from 'better-sqlite3';

/** A statement as drizzle's `.toSQL()` gives it: the SQL text and its bound parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Anything that can show the statement it would run (a drizzle query builder, unexecuted). */
export interface BuildsSql {
  toSQL(): Statement;
}

/** One line of EXPLAIN QUERY PLAN: SQLite's own wording, e.g. "SEARCH requests USING INDEX …". */
export interface PlanStep {
  id: number;
  parent: number;
  detail: string;
}

/**
 * How SQLite would run `statement` on this connection, without running it. Used by the test
 * that keeps every list, filter, dashboard and statistics query on an index
 * (test/db/query-plans.test.ts); the statements come from the very builders the app runs.
 */
export function explainQueryPlan(sqlite: Database.Database, statement: Statement): PlanStep[] {
  return sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as PlanStep[];
}

/** Refreshes the planner's statistics (sqlite_stat1), as `PRAGMA optimize` does on a real register. */
export function analyze(sqlite: Database.Database): void {
  sqlite.exec('ANALYZE');
}
