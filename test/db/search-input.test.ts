import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_TEXT_MAX, clipSearchText, searchQuerySchema, searchResultSchema } from '../../contract/search.ts';
import type { Register } from '../../db/register.ts';
import { searchWords } from '../../db/search/match.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { CLOCK } from '../helpers/requests.ts';
import { countRows } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/*
 * Whatever is typed or pasted into the search box is searched for as characters: it never
 * errors and never reaches SQL or FTS5 as syntax.
 */

const HOSTILE = [
  '"',
  '""',
  "'",
  '"unclosed',
  'NEAR(',
  'NEAR(a b, 2)',
  'a OR b',
  'a AND NOT b',
  '*',
  'mull*',
  '^start',
  'body: x',
  '{body request_id}: x',
  '(((',
  ')',
  "'; DROP TABLE requests; --",
  '" OR 1=1 --',
  '\\',
  '%_',
  '\u0000',
  '\u0000abc\u0000',
  '\uD800',
  '😀',
  '👩‍👩‍👧‍👦 family',
  '\u202Eevil',
  'x'.repeat(10_000),
  'é'.repeat(10_000),
  '😀'.repeat(5_000),
  'a b c d e f g h i j k l m n o p q r s t',
];

let register: Register;
let requestCount: number;

// A register per test: tempRegister closes each after its test.
beforeEach(async () => {
  register = tempRegister();
  await seedRequest(register, { summary: 'Contract "NEAR(x" OR y* found in the files; sum 50% — done' });
  await seedRequest(register, { parties: [{ role: 'suspect', name: "O'Brien (Sean)" }] });
  await seedRequest(register, { summary: 'Emoji in a chat: 😀 sent twice' });
  requestCount = countRows(register.location, 'requests');
});

async function searchAndList(text: string) {
  const result = await register.search.search(searchQuerySchema.parse({ text }));
  const listed = await register.requests.list(
    {
      text: clipSearchText(text).trim().slice(0, 200),
      sort: 'updatedAt',
      order: 'desc',
      limit: 50,
      offset: 0,
      state: 'all',
    },
    CLOCK.today,
  );
  return { result: searchResultSchema.parse(result), listed };
}

describe('search input of any content', () => {
  for (const text of HOSTILE) {
    it(`never errors on ${JSON.stringify(text.length > 30 ? `${text.slice(0, 12)}… (${text.length})` : text)}`, async () => {
      await expect(searchAndList(text)).resolves.toBeDefined();
    });
  }

  it('leaves the register as it was (nothing in the text runs as SQL)', async () => {
    for (const text of HOSTILE) await searchAndList(text);
    expect(countRows(register.location, 'requests')).toBe(requestCount);
  });

  it('searches FTS5 operators, quotes and emoji as the characters they are', async () => {
    const refs = async (text: string) => (await searchAndList(text)).result.hits.map((h) => h.id);
    expect(await refs('"NEAR(x"')).toEqual([1]);
    expect(await refs('OR y*')).toEqual([1]);
    expect(await refs('50%')).toEqual([1]);
    expect(await refs("o'brien")).toEqual([2]);
    expect(await refs('(sean)')).toEqual([2]);
    expect(await refs('😀')).toEqual([3]);
    expect(await refs('NEAR(a b, 2)')).toEqual([]);
  });

  it('never errors on arbitrary text (property)', async () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...HOSTILE.filter((t) => t.length < 100), ' ', '"', '*', 'OR', 'NEAR(', '-', ':', '^'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 8 }), async (parts) => {
        const { result, listed } = await searchAndList(parts.join(''));
        expect(result.hits.length).toBeLessThanOrEqual(20);
        expect(listed.total).toBeLessThanOrEqual(requestCount);
      }),
      { numRuns: 300 },
    );
  });

  it('searches only the first characters of a very long text, never cutting one in two', () => {
    expect(clipSearchText('x'.repeat(10_000))).toHaveLength(SEARCH_TEXT_MAX);
    const emoji = clipSearchText(`a${'😀'.repeat(200)}`);
    expect(emoji).toHaveLength(SEARCH_TEXT_MAX - 1);
    expect(emoji.endsWith('😀')).toBe(true);
    expect(searchWords('x'.repeat(10_000)).phrases).toEqual([`"${'x'.repeat(SEARCH_TEXT_MAX)}"`]);
  });

  it('quotes every word as an FTS5 string, with its own quotes doubled', () => {
    expect(searchWords('say "hi" NEAR(x, 3)').phrases).toEqual(['"say"', '"""hi"""', '"NEAR(x,"']);
    // Beside longer words, a single character is left out; two characters are looked up.
    expect(searchWords('say "hi" NEAR(x, 3)').shorts).toEqual(['3)']);
    expect(searchWords('say x').shorts).toEqual([]);
    expect(searchWords('x').shorts).toEqual(['x']);
  });
});
