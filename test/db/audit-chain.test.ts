import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditChainReport } from '../../contract/audit-chain.ts';
import { auditEntryHash, GENESIS_HASH } from '../../db/audit-chain.ts';
import { verifyAuditChain } from '../../db/audit-verify.ts';
import { openDatabase } from '../../db/open.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { auditIds, dropAuditGuards, registerWithAuditTrail } from '../helpers/audit-trail.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS } from '../helpers/temp-register.ts';

let dir: string;
let file: string;
/** Ids of the untouched log, and its length. */
let ids: number[];
let n: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-audit-'));
  file = await registerWithAuditTrail(path.join(dir, 'register.sqlite'));
  ids = withRaw(file, auditIds, true);
  n = ids.length;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Tampers with the log as someone holding the file would (triggers dropped, plain SQL), checks
 * it, and rolls everything back so each case starts from the same intact log.
 */
function tampered(change: (db: Database.Database) => void): AuditChainReport {
  const db = new Database(file);
  try {
    db.exec('BEGIN');
    dropAuditGuards(db);
    change(db);
    return verifyAuditChain(db);
  } finally {
    db.exec('ROLLBACK');
    db.close();
  }
}

const run =
  (sql: string, ...params: unknown[]) =>
  (db: Database.Database) =>
    void db.prepare(sql).run(...params);

describe('the audit log’s hash chain', () => {
  it('verifies a log written by the app’s write paths, the import’s own connection included', () => {
    const report = withRaw(file, verifyAuditChain, true);
    expect(n).toBeGreaterThanOrEqual(8);
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const last = withRaw(file, (db) => db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(n), true);
    expect(report).toEqual({ ok: true, entries: n, head: last, legacyThrough: 0 });
    const actions = withRaw(file, (db) => db.prepare('SELECT action FROM audit_log').pluck().all(), true);
    expect(actions).toEqual(expect.arrayContaining(['settings.update', 'register.import']));
  });

  it('links each entry to the one before it, starting from the genesis hash', () => {
    const rows = withRaw(
      file,
      (db) =>
        db
          .prepare(
            'SELECT id, at, actor, action, entity, entity_id AS entityId, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY id',
          )
          .all() as (Parameters<typeof auditEntryHash>[0] & { hash: string })[],
      true,
    );
    let prev = GENESIS_HASH;
    for (const { hash, ...content } of rows) {
      expect(content.prevHash).toBe(prev);
      expect(auditEntryHash(content)).toBe(hash);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      prev = hash;
    }
  });

  it('is refused every change by the database while its triggers stand', () => {
    const db = new Database(file);
    try {
      db.exec('BEGIN');
      const refused = (sql: string) => expect(() => db.prepare(sql).run()).toThrow(/append-only|chain|permanent/);
      refused("UPDATE audit_log SET actor = 'someone else' WHERE id = 2");
      refused('UPDATE audit_log SET hash = NULL, prev_hash = NULL WHERE id = 2');
      refused("UPDATE audit_log SET hash = 'x' WHERE id = 2");
      refused('DELETE FROM audit_log WHERE id = 2');
      refused("INSERT INTO audit_log (at, actor, action, entity, details) VALUES ('x', 'x', 'x', 'x', '{}')");
      refused('DELETE FROM audit_chain');
      refused('UPDATE audit_chain SET sealed_at = NULL');
      refused('UPDATE audit_chain SET legacy_through = 99');
      expect(() =>
        db
          .prepare(
            "INSERT INTO audit_log (at, actor, action, entity, details, prev_hash, hash) VALUES ('x', 'x', 'x', 'x', '{}', ?, 'x')",
          )
          .run(GENESIS_HASH),
      ).toThrow(/UNIQUE/);
    } finally {
      db.exec('ROLLBACK');
      db.close();
    }
  });
});

type Case = [name: string, change: () => (db: Database.Database) => void, expected: () => Record<string, unknown>];

