import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName, channels } from '../../contract/channels.ts';
import { validateInput } from '../../contract/validate.ts';
import { expectTypedAnswer, newTally } from './fuzz/answers.ts';
import { type FuzzFixture, openFuzzFixture } from './fuzz/fixture.ts';
import { mutatedPayload } from './fuzz/mutations.ts';
import { shapedPayload } from './fuzz/shaped.ts';
import { foundValidInput, type ValidInputs, validInputs } from './fuzz/valid-inputs.ts';
import { anyValue, confine, FUZZ_SEED, hostileString, randomPayload } from './fuzz/values.ts';

/**
 * Every channel of the contract (iterated, so a new channel is fuzzed without a change here)
 * gets random values, payloads shaped like its input, and mutations of a valid input,
 * through the real dispatcher on a real register. Each answer must be an envelope; a refusal
 * must carry a known code (never `internal`) and a message, and leave the register and its
 * files exactly as they were.
 */
const RUNS = { random: 30, shaped: 80, mutated: 60 };

let fixture: FuzzFixture;
let valid: ValidInputs;
const tally = newTally();

beforeAll(async () => {
  fixture = await openFuzzFixture();
  valid = validInputs(fixture);
  for (const channel of CHANNEL_NAMES) {
    if (valid[channel] === undefined) Object.assign(valid, { [channel]: foundValidInput(channel, fixture.plausible) });
  }
}, 60_000);

afterAll(() => {
  fixture?.close();
  const refused = Object.entries(tally.refused)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  console.log(
    `fuzz-channels: ${tally.payloads} payloads fuzzed over ${CHANNEL_NAMES.length} channels (${tally.accepted} accepted; refused: ${refused})`,
  );
});

async function fuzzOne(channel: unknown, payload: unknown): Promise<void> {
  fixture.restock();
  const input = confine(payload, fixture.sandbox);
  const before = fixture.fingerprint();
  fixture.logged.length = 0;
  const reply = await fixture.call(channel, input);
  await fixture.settle(reply);
  expectTypedAnswer(fixture, String(channel), reply, before, tally);
}

const seedOf = (channel: ChannelName, offset: number) => FUZZ_SEED + CHANNEL_NAMES.indexOf(channel) * 10 + offset;

function fuzz(channel: ChannelName, arbitrary: fc.Arbitrary<unknown>, numRuns: number, offset: number) {
  return fc.assert(
    fc.asyncProperty(arbitrary, (payload) => fuzzOne(channel, payload)),
    { seed: seedOf(channel, offset), numRuns, endOnFailure: true },
  );
}

describe('fuzzing every channel through the dispatcher', () => {
  it('has a valid input for every channel of the contract, which its schema accepts', () => {
    const missing = CHANNEL_NAMES.filter((c) => valid[c] === undefined);
    expect(missing, 'write a valid input for these channels in test/api/fuzz/valid-inputs.ts').toEqual([]);
    for (const channel of CHANNEL_NAMES) {
      expect(validateInput(channel, valid[channel]), channel).toMatchObject({ ok: true });
    }
  });

  it('has a fingerprint that sees a committed change, an update in place, and a file written', async () => {
    const before = fixture.fingerprint();
    const renamed = await fixture.call('views.save', { name: 'Fingerprint check', query: { state: 'all' } });
    expect(renamed.ok).toBe(true);
    const added = fixture.fingerprint();
    expect(added).not.toBe(before);
    // Same row count, same ids: only the data_version can tell.
    expect((await fixture.call('settings.update', { officeName: 'Fingerprint check' })).ok).toBe(true);
    const updated = fixture.fingerprint();
    expect(updated).not.toBe(added);
    fs.writeFileSync(path.join(fixture.outDir, 'stray.txt'), 'x');
    expect(fixture.fingerprint()).not.toBe(updated);
    fs.rmSync(path.join(fixture.outDir, 'stray.txt'));
  });

  it.each(CHANNEL_NAMES)('%s: random values of any type', async (channel) => {
    await fuzz(channel, randomPayload, RUNS.random, 1);
  });

  it.each(CHANNEL_NAMES)('%s: payloads shaped like its input, with hostile values', async (channel) => {
    await fuzz(channel, shapedPayload(channels[channel].input, fixture.plausible), RUNS.shaped, 2);
  });

  it.each(CHANNEL_NAMES)('%s: mutations of a valid input', async (channel) => {
    const sample = valid[channel];
    if (sample === undefined) return; // reported by the completeness test above
    await fuzz(channel, mutatedPayload(sample), RUNS.mutated, 3);
  });

  it('answers unknown channel names with unknown_channel', async () => {
    const names = fc.oneof(
      hostileString,
      fc.constantFrom('requests.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'requests.list '),
    );
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        if (Object.hasOwn(channels, name)) return;
        fixture.restock();
        const before = fixture.fingerprint();
        fixture.logged.length = 0;
        const reply = await fixture.call(name, {});
        expectTypedAnswer(fixture, 'unknown channel', reply, before, tally);
        expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      }),
      { seed: FUZZ_SEED, numRuns: 300, endOnFailure: true },
    );
  });

  it('refuses a channel "name" of any type or text at validation, without throwing', () => {
    // The transports only ever pass strings; the contract's check must hold for anything.
    fc.assert(
      fc.property(fc.oneof(anyValue, hostileString), (name) => {
        if (typeof name === 'string' && Object.hasOwn(channels, name)) return;
        const checked = validateInput(name, {});
        expect(checked).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
        // Quoted: no raw control character of a hostile name reaches a message or a log line.
        // eslint-disable-next-line no-control-regex -- control characters are what is looked for
        expect(checked.ok ? '' : checked.error.message).not.toMatch(/[\u0000-\u001f]/);
      }),
      { seed: FUZZ_SEED, numRuns: 500 },
    );
  });
});
