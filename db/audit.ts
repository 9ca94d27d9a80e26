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

/** Appends one entry to the audit log; call it inside the transaction that makes the change. */
export function recordAudit(db: Queryable, actor: Actor, at: string, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at,
      actor: actor.name,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      details: JSON.stringify(entry.details),
    })
    .run();
}
