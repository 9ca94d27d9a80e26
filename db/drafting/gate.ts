import { asc, eq } from 'drizzle-orm';
import type { Status } from '../../contract/codes.ts';
import {
  type CompletenessCode,
  type CompletenessInput,
  checkCompleteness,
  isCheckedMove,
  missingEssentials,
} from '../../contract/completeness.ts';
import { type FieldProblem, problem } from '../../contract/errors.ts';
import type { MessageKey, MessageParams } from '../../contract/messages.ts';
import { requestAssistance, requestIdentifiers, requestLinks, requestParties, requests } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import { draftingFieldsOf } from './fields.ts';

type RequestRow = typeof requests.$inferSelect;

/**
 * What the completeness check (contract/completeness.ts) reads of a stored request: its own
 * columns, its lists, and the links it makes to other requests (only this request's own
 * follow-up links count: a preservation it follows is one it points at).
 */
export function completenessInputOf(db: Queryable, row: RequestRow): CompletenessInput {
  const id = row.id;
  const links = db
    .select({ kind: requestLinks.kind, otherKind: requests.kind })
    .from(requestLinks)
    .innerJoin(requests, eq(requests.id, requestLinks.toId))
    .where(eq(requestLinks.fromId, id))
    .all();
  return {
    ...row,
    ...draftingFieldsOf(db, id),
    assistance: db
      .select({ code: requestAssistance.code })
      .from(requestAssistance)
      .where(eq(requestAssistance.requestId, id))
      .all()
      .map((a) => a.code),
    parties: db
      .select({ location: requestParties.location, nationality: requestParties.nationality })
      .from(requestParties)
      .where(eq(requestParties.requestId, id))
      .orderBy(asc(requestParties.position))
      .all(),
    identifiers: db
      .select({
        fromAt: requestIdentifiers.fromAt,
        toAt: requestIdentifiers.toAt,
        timeZone: requestIdentifiers.timeZone,
      })
      .from(requestIdentifiers)
      .where(eq(requestIdentifiers.requestId, id))
      .orderBy(asc(requestIdentifiers.position))
      .all(),
    links: links.map((l) => ({ kind: l.kind, side: 'to' as const, other: { kind: l.otherKind } })),
  };
}

export interface GateOutcome {
  /** Why the move is refused (empty when it may go ahead). */
  problems: FieldProblem[];
  /** The refusal's own sentence, naming the request and what it lacks; null when none. */
  refusal: { key: MessageKey; params: MessageParams } | null;
  /** The move goes ahead without these essentials, for this reason: the history keeps both. */
  override: { reason: string; missing: CompletenessCode[] } | null;
}

/**
 * The completeness check of a move. An outgoing request put up for review or sent must hold
 * every essential element of its kind; one that lacks some moves on only with the officer's
 * reason, which the history and the audit log keep with the elements it lacked. A reason given
 * when nothing is missing is not recorded (nothing was overridden).
 *
 * Only the app's moves come through here. The import (db/interchange/) writes the history a row's
 * dates imply without this check, on purpose: it records what already happened (a request sent
 * years ago, as the office's old register says), not a decision to send one now, and the
 * interchange format does not even carry the elements checked, so every imported outgoing
 * request would be refused.
 */
export function completenessGate(
  db: Queryable,
  row: RequestRow,
  to: Status,
  overrideReason: string | null,
): GateOutcome {
  const none: GateOutcome = { problems: [], refusal: null, override: null };
  if (!isCheckedMove(row.direction, row.status, to)) return none;
  const missing = missingEssentials(checkCompleteness(completenessInputOf(db, row))).map((i) => i.code);
  if (missing.length === 0) return none;
  if (overrideReason !== null) return { ...none, override: { reason: overrideReason, missing } };
  // Codes, shown as each element's label in the reader's language (CODE_PARAMS `elements`).
  const elements = missing.join(',');
  return {
    refusal: { key: 'move.lacksEssentials', params: { reference: row.reference, elements } },
    problems: [
      problem('overrideReason', 'move.reasonToMoveWithout', { elements }),
      ...missing.map((code) => problem(`completeness.${code}`, 'move.missingElement', { elements: code })),
    ],
    override: null,
  };
}
