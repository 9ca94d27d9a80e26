import { describe, expect, it } from 'vitest';
import {
  type ClockEnvironment,
  type ClockSubject,
  clockSubjectOf,
  requestClocks,
} from '../../contract/clock-compute.ts';
import type { ComputedClock } from '../../contract/clock-results.ts';
import type { ClockId } from '../../contract/clocks.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { type ClockSettings, DEFAULT_CLOCK_SETTINGS, DEFAULT_SETTINGS } from '../../contract/settings.ts';

const HOUR = 3_600_000;

function env(now: string, zone = 'Europe/Paris', settings: Partial<ClockSettings> = {}): ClockEnvironment {
  return {
    now: Date.parse(now),
    zone,
    reminders: DEFAULT_SETTINGS,
    settings: { ...DEFAULT_CLOCK_SETTINGS, ...settings },
  };
}

function subject(overrides: Partial<ClockSubject>): ClockSubject {
  return {
    direction: 'outgoing',
    kind: 'mla',
    legalBasis: null,
    counterpartCountry: 'FR',
    status: 'draft',
    openedOn: null,
    preservedUntil: null,
    counterpartDeadline: null,
    lastEventOn: null,
    history: [{ to: 'draft', on: '2026-01-05' }],
    followedUp: false,
    extensions: 0,
    ...overrides,
  };
}

function clockOf(s: ClockSubject, e: ClockEnvironment, id: ClockId): ComputedClock {
  const found = requestClocks(s, e).find((c) => c.clock === id);
  if (!found) throw new Error(`no ${id} clock`);
  return found;
}

const ids = (s: ClockSubject, e: ClockEnvironment) => requestClocks(s, e).map((c) => `${c.clock}:${c.state}`);

/** An incoming EIO received on `on`, still being decided. */
const incomingEio = (on: string): ClockSubject =>
  subject({
    direction: 'incoming',
    legalBasis: 'eu_eio',
    status: 'under_review',
    openedOn: on,
    history: [
      { to: 'registered', on },
      { to: 'under_review', on },
    ],
  });

