import type Database from 'better-sqlite3';

/**
 * How the import writes many rows fast inside its one transaction, without weakening
 * anything: the WAL and synchronous=FULL stay, every constraint and trigger runs on every
 * row, and a failure rolls back all of it, index work included. The figures are CPU time for
 * 100,000 seeded requests on the development machine (2 shared cores, noisy: ranges of
 * interleaved runs).
 */

/** The import connection's page cache, in KiB (this better-sqlite3 build's default is 16 MB). */
const IMPORT_CACHE_KIB = 64 * 1024;

/** The tables an import writes many rows to. */
const IMPORTED_TABLES = [
  'requests',
  'status_history',
  'request_offences',
  'request_assistance',
  'request_refusal_grounds',
  'request_links',
] as const;

export interface BulkLoad {
  /** Builds the indexes set aside at the start again; before COMMIT, inside the transaction. */
  rebuildIndexes(): void;
  /** Gives the connection its own settings back. */
  restore(): void;
}

interface SetAside {
  name: string;
  sql: string;
}

/**
 * Sets the import's connection up for its writes (call it inside the import's transaction):
 * - where the indexes are kept (a register that has requests already), a 64 MiB page cache,
 *   a fixed bound whatever the file's size: each request updates some twenty indexes at
 *   scattered places, and a smaller cache keeps writing their pages out to the WAL and reading
 *   them back (100,000 requests into a register of 100,000: 6.8-7.2 s with the default 16 MB,
 *   5.8-6.1 s with 64 MB). Where they are built at the end it gains nothing measurable, and
 *   the sort behind CREATE INDEX would take as much memory again;
 * - statement journals in memory (temp_store): a multi-row INSERT (BulkInsert) keeps one so
 *   that it can be undone alone; spilled to a temporary file past 64 KiB, it cost more than
 *   the multi-row statements saved. Each holds one statement's pages, so it is bounded too;
 * - when `deferIndexes` (a register with no requests yet), the plain indexes of the tables
 *   the import fills are dropped, to be built again by rebuildIndexes() before COMMIT.
 *   Building an index from the finished table is one sort; keeping twenty of them up to date
 *   row by row thrashes the processor's caches (100,000 requests into an empty register:
 *   5.7-6.7 s keeping them, 3.7-4.2 s building them at the end, 1.0 s of it the build).
 *   Unique indexes stay, so a duplicate is still refused at its row; the indexes come back
 *   with the very SQL that made them (sqlite_schema), and a rollback brings back the old ones.
 *   Another connection never sees them missing (its snapshot predates the import's
 *   transaction). On a register that has requests already a rebuild would cost as much as
 *   the register is large, so there the indexes are kept.
 */
export function startBulkLoad(sqlite: Database.Database, options: { deferIndexes: boolean }): BulkLoad {
  const cache = Number(sqlite.pragma('cache_size', { simple: true }));
  const tempStore = Number(sqlite.pragma('temp_store', { simple: true }));
  const restore = () => {
    sqlite.pragma(`cache_size = ${cache}`);
    sqlite.pragma(`temp_store = ${tempStore}`);
  };
  // Only ever raised: db/open.ts may have given the connection more already.
  if (!options.deferIndexes && cache < 0 && -cache < IMPORT_CACHE_KIB)
    sqlite.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  sqlite.pragma('temp_store = MEMORY');
  const setAside: SetAside[] = [];
  try {
    if (options.deferIndexes) {
      const plain = sqlite.prepare<[string], SetAside>(
        `SELECT s.name AS name, s.sql AS sql FROM pragma_index_list(?) AS i JOIN sqlite_schema AS s ON s.name = i.name
         WHERE i.origin = 'c' AND i."unique" = 0 AND s.sql IS NOT NULL ORDER BY s.rowid`,
      );
      for (const table of IMPORTED_TABLES) setAside.push(...plain.all(table));
      for (const { name } of setAside) sqlite.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    }
  } catch (e) {
    restore(); // the caller rolls back the drops
    throw e;
  }
  return {
    rebuildIndexes() {
      // The sort behind CREATE INDEX spills to temporary files past its memory budget; in
      // memory it would grow with the register.
      sqlite.pragma(`temp_store = ${tempStore}`);
      for (const { sql } of setAside.splice(0)) sqlite.exec(sql);
    },
    restore,
  };
}

/** Rows per multi-row INSERT: past some dozens the statement's own cost no longer shows. */
export const BULK_ROWS = 64;

/**
 * Rows of one table gathered and written BULK_ROWS at a time, in one multi-row INSERT each:
 * one statement to run instead of one per row, and one read and write of the table's
 * AUTOINCREMENT counter. Worth it for the small rows a request has several of (history,
 * offences, assistance; the whole import: 4.4-4.6 s one row a statement, 3.7-4.2 s 64); not
 * for the requests themselves, whose index pages the statement journal then copies (slower).
 */
export class BulkInsert {
  private readonly width: number;
  private readonly full: Database.Statement;
  private readonly values: unknown[] = [];

  constructor(
    private readonly sqlite: Database.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.width = columns.length;
    this.full = this.statement(BULK_ROWS);
  }

  private statement(rows: number): Database.Statement {
    const row = `(${this.columns.map(() => '?').join(', ')})`;
    return this.sqlite.prepare(
      `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array<string>(rows).fill(row).join(', ')}`,
    );
  }

  /** One row's values, in the columns' order. */
  add(...row: unknown[]): void {
    for (const value of row) this.values.push(value);
    if (this.values.length === BULK_ROWS * this.width) {
      this.full.run(this.values);
      this.values.length = 0;
    }
  }

  /** Writes the rows gathered so far. */
  flush(): void {
    if (this.values.length === 0) return;
    this.statement(this.values.length / this.width).run(this.values);
    this.values.length = 0;
  }
}
