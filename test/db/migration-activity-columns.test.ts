import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countActivityDrift } from '../../db/consistency.ts';
import { openDatabase } from '../../db/open.ts';
import { migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

describe('the migration that adds the last-activity days', () => {
  it('fills them from the history of the requests already in the register', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    // A register at the schema before that migration, with one request sent and reminded.
    openDatabase({ file, migrationsFolder: migrationsFolder(8), create: true }).close();
    withRaw(file, (db) => {
      db.prepare(
        `INSERT INTO requests (reference, direction, kind, status, opened_on, counterpart_country, created_at, updated_at)
         VALUES ('MLA-OUT-2024-00001', 'outgoing', 'mla', 'sent', '2024-02-01', 'FR', 'x', 'x')`,
      ).run();
      const history = db.prepare(
        `INSERT INTO status_history (request_id, recorded_at, effective_on, actor, from_status, to_status)
         VALUES (1, 'x', ?, 'clerk', ?, ?)`,
      );
      history.run('2024-01-20', null, 'draft');
      history.run('2024-02-01', 'draft', 'sent');
      const event = db.prepare(
        `INSERT INTO request_events (request_id, recorded_at, effective_on, actor, type) VALUES (1, 'x', ?, 'clerk', ?)`,
      );
      event.run('2024-03-01', 'reminder_sent');
      event.run('2024-04-01', 'note');
    });

    openDatabase({ file, migrationsFolder: MIGRATIONS }).close();
    const row = withRaw(file, (db) => db.prepare('SELECT last_status_on, last_event_on FROM requests').get(), true);
    expect(row).toEqual({ last_status_on: '2024-02-01', last_event_on: '2024-03-01' });
    expect(withRaw(file, countActivityDrift, true)).toBe(0);
  });
});
