import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { englishText, isMessageKey, zodMessage } from '../../contract/messages.ts';
import { fieldProblems } from '../../contract/validate.ts';

/** What a schema says of a value: each problem's key, parameters and English. */
function said(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) throw new Error('The value was accepted');
  return fieldProblems(parsed.error).map(({ key, params, message }) => ({ key, params, message }));
}

describe('the English catalog', () => {
  it('words a key with its parameters, and a count by its plural form', () => {
    expect(englishText('request.notFound', { id: 5 })).toBe('There is no request with id 5.');
    expect(englishText('field.maxLength', { count: 1 })).toBe('must be at most 1 character');
    expect(englishText('field.maxLength', { count: 8000 })).toBe('must be at most 8000 characters');
  });

  it('names codes by their label, in lower case inside the sentence', () => {
    expect(englishText('move.forbidden', { reference: 'X-1', from: 'under_review', to: 'executed' })).toBe(
      'X-1 cannot go from under review to executed: its workflow does not allow that move.',
    );
    expect(englishText('call.denied', { roles: 'clerk, manager', channel: 'requests.move' })).toBe(
      'Your role (clerk, manager) may not do this (requests.move).',
    );
    expect(englishText('event.notNow', { reference: 'X-1', status: 'lapsed', event: 'reminder_sent' })).toBe(
      'X-1 (lapsed) cannot record "reminder sent" now.',
    );
    expect(englishText('move.lacksEssentials', { reference: 'X-1', elements: 'purpose,facts_summary' })).toBe(
      'X-1 lacks what it must contain before it moves on: purpose of the evidence, summary of the facts. Complete it, or give a reason to move it on anyway.',
    );
  });

  it('knows its own keys, not a group of them nor a key it lacks', () => {
    expect(isMessageKey('field.required')).toBe(true);
    expect(isMessageKey('field.maxLength')).toBe(true);
    expect(isMessageKey('field')).toBe(false);
    expect(isMessageKey('field.maxLength_one')).toBe(true);
    expect(isMessageKey('field.nothingLikeThis')).toBe(false);
    expect(isMessageKey('__proto__')).toBe(false);
    expect(isMessageKey(42)).toBe(false);
  });
});

describe('a zod problem', () => {
  it('of the contract’s own checks carries their key, with only the limits its text uses', () => {
    const text = z.string().trim().min(1, zodMessage('field.required')).max(10, zodMessage('field.maxLength'));
    expect(said(text, ' ')).toEqual([{ key: 'field.required', params: undefined, message: 'is required' }]);
    expect(said(text, 'x'.repeat(11))).toEqual([
      { key: 'field.maxLength', params: { count: 10 }, message: 'must be at most 10 characters' },
    ]);
    const span = z.number().refine((n) => n < 50, zodMessage('field.year.span', { count: 50 }));
    expect(said(span, 60)).toEqual([
      { key: 'field.year.span', params: { count: 50 }, message: 'covers at most 50 years' },
    ]);
  });

  it('of zod’s own reads well whatever its code', () => {
    const cases: [z.ZodType, unknown, string, string][] = [
      [z.object({ a: z.string() }), {}, 'zod.required', 'is required'],
      [z.string(), 5, 'zod.expected.string', 'must be text'],
      [z.number().int(), 1.5, 'zod.expected.int', 'must be a whole number'],
      [z.string().min(3), 'ab', 'zod.tooShort', 'must be at least 3 characters'],
      [z.string().min(1), '', 'zod.required', 'is required'],
      [z.string().length(2), 'abc', 'zod.exactLength', 'must be exactly 2 characters'],
      [z.array(z.number()).max(1), [1, 2], 'zod.tooMany', 'must have at most 1 item'],
      [z.number().min(3), 2, 'zod.tooSmall', 'must be at least 3'],
      [z.number().positive(), 0, 'zod.tooSmallExclusive', 'must be more than 0'],
      [z.number().lt(3), 3, 'zod.tooBigExclusive', 'must be less than 3'],
      [z.email(), 'nobody', 'zod.format.email', 'must be an e-mail address'],
      [z.string().regex(/^a/), 'b', 'zod.format.other', 'is not in the expected form'],
      [z.string().startsWith('MLA'), 'PRE', 'zod.format.starts_with', 'must start with “MLA”'],
      [z.enum(['incoming', 'outgoing']), 'x', 'zod.oneOf', 'must be one of incoming, outgoing'],
      [z.literal('upload'), 'x', 'zod.equals', 'must be upload'],
      [z.strictObject({}), { extra: 1 }, 'zod.unknownFields', 'has fields it does not know: extra'],
      [z.union([z.string(), z.number()]), true, 'zod.noMatch', 'matches none of the forms it may take'],
      [z.number().multipleOf(5), 7, 'zod.multipleOf', 'must be a multiple of 5'],
      [z.string().refine(() => false), 'x', 'zod.invalid', 'is not valid'],
    ];
    for (const [schema, value, key, message] of cases) {
      expect(said(schema, value)[0], key).toMatchObject({ key, message });
    }
  });
});
