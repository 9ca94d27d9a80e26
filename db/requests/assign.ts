import { eq, inArray } from 'drizzle-orm';
import { appError, problem } from '../../contract/errors.ts';
import type { ValidAssign } from '../../contract/register-list.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { requests } from '../schema/index.ts';
import type { Db } from '../types.ts';

/**
 * Puts one officer in charge of several requests (or nobody, with null), all or nothing: an
 * unknown id refuses the whole batch. Each request that changes is audited as a correction of
 * its assignedTo field, the same entry a correction made in the request's form leaves.
 */
export function assignRequests(db: Db, input: ValidAssign, actor: Actor, clock: Clock): { changed: number } {
  return db.transaction(
    (tx) => {
      const rows = tx
        .select({ id: requests.id, assignedTo: requests.assignedTo, version: requests.version })
        .from(requests)
        .where(inArray(requests.id, input.ids))
        .all();
      const found = new Set(rows.map((r) => r.id));
      const missing = input.ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        const ids = missing.join(', ');
        throw appError('not_found', 'request.unknownForAssignment', { ids }, [
          problem('ids', 'field.unknownRequests', { ids }),
        ]);
      }
      const changing = rows.filter((r) => r.assignedTo !== input.assignedTo);
      for (const row of changing) {
        tx.update(requests)
          .set({ assignedTo: input.assignedTo, updatedAt: clock.at, version: row.version + 1 })
          .where(eq(requests.id, row.id))
          .run();
        recordAudit(tx, actor, clock.at, {
          action: 'request.update',
          entity: 'request',
          entityId: row.id,
          details: { assignedTo: { from: row.assignedTo, to: input.assignedTo } },
        });
      }
      return { changed: changing.length };
    },
    { behavior: 'immediate' },
  );
}
