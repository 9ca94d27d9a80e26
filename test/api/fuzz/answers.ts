import { expect } from 'vitest';
import type { ChannelName } from '../../../contract/channels.ts';
import { ERROR_CODES, type Envelope } from '../../../contract/errors.ts';
import { englishText, isMessageKey, type Localised } from '../../../contract/messages.ts';
import type { FuzzFixture } from './fixture.ts';
import { prototypesClean } from './values.ts';

export interface Tally {
  payloads: number;
  accepted: number;
  refused: Partial<Record<string, number>>;
}

/** A message the screens can say in any language: a key of the English catalog, whose English text it carries. */
export function expectTranslatable(said: Localised, where: string): void {
  expect(isMessageKey(said.key), `${where}: "${said.message}" has no key of the catalog (${said.key})`).toBe(true);
  if (isMessageKey(said.key)) expect(said.message).toBe(englishText(said.key, said.params));
}

export const newTally = (): Tally => ({ payloads: 0, accepted: 0, refused: {} });

/**
 * The rule for every answer: an envelope; refused with a known code other than `internal`, a
 * message a person can read in every language (a key of the English catalog, its English text
 * made from that key) and the register and sandbox as they were; never a log entry of an
 * unexpected failure; never a polluted prototype.
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
  expectTranslatable(reply.error, channel);
  if (fields !== undefined) {
    for (const f of fields) {
      expect(Object.keys(f).sort()).toEqual(
        f.params ? ['field', 'key', 'message', 'params'] : ['field', 'key', 'message'],
      );
      expect(typeof f.field).toBe('string');
      expectTranslatable(f, channel);
    }
  }
  expect(fixture.fingerprint(), `${channel} refused the call but changed the register or its files`).toBe(before);
}
