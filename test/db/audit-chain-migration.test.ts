import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-verify.ts';
import { openDatabase } from '../../db/open.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { insertRawRequest, migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

/** The schema just before the audit chain (migration 0012). */
const BEFORE_CHAIN = 12;

/** A register at the schema before the chain, with `entries` audit entries written as that version did. */
function registerBeforeTheChain(entries: number): string {
  const file = path.join(tempDir(), 'register.sqlite');
  const opened = openDatabase({ file, migrationsFolder: migrationsFolder(BEFORE_CHAIN), create: true });
  insertRawRequest(opened.sqlite, 'MLA-IN-2026-00001');
  const audit = opened.sqlite.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, details) VALUES (?, 'Old Clerk', ?, 'request', 1, ?)`,
  );
  opened.sqlite.transaction(() => {
    for (let i = 1; i <= entries; i++) {
      audit.run(
        `2025-0${1 + (i % 9)}-01T10:00:00.000Z`,
        i % 3 ? 'request.update' : 'request.move',
        JSON.stringify({ i }),
      );
    }
  })();
  opened.close();
  return file;
}

describe('upgrading a register that holds audit entries from before the chain', () => {
  it('seals the old entries as they stood, then chains new ones on, and the whole log verifies', async () => {
    const file = registerBeforeTheChain(3);
    const before = withRaw(
      file,
      (db) => db.prepare('SELECT id, at, actor, action, entity, entity_id, details FROM audit_log').all(),
      true,
    );

    const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS });
    try {
      expect(await register.auditChain()).toMatchObject({ ok: true, entries: 3, legacyThrough: 3 });
      await register.requests.register(newRequest(), ACTOR, CLOCK);
    } finally {
      register.close();
    }

    const report = withRaw(file, verifyAuditChain, true);
    expect(report).toMatchObject({ ok: true, entries: 4, legacyThrough: 3 });
    const after = withRaw(
      file,
      (db) => db.prepare('SELECT id, at, actor, action, entity, entity_id, details FROM audit_log WHERE id <= 3').all(),
      true,
    );
    expect(after).toEqual(before);
    const chain = withRaw(file, (db) => db.prepare('SELECT legacy_through, sealed_at FROM audit_chain').all(), true);
    expect(chain).toEqual([{ legacy_through: 3, sealed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
  });

  it('seals a long log in batches without a break', () => {
    const file = registerBeforeTheChain(2_345);
    openDatabase({ file, migrationsFolder: MIGRATIONS }).close();
    expect(withRaw(file, verifyAuditChain, true)).toMatchObject({ ok: true, entries: 2_345, legacyThrough: 2_345 });
  });

  it('seals an empty log too, so a fresh register starts sealed', () => {
    const file = registerBeforeTheChain(0);
    openDatabase({ file, migrationsFolder: MIGRATIONS }).close();
    expect(withRaw(file, verifyAuditChain, true)).toEqual({ ok: true, entries: 0, head: null, legacyThrough: 0 });
    const fresh = path.join(tempDir(), 'fresh.sqlite');
    openDatabase({ file: fresh, migrationsFolder: MIGRATIONS, create: true }).close();
    expect(withRaw(fresh, verifyAuditChain, true)).toEqual({ ok: true, entries: 0, head: null, legacyThrough: 0 });
  });

  it('names an entry already missing before the upgrade, instead of sealing over the gap', () => {
    const file = registerBeforeTheChain(5);
    withRaw(file, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.exec('DELETE FROM audit_log WHERE id = 2');
    });
    openDatabase({ file, migrationsFolder: MIGRATIONS }).close();
    expect(withRaw(file, verifyAuditChain, true).firstBroken).toMatchObject({ id: 2, reason: 'missing' });
  });

  it('is refused verifying before the upgrade, with what to do', () => {
    const file = registerBeforeTheChain(2);
    expect(() => withRaw(file, verifyAuditChain, true)).toThrow(/mla-desk migrate/);
  });
});
