import { type AppError, appError, problem } from '../../contract/errors.ts';
import type { MessageKey } from '../../contract/messages.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Db, Queryable } from '../types.ts';

/**
 * How one directory stores its entries. The three directories differ only in their columns
 * and in what counts as a duplicate; adding, correcting and deleting (each in one transaction
 * with its audit entry) is written once, here.
 */
/** The directories, by the audit log's entity name (which also picks their messages). */
export type DirectoryEntity = 'counterpart_authority' | 'domestic_authority' | 'service_provider';

export interface DirectoryTable<Fields, Entry extends { id: number; name: string }> {
  entity: DirectoryEntity;
  /** Where a clash is reported, and how. */
  duplicate: { field: string; key: MessageKey };
  /** The entries a new name must differ from (all of them, or those of the same country). */
  peers(tx: Queryable, fields: Fields): { id: number; name: string }[];
  get(tx: Queryable, id: number): Entry | undefined;
  insert(tx: Queryable, fields: Fields, at: string): Entry;
  update(tx: Queryable, id: number, fields: Fields, at: string): Entry;
  remove(tx: Queryable, id: number): void;
}

/**
 * Names compare as a person reads them: "Europol", "EUROPOL" and "Europol " are one entry.
 * Folding in JavaScript (not SQLite's ASCII-only lower()) also catches "Ministère"/"MINISTÈRE";
 * the directories hold hundreds of entries, not millions, so reading the peers is cheap.
 */
export function foldName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function notFound(entity: DirectoryEntity, id: number): AppError {
  return appError('not_found', `directory.notFound.${entity}`, { id });
}

export function saveEntry<Fields extends { name: string }, Entry extends { id: number; name: string }>(
  db: Db,
  table: DirectoryTable<Fields, Entry>,
  input: Fields & { id?: number | undefined },
  actor: Actor,
  clock: Clock,
): Entry {
  const { id, ...rest } = input;
  // Everything but the id: the fields as the table stores them.
  const fields = rest as unknown as Fields;
  return db.transaction(
    (tx) => {
      const folded = foldName(fields.name);
      const clash = table.peers(tx, fields).find((p) => p.id !== id && foldName(p.name) === folded);
      if (clash) {
        throw appError('invalid_input', `directory.duplicate.${table.entity}`, { name: clash.name }, [
          problem(table.duplicate.field, table.duplicate.key),
        ]);
      }
      if (id === undefined) {
        const after = table.insert(tx, fields, clock.at);
        recordAudit(tx, actor, clock.at, {
          action: `${table.entity}.create`,
          entity: table.entity,
          entityId: after.id,
          details: { after },
        });
        return after;
      }
      const before = table.get(tx, id);
      if (!before) throw notFound(table.entity, id);
      const after = table.update(tx, id, fields, clock.at);
      recordAudit(tx, actor, clock.at, {
        action: `${table.entity}.update`,
        entity: table.entity,
        entityId: id,
        details: { before, after },
      });
      return after;
    },
    { behavior: 'immediate' },
  );
}

/** Requests keep the names as text, so an entry can go without touching any request. */
export function deleteEntry<Fields, Entry extends { id: number; name: string }>(
  db: Db,
  table: DirectoryTable<Fields, Entry>,
  id: number,
  actor: Actor,
  clock: Clock,
): { id: number } {
  return db.transaction(
    (tx) => {
      const before = table.get(tx, id);
      if (!before) throw notFound(table.entity, id);
      table.remove(tx, id);
      recordAudit(tx, actor, clock.at, {
        action: `${table.entity}.delete`,
        entity: table.entity,
        entityId: id,
        details: { before },
      });
      return { id };
    },
    { behavior: 'immediate' },
  );
}
