import { eq } from 'drizzle-orm';
import { appError, problem } from '../../contract/errors.ts';
import type { Kind } from '../../contract/codes.ts';
import { followsPreservationApplies } from '../../contract/completeness.ts';
import type { RequestFields } from '../../contract/requests.ts';
import {
  requestAssistance,
  requestIdentifiers,
  requestOffences,
  requestParties,
  type requests,
} from '../schema/index.ts';
import { writeDraftingFields } from '../drafting/fields.ts';
import type { Queryable } from '../types.ts';

/** The request's own columns, from the fields a clerk writes. */
export function scalarColumns(fields: RequestFields): Partial<typeof requests.$inferInsert> {
  return {
    counterpartCountry: fields.counterpartCountry,
    counterpartAuthority: fields.counterpartAuthority,
    counterpartReference: fields.counterpartReference,
    domesticAuthority: fields.domesticAuthority,
    domesticReference: fields.domesticReference,
    serviceProvider: fields.serviceProvider,
    legalBasis: fields.legalBasis,
    legalBasisDetail: fields.legalBasisDetail,
    channel: fields.channel,
    cyberRelated: fields.cyberRelated,
    offenceDescription: fields.offenceDescription,
    urgency: fields.urgency,
    counterpartDeadline: fields.counterpartDeadline,
    deadlineNote: fields.deadlineNote,
    assignedTo: fields.assignedTo,
    summary: fields.summary,
    preservedUntil: fields.preservedUntil,
  };
}

/** Rules on the fields that depend on the kind of request (one place for both register and update). */
export function checkFieldsForKind(kind: Kind, fields: RequestFields): void {
  if (kind !== 'preservation' && fields.preservedUntil !== null) {
    throw appError('invalid_input', 'request.preservedUntilOnlyPreservation', undefined, [
      problem('preservedUntil', 'field.preservationOnly'),
    ]);
  }
  if (kind !== 'emergency_disclosure' && fields.emergencyJustification !== null) {
    throw appError('invalid_input', 'request.emergencyJustificationOnlyEmergency', undefined, [
      problem('emergencyJustification', 'field.emergencyOnly'),
    ]);
  }
  if (fields.followsPreservation && !followsPreservationApplies(kind)) {
    throw appError('invalid_input', 'request.followsPreservationOnlyMlaOrDisclosure', undefined, [
      problem('followsPreservation', 'field.mlaOrDisclosureOnly'),
    ]);
  }
}

/**
 * Replaces the request's lists (offences, assistance, parties, identifiers) with those given, and
 * its drafting fields (db/drafting/fields.ts).
 */
export function writeRequestParts(tx: Queryable, requestId: number, fields: RequestFields): void {
  writeDraftingFields(tx, requestId, fields);
  tx.delete(requestOffences).where(eq(requestOffences.requestId, requestId)).run();
  tx.delete(requestAssistance).where(eq(requestAssistance.requestId, requestId)).run();
  tx.delete(requestParties).where(eq(requestParties.requestId, requestId)).run();
  tx.delete(requestIdentifiers).where(eq(requestIdentifiers.requestId, requestId)).run();
  if (fields.offences.length > 0) {
    tx.insert(requestOffences)
      .values(fields.offences.map((section) => ({ requestId, section })))
      .run();
  }
  if (fields.assistance.length > 0) {
    tx.insert(requestAssistance)
      .values(fields.assistance.map((code) => ({ requestId, code })))
      .run();
  }
  if (fields.parties.length > 0) {
    tx.insert(requestParties)
      .values(fields.parties.map((p, position) => ({ requestId, position, ...p })))
      .run();
  }
  if (fields.identifiers.length > 0) {
    tx.insert(requestIdentifiers)
      .values(fields.identifiers.map((i, position) => ({ requestId, position, ...i })))
      .run();
  }
}
