import type Database from 'better-sqlite3';

/**
 * Whether the full-text index says exactly what its sources say: the index is rebuilt from
 * the `search_rows` view (the migration's definition of what is indexed) into a temporary
 * table, and the two are compared term by term, position by position (fts5vocab 'instance').
 * The triggers keep the index in step; this is how tests (and a future `mla-desk check`)
 * prove it. Returns how many entries differ; 0 when in step. Reads only (temp objects aside).
 * The copy keeps its text: dropping a contentless_unindexed table leaves its _content table
 * behind in SQLite 3.53, which would break the next check.
 */
export function searchIndexDrift(sqlite: Database.Database): number {
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.search_expected_terms;
    DROP TABLE IF EXISTS temp.search_actual_terms;
    DROP TABLE IF EXISTS temp.search_expected;
    CREATE VIRTUAL TABLE temp.search_expected USING fts5(
      body, request_id UNINDEXED, tokenize = 'trigram remove_diacritics 2');
    INSERT INTO temp.search_expected (rowid, request_id, body) SELECT fts_rowid, request_id, body FROM main.search_rows;
    CREATE VIRTUAL TABLE temp.search_expected_terms USING fts5vocab(temp, search_expected, 'instance');
    CREATE VIRTUAL TABLE temp.search_actual_terms USING fts5vocab(main, search_index, 'instance');
  `);
  try {
    const differing = (from: string, to: string) =>
      `SELECT count(*) FROM (SELECT term, doc, offset FROM temp.${from} EXCEPT SELECT term, doc, offset FROM temp.${to})`;
    const rows = (table: string) => `SELECT rowid, request_id FROM ${table}`;
    const count = (query: string) => Number(sqlite.prepare(query).pluck().get());
    return (
      count(differing('search_expected_terms', 'search_actual_terms')) +
      count(differing('search_actual_terms', 'search_expected_terms')) +
      count(`SELECT count(*) FROM (${rows('temp.search_expected')} EXCEPT ${rows('main.search_index')})`) +
      count(`SELECT count(*) FROM (${rows('main.search_index')} EXCEPT ${rows('temp.search_expected')})`)
    );
  } finally {
    sqlite.exec(`
      DROP TABLE IF EXISTS temp.search_expected_terms;
      DROP TABLE IF EXISTS temp.search_actual_terms;
      DROP TABLE IF EXISTS temp.search_expected;
    `);
  }
}