describe('clocks counted in days: weekends, holidays and the end of the due day', () => {
  it('counts an EIO’s 30 days to decide from receipt, due at the end of the day in the office zone', () => {
    const c = clockOf(incomingEio('2026-03-02'), env('2026-03-10T09:00:00Z'), 'eioDecision');
    expect(c).toMatchObject({ state: 'running', unit: 'calendar_days', length: 30, startedOn: '2026-03-02' });
    expect(c.dueOn).toBe('2026-04-01');
    // Midnight at the end of 1 April in Paris (summer time by then): 22:00 UTC.
    expect(c.dueAt).toBe('2026-04-01T22:00:00.000Z');
    expect(c.daysLeft).toBe(22);
  });

  it('moves a due date that falls on a Saturday or Sunday to the Monday', () => {
    // Received on Friday 6 March: 30 days end on Sunday 5 April.
    const c = clockOf(incomingEio('2026-03-06'), env('2026-03-10T09:00:00Z'), 'eioDecision');
    expect(c.dueOn).toBe('2026-04-06');
  });

  it('keeps a Sunday due date in a Friday–Saturday week, and moves a Friday one to the Sunday', () => {
    const friSat = env('2026-03-10T09:00:00Z', 'Asia/Riyadh', { weekendDays: [5, 6] });
    expect(clockOf(incomingEio('2026-03-06'), friSat, 'eioDecision').dueOn).toBe('2026-04-05');
    // Received on Wednesday 4 March: 30 days end on Friday 3 April.
    expect(clockOf(incomingEio('2026-03-04'), friSat, 'eioDecision').dueOn).toBe('2026-04-05');
  });

  it('moves a due date off a public holiday, and past the weekend after it', () => {
    const easter = env('2026-03-10T09:00:00Z', 'Europe/Paris', { holidays: ['2026-04-01', '2026-04-03'] });
    // Due Wednesday 1 April (a holiday): Thursday 2.
    expect(clockOf(incomingEio('2026-03-02'), easter, 'eioDecision').dueOn).toBe('2026-04-02');
    // Due Friday 3 April (a holiday), then the weekend: Monday 6.
    expect(clockOf(incomingEio('2026-03-04'), easter, 'eioDecision').dueOn).toBe('2026-04-06');
  });

  it('counts working days when the office sets the clock so, skipping weekends and holidays', () => {
    const working = env('2026-03-10T09:00:00Z', 'Europe/Paris', {
      lengths: { ...DEFAULT_CLOCK_SETTINGS.lengths, eioDecision: { length: 10, unit: 'working_days' } },
      holidays: ['2026-03-16'],
    });
    const c = clockOf(incomingEio('2026-03-06'), working, 'eioDecision');
    expect(c).toMatchObject({ unit: 'working_days', length: 10, dueOn: '2026-03-23' });
  });

  it('does not move the office’s own reminder times or a preservation’s end off a weekend', () => {
    // Sent on Friday 6 March: the acknowledgement is due 30 days later, Sunday 5 April.
    const sent = subject({
      status: 'sent',
      openedOn: '2026-03-06',
      history: [
        { to: 'draft', on: '2026-03-01' },
        { to: 'sent', on: '2026-03-06' },
      ],
    });
    expect(clockOf(sent, env('2026-03-10T09:00:00Z'), 'acknowledgement').dueOn).toBe('2026-04-05');
  });

  it('is due soon within the warning days, due today on its day, and overdue from the next day', () => {
    const s = incomingEio('2026-03-02'); // due 1 April
    expect(clockOf(s, env('2026-03-24T10:00:00Z'), 'eioDecision')).toMatchObject({ state: 'running', daysLeft: 8 });
    expect(clockOf(s, env('2026-03-25T10:00:00Z'), 'eioDecision')).toMatchObject({ state: 'dueSoon', daysLeft: 7 });
    // 23:30 in Paris on the due day: still due, half an hour left.
    const last = clockOf(s, env('2026-04-01T21:30:00Z'), 'eioDecision');
    expect(last).toMatchObject({ state: 'dueSoon', daysLeft: 0, msLeft: HOUR / 2 });
    const late = clockOf(s, env('2026-04-01T22:00:00Z'), 'eioDecision');
    expect(late).toMatchObject({ state: 'overdue', daysLeft: -1, msLeft: 0 });
  });

  it('counts the day in the office zone: Tokyo’s 1 April has begun while Paris is still on 31 March', () => {
    const s = incomingEio('2026-03-02');
    const at = '2026-03-31T20:00:00Z';
    expect(clockOf(s, env(at, 'Europe/Paris'), 'eioDecision').daysLeft).toBe(1);
    expect(clockOf(s, env(at, 'Asia/Tokyo'), 'eioDecision')).toMatchObject({
      daysLeft: 0,
      dueAt: '2026-04-01T15:00:00.000Z',
    });
  });
});

/** An outgoing emergency production order sent at `at`, recorded on office day `on`. */
const emergency = (at: string, on: string): ClockSubject =>
  subject({
    kind: 'emergency_disclosure',
    legalBasis: 'eu_e_evidence',
    status: 'sent',
    openedOn: on,
    history: [
      { to: 'draft', on: '2026-03-01', at: '2026-03-01T08:00:00.000Z' },
      { to: 'sent', on, at },
    ],
  });

