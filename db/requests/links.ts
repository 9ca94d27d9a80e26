import { and, eq, or } from 'drizzle-orm';
import { appError, problem } from '../../contract/errors.ts';
import type { MessageKey, MessageParams } from '../../contract/messages.ts';
import type { RequestDetail, ValidLinkRequest } from '../../contract/requests.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { requestLinks, requests } from '../schema/index.ts';
import type { Db } from '../types.ts';
import { getRequestDetail, requestRow } from './read.ts';

const invalid = (key: MessageKey, params?: MessageParams) =>
  appError('invalid_input', key, params, [problem('otherReference', key, params)]);

/**
 * Links this request to another, named by its reference: a follow-up (an MLA or disclosure
 * request following up a preservation), a supplementary request, or a related one.
 */
export function linkRequests(db: Db, input: ValidLinkRequest, actor: Actor, clock: Clock): RequestDetail {
  db.transaction(
    (tx) => {
      const from = requestRow(tx, input.id);
      const to = tx.select().from(requests).where(eq(requests.reference, input.otherReference)).get();
      if (!to) throw invalid('link.noRequest', { reference: input.otherReference });
      if (to.id === from.id) throw invalid('link.self');
      if (input.kind === 'follow_up' && !(['mla', 'disclosure'].includes(from.kind) && to.kind === 'preservation')) {
        throw invalid('link.followUp');
      }
      const existing = tx
        .select({ id: requestLinks.id })
        .from(requestLinks)
        .where(
          or(
            and(eq(requestLinks.fromId, from.id), eq(requestLinks.toId, to.id)),
            and(eq(requestLinks.fromId, to.id), eq(requestLinks.toId, from.id)),
          ),
        )
        .get();
      if (existing) throw invalid('link.already', { reference: from.reference, other: to.reference });
      tx.insert(requestLinks)
        .values({ fromId: from.id, toId: to.id, kind: input.kind, createdAt: clock.at, createdBy: actor.name })
        .run();
      recordAudit(tx, actor, clock.at, {
        action: 'request.link',
        entity: 'request',
        entityId: from.id,
        details: { kind: input.kind, to: to.reference },
      });
    },
    { behavior: 'immediate' },
  );
  return getRequestDetail(db, input.id);
}

export function unlinkRequests(db: Db, id: number, linkId: number, actor: Actor, clock: Clock): RequestDetail {
  db.transaction(
    (tx) => {
      const link = tx
        .select()
        .from(requestLinks)
        .where(and(eq(requestLinks.id, linkId), or(eq(requestLinks.fromId, id), eq(requestLinks.toId, id))))
        .get();
      if (!link) throw appError('not_found', 'link.notFound');
      tx.delete(requestLinks).where(eq(requestLinks.id, linkId)).run();
      recordAudit(tx, actor, clock.at, {
        action: 'request.unlink',
        entity: 'request',
        entityId: id,
        details: { kind: link.kind, fromId: link.fromId, toId: link.toId },
      });
    },
    { behavior: 'immediate' },
  );
  return getRequestDetail(db, id);
}
