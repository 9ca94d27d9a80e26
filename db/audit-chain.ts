import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

/*
 * The audit log is a hash chain. Each entry stores `prev_hash`, the hash of the entry before it
 * (GENESIS_HASH for the first), and `hash`, SHA-256 over its own content and `prev_hash`. So an
 * entry cannot be edited, removed, reordered or slipped in between others without every later
 * link failing; db/audit-verify.ts walks the chain. Beyond the links it checks that ids run
 * 1, 2, 3… without a gap and that SQLite's AUTOINCREMENT counter for the table
 * (sqlite_sequence) has not moved past the last entry, which is what deleting the newest
 * entries leaves behind.
 *
 * What it does not protect against: the hash has no secret in it, so someone who can write the
 * file and recomputes every hash from the point they changed (and sets the counter back after
 * cutting entries off the end) produces a chain that checks. Against that the protection is the
 * encryption of the file and the custody of its key (db/open.ts), plus the head hash that
 * `mla-desk verify` prints: written down elsewhere, it shows later whether the log still
 * reaches it.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** An entry's content as stored: exactly the columns the hash covers. */
export interface ChainedContent {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  /** The stored JSON text, hashed as it is (not re-serialised). */
  details: string;
  prevHash: string;
}

/** Names the serialisation, so a later change of it can be told apart from tampering. */
const FORMAT = 'mla-desk/audit/1';

/**
 * SHA-256 (hex) of an entry. The content is serialised as a JSON array: every value is quoted or
 * typed, so no two different entries serialise alike (unlike joining fields with a separator).
 * Values read back from the file go in untyped, so a column whose type was changed (a number
 * stored as text) no longer matches either.
 */
export function auditEntryHash(entry: ChainedContent): string {
  return hashOfValues(
    entry.id,
    entry.at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.details,
    entry.prevHash,
  );
}

/** The same hash over values as SQLite returned them (columns in the order of ChainedContent). */
export function hashOfValues(...values: unknown[]): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([FORMAT, ...values]))
    .digest('hex');
}

interface ChainRecord {
  legacy_through: number;
  sealed_at: string | null;
}

const SEAL_BATCH = 1000;

/**
 * Gives the entries written before the chain existed their hashes, once. The migration that
 * added the chain recorded how far those entries go (audit_chain.legacy_through); this runs in
 * the same transaction as that migration (db/migrate.ts), and afterwards marks the chain sealed.
 * The triggers allow giving hashes only to unhashed entries up to that id and only while the
 * chain is unsealed, so nulling a later entry's hash never gets it "resealed". Returns the
 * number of entries sealed.
 */
export function sealLegacyAuditEntries(sqlite: Database.Database, at: string): number {
  const hasChain = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_chain'").get();
  if (!hasChain) return 0;
  const record = sqlite.prepare('SELECT legacy_through, sealed_at FROM audit_chain WHERE id = 1').get() as
    ChainRecord | undefined;
  if (!record || record.sealed_at !== null) return 0;

  const batch = sqlite.prepare(
    `SELECT id, at, actor, action, entity, entity_id, details FROM audit_log
     WHERE id > ? AND id <= ? AND hash IS NULL ORDER BY id LIMIT ${SEAL_BATCH}`,
  );
  const seal = sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let sealed = 0;
  for (;;) {
    const rows = batch.raw(true).all(afterId, record.legacy_through) as unknown[][];
    for (const [id, ...content] of rows) {
      const hash = hashOfValues(id, ...content, prevHash);
      seal.run(prevHash, hash, id);
      prevHash = hash;
      afterId = Number(id);
      sealed++;
    }
    if (rows.length < SEAL_BATCH) break;
  }
  sqlite.prepare('UPDATE audit_chain SET sealed_at = ? WHERE id = 1').run(at);
  return sealed;
}
