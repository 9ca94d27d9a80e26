import { describe, expect, it } from 'vitest';
import { KINDS, STATUSES, type Kind } from '../../contract/codes.ts';
import {
  type CompletenessCode,
  type CompletenessInput,
  checkCompleteness,
  COMPLETENESS_CODES,
  ELEMENTS_BY_KIND,
  isCheckedMove,
  missingEssentials,
} from '../../contract/completeness.ts';

const PRESERVATION_LINK = { kind: 'follow_up', side: 'to', other: { kind: 'preservation' } } as const;

/** An outgoing request of `kind` holding every element (following a preservation where it can). */
function complete(kind: Kind): CompletenessInput {
  return {
    direction: 'outgoing',
    kind,
    domesticAuthority: 'Parquet de Paris',
    proceedingsNature: 'Investigation into fraud',
    conductingAuthority: 'Juge d’instruction',
    summary: 'Funds moved abroad',
    procedureToFollow: 'Certified copies',
    purpose: 'To trace the funds',
    serviceProvider: 'Example Mail Inc.',
    emergencyJustification: 'Life at risk',
    followsPreservation: kind === 'mla' || kind === 'disclosure',
    assistance: ['records', 'subscriber_data'],
    parties: [{ location: 'Lyon', nationality: 'FR' }],
    identifiers: [{ fromAt: '2026-02-01T10:00+01:00', toAt: '2026-02-01T11:00+01:00', timeZone: 'Europe/Paris' }],
    links: [PRESERVATION_LINK],
  };
}

/** One way each element goes missing from a complete request. */
const WITHOUT: Record<CompletenessCode, Partial<CompletenessInput>> = {
  requesting_authority: { domesticAuthority: '  ' },
  proceedings_nature: { proceedingsNature: null },
  conducting_authority: { conductingAuthority: '' },
  facts_summary: { summary: undefined },
  assistance_sought: { assistance: [] },
  procedure: { procedureToFollow: null },
  persons_identity: { parties: [] },
  persons_location: {
    parties: [
      { location: 'Lyon', nationality: 'FR' },
      { location: '', nationality: 'BE' },
    ],
  },
  persons_nationality: { parties: [{ location: 'Lyon', nationality: null }] },
  purpose: { purpose: '\n' },
  service_provider: { serviceProvider: null },
  identifiers_timestamps: { identifiers: [{ fromAt: null, toAt: '2026-02-01T11:00+01:00', timeZone: 'UTC' }] },
  date_range: { identifiers: [{ fromAt: '2026-02-01T10:00+01:00', toAt: null, timeZone: 'UTC' }] },
  data_categories: { assistance: ['records'] },
  preservation_followed: { links: [] },
  emergency_justification: { emergencyJustification: null },
};

const ESSENTIAL: Record<CompletenessCode, boolean> = {
  requesting_authority: true,
  proceedings_nature: true,
  conducting_authority: true,
  facts_summary: true,
  assistance_sought: true,
  procedure: false,
  persons_identity: false,
  persons_location: false,
  persons_nationality: false,
  purpose: true,
  service_provider: true,
  identifiers_timestamps: true,
  date_range: true,
  data_categories: true,
  preservation_followed: true,
  emergency_justification: true,
};

/** Elements that go missing with another: no person has no location either; an identifier without its start has no period. */
const ALSO_MISSING: Partial<Record<CompletenessCode, CompletenessCode[]>> = {
  persons_identity: ['persons_identity', 'persons_location', 'persons_nationality'],
  identifiers_timestamps: ['identifiers_timestamps', 'date_range'],
};

const codesOf = (input: CompletenessInput) => checkCompleteness(input).map((i) => i.code);
const absent = (input: CompletenessInput) =>
  checkCompleteness(input)
    .filter((i) => !i.present)
    .map((i) => i.code);

