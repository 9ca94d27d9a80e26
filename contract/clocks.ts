import type { Direction, Kind, LegalBasis, Status } from './codes.ts';

/*
 * The legal clocks, in one place: what starts each one, how long it runs, which requests it
 * applies to and what stops it. contract/clock-compute.ts reads this table to compute a
 * request's clocks; db/clocks/ reads it to find, with indexed queries, the requests whose clock
 * is overdue or due soon (the Today dashboard). The lengths are settings (contract/settings.ts),
 * with the defaults below.
 *
 * Where the lengths come from (shared/docs/domain.md):
 * - acknowledgement, replyAbroad: the office's own reminder times (settings acknowledgementDays
 *   and replyAbroadDays, the very rule of the Today dashboard's "waiting" card).
 * - preservation: data preserved on request stays preserved for a limited time. Without a
 *   preserved-until date on the request (it is recorded when the data is preserved and moved by
 *   each extension), the end is estimated from the day the request was sent or received:
 *   - European Preservation Order (legal basis eu_e_evidence, Regulation (EU) 2023/1543
 *     art. 11): 60 days, extendable once by 30;
 *   - outgoing to the United States (18 U.S.C. § 2703(f)): 90 days, renewable once for 90;
 *   - any other (Budapest Convention art. 29(7): at least 60 days; 120 in some national laws,
 *     which the office sets): 60 days, extendable as often as asked.
 * - European Investigation Order (legal basis eu_eio, Directive 2014/41/EU art. 12): 30 days to
 *   decide on recognition from receipt, 90 days to carry it out from that decision.
 * - European Production Order (legal basis eu_e_evidence, Regulation (EU) 2023/1543 art. 10):
 *   10 days from receipt, 8 hours in an emergency (kind emergency_disclosure).
 * - counterpartDeadline: the date the counterpart set (trial, detention limit, limitation).
 *
 * For outgoing requests the EU clocks time the other side (the executing state or the
 * provider), counted from the day we sent the order, as receipt is seldom known to the day.
 *
 * Periods in days follow Regulation (EEC, Euratom) No 1182/71 for the EU instruments: the day
 * of the event is not counted, and a period that would end on a weekend day or a public holiday
 * ends on the next working day (`rolls`). Preservation periods and the office's own reminder
 * times run on calendar days without that rule: data is released on the day it is due.
 */

