import type Database from 'better-sqlite3';
import { lifeEntrySql } from './statistics/life-text.ts';

/**
 * Columns that summarise other rows (db/schema/requests.ts last_status_on, last_event_on, life) are
 * kept by the write paths; this counts the requests where they no longer agree with the
 * history they summarise, for `mla-desk check` and the tests that pin every write path.
 */
export function countActivityDrift(sqlite: Database.Database): number {
  const row = sqlite
    .prepare(
      `SELECT count(*) AS n FROM requests r
       WHERE r.last_status_on IS NOT
         (SELECT h.effective_on FROM status_history h WHERE h.request_id = r.id ORDER BY h.id DESC LIMIT 1)
       OR r.last_event_on IS NOT
         (SELECT max(e.effective_on) FROM request_events e WHERE e.request_id = r.id AND e.type <> 'note')
       OR r.life IS NOT
         (SELECT group_concat(${lifeEntrySql('h')}, ',' ORDER BY h.id) FROM status_history h WHERE h.request_id = r.id)`,
    )
    .get() as { n: number };
  return row.n;
}
