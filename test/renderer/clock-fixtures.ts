import type { ComputedClock } from '../../contract/clock-results.ts';

/** A clock as the API returns it, running unless told otherwise. */
export function computedClock(overrides: Partial<ComputedClock> & Pick<ComputedClock, 'clock'>): ComputedClock {
  return {
    state: 'running',
    unit: 'calendar_days',
    length: 30,
    startedOn: '2026-03-02',
    startedAt: null,
    dueOn: '2026-04-01',
    dueAt: '2026-04-01T22:00:00.000Z',
    msLeft: 22 * 86_400_000,
    daysLeft: 22,
    estimated: false,
    stoppedOn: null,
    stopReason: null,
    extension: null,
    ...overrides,
  };
}

/** An emergency production order sent at 21:30 in Paris, due 8 real hours later (after the March change). */
export const emergencyOverdue = computedClock({
  clock: 'epoEmergency',
  state: 'overdue',
  unit: 'hours',
  length: 8,
  startedOn: '2026-03-28',
  startedAt: '2026-03-28T20:30:00.000Z',
  dueOn: '2026-03-29',
  dueAt: '2026-03-29T04:30:00.000Z',
  msLeft: -5 * 3_600_000,
  daysLeft: null,
});