export const CLOCK_UNITS = ['hours', 'calendar_days', 'working_days'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

export const CLOCK_IDS = [
  'counterpartDeadline',
  'epoEmergency',
  'epoProduction',
  'eioDecision',
  'eioExecution',
  'preservationEu',
  'preservationUs',
  'preservation',
  'acknowledgement',
  'replyAbroad',
] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

/** The clocks whose length the clock settings hold (the others: reminder settings, or a date). */
export const ADJUSTABLE_CLOCKS = [
  'epoEmergency',
  'epoProduction',
  'eioDecision',
  'eioExecution',
  'preservationEu',
  'preservationUs',
  'preservation',
] as const satisfies readonly ClockId[];
export type AdjustableClock = (typeof ADJUSTABLE_CLOCKS)[number];

export const PRESERVATION_CLOCKS = [
  'preservationEu',
  'preservationUs',
  'preservation',
] as const satisfies readonly AdjustableClock[];
export type PreservationClock = (typeof PRESERVATION_CLOCKS)[number];

export function isPreservationClock(id: ClockId): id is PreservationClock {
  return (PRESERVATION_CLOCKS as readonly string[]).includes(id);
}

/** A clock's length as the settings hold it. */
export interface ClockLength {
  length: number;
  unit: ClockUnit;
}

/** The units each adjustable clock may be counted in, the first being its default. */
export const CLOCK_UNITS_ALLOWED: Record<AdjustableClock, readonly [ClockUnit, ...ClockUnit[]]> = {
  epoEmergency: ['hours'],
  epoProduction: ['calendar_days', 'working_days'],
  eioDecision: ['calendar_days', 'working_days'],
  eioExecution: ['calendar_days', 'working_days'],
  preservationEu: ['calendar_days'],
  preservationUs: ['calendar_days'],
  preservation: ['calendar_days'],
};

export const DEFAULT_CLOCK_LENGTHS: Record<AdjustableClock, ClockLength> = {
  epoEmergency: { length: 8, unit: 'hours' },
  epoProduction: { length: 10, unit: 'calendar_days' },
  eioDecision: { length: 30, unit: 'calendar_days' },
  eioExecution: { length: 90, unit: 'calendar_days' },
  preservationEu: { length: 60, unit: 'calendar_days' },
  preservationUs: { length: 90, unit: 'calendar_days' },
  preservation: { length: 60, unit: 'calendar_days' },
};

/** One extension of a preservation: its default length, and how many the law allows (null: no limit). */
export const DEFAULT_EXTENSION_DAYS: Record<PreservationClock, number> = {
  preservationEu: 30,
  preservationUs: 90,
  preservation: 60,
};
export const EXTENSIONS_ALLOWED: Record<PreservationClock, number | null> = {
  preservationEu: 1,
  preservationUs: 1,
  preservation: null,
};

/**
 * What starts a clock (always an event already in the register):
 * - receipt: the day the request was opened (received, for an incoming one: requests.opened_on),
 *   and for an hour clock the moment its registration was recorded;
 * - lastStatus: the move into the status the request is in now (its last status change);
 * - lastActivity: its last status change or recorded event other than an internal note (the
 *   Today dashboard's "no news" rule: each reminder or piece of news starts it again);
 * - firstMoveTo: the first move into `status` (the decision to execute an EIO);
 * - date: a day recorded on the request is the due day itself (`estimate`: when it is not
 *   recorded, the due day is counted from the day the request was opened, sent or received).
 */
export type ClockStart =
  | { from: 'receipt' }
  | { from: 'lastStatus' }
  | { from: 'lastActivity' }
  | { from: 'firstMoveTo'; status: Status }
  | { from: 'date'; field: 'preservedUntil' | 'counterpartDeadline'; estimate: boolean };

/** Which requests a rule applies to: each list, when given, must hold the request's value. */
export interface ClockScope {
  direction: Direction;
  kinds?: readonly Kind[];
  /** Legal bases it applies to (a request without one: none of them). */
  legalBases?: readonly LegalBasis[];
  /** Legal bases it does not apply to (a request without one is not excluded). */
  notLegalBases?: readonly LegalBasis[];
  countries?: readonly string[];
  notCountries?: readonly string[];
}

/** One rule of a clock, for one direction (a clock may run differently each way). */
export interface ClockRule {
  clock: ClockId;
  scope: ClockScope;
  /** The statuses in which the clock runs; moving out of them stops it. */
  runs: readonly Status[];
  /** Statuses from which the clock is still to start (shown as such on the request). */
  before: readonly Status[];
  start: ClockStart;
  /** A period in days that ends on a weekend day or holiday ends on the next working day. */
  rolls: boolean;
  /** A request linked to it as its follow-up stops it (preservations). */
  stopsOnFollowUp: boolean;
}

/** The warning window each clock uses: reminder settings, or the clock settings' own. */
export const CLOCK_WARNING: Record<ClockId, 'preservationWarningDays' | 'deadlineWarningDays' | 'clock'> = {
  counterpartDeadline: 'deadlineWarningDays',
  epoEmergency: 'clock',
  epoProduction: 'clock',
  eioDecision: 'clock',
  eioExecution: 'clock',
  preservationEu: 'preservationWarningDays',
  preservationUs: 'preservationWarningDays',
  preservation: 'preservationWarningDays',
  acknowledgement: 'clock',
  replyAbroad: 'clock',
};

const OPEN: readonly Status[] = [
  'draft',
  'registered',
  'under_review',
  'awaiting_information',
  'sent',
  'in_execution',
  'suspended',
  'partially_executed',
];
/** A preservation's data stays preserved (or is being preserved) in any status but these. */
const PRESERVING: readonly Status[] = [
  'registered',
  'under_review',
  'awaiting_information',
  'sent',
  'in_execution',
  'suspended',
  'partially_executed',
  'executed',
  'executed_in_part',
];
const PRESERVATION_DATE: ClockStart = { from: 'date', field: 'preservedUntil', estimate: true };

const rule = (r: Omit<ClockRule, 'rolls' | 'stopsOnFollowUp' | 'before'> & Partial<ClockRule>): ClockRule => ({
  rolls: false,
  stopsOnFollowUp: false,
  before: [],
  ...r,
});

const preservationRules = (clock: PreservationClock, scopes: readonly ClockScope[]): ClockRule[] =>
  scopes.map((scope) =>
    rule({
      clock,
      scope: { kinds: ['preservation'], ...scope },
      runs: PRESERVING,
      before: ['draft'],
      start: PRESERVATION_DATE,
      stopsOnFollowUp: true,
    }),
  );

/** The EU e-evidence and investigation clocks: from receipt when incoming, from sending when outgoing. */
const euRules = (clock: ClockId, kind: Kind, legalBasis: LegalBasis, incomingRuns: readonly Status[]): ClockRule[] => [
  rule({
    clock,
    scope: { direction: 'incoming', kinds: [kind], legalBases: [legalBasis] },
    runs: incomingRuns,
    start: { from: 'receipt' },
    rolls: true,
  }),
  // Asking the other side for information pauses it; sending again starts it afresh.
  rule({
    clock,
    scope: { direction: 'outgoing', kinds: [kind], legalBases: [legalBasis] },
    runs: ['sent'],
    before: ['draft', 'under_review'],
    start: { from: 'lastStatus' },
    rolls: true,
  }),
];

export const CLOCK_RULES: readonly ClockRule[] = [
  ...(['incoming', 'outgoing'] as const).map((direction) =>
    rule({
      clock: 'counterpartDeadline',
      scope: { direction },
      runs: OPEN,
      start: { from: 'date', field: 'counterpartDeadline', estimate: false },
    }),
  ),
  ...euRules('epoEmergency', 'emergency_disclosure', 'eu_e_evidence', [
    'registered',
    'under_review',
    'awaiting_information',
    'in_execution',
  ]),
  ...euRules('epoProduction', 'disclosure', 'eu_e_evidence', [
    'registered',
    'under_review',
    'awaiting_information',
    'in_execution',
  ]),
  ...euRules('eioDecision', 'mla', 'eu_eio', ['registered', 'under_review', 'awaiting_information']),
  rule({
    clock: 'eioExecution',
    scope: { direction: 'incoming', kinds: ['mla'], legalBases: ['eu_eio'] },
    runs: ['in_execution', 'partially_executed'],
    before: ['registered', 'under_review', 'awaiting_information'],
    start: { from: 'firstMoveTo', status: 'in_execution' },
    rolls: true,
  }),
  rule({
    clock: 'eioExecution',
    scope: { direction: 'outgoing', kinds: ['mla'], legalBases: ['eu_eio'] },
    runs: ['in_execution', 'awaiting_information', 'partially_executed'],
    before: ['draft', 'under_review', 'sent'],
    start: { from: 'firstMoveTo', status: 'in_execution' },
    rolls: true,
  }),
  ...preservationRules('preservationEu', [
    { direction: 'incoming', legalBases: ['eu_e_evidence'] },
    { direction: 'outgoing', legalBases: ['eu_e_evidence'] },
  ]),
  ...preservationRules('preservationUs', [
    { direction: 'outgoing', countries: ['US'], notLegalBases: ['eu_e_evidence'] },
  ]),
  ...preservationRules('preservation', [
    { direction: 'incoming', notLegalBases: ['eu_e_evidence'] },
    { direction: 'outgoing', notLegalBases: ['eu_e_evidence'], notCountries: ['US'] },
  ]),
  rule({
    clock: 'acknowledgement',
    scope: { direction: 'outgoing' },
    runs: ['sent'],
    before: ['draft', 'under_review'],
    start: { from: 'lastStatus' },
  }),
  rule({
    clock: 'replyAbroad',
    scope: { direction: 'outgoing' },
    runs: ['sent', 'in_execution', 'partially_executed'],
    before: ['draft', 'under_review'],
    start: { from: 'lastActivity' },
  }),
  // The office asked the requesting state for more: the reply it waits for is theirs.
  rule({
    clock: 'replyAbroad',
    scope: { direction: 'incoming' },
    runs: ['awaiting_information'],
    start: { from: 'lastActivity' },
  }),
];

/** What a rule needs to know of a request to tell whether it applies. */
export interface ClockFacts {
  direction: Direction;
  kind: Kind;
  legalBasis: string | null;
  counterpartCountry: string;
}

export function ruleApplies(scope: ClockScope, r: ClockFacts): boolean {
  const basis = r.legalBasis as LegalBasis | null;
  return (
    scope.direction === r.direction &&
    (scope.kinds === undefined || scope.kinds.includes(r.kind)) &&
    (scope.legalBases === undefined || (basis !== null && scope.legalBases.includes(basis))) &&
    (scope.notLegalBases === undefined || basis === null || !scope.notLegalBases.includes(basis)) &&
    (scope.countries === undefined || scope.countries.includes(r.counterpartCountry)) &&
    (scope.notCountries === undefined || !scope.notCountries.includes(r.counterpartCountry))
  );
}

/** The rules that apply to a request, at most one per clock, in the order of CLOCK_IDS. */
export function rulesFor(r: ClockFacts): ClockRule[] {
  const found = CLOCK_RULES.filter((x) => ruleApplies(x.scope, r));
  return CLOCK_IDS.flatMap((id) => found.filter((x) => x.clock === id).slice(0, 1));
}
