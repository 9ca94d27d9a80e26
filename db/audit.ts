import { desc, sql } from 'drizzle-orm';
import { auditEntryHash, GENESIS_HASH } from './audit-chain.ts';
import type { Queryable } from './types.ts';
import { auditLog } from './schema/index.ts';

export interface Actor {
  name: string;
  roles: readonly string[];
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: number | null;
  details: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log, chained to the one before it (db/audit-chain.ts); call it
 * inside the transaction that makes the change. The entry's id is part of its hash, so it is
 * chosen here: the next one AUTOINCREMENT would hand out (it never reuses an id, even of a
 * deleted entry). Inside a write transaction no other connection can append meanwhile, and a
 * unique index on prev_hash refuses a second entry after the same one.
 */
export function recordAudit(db: Queryable, actor: Actor, at: string, entry: AuditEntry): void {
  const last = db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  const counter = db.get<{ seq: number } | undefined>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`);
  const content = {
    id: Math.max(counter?.seq ?? 0, last?.id ?? 0) + 1,
    at,
    actor: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    details: JSON.stringify(entry.details),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  db.insert(auditLog)
    .values({ ...content, hash: auditEntryHash(content) })
    .run();
}
