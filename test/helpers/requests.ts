import {
  type ListQuery,
  type NewRequest,
  type TransitionInput,
  listQuerySchema,
  newRequestSchema,
  transitionSchema,
  type ValidListQuery,
  type ValidNewRequest,
  type ValidTransition,
} from '../../contract/requests.ts';
import type { Clock } from '../../db/clock.ts';
import type { Actor } from '../../db/audit.ts';

/** A fixed office day, so date rules ("not in the future") do not depend on when tests run. */
export const CLOCK: Clock = { at: '2026-03-10T09:30:00.000Z', today: '2026-03-10' };
export const ACTOR: Actor = { name: 'Amina Clerk', roles: ['clerk'] };

/** Parses through the contract, as the handlers receive it. */
export function newRequest(overrides: Partial<NewRequest> = {}): ValidNewRequest {
  return newRequestSchema.parse({
    direction: 'incoming',
    kind: 'mla',
    counterpartCountry: 'FR',
    openedOn: '2026-03-02',
    ...overrides,
  });
}

export function transition(input: TransitionInput): ValidTransition {
  return transitionSchema.parse(input);
}

export function listQuery(input: ListQuery = {}): ValidListQuery {
  return listQuerySchema.parse(input);
}