describe('clocks counted in hours: from the recorded moment, across midnight and daylight saving', () => {
  it('runs 8 hours from the moment it was sent, across midnight and the March change in Paris', () => {
    // Sent at 21:30 in Paris on Saturday 28 March; clocks go forward at 02:00 that night.
    const s = emergency('2026-03-28T20:30:00.000Z', '2026-03-28');
    const c = clockOf(s, env('2026-03-28T21:00:00Z'), 'epoEmergency');
    expect(c).toMatchObject({ unit: 'hours', length: 8, startedAt: '2026-03-28T20:30:00.000Z', state: 'running' });
    // 8 real hours: 04:30 UTC, which reads 06:30 in Paris (not 05:30) on the next day.
    expect(c.dueAt).toBe('2026-03-29T04:30:00.000Z');
    expect(c.dueOn).toBe('2026-03-29');
    expect(c.daysLeft).toBeNull();
  });

  it('runs 8 real hours across the October change too', () => {
    const s = emergency('2026-10-24T22:30:00.000Z', '2026-10-25'); // 00:30 in Paris, summer time
    expect(clockOf(s, env('2026-10-24T23:00:00Z'), 'epoEmergency').dueAt).toBe('2026-10-25T06:30:00.000Z');
  });

  it('is due soon in its last two hours and says by how much it is overdue', () => {
    const s = emergency('2026-03-10T08:00:00.000Z', '2026-03-10');
    expect(clockOf(s, env('2026-03-10T13:00:00Z'), 'epoEmergency')).toMatchObject({
      state: 'running',
      msLeft: 3 * HOUR,
    });
    expect(clockOf(s, env('2026-03-10T14:30:00Z'), 'epoEmergency')).toMatchObject({ state: 'dueSoon' });
    expect(clockOf(s, env('2026-03-10T21:00:00Z'), 'epoEmergency')).toMatchObject({
      state: 'overdue',
      msLeft: -5 * HOUR,
    });
  });

  it('takes the exact moment for a request from another zone, and shows its due day in the office zone', () => {
    // Received from Tokyo and registered at 02:00 UTC: 22:00 on 9 March in New York, 11:00 on 10 March in Tokyo.
    const received = (on: string) =>
      subject({
        direction: 'incoming',
        kind: 'emergency_disclosure',
        legalBasis: 'eu_e_evidence',
        counterpartCountry: 'JP',
        status: 'registered',
        openedOn: on,
        history: [{ to: 'registered', on, at: '2026-03-10T02:00:00.000Z' }],
      });
    const newYork = clockOf(received('2026-03-09'), env('2026-03-10T03:00:00Z', 'America/New_York'), 'epoEmergency');
    expect(newYork).toMatchObject({
      startedAt: '2026-03-10T02:00:00.000Z',
      dueAt: '2026-03-10T10:00:00.000Z',
      dueOn: '2026-03-10',
    });
    const tokyo = clockOf(received('2026-03-10'), env('2026-03-10T03:00:00Z', 'Asia/Tokyo'), 'epoEmergency');
    expect(tokyo).toMatchObject({ dueAt: '2026-03-10T10:00:00.000Z', dueOn: '2026-03-10' });
  });

  it('counts from the start of the effective day when the change was recorded on a later day', () => {
    // Entered on 12 March that it was sent on 10 March: the hour is unknown, so from 00:00 in Paris.
    const s = emergency('2026-03-12T09:00:00.000Z', '2026-03-10');
    expect(clockOf(s, env('2026-03-12T10:00:00Z'), 'epoEmergency')).toMatchObject({
      startedAt: '2026-03-09T23:00:00.000Z',
      dueAt: '2026-03-10T07:00:00.000Z',
      state: 'overdue',
    });
  });
});

