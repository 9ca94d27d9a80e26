import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditChainReport } from '../../contract/audit-chain.ts';
import { verifyAuditChain } from '../../db/audit-verify.ts';
import { auditIds, dropAuditGuards, registerWithAuditTrail } from '../helpers/audit-trail.ts';
import { withRaw } from '../helpers/sqlite-files.ts';

/*
 * Random tampering with a log written by the app: whatever is changed, removed or moved, the
 * check names the first entry touched. Every run starts from the same file (changes are rolled
 * back).
 */

let dir: string;
let file: string;
let n: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-audit-random-'));
  file = await registerWithAuditTrail(path.join(dir, 'register.sqlite'), 22);
  n = withRaw(file, auditIds, true).length;
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `change` with the guards dropped; undefined when it left the log as it was (or NOT NULL refused it). */
function tampered(change: (db: Database.Database) => void): AuditChainReport | undefined {
  const db = new Database(file);
  try {
    db.exec('BEGIN');
    const before = db.prepare('SELECT * FROM audit_log ORDER BY id').raw(true).all();
    dropAuditGuards(db);
    try {
      change(db);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_NOTNULL') return undefined;
      throw e;
    }
    const after = db.prepare('SELECT * FROM audit_log ORDER BY id').raw(true).all();
    return JSON.stringify(after) === JSON.stringify(before) ? undefined : verifyAuditChain(db);
  } finally {
    db.exec('ROLLBACK');
    db.close();
  }
}

const COLUMNS = ['at', 'actor', 'action', 'entity', 'entity_id', 'details', 'prev_hash', 'hash'] as const;
const value = fc.oneof(
  fc.string({ maxLength: 70 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constant(null),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes)),
);
const entry = () => fc.integer({ min: 1, max: n });

describe('random tampering', () => {
  it('an edit of any column of any entry is named at that entry', () => {
    fc.assert(
      fc.property(entry(), fc.constantFrom(...COLUMNS), value, (id, column, newValue) => {
        const report = tampered((db) =>
          db.prepare(`UPDATE audit_log SET ${column} = ? WHERE id = ?`).run(newValue, id),
        );
        fc.pre(report !== undefined);
        expect(report?.ok).toBe(false);
        expect(report?.firstBroken?.id).toBe(id);
      }),
      { numRuns: 300 },
    );
  });

  it('deleting any entries is named at the first one deleted', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry(), { minLength: 1, maxLength: 6 }), (gone) => {
        const report = tampered((db) => {
          const del = db.prepare('DELETE FROM audit_log WHERE id = ?');
          for (const id of gone) del.run(id);
        });
        expect(report?.ok).toBe(false);
        expect(report?.firstBroken?.id).toBe(Math.min(...gone));
        expect(report?.firstBroken?.reason).toMatch(/^missing/);
      }),
      { numRuns: 150 },
    );
  });

  it('reordering entries (ids shuffled among them) is named at the first one moved', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(entry(), { minLength: 2, maxLength: 6 })
          .chain((chosen) => fc.tuple(fc.constant(chosen), fc.shuffledSubarray(chosen, { minLength: chosen.length }))),
        ([from, to]) => {
          const moved = from.filter((id, i) => id !== to[i]);
          fc.pre(moved.length > 0);
          const report = tampered((db) => {
            const setId = db.prepare('UPDATE audit_log SET id = ? WHERE id = ?');
            from.forEach((id) => setId.run(-id, id));
            from.forEach((id, i) => setId.run(to[i], -id));
          });
          expect(report?.ok).toBe(false);
          expect(report?.firstBroken).toMatchObject({ id: Math.min(...moved), reason: 'content_changed' });
        },
      ),
      { numRuns: 150 },
    );
  });
});