/** Each way of tampering, the first broken entry it must be named at, and why. */
const CASES: Case[] = [
  [
    'edit the time of an entry',
    () => run("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 4"),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'edit the actor',
    () => run("UPDATE audit_log SET actor = 'Someone Else' WHERE id = 4"),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'edit the action',
    () => run("UPDATE audit_log SET action = 'request.view' WHERE id = 4"),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'edit the entity',
    () => run("UPDATE audit_log SET entity = 'settings' WHERE id = 4"),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'edit the entity id',
    () => run('UPDATE audit_log SET entity_id = 999 WHERE id = 4'),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'null the entity id',
    () => run('UPDATE audit_log SET entity_id = NULL WHERE id = 1'),
    () => ({ id: 1, reason: 'content_changed' }),
  ],
  [
    'edit the details',
    () => run(`UPDATE audit_log SET details = '{}' WHERE id = 4`),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'store the same details as a blob',
    () => run('UPDATE audit_log SET details = CAST(details AS BLOB) WHERE id = 4'),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'edit the previous hash',
    () => run(`UPDATE audit_log SET prev_hash = '${'a'.repeat(64)}' WHERE id = 4`),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'change a hash',
    () => run(`UPDATE audit_log SET hash = '${'b'.repeat(64)}' WHERE id = 4`),
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  ['null a hash', () => run('UPDATE audit_log SET hash = NULL WHERE id = 4'), () => ({ id: 4, reason: 'unhashed' })],
  [
    'null a previous hash',
    () => run('UPDATE audit_log SET prev_hash = NULL WHERE id = 4'),
    () => ({ id: 4, reason: 'unhashed' }),
  ],
  [
    'move an entry to a later id',
    () => run('UPDATE audit_log SET id = 1000 WHERE id = 4'),
    () => ({ id: 4, through: 4, reason: 'missing' }),
  ],
  [
    'delete a middle entry',
    () => run('DELETE FROM audit_log WHERE id = 4'),
    () => ({ id: 4, through: 4, reason: 'missing' }),
  ],
  [
    'delete a run of entries',
    () => run('DELETE FROM audit_log WHERE id BETWEEN 3 AND 5'),
    () => ({ id: 3, through: 5, reason: 'missing' }),
  ],
  [
    'delete the first entry',
    () => run('DELETE FROM audit_log WHERE id = 1'),
    () => ({ id: 1, through: 1, reason: 'missing' }),
  ],
  [
    'delete the last entry',
    () => run('DELETE FROM audit_log WHERE id = ?', n),
    () => ({ id: n, through: n, reason: 'missing_at_end' }),
  ],
  [
    'delete the last two entries',
    () => run('DELETE FROM audit_log WHERE id >= ?', n - 1),
    () => ({ id: n - 1, through: n, reason: 'missing_at_end' }),
  ],
  ['delete every entry', () => run('DELETE FROM audit_log'), () => ({ id: 1, through: n, reason: 'missing_at_end' })],
  [
    'swap the contents of two entries, ids kept',
    () => (db) => {
      const cols = 'at, actor, action, entity, entity_id, details, prev_hash, hash';
      db.exec(`CREATE TEMP TABLE keep AS SELECT id, ${cols} FROM audit_log WHERE id IN (3, 4)`);
      db.exec(
        `UPDATE audit_log SET (${cols}) = (SELECT ${cols} FROM keep WHERE keep.id = 7 - audit_log.id) WHERE id IN (3, 4)`,
      );
    },
    () => ({ id: 3, reason: 'content_changed' }),
  ],
  [
    'swap the ids of two entries',
    () => (db) => {
      db.exec('UPDATE audit_log SET id = -3 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = 4');
      db.exec('UPDATE audit_log SET id = 4 WHERE id = -3');
    },
    () => ({ id: 3, reason: 'content_changed' }),
  ],
  [
    'delete an entry, renumber the rest and set the counter back',
    () => (db) => {
      db.exec('DELETE FROM audit_log WHERE id = 4');
      db.exec('UPDATE audit_log SET id = -id WHERE id > 4; UPDATE audit_log SET id = -id - 1 WHERE id < 0');
      db.exec("UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'audit_log'");
    },
    () => ({ id: 4, reason: 'content_changed' }),
  ],
  [
    'append a forged entry with a made-up hash',
    () => (db) => {
      const head = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
      db.prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, details, prev_hash, hash)
         VALUES ('2026-03-10T09:30:00.000Z', 'Amina Clerk', 'request.delete', 'request', 1, '{}', ?, ?)`,
      ).run(head, 'c'.repeat(64));
    },
    () => ({ id: n + 1, reason: 'content_changed' }),
  ],
  [
    'append a well-hashed forged entry that does not link to the last one',
    () => (db) => forge(db, n + 1, 'd'.repeat(64)),
    () => ({ id: n + 1, reason: 'chain_broken' }),
  ],
  [
    'replace a middle entry with a well-hashed forgery linked to its predecessor',
    () => (db) => {
      const prev = db.prepare('SELECT hash FROM audit_log WHERE id = 3').pluck().get() as string;
      db.exec('DELETE FROM audit_log WHERE id = 4');
      forge(db, 4, prev);
    },
    () => ({ id: 5, reason: 'chain_broken' }),
  ],
  [
    'insert a forged entry before the first',
    () => (db) => forge(db, 0, GENESIS_HASH),
    () => ({ id: 0, reason: 'unexpected_id' }),
  ],
  [
    'set the counter back below the last entry',
    () => run("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_log'"),
    () => ({ id: n, reason: 'counter_lowered' }),
  ],
  ['delete the chain’s seal record', () => run('DELETE FROM audit_chain'), () => ({ id: 0, reason: 'seal_record' })],
  ['unseal the chain', () => run('UPDATE audit_chain SET sealed_at = NULL'), () => ({ id: 0, reason: 'seal_record' })],
];

/** A forged entry whose own hash is right (whoever forged it knows the format). */
function forge(db: Database.Database, id: number, prevHash: string): void {
  const content = {
    id,
    at: '2026-03-10T09:30:00.000Z',
    actor: 'Amina Clerk',
    action: 'request.delete',
    entity: 'request',
    entityId: 1,
    details: '{}',
    prevHash,
  };
  db.prepare(
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entityId, @details, @prevHash, @hash)`,
  ).run({ ...content, hash: auditEntryHash(content) });
}

describe(`tampering with raw SQL (${CASES.length} cases)`, () => {
  it.each(CASES)('catches: %s', (_name, change, expected) => {
    const report = tampered(change());
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject(expected());
    expect(report.firstBroken?.message).toMatch(/entr|counter|record/);
  });
});

describe('after tampering', () => {
  it('a new entry the app writes does not hide a deleted one, and takes a fresh id', async () => {
    const copy = path.join(fs.mkdtempSync(path.join(dir, 'copy-')), 'register.sqlite');
    fs.copyFileSync(file, copy);
    withRaw(copy, (db) => {
      dropAuditGuards(db);
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(n);
    });
    const register = openSqliteRegister({ file: copy, migrationsFolder: MIGRATIONS });
    try {
      await register.requests.register(newRequest(), ACTOR, CLOCK);
    } finally {
      register.close();
    }
    expect(withRaw(copy, auditIds, true).slice(-2)).toEqual([n - 1, n + 1]);
    expect(withRaw(copy, verifyAuditChain, true).firstBroken).toMatchObject({ id: n, reason: 'missing' });
  });

  it('opening the register again never reseals an entry whose hash was taken away', () => {
    const copy = path.join(fs.mkdtempSync(path.join(dir, 'copy-')), 'register.sqlite');
    fs.copyFileSync(file, copy);
    withRaw(copy, (db) => {
      dropAuditGuards(db);
      db.exec("UPDATE audit_log SET actor = 'Someone Else', hash = NULL, prev_hash = NULL WHERE id = 4");
      db.exec(`UPDATE audit_chain SET sealed_at = NULL, legacy_through = ${n}`);
    });
    openDatabase({ file: copy, migrationsFolder: MIGRATIONS }).close();
    expect(withRaw(copy, verifyAuditChain, true).firstBroken).toMatchObject({ id: 4, reason: 'unhashed' });
  });
});

describe('what the chain cannot catch (README, db/audit-chain.ts)', () => {
  it('a log recomputed from the changed entry on passes, but no longer reaches the head noted before', () => {
    const before = withRaw(file, verifyAuditChain, true);
    const after = tampered((db) => {
      const rows = db.prepare('SELECT * FROM audit_log WHERE id >= 4 ORDER BY id').all() as Record<string, unknown>[];
      let prevHash = db.prepare('SELECT hash FROM audit_log WHERE id = 3').pluck().get() as string;
      db.exec('DELETE FROM audit_log WHERE id >= 4');
      for (const r of rows) {
        const content = {
          id: r.id as number,
          at: r.at as string,
          actor: r.id === 4 ? 'Someone Else' : (r.actor as string),
          action: r.action as string,
          entity: r.entity as string,
          entityId: r.entity_id as number | null,
          details: r.details as string,
          prevHash,
        };
        prevHash = auditEntryHash(content);
        db.prepare(
          `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details, prev_hash, hash)
           VALUES (@id, @at, @actor, @action, @entity, @entityId, @details, @prevHash, @hash)`,
        ).run({ ...content, hash: prevHash });
      }
    });
    expect(after.ok).toBe(true);
    expect(after.head).not.toBe(before.head);
  });

  it('entries cut off the end with the counter set back pass, but the head noted before is gone', () => {
    const before = withRaw(file, verifyAuditChain, true);
    const after = tampered((db) => {
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(n);
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(n - 1);
    });
    expect(after).toMatchObject({ ok: true, entries: n - 1 });
    expect(after.head).not.toBe(before.head);
  });
});