describe('what starts and stops each clock', () => {
  const now = env('2026-03-10T09:00:00Z');

  it('shows an outgoing draft’s clocks as still to start', () => {
    expect(ids(subject({}), now)).toEqual(['acknowledgement:pending', 'replyAbroad:pending']);
    expect(ids(subject({ kind: 'emergency_disclosure', legalBasis: 'eu_e_evidence' }), now)).toEqual([
      'epoEmergency:pending',
      'acknowledgement:pending',
      'replyAbroad:pending',
    ]);
  });

  it('stops the acknowledgement clock when the request is acknowledged, and keeps the reply clock running', () => {
    const s = subject({
      status: 'in_execution',
      openedOn: '2026-02-02',
      history: [
        { to: 'draft', on: '2026-01-20' },
        { to: 'under_review', on: '2026-01-25' },
        { to: 'sent', on: '2026-02-02' },
        { to: 'in_execution', on: '2026-02-20' },
      ],
    });
    expect(clockOf(s, now, 'acknowledgement')).toMatchObject({
      state: 'stopped',
      stoppedOn: '2026-02-20',
      stopReason: 'status',
    });
    // The reply clock starts again with each status change: 90 days from 20 February.
    expect(clockOf(s, now, 'replyAbroad')).toMatchObject({
      state: 'running',
      startedOn: '2026-02-20',
      dueOn: '2026-05-21',
    });
  });

  it('starts the reply clock again with news from abroad, not with an internal note', () => {
    const s = subject({
      status: 'sent',
      openedOn: '2025-11-01',
      lastEventOn: '2026-01-15',
      history: [
        { to: 'draft', on: '2025-10-20' },
        { to: 'under_review', on: '2025-10-25' },
        { to: 'sent', on: '2025-11-01' },
      ],
    });
    expect(clockOf(s, now, 'replyAbroad')).toMatchObject({ startedOn: '2026-01-15', dueOn: '2026-04-15' });
    // The acknowledgement is another matter: 30 days from sending, long past.
    expect(clockOf(s, now, 'acknowledgement')).toMatchObject({ state: 'overdue', dueOn: '2025-12-01' });
  });

  it('counts an EIO’s 90 days of execution from the decision to execute, through partial execution', () => {
    const s = subject({
      direction: 'incoming',
      legalBasis: 'eu_eio',
      status: 'partially_executed',
      openedOn: '2026-01-05',
      history: [
        { to: 'registered', on: '2026-01-05' },
        { to: 'under_review', on: '2026-01-06' },
        { to: 'in_execution', on: '2026-01-20' },
        { to: 'partially_executed', on: '2026-03-01' },
      ],
    });
    expect(clockOf(s, now, 'eioDecision')).toMatchObject({ state: 'stopped', stoppedOn: '2026-01-20' });
    expect(clockOf(s, now, 'eioExecution')).toMatchObject({
      state: 'running',
      startedOn: '2026-01-20',
      dueOn: '2026-04-20',
    });
  });

  it('shows a counterpart deadline only when there is one, and stops it when the request closes', () => {
    const open = incomingEio('2026-03-02');
    expect(ids(open, now)).not.toContain('counterpartDeadline:running');
    const dated = { ...open, counterpartDeadline: '2026-03-15' };
    expect(clockOf(dated, now, 'counterpartDeadline')).toMatchObject({
      state: 'dueSoon',
      unit: 'date',
      dueOn: '2026-03-15',
      daysLeft: 5,
    });
    const closed: ClockSubject = {
      ...dated,
      status: 'refused',
      history: [...dated.history, { to: 'refused', on: '2026-03-09' }],
    };
    expect(clockOf(closed, now, 'counterpartDeadline')).toMatchObject({ state: 'stopped', stoppedOn: '2026-03-09' });
  });

  it('applies none of the EU clocks to requests on other legal bases', () => {
    const s = { ...incomingEio('2026-03-02'), legalBasis: 'untoc' };
    expect(ids(s, now)).toEqual([]);
  });
});

