import { asc, eq, sql } from 'drizzle-orm';
import { isClosedStatus } from '../../contract/codes.ts';
import { appError, type FieldProblem, problem } from '../../contract/errors.ts';
import type { RequestDetail, ValidTransition } from '../../contract/requests.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { requestRefusalGrounds, requests, statusHistory } from '../schema/index.ts';
import { lifeEntry } from '../statistics/life-text.ts';
import { completenessGate } from '../drafting/gate.ts';
import type { Db } from '../types.ts';
import { findMove } from '../workflow.ts';
import { getRequestDetail, requestRow, resumeStatusOf } from './read.ts';

/**
 * Moves a request to another status if its workflow allows it, with what the move needs,
 * and records who, when and why in the history and the audit log.
 */
export function moveRequest(db: Db, input: ValidTransition, actor: Actor, clock: Clock): RequestDetail {
  db.transaction(
    (tx) => {
      const row = requestRow(tx, input.id);
      const history = tx
        .select({
          fromStatus: statusHistory.fromStatus,
          toStatus: statusHistory.toStatus,
          effectiveOn: statusHistory.effectiveOn,
        })
        .from(statusHistory)
        .where(eq(statusHistory.requestId, row.id))
        .orderBy(asc(statusHistory.id))
        .all();
      const move = findMove(row.direction, row.kind, row.status, input.to, resumeStatusOf(history));
      if (!move) {
        throw appError('forbidden_move', 'move.forbidden', {
          reference: row.reference,
          from: row.status,
          to: input.to,
        });
      }
      // Checked after the workflow, so a move that is now impossible says why, not just "stale".
      if (row.version !== input.expectedVersion) {
        throw appError('stale', 'request.stale', { reference: row.reference });
      }
      const problems: FieldProblem[] = [];
      if (move.needs.includes('note') && !input.note) {
        problems.push(problem('note', 'move.reasonRequired'));
      }
      if (move.needs.includes('preservedUntil')) {
        if (input.preservedUntil === null) {
          problems.push(problem('preservedUntil', 'move.preservedUntilRequired'));
        } else if (input.preservedUntil < input.on) {
          problems.push(problem('preservedUntil', 'move.preservedUntilBeforeStart'));
        }
      }
      if (move.needs.includes('refusalGrounds') && input.refusalGrounds.length === 0) {
        problems.push(problem('refusalGrounds', 'move.groundRequired'));
      }
      const openedOn = row.openedOn ?? (input.to === 'sent' ? input.on : null);
      // History is read in order by the statistics: a change cannot predate the one before it.
      // (A draft's creation does not count: a request written up today may have left last week.)
      const lastChange = history.filter((h) => !(h.fromStatus === null && h.toStatus === 'draft')).at(-1)?.effectiveOn;
      if (openedOn !== null && input.on < openedOn) {
        problems.push(problem('on', 'move.beforeOpened', { date: openedOn }));
      } else if (lastChange !== undefined && input.on < lastChange) {
        problems.push(problem('on', 'move.beforeLastChange', { date: lastChange }));
      }
      if (input.on > clock.today) {
        problems.push(problem('on', 'move.inFuture'));
      }
      // An outgoing request leaves complete, or with the reason it does not (db/drafting/gate.ts).
      const gate = completenessGate(tx, row, input.to, input.overrideReason);
      problems.push(...gate.problems);
      if (problems.length > 0) {
        throw gate.refusal === null
          ? appError('invalid_input', 'move.incomplete', undefined, problems)
          : appError('invalid_input', gate.refusal.key, gate.refusal.params, problems);
      }

      const closing = isClosedStatus(input.to);
      tx.update(requests)
        .set({
          status: input.to,
          openedOn,
          closedOn: closing ? input.on : null,
          ...(move.needs.includes('preservedUntil') ? { preservedUntil: input.preservedUntil } : {}),
          lastStatusOn: input.on,
          // The history's new change, appended to its packed form (db/statistics/life-text.ts).
          life: sql`coalesce(${requests.life} || ',', '') || ${lifeEntry({ fromStatus: row.status, toStatus: input.to, effectiveOn: input.on })}`,
          updatedAt: clock.at,
          version: row.version + 1,
        })
        .where(eq(requests.id, row.id))
        .run();
      // The grounds belong to the refusal: a reopened request no longer has them (the history does).
      if (row.status === 'refused' || input.to === 'refused') {
        tx.delete(requestRefusalGrounds).where(eq(requestRefusalGrounds.requestId, row.id)).run();
      }
      if (input.to === 'refused') {
        tx.insert(requestRefusalGrounds)
          .values(input.refusalGrounds.map((ground) => ({ requestId: row.id, ground })))
          .run();
      }
      tx.insert(statusHistory)
        .values({
          requestId: row.id,
          recordedAt: clock.at,
          effectiveOn: input.on,
          actor: actor.name,
          fromStatus: row.status,
          toStatus: input.to,
          note: input.note,
          refusalGrounds: input.to === 'refused' ? JSON.stringify(input.refusalGrounds) : null,
          overrideReason: gate.override?.reason ?? null,
          overrideMissing: gate.override ? JSON.stringify(gate.override.missing) : null,
        })
        .run();
      recordAudit(tx, actor, clock.at, {
        action: move.reopening ? 'request.reopen' : 'request.move',
        entity: 'request',
        entityId: row.id,
        details: {
          from: row.status,
          to: input.to,
          on: input.on,
          note: input.note,
          refusalGrounds: input.refusalGrounds,
          preservedUntil: input.preservedUntil,
          ...(gate.override ? { override: gate.override } : {}),
        },
      });
    },
    { behavior: 'immediate' },
  );
  return getRequestDetail(db, input.id);
}
