import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

describe('the migration that keeps refusal grounds in the history', () => {
  it('gives a refusal recorded before it the grounds its request holds, and keeps the history append-only', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    // A register at the schema before that migration, with one refused request.
    openDatabase({ file, migrationsFolder: migrationsFolder(6), create: true }).close();
    withRaw(file, (db) => {
      db.prepare(
        `INSERT INTO requests (reference, direction, kind, status, opened_on, closed_on, counterpart_country, created_at, updated_at)
         VALUES ('MLA-IN-2024-00001', 'incoming', 'mla', 'refused', '2024-02-01', '2024-05-01', 'FR', 'x', 'x')`,
      ).run();
      const history = db.prepare(
        `INSERT INTO status_history (request_id, recorded_at, effective_on, actor, from_status, to_status)
         VALUES (1, 'x', ?, 'clerk', ?, ?)`,
      );
      history.run('2024-02-01', null, 'registered');
      history.run('2024-05-01', 'registered', 'refused');
      db.prepare("INSERT INTO request_refusal_grounds (request_id, ground) VALUES (1, 'dual_criminality')").run();
    });

    openDatabase({ file, migrationsFolder: MIGRATIONS }).close();
    const rows = withRaw(
      file,
      (db) => db.prepare('SELECT to_status, refusal_grounds FROM status_history ORDER BY id').all(),
      true,
    );
    expect(rows).toEqual([
      { to_status: 'registered', refusal_grounds: null },
      { to_status: 'refused', refusal_grounds: '["dual_criminality"]' },
    ]);
    expect(() => withRaw(file, (db) => db.prepare('UPDATE status_history SET note = 1').run())).toThrow(/append-only/);
  });
});
