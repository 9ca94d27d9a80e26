import type {
  ListResult,
  RequestDetail,
  ValidLinkRequest,
  ValidListQuery,
  ValidNewRequest,
  ValidRecordEvent,
  ValidTransition,
  ValidUpdateRequest,
} from '../../contract/requests.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { readSettings } from '../settings.ts';
import type { Facets, ValidAssign } from '../../contract/register-list.ts';
import type { Db } from '../types.ts';
import { assignRequests } from './assign.ts';
import { recordEvent } from './events.ts';
import { requestFacets } from './facets.ts';
import { linkRequests, unlinkRequests } from './links.ts';
import { moveRequest } from './move.ts';
import { getRequestDetail, listRequests, requestRow } from './read.ts';
import { registerRequest, updateRequest } from './write.ts';
import { type RequestScope, requestInScope } from './scope.ts';

export type { RequestScope } from './scope.ts';

/** What the office does with its requests (see db/register.ts for why it is asynchronous). */
export interface RequestStore {
  register(input: ValidNewRequest, actor: Actor, clock: Clock): Promise<RequestDetail>;
  update(input: ValidUpdateRequest, actor: Actor, clock: Clock): Promise<RequestDetail>;
  /**
   * `today` dates the "due" filters (default: this machine's day). Reads take the caller's
   * scope (db/requests/scope.ts): null, or omitted, for every request.
   */
  list(query: ValidListQuery, today?: string, scope?: RequestScope | null): Promise<ListResult>;
  get(id: number, scope?: RequestScope | null): Promise<RequestDetail>;
  /** Whether the request exists (else not_found) and is in the scope. */
  inScope(id: number, scope: RequestScope | null): Promise<boolean>;
  move(input: ValidTransition, actor: Actor, clock: Clock): Promise<RequestDetail>;
  recordEvent(input: ValidRecordEvent, actor: Actor, clock: Clock): Promise<RequestDetail>;
  link(input: ValidLinkRequest, actor: Actor, clock: Clock): Promise<RequestDetail>;
  unlink(id: number, linkId: number, actor: Actor, clock: Clock): Promise<RequestDetail>;
  assign(input: ValidAssign, actor: Actor, clock: Clock): Promise<{ changed: number }>;
  facets(scope?: RequestScope | null): Promise<Facets>;
}

export function sqliteRequestStore(db: Db): RequestStore {
  return {
    register: async (input, actor, clock) =>
      registerRequest(db, input, readSettings(db).referencePattern, actor, clock),
    update: async (input, actor, clock) => updateRequest(db, input, actor, clock),
    list: async (query, today, scope = null) => listRequests(db, query, today, scope),
    get: async (id, scope = null) => getRequestDetail(db, id, scope),
    inScope: async (id, scope) => {
      requestRow(db, id);
      return requestInScope(db, id, scope);
    },
    move: async (input, actor, clock) => moveRequest(db, input, actor, clock),
    recordEvent: async (input, actor, clock) => recordEvent(db, input, actor, clock),
    link: async (input, actor, clock) => linkRequests(db, input, actor, clock),
    unlink: async (id, linkId, actor, clock) => unlinkRequests(db, id, linkId, actor, clock),
    assign: async (input, actor, clock) => assignRequests(db, input, actor, clock),
    facets: async (scope = null) => requestFacets(db, scope),
  };
}
