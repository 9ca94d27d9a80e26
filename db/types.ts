import type Database from 'better-sqlite3';
import type { RunResult } from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema/index.ts';

/** The register's connection, with the raw SQLite handle for what drizzle does not express. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** Anything queries can run on: the connection or a transaction of it. */
export type Queryable = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;
