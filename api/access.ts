import type { EventType } from '../contract/codes.ts';
import { AppError, appError, type Envelope } from '../contract/errors.ts';
import type { LocatedDocument } from '../db/documents/store.ts';
import type { Register } from '../db/register.ts';
import type { RequestScope } from '../db/requests/scope.ts';
import type { Caller, HandlerContext } from './context.ts';

/**
 * Row-level rules (issue 6), in one place: the channel role lists (contract/channels/*.ts)
 * say who may call a channel at all; these say which requests a caller may read or annotate.
 *
 * A prosecutor sees the requests assigned to them by name and those of their domestic
 * authority: in the register, its counts and exports, the search, and each request with its
 * documents and correspondence. Every other role reads the whole register.
 */
export function scopeOf(caller: Caller): RequestScope | null {
  // Never reached without a role (dispatch refuses anonymous callers first); kept closed anyway.
  if (caller.roles.length === 0) throw appError('unauthenticated', 'call.signIn');
  if (caller.roles.some((role) => role !== 'prosecutor')) return null;
  return { officer: caller.displayName, authority: caller.authority };
}

/** Refuses a request outside the caller's scope (not_found if there is no such request). */
export async function assertRequestVisible(ctx: HandlerContext, requestId: number): Promise<void> {
  const scope = scopeOf(ctx.caller);
  if (scope === null) return;
  if (!(await ctx.register.requests.inScope(requestId, scope))) {
    throw appError('denied', 'access.notYourRequest');
  }
}

/**
 * A prosecutor records notes on their requests; the exchanges with the other side (returned as
 * deficient, consultation, information asked and received, reminders, extensions) are the
 * central authority's clerks' to record.
 */
export function assertEventAllowed(caller: Caller, type: EventType): void {
  if (type === 'note' || caller.roles.includes('clerk')) return;
  throw appError('denied', 'access.notesOnly');
}

/**
 * Where a document's stored file is, for the transports' own routes (app:// and the web
 * server's /documents/): the same rules as documents.list, since those routes are not channels.
 */
export async function locateVisibleDocument(
  register: Register,
  caller: Caller,
  documentId: number,
): Promise<Envelope<LocatedDocument>> {
  try {
    const located = await register.documents.locate(documentId);
    const scope = scopeOf(caller);
    if (scope !== null && !(await register.requests.inScope(located.document.requestId, scope))) {
      throw appError('denied', 'access.notYourDocument');
    }
    return { ok: true, value: located };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toApiError() };
    throw e;
  }
}