describe('what an outgoing request must contain', () => {
  it('lists the elements of each kind, and finds them all in a complete request', () => {
    expect(codesOf(complete('mla'))).toEqual([
      'requesting_authority',
      'proceedings_nature',
      'conducting_authority',
      'facts_summary',
      'assistance_sought',
      'procedure',
      'persons_identity',
      'persons_location',
      'persons_nationality',
      'purpose',
      'preservation_followed',
    ]);
    const eEvidence = [
      'requesting_authority',
      'facts_summary',
      'service_provider',
      'identifiers_timestamps',
      'date_range',
      'data_categories',
    ];
    expect(codesOf(complete('preservation'))).toEqual(eEvidence);
    expect(codesOf(complete('disclosure'))).toEqual([...eEvidence, 'preservation_followed']);
    expect(codesOf(complete('emergency_disclosure'))).toEqual([...eEvidence, 'emergency_justification']);
    for (const kind of KINDS) expect(absent(complete(kind)), kind).toEqual([]);
    // Every element is some kind's.
    expect(new Set(KINDS.flatMap((k) => ELEMENTS_BY_KIND[k]))).toEqual(new Set(COMPLETENESS_CODES));
  });

  for (const kind of KINDS) {
    for (const code of ELEMENTS_BY_KIND[kind]) {
      it(`${kind}: catches a missing “${code}” (${ESSENTIAL[code] ? 'essential' : 'recommended'}) and nothing else`, () => {
        const items = checkCompleteness({ ...complete(kind), ...WITHOUT[code] });
        const missing = items.filter((i) => !i.present);
        expect(missing.map((i) => i.code)).toEqual(ALSO_MISSING[code] ?? [code]);
        expect(missing[0]?.essential).toBe(ESSENTIAL[code]);
        expect(missingEssentials(items).map((i) => i.code)).toEqual(ESSENTIAL[code] ? missing.map((i) => i.code) : []);
      });
    }
  }

  it('asks nothing of an incoming request', () => {
    expect(checkCompleteness({ ...complete('mla'), direction: 'incoming', purpose: null })).toEqual([]);
    expect(checkCompleteness({ direction: 'incoming', kind: 'preservation' })).toEqual([]);
  });

  it('checks the preservation followed only when the request says it follows one, and only a follow-up link to a preservation', () => {
    const unticked = { ...complete('mla'), followsPreservation: false, links: [] };
    expect(codesOf(unticked)).not.toContain('preservation_followed');
    const other = (links: CompletenessInput['links']) =>
      absent({ ...complete('disclosure'), links }).includes('preservation_followed');
    expect(other([{ kind: 'related', side: 'to', other: { kind: 'preservation' } }])).toBe(true);
    expect(other([{ kind: 'follow_up', side: 'from', other: { kind: 'preservation' } }])).toBe(true);
    expect(other([{ kind: 'follow_up', side: 'to', other: { kind: 'mla' } }])).toBe(true);
    expect(other([PRESERVATION_LINK])).toBe(false);
  });

  it('points at the first item of a list that lacks an element, and at the list when it is empty', () => {
    const persons = checkCompleteness({
      ...complete('mla'),
      parties: [
        { location: 'Lyon', nationality: 'FR' },
        { location: null, nationality: null },
        { location: ' ', nationality: 'BE' },
      ],
    });
    expect(persons.find((i) => i.code === 'persons_location')).toMatchObject({
      present: false,
      tab: 'parties',
      field: 'parties.1.location',
      items: [1, 2],
    });
    expect(persons.find((i) => i.code === 'persons_nationality')).toMatchObject({
      field: 'parties.1.nationality',
      items: [1],
    });
    const nobody = checkCompleteness({ ...complete('mla'), parties: [] });
    expect(nobody.filter((i) => i.tab === 'parties')).toEqual([
      { code: 'persons_identity', essential: false, present: false, tab: 'parties', field: 'parties', items: [] },
      { code: 'persons_location', essential: false, present: false, tab: 'parties', field: 'parties', items: [] },
      { code: 'persons_nationality', essential: false, present: false, tab: 'parties', field: 'parties', items: [] },
    ]);
    const times = (identifiers: CompletenessInput['identifiers']) =>
      checkCompleteness({ ...complete('preservation'), identifiers }).filter((i) => !i.present);
    expect(times([])).toMatchObject([
      { code: 'identifiers_timestamps', field: 'identifiers', items: [] },
      { code: 'date_range', field: 'identifiers', items: [] },
    ]);
    const ok = { fromAt: '2026-02-01T10:00Z', toAt: '2026-02-01T10:00Z', timeZone: 'UTC' };
    expect(times([ok, { ...ok, timeZone: '' }])).toMatchObject([
      { code: 'identifiers_timestamps', field: 'identifiers.1.timeZone', items: [1] },
    ]);
    expect(times([ok, ok, { ...ok, fromAt: null }])).toMatchObject([
      { code: 'identifiers_timestamps', field: 'identifiers.2.fromAt', items: [2] },
      { code: 'date_range', field: 'identifiers.2.toAt', items: [2] },
    ]);
  });

  it('checks the moves that take an outgoing request out of drafting, and no other', () => {
    const checked = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => isCheckedMove('outgoing', from, to)).map((to) => `${from}→${to}`),
    );
    expect(checked).toEqual(['draft→under_review', 'draft→sent', 'under_review→sent']);
    expect(STATUSES.some((from) => STATUSES.some((to) => isCheckedMove('incoming', from, to)))).toBe(false);
  });
});
