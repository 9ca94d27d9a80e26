import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { insertRawRequest, migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir, tempRegister } from '../helpers/temp-register.ts';

/** How many migrations come before the one that widens requests_state_idx for the clocks. */
function migrationsBeforeClockIndex(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) => e.tag.endsWith('_clock_state_index'));
  if (index < 0) throw new Error('no clock_state_index migration in the journal');
  return index;
}

const indexColumns = (file: string) =>
  withRaw(file, (db) => (db.pragma("index_info('requests_state_idx')") as { name: string }[]).map((c) => c.name), true);

describe('the migration that widens the status index for the legal clocks', () => {
  it('rebuilds requests_state_idx with the legal basis and preserved-until day over the requests already there', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(migrationsBeforeClockIndex()), create: true }).close();
    // As the register of that version held them, its summary columns (life, last status day) kept.
    withRaw(file, (db) => {
      const eio = insertRawRequest(db, 'MLA-IN-2026-00001', { openedOn: '2026-01-05' });
      db.prepare(
        `INSERT INTO status_history (request_id, recorded_at, effective_on, actor, from_status, to_status)
         VALUES (?, '2026-01-06T10:00:00.000Z', '2026-01-06', 'Clerk', 'registered', 'under_review')`,
      ).run(eio);
      db.prepare(
        `UPDATE requests SET status = 'under_review', legal_basis = 'eu_eio', counterpart_country = 'DE',
         last_status_on = '2026-01-06', life = '-B2026-01-05,>C2026-01-06' WHERE id = ?`,
      ).run(eio);
      const preservation = insertRawRequest(db, 'PRE-IN-2026-00001', { kind: 'preservation', openedOn: '2026-02-02' });
      db.prepare(
        `UPDATE requests SET legal_basis = 'budapest', last_status_on = '2026-02-02', life = '-B2026-02-02' WHERE id = ?`,
      ).run(preservation);
    });
    expect(indexColumns(file)).not.toContain('legal_basis');

    const register = tempRegister(file);
    expect(indexColumns(file)).toEqual([
      'status',
      'direction',
      'kind',
      'counterpart_country',
      'last_status_on',
      'last_event_on',
      'opened_on',
      'legal_basis',
      'preserved_until',
    ]);
    expect(withRaw(file, (db) => db.pragma('integrity_check', { simple: true }), true)).toBe('ok');
    // The clocks of the requests registered before it are found through the rebuilt index.
    await register.clocks.updateSettings(
      { timeZone: 'UTC' },
      { name: 'test', roles: ['administrator'] },
      {
        at: '2026-03-10T09:30:00.000Z',
        today: '2026-03-10',
      },
    );
    const due = await register.clocks.due(new Date('2026-03-30T12:00:00Z'), null);
    expect(due.requests.flatMap((r) => r.clocks.map((c) => [c.clock, c.state, c.dueOn]))).toEqual([
      ['eioDecision', 'overdue', '2026-02-04'],
      ['preservation', 'dueSoon', '2026-04-03'],
    ]);
  });
});
