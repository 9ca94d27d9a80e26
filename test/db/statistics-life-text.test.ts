import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../contract/codes.ts';
import { countActivityDrift } from '../../db/consistency.ts';
import { openDatabase } from '../../db/open.ts';
import {
  appendedLife,
  decodeLife,
  type HistoryChange,
  lifeEntry,
  lifeEntrySql,
  lifeText,
  STATUS_LETTERS,
} from '../../db/statistics/life-text.ts';
import { migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

const change = fc.record({
  fromStatus: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
  toStatus: fc.constantFrom(...STATUSES),
  effectiveOn: fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
});

describe('the packed history kept on each request (requests.life)', () => {
  it('gives every status its own letter', () => {
    const letters = STATUSES.map((s) => STATUS_LETTERS[s]);
    expect(new Set(letters).size).toBe(STATUSES.length);
    for (const letter of letters) expect(letter).toMatch(/^[A-Z]$/);
  });

  it('decodes to the changes it was made of, whether packed whole or appended one by one', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes: HistoryChange[]) => {
        const whole = lifeText(changes);
        let appended: string | null = null;
        for (const c of changes) appended = appendedLife(appended, c);
        expect(appended).toBe(whole);
        expect(decodeLife(whole ?? '')).toEqual(
          changes.map((c) => ({ created: c.fromStatus === null, to: c.toStatus, on: c.effectiveOn })),
        );
      }),
      { seed: 7, numRuns: 300 },
    );
    expect(lifeText([])).toBeNull();
  });

  it('is packed the same way by the SQL of the drift check, for every status', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE h (from_status TEXT, to_status TEXT, effective_on TEXT)');
    const insert = db.prepare('INSERT INTO h VALUES (?, ?, ?)');
    const packed = db.prepare<[], { p: string }>(`SELECT ${lifeEntrySql('h')} AS p FROM h`);
    for (const to of STATUSES) {
      for (const from of [null, 'registered'] as (Status | null)[]) {
        db.exec('DELETE FROM h');
        insert.run(from, to, '2025-06-30');
        expect(packed.get()?.p).toBe(lifeEntry({ fromStatus: from, toStatus: to, effectiveOn: '2025-06-30' }));
      }
    }
    db.close();
  });

  it('refuses to decode a letter no status has', () => {
    expect(() => decodeLife('-Z2025-01-01')).toThrow(/Unreadable/);
  });

  it('is filled by its migration from the history of the requests already in the register', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(13), create: true }).close();
    withRaw(file, (db) => {
      db.prepare(
        `INSERT INTO requests (reference, direction, kind, status, opened_on, counterpart_country, last_status_on,
           created_at, updated_at)
         VALUES ('MLA-IN-2024-00001', 'incoming', 'mla', 'refused', '2024-02-01', 'FR', '2024-05-01', 'x', 'x'),
                ('MLA-OUT-2024-00001', 'outgoing', 'mla', 'draft', NULL, 'DE', '2024-01-20', 'x', 'x')`,
      ).run();
      const history = db.prepare(
        `INSERT INTO status_history (request_id, recorded_at, effective_on, actor, from_status, to_status)
         VALUES (?, 'x', ?, 'clerk', ?, ?)`,
      );
      history.run(1, '2024-02-01', null, 'registered');
      history.run(1, '2024-03-01', 'registered', 'in_execution');
      history.run(1, '2024-05-01', 'in_execution', 'refused');
      history.run(2, '2024-01-20', null, 'draft');
    });
    openDatabase({ file, migrationsFolder: MIGRATIONS }).close();
    const lives = withRaw(file, (db) => db.prepare('SELECT life FROM requests ORDER BY id').pluck().all(), true);
    expect(lives).toEqual(['-B2024-02-01,>F2024-03-01,>K2024-05-01', '-A2024-01-20']);
    expect(withRaw(file, countActivityDrift, true)).toBe(0);
    // The check notices a packed history that no longer matches.
    withRaw(file, (db) => db.prepare("UPDATE requests SET life = '-B2024-02-01' WHERE id = 1").run());
    expect(withRaw(file, countActivityDrift, true)).toBe(1);
  });
});
