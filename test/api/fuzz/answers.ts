import { expect } from 'vitest';
import type { ChannelName } from '../../../contract/channels.ts';
import { ERROR_CODES, type Envelope } from '../../../contract/errors.ts';
import type { FuzzFixture } from './fixture.ts';
import { prototypesClean } from './values.ts';

export interface Tally {
  payloads: number;
  accepted: number;
  refused: Partial<Record<string, number>>;
}

export const newTally = (): Tally => ({ payloads: 0, accepted: 0, refused: {} });

/**
 * The rule for every answer: an envelope; refused with a known code other than `internal`, a
 * message a person can read and the register and sandbox as they were; never a log entry of
 * an unexpected failure; never a polluted prototype.
 */
export function expectTypedAnswer(
  fixture: FuzzFixture,
  channel: ChannelName | string,
  reply: Envelope<unknown>,
  before: string,
  tally: Tally,
): void {
  tally.payloads += 1;
  expect(prototypesClean(), 'Object.prototype was polluted').toBe(true);
  expect(fixture.logged, `${channel} logged an unexpected failure`).toEqual([]);
  expect(typeof reply.ok).toBe('boolean');
  if (reply.ok) {
    tally.accepted += 1;
    return;
  }
  const { code, message, fields } = reply.error;
  tally.refused[code] = (tally.refused[code] ?? 0) + 1;
  expect(ERROR_CODES).toContain(code);
  expect(code, `${channel} answered internal: ${message}`).not.toBe('internal');
  expect(typeof message).toBe('string');
  expect(message.trim()).not.toBe('');
  if (fields !== undefined) {
    for (const f of fields) expect(f).toEqual({ field: expect.any(String), message: expect.any(String) });
  }
  expect(fixture.fingerprint(), `${channel} refused the call but changed the register or its files`).toBe(before);
}
