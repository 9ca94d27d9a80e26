import { describe, expect, it } from 'vitest';
import { newRequestSchema } from '../../contract/requests.ts';
import { fieldProblems, validateInput } from '../../contract/validate.ts';

const base = { direction: 'incoming', kind: 'mla', counterpartCountry: 'FR', openedOn: '2026-03-02' } as const;

function problems(input: unknown): Record<string, string> {
  const result = newRequestSchema.safeParse(input);
  if (result.success) return {};
  const { issues } = result.error;
  return Object.fromEntries(fieldProblems(result.error).map((p, n) => [issues[n]?.path.join('.'), p.message]));
}

describe('newRequestSchema', () => {
  it('fills every optional field with null and urgency with normal', () => {
    expect(newRequestSchema.parse(base)).toEqual({
      direction: 'incoming',
      kind: 'mla',
      counterpartCountry: 'FR',
      counterpartAuthority: null,
      counterpartReference: null,
      domesticAuthority: null,
      domesticReference: null,
      serviceProvider: null,
      legalBasis: null,
      channel: null,
      urgency: 'normal',
      openedOn: '2026-03-02',
      assignedTo: null,
      summary: null,
      legalBasisDetail: null,
      offences: [],
      cyberRelated: false,
      offenceDescription: null,
      assistance: [],
      counterpartDeadline: null,
      deadlineNote: null,
      preservedUntil: null,
      parties: [],
      identifiers: [],
      proceedingsNature: null,
      conductingAuthority: null,
      procedureToFollow: null,
      purpose: null,
      emergencyJustification: null,
      requestLanguage: null,
      followsPreservation: false,
    });
  });

  it('trims free text and turns empty or blank text into null', () => {
    const parsed = newRequestSchema.parse({
      ...base,
      counterpartAuthority: '  Parquet de Paris  ',
      counterpartReference: '\t2026/117\n',
      domesticAuthority: '',
      serviceProvider: '    ',
      assignedTo: null,
      summary: ' Two witnesses to hear. ',
    });
    expect(parsed).toMatchObject({
      counterpartAuthority: 'Parquet de Paris',
      counterpartReference: '2026/117',
      domesticAuthority: null,
      serviceProvider: null,
      assignedTo: null,
      summary: 'Two witnesses to hear.',
    });
  });

  it('bounds free text, counting after trimming', () => {
    expect(problems({ ...base, counterpartReference: 'x'.repeat(121) })).toHaveProperty('counterpartReference');
    expect(problems({ ...base, counterpartReference: ` ${'x'.repeat(120)} ` })).toEqual({});
    expect(problems({ ...base, summary: 'x'.repeat(8001) })).toHaveProperty('summary');
  });

  it.each([
    ['fr', 'FR'],
    [' lb ', 'LB'],
    ['Us', 'US'],
  ])('accepts the country code %j as %s', (given, stored) => {
    expect(newRequestSchema.parse({ ...base, counterpartCountry: given }).counterpartCountry).toBe(stored);
  });

  it.each(['XX', 'UK', 'FRA', 'F', '', '12'])(
    'refuses %j as a counterpart country, which is not ISO 3166-1 alpha-2',
    (code) => {
      expect(problems({ ...base, counterpartCountry: code })).toEqual({
        counterpartCountry: 'must be an ISO 3166-1 alpha-2 country code',
      });
    },
  );

  it('requires the day an incoming request was received', () => {
    const { openedOn: _omitted, ...withoutDate } = base;
    expect(problems(withoutDate)).toEqual({
      openedOn: 'is required for an incoming request (the day it was received)',
    });
    expect(problems({ ...base, openedOn: null })).toHaveProperty('openedOn');
  });

  it('lets an outgoing request be registered without a date (it is a draft until sent)', () => {
    const { openedOn: _omitted, ...withoutDate } = base;
    expect(newRequestSchema.parse({ ...withoutDate, direction: 'outgoing' }).openedOn).toBeNull();
  });

  it.each(['2026-02-30', '2026-3-2', '02/03/2026', '2026-03-02T10:00:00Z'])(
    'refuses %j as the opening date',
    (openedOn) => {
      expect(problems({ ...base, openedOn })).toEqual({ openedOn: 'must be a calendar date written YYYY-MM-DD' });
    },
  );

  it('refuses unknown keys instead of dropping them, including a typed-in reference', () => {
    expect(Object.keys(problems({ ...base, reference: 'MLA-IN-2026-00099' }))).toEqual(['']);
    const result = newRequestSchema.safeParse({ ...base, reference: 'MLA-IN-2026-00099', status: 'executed' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('reference');
    expect(JSON.stringify(result.error?.issues)).toContain('status');
  });

  it.each([
    ['direction', 'sideways'],
    ['kind', 'letter_rogatory'],
    ['legalBasis', 'friendship'],
    ['channel', 'carrier_pigeon'],
    ['urgency', 'very'],
  ])('refuses a %s that is not one of the spec codes', (field, value) => {
    expect(problems({ ...base, [field]: value })).toHaveProperty(field);
  });

  it('accepts every code the spec lists for legal basis and channel', () => {
    expect(newRequestSchema.parse({ ...base, legalBasis: 'eu_e_evidence', channel: 'network_24_7' })).toMatchObject({
      legalBasis: 'eu_e_evidence',
      channel: 'network_24_7',
    });
  });
});

describe('validateInput on requests.register', () => {
  it('names every bad field in the invalid_input error', () => {
    const result = validateInput('requests.register', {
      direction: 'incoming',
      kind: 'mla',
      counterpartCountry: 'XX',
      openedOn: '2025-02-29',
      summary: 'x'.repeat(8001),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields?.map((f) => f.field).sort()).toEqual(['counterpartCountry', 'openedOn', 'summary']);
    expect(result.error.message).toBe('Please check: openedOn, counterpartCountry, summary.');
  });

  it('hands on the parsed input: trimmed, upper-cased, defaults filled', () => {
    const result = validateInput('requests.register', { ...base, counterpartCountry: 'de', summary: '  ' });
    expect(result).toMatchObject({
      ok: true,
      channel: 'requests.register',
      input: { counterpartCountry: 'DE', summary: null, urgency: 'normal' },
    });
  });
});
