import { eq } from 'drizzle-orm';
import { appError, type FieldProblem, problem } from '../../contract/errors.ts';
import type { RequestDetail, ValidRecordEvent } from '../../contract/requests.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { requestEvents, requests } from '../schema/index.ts';
import type { Db } from '../types.ts';
import { eventRule } from './event-rules.ts';
import { getRequestDetail, requestRow } from './read.ts';

/** Records an event in a request's history (returned, consulted, extended, ...), if it applies now. */
export function recordEvent(db: Db, input: ValidRecordEvent, actor: Actor, clock: Clock): RequestDetail {
  db.transaction(
    (tx) => {
      const row = requestRow(tx, input.id);
      const rule = eventRule(input.type);
      if (!rule.allowed(row)) {
        throw appError('forbidden_move', 'event.notNow', {
          reference: row.reference,
          status: row.status,
          event: input.type,
        });
      }
      if (row.version !== input.expectedVersion) {
        throw appError('stale', 'request.stale', { reference: row.reference });
      }
      const problems: FieldProblem[] = [];
      if (rule.needs.includes('note') && !input.note) problems.push(problem('note', 'field.required'));
      if (input.on > clock.today) problems.push(problem('on', 'field.notInFuture'));
      if (row.openedOn !== null && input.on < row.openedOn) {
        problems.push(problem('on', 'field.notBeforeOpened', { date: row.openedOn }));
      }
      if (rule.needs.includes('preservedUntil')) {
        if (input.preservedUntil === null) problems.push(problem('preservedUntil', 'field.required'));
        else if (row.preservedUntil !== null && input.preservedUntil <= row.preservedUntil) {
          problems.push(problem('preservedUntil', 'field.afterCurrentDate', { date: row.preservedUntil }));
        } else if (input.preservedUntil < input.on) {
          problems.push(problem('preservedUntil', 'field.notBeforeExtension'));
        }
      }
      if (problems.length > 0) throw appError('invalid_input', 'event.incomplete', undefined, problems);

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
