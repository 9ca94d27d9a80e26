import type { Status } from '../../contract/codes.ts';
import type { NewRequest, RequestDetail } from '../../contract/requests.ts';
import type { Register } from '../../db/register.ts';
import { TEST_OVERRIDE } from './drafting.ts';
import { ACTOR, CLOCK, newRequest, transition } from './requests.ts';

/**
 * Registers a request and moves it through `moves` ([status, day] each), as the office
 * would have done on those days; returns it as it stands after the last move. An outgoing draft
 * moves on past the completeness check with a test reason (contract/completeness.ts).
 */
export async function seedRequest(
  register: Register,
  overrides: Partial<NewRequest> = {},
  moves: [Status, string][] = [],
): Promise<RequestDetail> {
  let detail = await register.requests.register(newRequest(overrides), ACTOR, CLOCK);
  for (const [to, on] of moves) {
    const refusing = to === 'refused' ? { refusalGrounds: ['other' as const] } : {};
    detail = await register.requests.move(
      transition({ id: detail.id, to, on, expectedVersion: detail.version, ...refusing, ...TEST_OVERRIDE }),
      ACTOR,
      CLOCK,
    );
  }
  return detail;
}

/** The ids `register.requests.list` returns for a query, in id order. */
export async function listedIds(register: Register, query: Parameters<Register['requests']['list']>[0]) {
  const result = await register.requests.list(query, CLOCK.today);
  return result.rows.map((r) => r.id).sort((a, b) => a - b);
}
