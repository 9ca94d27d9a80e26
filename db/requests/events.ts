import { eq } from 'drizzle-orm';
import { AppError, type FieldProblem } from '../../contract/errors.ts';
import type { RequestDetail, ValidRecordEvent } from '../../contract/requests.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { requestEvents, requests } from '../schema/index.ts';
import type { Db } from '../types.ts';
import { eventRule } from './event-rules.ts';
import { getRequestDetail, requestRow } from './read.ts';

const words = (code: string) => code.replaceAll('_', ' ');

/** Records an event in a request's history (returned, consulted, extended, ...), if it applies now. */
export function recordEvent(db: Db, input: ValidRecordEvent, actor: Actor, clock: Clock): RequestDetail {
  db.transaction(
    (tx) => {
      const row = requestRow(tx, input.id);
      const rule = eventRule(input.type);
      if (!rule.allowed(row)) {
        throw new AppError(
          'forbidden_move',
          `${row.reference} (${words(row.status)}) cannot record "${words(input.type)}" now.`,
        );
      }
      if (row.version !== input.expectedVersion) {
        throw new AppError('stale', `${row.reference} was changed by someone else meanwhile. Reload it and try again.`);
      }
      const problems: FieldProblem[] = [];
      if (rule.needs.includes('note') && !input.note) problems.push({ field: 'note', message: 'is required' });
      if (input.on > clock.today) problems.push({ field: 'on', message: 'cannot be in the future' });
      if (row.openedOn !== null && input.on < row.openedOn) {
        problems.push({ field: 'on', message: `cannot be before the request was opened (${row.openedOn})` });
      }
      if (rule.needs.includes('preservedUntil')) {
        if (input.preservedUntil === null) problems.push({ field: 'preservedUntil', message: 'is required' });
        else if (row.preservedUntil !== null && input.preservedUntil <= row.preservedUntil) {
          problems.push({ field: 'preservedUntil', message: `must be after the current date (${row.preservedUntil})` });
        } else if (input.preservedUntil < input.on) {
          problems.push({ field: 'preservedUntil', message: 'cannot be before the day of the extension' });
        }
      }
      if (problems.length > 0) throw new AppError('invalid_input', 'The event is missing what it needs.', problems);

      const details = rule.needs.includes('preservedUntil')
        ? { previousPreservedUntil: row.preservedUntil, preservedUntil: input.preservedUntil }
        : {};
      tx.insert(requestEvents)
        .values({
          requestId: row.id,
          recordedAt: clock.at,
          effectiveOn: input.on,
          actor: actor.name,
          type: input.type,
          note: input.note,
          details: JSON.stringify(details),
        })
        .run();
      tx.update(requests)
        .set({
          updatedAt: clock.at,
          version: row.version + 1,
          // An internal note is not news from the other side (db/requests/filters.ts "waiting").
          ...(input.type !== 'note' && (row.lastEventOn === null || input.on > row.lastEventOn)
            ? { lastEventOn: input.on }
            : {}),
          ...(rule.needs.includes('preservedUntil') ? { preservedUntil: input.preservedUntil } : {}),
        })
        .where(eq(requests.id, row.id))
        .run();
      recordAudit(tx, actor, clock.at, {
        action: 'request.event',
        entity: 'request',
        entityId: row.id,
        details: { type: input.type, on: input.on, note: input.note, ...details },
      });
    },
    { behavior: 'immediate' },
  );
  return getRequestDetail(db, input.id);
}
