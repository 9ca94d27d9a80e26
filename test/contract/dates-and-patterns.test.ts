import { describe, expect, it } from 'vitest';
import { isIsoDate, localIsoDate } from '../../contract/dates.ts';
import { listQuerySchema, transitionSchema } from '../../contract/requests.ts';
import { DEFAULT_REFERENCE_PATTERN, referencePatternSchema } from '../../contract/settings.ts';
import { fieldProblems } from '../../contract/validate.ts';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-01-01', '2026-12-31', '2026-04-30', '1999-12-31'])(
    'accepts the calendar date %s',
    (d) => {
      expect(isIsoDate(d)).toBe(true);
    },
  );

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'a century that is not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-1-05', 'one-digit month'],
    ['26-01-05', 'two-digit year'],
    ['2026/01/05', 'slashes'],
    ['2026-01-05T00:00:00Z', 'a timestamp'],
    [' 2026-01-05', 'leading space'],
    ['', 'empty'],
  ])('rejects %j (%s)', (d) => {
    expect(isIsoDate(d)).toBe(false);
  });

  it('gives the local calendar date of a moment, zero-padded', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 10, 25, 0, 0))).toBe('2026-11-25');
  });
});

describe('referencePatternSchema', () => {
  const ok = (p: string) => referencePatternSchema.safeParse(p).success;

  it.each([
    DEFAULT_REFERENCE_PATTERN,
    '{KIND}-{DIR}-{YYYY}-{SEQ}',
    '{YYYY}/{DIR}/{KIND}/{SEQ:3}',
    'CA-{KIND}{DIR}{YYYY}-{SEQ:9}',
    '{SEQ:1} {KIND} {DIR} {YYYY}',
  ])('accepts %j', (p) => {
    expect(ok(p)).toBe(true);
  });

  it('trims the pattern', () => {
    expect(referencePatternSchema.parse(`  ${DEFAULT_REFERENCE_PATTERN} `)).toBe(DEFAULT_REFERENCE_PATTERN);
  });

  it.each([
    ['{DIR}-{YYYY}-{SEQ:5}', 'no {KIND}'],
    ['{KIND}-{YYYY}-{SEQ:5}', 'no {DIR}'],
    ['{KIND}-{DIR}-{SEQ:5}', 'no {YYYY}'],
    ['{KIND}-{DIR}-{YYYY}', 'no running number'],
    ['{KIND}-{DIR}-{YYYY}-{SEQ}-{SEQ:2}', 'two running numbers'],
    ['{KIND}-{DIR}-{YYYY}-{SEQ:0}', 'width 0'],
    ['{KIND}-{DIR}-{YYYY}-{SEQ:10}', 'width 10'],
    ['{KIND}-{DIR}-{YYYY}-{SEQ:5}-{OFFICE}', 'an unknown placeholder'],
    ['{KIND}-{DIR}-{YY}-{YYYY}-{SEQ}', 'an unknown {YY}'],
    ['{kind}-{DIR}-{YYYY}-{SEQ}', 'a lower-case placeholder'],
    ['{KIND}-{DIR}-{YYYY}-{SEQ}}', 'a stray brace'],
    ['{KIND}-{DIR}-{YYYY}-{{SEQ}', 'a stray opening brace'],
    ['   ', 'blank'],
    [`{KIND}-{DIR}-{YYYY}-{SEQ}${'x'.repeat(70)}`, 'longer than 80 characters'],
  ])('rejects %j (%s)', (p) => {
    expect(ok(p)).toBe(false);
  });

  it('says what is wrong with a pattern', () => {
    const messages = (p: string) => {
      const { error } = referencePatternSchema.safeParse(p);
      return error ? fieldProblems(error).map((i) => i.message) : [];
    };
    expect(messages('{DIR}-{YYYY}-{SEQ}')).toContain(
      'must contain {KIND}, {DIR} and {YYYY}, so that references stay unique',
    );
    expect(messages('{KIND}-{DIR}-{YYYY}')).toContain(
      'must contain the running number once, as {SEQ} or {SEQ:n} (n from 1 to 9)',
    );
    expect(messages('{KIND}-{DIR}-{YYYY}-{SEQ}-{X}')).toEqual([
      'may use only {KIND}, {DIR}, {YYYY} and {SEQ:n} as placeholders',
    ]);
  });
});

describe('transitionSchema and listQuerySchema', () => {
  it('defaults refusal grounds to none and the preserved-until date to null, trims the note and turns a blank one into null', () => {
    expect(
      transitionSchema.parse({ id: 3, to: 'under_review', on: '2026-03-02', note: '  ', expectedVersion: 1 }),
    ).toEqual({
      id: 3,
      to: 'under_review',
      on: '2026-03-02',
      note: null,
      refusalGrounds: [],
      preservedUntil: null,
      overrideReason: null,
      expectedVersion: 1,
    });
  });

  it.each([
    [{ id: 0 }, 'id'],
    [{ to: 'closed' }, 'to'],
    [{ on: '2026-02-30' }, 'on'],
    [{ refusalGrounds: ['bad_weather'] }, 'refusalGrounds.0'],
    [{ expectedVersion: 0 }, 'expectedVersion'],
  ])('refuses the transition %j, naming %s', (patch, field) => {
    const result = transitionSchema.safeParse({ id: 1, to: 'refused', on: '2026-03-02', expectedVersion: 1, ...patch });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  it('fills the list defaults: everything, most recently updated first, 100 a page', () => {
    expect(listQuerySchema.parse({})).toEqual({
      state: 'all',
      sort: 'updatedAt',
      order: 'desc',
      limit: 100,
      offset: 0,
    });
  });

  it('upper-cases the country filter and bounds the page size', () => {
    expect(listQuerySchema.parse({ counterpartCountry: 'lb' }).counterpartCountry).toBe('LB');
    expect(listQuerySchema.safeParse({ limit: 501 }).success).toBe(false);
    expect(listQuerySchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(listQuerySchema.safeParse({ offset: -1 }).success).toBe(false);
    expect(listQuerySchema.safeParse({ sort: 'summary' }).success).toBe(false);
  });
});
