import { eq } from 'drizzle-orm';
import { appError, problem } from '../../contract/errors.ts';
import type { RequestDetail, RequestFields, ValidNewRequest, ValidUpdateRequest } from '../../contract/requests.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { allocateReference } from '../references.ts';
import { requests, statusHistory } from '../schema/index.ts';
import { lifeEntry } from '../statistics/life-text.ts';
import type { Db } from '../types.ts';
import { startStatus } from '../workflow.ts';
import { checkFieldsForKind, scalarColumns, writeRequestParts } from './parts.ts';
import { getRequestDetail } from './read.ts';

/** Registers a new request under a freshly allocated reference, with its first history entry. */
export function registerRequest(
  db: Db,
  input: ValidNewRequest,
  referencePattern: string,
  actor: Actor,
  clock: Clock,
): RequestDetail {
  const status = startStatus(input.direction, input.kind);
  // An outgoing request is "opened" on the day it leaves; until then it is a draft.
  const openedOn = status === 'draft' ? null : input.openedOn;
  const firstStatusOn = openedOn ?? clock.today;
  if (openedOn !== null && openedOn > clock.today) {
    throw appError('invalid_input', 'request.openedInFuture', undefined, [problem('openedOn', 'field.notAfterToday')]);
  }
  checkFieldsForKind(input.kind, input);
  const id = db.transaction(
    (tx) => {
      const yearOf = openedOn ?? clock.today;
      const reference = allocateReference(db.$client, referencePattern, {
        kind: input.kind,
        direction: input.direction,
        year: Number(yearOf.slice(0, 4)),
      });
      const inserted = tx
        .insert(requests)
        .values({
          ...scalarColumns(input),
          reference,
          direction: input.direction,
          kind: input.kind,
          status,
          openedOn,
          counterpartCountry: input.counterpartCountry,
          lastStatusOn: firstStatusOn,
          life: lifeEntry({ fromStatus: null, toStatus: status, effectiveOn: firstStatusOn }),
          createdAt: clock.at,
          updatedAt: clock.at,
        })
        .returning({ id: requests.id })
        .get();
      writeRequestParts(tx, inserted.id, input);
      tx.insert(statusHistory)
        .values({
          requestId: inserted.id,
          recordedAt: clock.at,
          effectiveOn: firstStatusOn,
          actor: actor.name,
          fromStatus: null,
          toStatus: status,
          note: null,
        })
        .run();
      recordAudit(tx, actor, clock.at, {
        action: 'request.register',
        entity: 'request',
        entityId: inserted.id,
        details: { reference, status, ...input },
      });
      return inserted.id;
    },
    { behavior: 'immediate' },
  );
  return getRequestDetail(db, id);
}

/** The fields of a stored request, in the shape the form sends, to compare with a correction. */
function fieldsOf(detail: RequestDetail): RequestFields {
  return {
    counterpartCountry: detail.counterpartCountry,
    counterpartAuthority: detail.counterpartAuthority,
    counterpartReference: detail.counterpartReference,
    domesticAuthority: detail.domesticAuthority,
    domesticReference: detail.domesticReference,
    serviceProvider: detail.serviceProvider,
    legalBasis: detail.legalBasis,
    legalBasisDetail: detail.legalBasisDetail,
    channel: detail.channel,
    offences: detail.offences,
    cyberRelated: detail.cyberRelated,
    offenceDescription: detail.offenceDescription,
    assistance: detail.assistance,
    urgency: detail.urgency,
    counterpartDeadline: detail.counterpartDeadline,
    deadlineNote: detail.deadlineNote,
    assignedTo: detail.assignedTo,
    summary: detail.summary,
    preservedUntil: detail.preservedUntil,
    parties: detail.parties,
    identifiers: detail.identifiers,
    proceedingsNature: detail.proceedingsNature,
    conductingAuthority: detail.conductingAuthority,
    procedureToFollow: detail.procedureToFollow,
    purpose: detail.purpose,
    emergencyJustification: detail.emergencyJustification,
    requestLanguage: detail.requestLanguage,
    followsPreservation: detail.followsPreservation,
  };
}

/**
 * Corrects a request's fields (not its reference, direction, kind, status or dates, which
 * have their own rules). The audit log keeps each changed field's old and new value.
 */
export function updateRequest(db: Db, input: ValidUpdateRequest, actor: Actor, clock: Clock): RequestDetail {
  db.transaction(
    (tx) => {
      const before = getRequestDetail(tx, input.id);
      if (before.version !== input.expectedVersion) {
        throw appError('stale', 'request.stale', { reference: before.reference });
      }
      checkFieldsForKind(before.kind, input.fields);
      const old = fieldsOf(before);
      const changed = Object.fromEntries(
        (Object.keys(input.fields) as (keyof RequestFields)[])
          .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(input.fields[key]))
          .map((key) => [key, { from: old[key], to: input.fields[key] }]),
      );
      if (Object.keys(changed).length === 0) return;
      tx.update(requests)
        .set({ ...scalarColumns(input.fields), updatedAt: clock.at, version: before.version + 1 })
        .where(eq(requests.id, input.id))
        .run();
      writeRequestParts(tx, input.id, input.fields);
      recordAudit(tx, actor, clock.at, {
        action: 'request.update',
        entity: 'request',
        entityId: input.id,
        details: changed,
      });
    },
    { behavior: 'immediate' },
  );
  return getRequestDetail(db, input.id);
}
