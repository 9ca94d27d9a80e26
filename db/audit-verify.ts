import type Database from 'better-sqlite3';
import type { AuditBreak, AuditChainReport } from '../contract/audit-chain.ts';
import { GENESIS_HASH, hashOfValues } from './audit-chain.ts';
import { StorageError } from './errors.ts';

function missing(id: number, through: number, atEnd: boolean): AuditBreak {
  const which = id === through ? `entry ${id} is` : `entries ${id}–${through} are`;
  return atEnd
    ? {
        id,
        through,
        reason: 'missing_at_end',
        message: `${which} missing after the last entry (the log's counter says they were written)`,
      }
    : { id, through, reason: 'missing', message: `${which} missing (deleted)` };
}

const BROKEN: Record<'unexpected_id' | 'unhashed' | 'content_changed' | 'chain_broken', string> = {
  unexpected_id: 'has an id the audit log never hands out',
  unhashed: 'carries no hash',
  content_changed: 'was changed after it was written (its content no longer matches its hash)',
  chain_broken: 'does not follow the entry before it (entries were removed, replaced or reordered)',
};

function broken(id: number, reason: keyof typeof BROKEN): AuditBreak {
  return { id, reason, message: `entry ${id} ${BROKEN[reason]}` };
}

/** Entries read per step: small enough to keep memory flat, large enough to cost nothing extra. */
const SLICE = 5_000;
const COLUMNS = 'id, at, actor, action, entity, entity_id, details, prev_hash, hash';

/**
 * Walks the audit log's hash chain (db/audit-chain.ts) in id order, a slice of entries per
 * step, so its memory does not grow with the log. `step()` returns true once the whole log has
 * been read; the last slice is read in one transaction with the log's counter, so an entry
 * appended meanwhile by another connection cannot be taken for a deleted one.
 */
function chainWalk(sqlite: Database.Database) {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all();
  if (!columns.includes('hash')) {
    throw new StorageError('unreadable', { key: 'storage.beforeAuditChain' });
  }
  // The cursor is the id as text: an id no entry written by MLA Desk has (beyond 2^53) stays exact.
  const first = sqlite.prepare(`SELECT CAST(id AS TEXT), ${COLUMNS} FROM audit_log ORDER BY id LIMIT ${SLICE}`);
  const after = sqlite.prepare(
    `SELECT CAST(id AS TEXT), ${COLUMNS} FROM audit_log WHERE id > CAST(? AS INTEGER) ORDER BY id LIMIT ${SLICE}`,
  );
  const counter = sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck();
  const chainRecord = sqlite.prepare('SELECT legacy_through, sealed_at FROM audit_chain WHERE id = 1');

  let cursor: string | null = null;
  let firstBroken: AuditBreak | undefined;
  let entries = 0;
  let expectedId = 1;
  let prevHash: unknown = GENESIS_HASH;
  let report: AuditChainReport | undefined;

  const readSlice = () =>
    (cursor === null ? first.raw(true).all() : after.raw(true).all(cursor)) as [string, ...unknown[]][];

  function check(row: unknown[]): void {
    entries++;
    const id = Number(row[0]);
    const hash = row[8];
    if (firstBroken === undefined) {
      const storedPrev = row[7];
      if (id > expectedId) firstBroken = missing(expectedId, id - 1, false);
      else if (id < expectedId) firstBroken = broken(id, 'unexpected_id');
      else if (hash === null || storedPrev === null) firstBroken = broken(id, 'unhashed');
      else if (hashOfValues(...row.slice(0, 8)) !== hash) firstBroken = broken(id, 'content_changed');
      else if (storedPrev !== prevHash) firstBroken = broken(id, 'chain_broken');
    }
    expectedId = id + 1;
    prevHash = hash;
  }

  function finish(seqValue: unknown, chain: { legacy_through: unknown; sealed_at: unknown } | undefined) {
    const lastId = expectedId - 1;
    const seq = typeof seqValue === 'number' ? seqValue : 0;
    if (firstBroken === undefined && seq > lastId) firstBroken = missing(lastId + 1, seq, true);
    if (firstBroken === undefined && seq < lastId) {
      firstBroken = {
        id: lastId,
        reason: 'counter_lowered',
        message: `the audit log's counter was set back below entry ${lastId}, the last one`,
      };
    }
    const legacyThrough = typeof chain?.legacy_through === 'number' ? chain.legacy_through : 0;
    if (firstBroken === undefined && (chain === undefined || chain.sealed_at === null || legacyThrough > seq)) {
      firstBroken = {
        id: 0,
        reason: 'seal_record',
        message: 'the record of where the audit chain starts is missing or was altered',
      };
    }
    return {
      ok: firstBroken === undefined,
      entries,
      head: entries === 0 ? null : typeof prevHash === 'string' ? prevHash : null,
      legacyThrough,
      ...(firstBroken ? { firstBroken } : {}),
    };
  }

  const readStep = sqlite.transaction(() => {
    const rows = readSlice();
    for (const [text, ...row] of rows) {
      check(row);
      cursor = text;
    }
    if (rows.length === SLICE) return undefined;
    return finish(counter.get(), chainRecord.get() as Parameters<typeof finish>[1]);
  });

  return {
    /** Reads and checks the next slice; true when the report is ready. */
    step(): boolean {
      report ??= readStep();
      return report !== undefined;
    },
    get report(): AuditChainReport {
      if (!report) throw new Error('the audit chain has not been read to its end');
      return report;
    },
  };
}

/** Checks the whole audit log's hash chain at once (the CLI, `mla-desk check`). */
export function verifyAuditChain(sqlite: Database.Database): AuditChainReport {
  const walk = chainWalk(sqlite);
  while (!walk.step());
  return walk.report;
}

/**
 * The same check, giving the event loop back between slices, so a register with a long log
 * answers other calls while it is checked at start-up.
 */
export async function verifyAuditChainGently(sqlite: Database.Database): Promise<AuditChainReport> {
  const walk = chainWalk(sqlite);
  while (!walk.step()) await new Promise((resolve) => setImmediate(resolve));
  return walk.report;
}
