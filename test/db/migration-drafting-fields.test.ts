import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { completeFields, correct } from '../helpers/drafting.ts';
import { ACTOR, CLOCK, newRequest, transition } from '../helpers/requests.ts';
import { insertRawRequest, migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { SCHEMA_VERSION, tempDir, tempRegister } from '../helpers/temp-register.ts';

/** The migrations before the one that adds the drafting fields (0017_drafting_completeness). */
const BEFORE = 17;
/** Those before the one that moves them into their own table (0020_drafting_fields_beside_requests). */
const SPLIT = 20;

describe('the migration that adds what a formal request must contain', () => {
  it('keeps a register’s requests, persons and history, with the new fields empty, and the app works on it', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(BEFORE), create: true }).close();
    const ids = withRaw(file, (db) => {
      const sent = insertRawRequest(db, 'MLA-OUT-2025-00001', { direction: 'outgoing', status: 'sent' });
      const draft = insertRawRequest(db, 'MLA-OUT-2026-00001', {
        direction: 'outgoing',
        status: 'draft',
        openedOn: null,
      });
      db.prepare(
        `INSERT INTO request_parties (request_id, position, role, name, nationality) VALUES (?, 0, 'suspect', 'Jean Dupont', 'FR')`,
      ).run(draft);
      return { sent, draft };
    });

    const register = tempRegister(file);
    expect(register.schemaVersion).toBe(SCHEMA_VERSION);
    const before = await register.requests.get(ids.draft);
    expect(before).toMatchObject({
      status: 'draft',
      proceedingsNature: null,
      conductingAuthority: null,
      procedureToFollow: null,
      purpose: null,
      emergencyJustification: null,
      requestLanguage: null,
      followsPreservation: false,
      parties: [{ name: 'Jean Dupont', nationality: 'FR', location: null }],
    });
    expect((await register.requests.get(ids.sent)).history).toEqual([
      expect.not.objectContaining({ override: expect.anything() }),
    ]);

    // A draft from before the check meets it like any other, and can be completed.
    await expect(
      register.requests.move(
        transition({ id: ids.draft, to: 'under_review', on: '2026-03-05', expectedVersion: 1 }),
        ACTOR,
        CLOCK,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const { parties: _parties, ...essentials } = completeFields('mla');
    const completed = await correct(register, before, { ...essentials, requestLanguage: 'fr' });
    expect(completed).toMatchObject({ requestLanguage: 'fr', purpose: essentials.purpose });
    const moved = await register.requests.move(
      transition({ id: ids.draft, to: 'under_review', on: '2026-03-05', expectedVersion: completed.version }),
      ACTOR,
      CLOCK,
    );
    expect(moved.status).toBe('under_review');
  });

  it('moves what the requests held into their own table, keeping every value', async () => {
    // A register as 0017_drafting_completeness left it, the fields still columns of requests.
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(SPLIT), create: true }).close();
    const ids = withRaw(file, (db) => {
      const drafted = insertRawRequest(db, 'MLA-OUT-2026-00001', { direction: 'outgoing', status: 'draft' });
      const bare = insertRawRequest(db, 'MLA-OUT-2026-00002', { direction: 'outgoing', status: 'draft' });
      db.prepare(
        `UPDATE requests SET purpose = 'To trace the funds', request_language = 'fr', follows_preservation = 1 WHERE id = ?`,
      ).run(drafted);
      return { drafted, bare };
    });
    const register = tempRegister(file);
    expect(await register.requests.get(ids.drafted)).toMatchObject({
      purpose: 'To trace the funds',
      requestLanguage: 'fr',
      followsPreservation: true,
      proceedingsNature: null,
    });
    expect(await register.requests.get(ids.bare)).toMatchObject({ purpose: null, followsPreservation: false });
    const columns = withRaw(
      file,
      (db) => db.prepare("SELECT name FROM pragma_table_info('requests')").pluck().all(),
      true,
    );
    expect(columns).not.toContain('purpose');
    expect(withRaw(file, (db) => db.prepare('SELECT request_id FROM request_drafting').pluck().all(), true)).toEqual([
      ids.drafted,
    ]);
  });

  it('keeps one drafting row per request while it has any drafting field, and none once they are cleared', async () => {
    const register = tempRegister();
    const r = await register.requests.register(
      newRequest({ direction: 'outgoing', openedOn: null, purpose: 'To trace the funds' }),
      ACTOR,
      CLOCK,
    );
    const rows = () => withRaw(register.location, (db) => db.prepare('SELECT * FROM request_drafting').all(), true);
    expect(rows()).toEqual([expect.objectContaining({ request_id: r.id, purpose: 'To trace the funds' })]);
    const changed = await correct(register, r, { purpose: null, requestLanguage: 'es' });
    expect(rows()).toEqual([expect.objectContaining({ purpose: null, request_language: 'es' })]);
    await correct(register, changed, { requestLanguage: null });
    expect(rows()).toEqual([]);
  });

  it('has the database refuse a language code outside ISO 639-1 and an override without its reason', () => {
    const register = tempRegister();
    const file = register.location;
    const id = withRaw(file, (db) =>
      insertRawRequest(db, 'MLA-OUT-2026-00009', { direction: 'outgoing', status: 'draft' }),
    );
    expect(() =>
      withRaw(file, (db) =>
        db.prepare("INSERT INTO request_drafting (request_id, request_language) VALUES (?, 'xx')").run(id),
      ),
    ).toThrow(/request_drafting_language_code/);
    withRaw(file, (db) =>
      db.prepare("INSERT INTO request_drafting (request_id, request_language) VALUES (?, 'ar')").run(id),
    );
    expect(() =>
      withRaw(file, (db) =>
        db.prepare("UPDATE request_drafting SET request_language = 'arb' WHERE request_id = ?").run(id),
      ),
    ).toThrow(/request_drafting_language_code/);
    expect(() =>
      withRaw(file, (db) =>
        db
          .prepare(
            `INSERT INTO status_history (request_id, recorded_at, effective_on, actor, from_status, to_status, override_missing)
             VALUES (?, 'x', '2026-03-05', 'x', 'draft', 'under_review', '["purpose"]')`,
          )
          .run(id),
      ),
    ).toThrow(/status_history_override/);
  });
});