describe('preservations: the recorded date, or an estimate by legal basis and provider', () => {
  const now = env('2026-03-10T09:00:00Z');
  const preservation = (overrides: Partial<ClockSubject>): ClockSubject =>
    subject({
      kind: 'preservation',
      status: 'sent',
      openedOn: '2026-02-01',
      history: [
        { to: 'draft', on: '2026-01-30' },
        { to: 'sent', on: '2026-02-01' },
      ],
      ...overrides,
    });

  it('runs to the recorded preserved-until date', () => {
    const c = clockOf(preservation({ status: 'executed', preservedUntil: '2026-03-20' }), now, 'preservation');
    expect(c).toMatchObject({ state: 'dueSoon', unit: 'date', dueOn: '2026-03-20', estimated: false, length: null });
  });

  it('estimates 60 days under the Budapest Convention, 90 for a US provider, 60 for a European Preservation Order', () => {
    const budapest = clockOf(preservation({ legalBasis: 'budapest' }), now, 'preservation');
    expect(budapest).toMatchObject({
      estimated: true,
      length: 60,
      dueOn: '2026-04-02',
      extension: { days: 60, left: null },
    });
    const us = clockOf(preservation({ counterpartCountry: 'US', legalBasis: 'budapest' }), now, 'preservationUs');
    expect(us).toMatchObject({ estimated: true, length: 90, dueOn: '2026-05-02', extension: { days: 90, left: 1 } });
    const eu = clockOf(preservation({ legalBasis: 'eu_e_evidence', counterpartCountry: 'IE' }), now, 'preservationEu');
    expect(eu).toMatchObject({ length: 60, dueOn: '2026-04-02', extension: { days: 30, left: 1 } });
    expect(ids(preservation({ counterpartCountry: 'US', legalBasis: 'budapest' }), now)).not.toContain(
      'preservation:running',
    );
  });

  it('counts the extensions already used', () => {
    const c = clockOf(
      preservation({ counterpartCountry: 'US', extensions: 1, preservedUntil: '2026-07-31' }),
      now,
      'preservationUs',
    );
    expect(c.extension).toEqual({ days: 90, left: 0 });
  });

  it('stops when a follow-up request is linked to it, or when it lapses', () => {
    const followed = clockOf(preservation({ preservedUntil: '2026-03-20', followedUp: true }), now, 'preservation');
    expect(followed).toMatchObject({ state: 'stopped', stopReason: 'followUp', dueOn: '2026-03-20' });
    const lapsed = preservation({
      status: 'lapsed',
      history: [
        { to: 'draft', on: '2026-01-30' },
        { to: 'sent', on: '2026-02-01' },
        { to: 'lapsed', on: '2026-03-05' },
      ],
    });
    expect(clockOf(lapsed, now, 'preservation')).toMatchObject({ state: 'stopped', stoppedOn: '2026-03-05' });
  });

  it('waits for the draft to be sent', () => {
    expect(clockOf(preservation({ status: 'draft', openedOn: null }), now, 'preservation').state).toBe('pending');
  });
});

describe('a request as the API returns it', () => {
  it('reads its history, news, follow-ups and extensions', () => {
    const detail = {
      direction: 'outgoing',
      kind: 'preservation',
      legalBasis: 'budapest',
      counterpartCountry: 'US',
      status: 'executed',
      openedOn: '2026-02-01',
      preservedUntil: '2026-05-01',
      counterpartDeadline: null,
      history: [
        {
          id: 1,
          recordedAt: '2026-02-01T10:00:00.000Z',
          effectiveOn: '2026-02-01',
          actor: 'a',
          fromStatus: null,
          toStatus: 'sent',
          note: null,
        },
      ],
      events: [
        {
          id: 1,
          recordedAt: 'x',
          effectiveOn: '2026-02-10',
          actor: 'a',
          type: 'preservation_extended',
          note: null,
          details: {},
        },
        { id: 2, recordedAt: 'x', effectiveOn: '2026-03-01', actor: 'a', type: 'note', note: 'n', details: {} },
      ],
      links: [
        {
          id: 1,
          kind: 'follow_up',
          side: 'from',
          other: { id: 2, reference: 'R', direction: 'outgoing', kind: 'mla', status: 'draft' },
        },
      ],
    } as unknown as RequestDetail;
    expect(clockSubjectOf(detail)).toMatchObject({
      history: [{ to: 'sent', on: '2026-02-01', at: '2026-02-01T10:00:00.000Z' }],
      lastEventOn: '2026-02-10',
      followedUp: true,
      extensions: 1,
    });
  });
});
