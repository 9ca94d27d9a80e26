import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../contract/clock-calendar.ts';
import { type ClockEnvironment, clockSubjectOf, requestClocks, todayOf } from '../../contract/clock-compute.ts';
import type { ComputedClock } from '../../contract/clock-results.ts';
import { isPreservationClock } from '../../contract/clocks.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { type ClockSettings, DEFAULT_CLOCK_SETTINGS, DEFAULT_SETTINGS } from '../../contract/settings.ts';
import { dueClocks } from '../../db/clocks/due.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open.ts';
import * as schema from '../../db/schema/index.ts';
import type { Db } from '../../db/types.ts';
import type { RequestScope } from '../../db/requests/scope.ts';
import type { Register } from '../../db/register.ts';
import { seedClockRegister } from '../helpers/clock-register.ts';
import { TEST_OVERRIDE } from '../helpers/drafting.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { ACTOR, CLOCK, listQuery, newRequest, transition } from '../helpers/requests.ts';
import { MIGRATIONS, tempRegister } from '../helpers/temp-register.ts';

/*
 * The Today dashboard finds the clocks due with indexed queries (db/clocks/branches.ts) instead
 * of computing every request's clocks; the request screen computes them in TypeScript
 * (contract/clock-compute.ts). Here both are run on a varied register at several moments and
 * with several settings, and must agree: the same counts, and the same first clocks.
 */

let register: Register;
let requests: RequestDetail[];
let opened: OpenedDatabase;
let db: Db;

beforeAll(async () => {
  register = tempRegister();
  await seedClockRegister(register, 260);
  // Every request as the screen reads it (the followers linked to preservations included).
  const all = await register.requests.list(listQuery({ limit: 500 }), CLOCK.today);
  requests = await Promise.all(all.rows.map((r) => register.requests.get(r.id)));
  // A second connection to the same file, to call the store's function with settings of its own.
  opened = openDatabase({ file: register.location, migrationsFolder: MIGRATIONS });
  db = drizzle({ client: opened.sqlite, schema });
}, 120_000);

afterAll(() => opened?.close());

function env(now: string, zone: string, settings: Partial<ClockSettings> = {}): ClockEnvironment {
  return {
    now: Date.parse(now),
    zone,
    reminders: DEFAULT_SETTINGS,
    settings: { ...DEFAULT_CLOCK_SETTINGS, ...settings },
  };
}

/** What the dashboard should say, from every request's clocks computed one by one. */
function expected(e: ClockEnvironment, scope: RequestScope | null) {
  const today = todayOf(e);
  const floor = addCalendarDays(today, -e.reminders.preservationWarningDays);
  const found: { id: number; clock: ComputedClock }[] = [];
  for (const r of requests) {
    if (scope && r.assignedTo !== scope.officer) continue;
    for (const clock of requestClocks(clockSubjectOf(r), e)) {
      if (clock.state !== 'overdue' && clock.state !== 'dueSoon') continue;
      // Preservations released longer ago than the warning time are left out (branches.ts).
      if (isPreservationClock(clock.clock) && (clock.dueOn ?? '') < floor) continue;
      found.push({ id: r.id, clock });
    }
  }
  found.sort((a, b) => (a.clock.msLeft ?? 0) - (b.clock.msLeft ?? 0) || a.id - b.id);
  return {
    overdue: found.filter((f) => f.clock.state === 'overdue').length,
    dueSoon: found.filter((f) => f.clock.state === 'dueSoon').length,
    found,
  };
}

const MOMENTS: [string, ClockEnvironment][] = [
  ['the seeding day, in Paris', env('2026-03-10T09:30:00Z', 'Europe/Paris')],
  ['a late evening in Tokyo, whose day has moved on', env('2026-03-10T16:30:00Z', 'Asia/Tokyo')],
  ['the night of the March change in Paris', env('2026-03-29T01:30:00Z', 'Europe/Paris')],
  ['an April morning in New York', env('2026-04-14T12:00:00Z', 'America/New_York')],
  [
    'working days in a Friday–Saturday week with holidays',
    env('2026-04-02T08:00:00Z', 'Asia/Riyadh', {
      weekendDays: [5, 6],
      holidays: ['2026-03-20', '2026-03-21', '2026-03-22', '2026-04-05'],
      lengths: {
        ...DEFAULT_CLOCK_SETTINGS.lengths,
        eioDecision: { length: 20, unit: 'working_days' },
        eioExecution: { length: 40, unit: 'working_days' },
        epoProduction: { length: 7, unit: 'working_days' },
        epoEmergency: { length: 30, unit: 'hours' },
        preservation: { length: 120, unit: 'calendar_days' },
      },
      warningDays: 3,
      warningHours: 6,
    }),
  ],
  ['a June afternoon, long warning times', env('2026-06-01T15:00:00Z', 'UTC', { warningDays: 30, warningHours: 48 })],
];

describe('the Today dashboard’s clocks agree with each request’s own', () => {
  it('finds a register with clocks of every kind to compare', () => {
    const all = requests.flatMap((r) => requestClocks(clockSubjectOf(r), MOMENTS[0]![1]).map((c) => c.clock));
    for (const id of [
      'epoEmergency',
      'epoProduction',
      'eioDecision',
      'eioExecution',
      'preservation',
      'preservationUs',
      'preservationEu',
      'acknowledgement',
      'replyAbroad',
      'counterpartDeadline',
    ]) {
      expect(all).toContain(id);
    }
  });

  for (const [name, e] of MOMENTS) {
    it(`counts and lists the same clocks: ${name}`, () => {
      const want = expected(e, null);
      const got = dueClocks(db, e, null, 25);
      expect(want.overdue + want.dueSoon).toBeGreaterThan(0);
      expect({ overdue: got.overdue, dueSoon: got.dueSoon }).toEqual({ overdue: want.overdue, dueSoon: want.dueSoon });
      const listed = got.requests.flatMap((r) => r.clocks.map((clock) => ({ id: r.id, clock })));
      expect(listed).toHaveLength(Math.min(25, want.found.length));
      // Grouped by request in order of first appearance, so compare as sets of (request, clock, due).
      const key = (f: { id: number; clock: ComputedClock }) => `${f.id} ${f.clock.clock} ${f.clock.dueAt}`;
      expect(new Set(listed.map(key))).toEqual(new Set(want.found.slice(0, 25).map(key)));
      expect(got.requests.map((r) => r.id)).toEqual([...new Set(want.found.slice(0, 25).map((f) => f.id))]);
    });
  }

  it('counts and lists only the requests in a prosecutor’s scope', () => {
    const e = MOMENTS[0]![1];
    const scope = { officer: 'Chen Li', authority: null };
    const want = expected(e, scope);
    const got = dueClocks(db, e, scope, 500);
    expect({ overdue: got.overdue, dueSoon: got.dueSoon }).toEqual({ overdue: want.overdue, dueSoon: want.dueSoon });
    const mine = new Set(requests.filter((r) => r.assignedTo === 'Chen Li').map((r) => r.id));
    expect(got.requests.every((r) => mine.has(r.id))).toBe(true);
    expect(got.shown).toBe(want.found.length);
  });

  it('says when and on whose calendar it read the clocks', () => {
    const got = dueClocks(db, MOMENTS[1]![1], null, 5);
    expect(got).toMatchObject({ now: '2026-03-10T16:30:00.000Z', today: '2026-03-11', timeZone: 'Asia/Tokyo' });
  });
});

describe('the clock store', () => {
  it('reads the office zone and the settings as stored', async () => {
    const fresh = tempRegister();
    await fresh.clocks.updateSettings({ timeZone: 'Asia/Tokyo', warningDays: 3 }, ACTOR, CLOCK);
    expect(await fresh.clocks.officeDay(new Date('2026-03-10T16:30:00Z'))).toBe('2026-03-11');
    const due = await fresh.clocks.due(new Date('2026-03-10T16:30:00Z'), null);
    expect(due).toMatchObject({ timeZone: 'Asia/Tokyo', today: '2026-03-11', overdue: 0, dueSoon: 0, requests: [] });
  });
});

describe('the Today dashboard’s clocks, case by case', () => {
  it('lists an emergency production order in its last hours, with the hours it has left', async () => {
    const fresh = tempRegister();
    await fresh.clocks.updateSettings({ timeZone: 'Europe/Paris' }, ACTOR, CLOCK);
    const draft = await fresh.requests.register(
      newRequest({
        direction: 'outgoing',
        kind: 'emergency_disclosure',
        legalBasis: 'eu_e_evidence',
        counterpartCountry: 'IE',
      }),
      ACTOR,
      CLOCK,
    );
    // Sent at 21:30 in Paris on Saturday 28 March, the night the clocks go forward.
    await fresh.requests.move(
      transition({ id: draft.id, to: 'sent', on: '2026-03-28', expectedVersion: draft.version, ...TEST_OVERRIDE }),
      ACTOR,
      { at: '2026-03-28T20:30:00.000Z', today: '2026-03-28' },
    );
    const early = await fresh.clocks.due(new Date('2026-03-28T23:00:00Z'), null);
    expect(early).toMatchObject({ overdue: 0, dueSoon: 0 });
    const late = await fresh.clocks.due(new Date('2026-03-29T03:00:00Z'), null);
    expect(late).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(late.requests[0]?.clocks[0]).toMatchObject({
      clock: 'epoEmergency',
      state: 'dueSoon',
      dueAt: '2026-03-29T04:30:00.000Z',
      msLeft: 90 * 60_000,
    });
    const past = await fresh.clocks.due(new Date('2026-03-29T09:30:00Z'), null);
    expect(past).toMatchObject({ overdue: 1, dueSoon: 0 });
    expect(past.requests[0]?.clocks[0]?.msLeft).toBe(-5 * 3_600_000);
  });

  it('lists a preservation released within the warning time, and drops it once that has passed', async () => {
    const fresh = tempRegister();
    await fresh.clocks.updateSettings({ timeZone: 'UTC' }, ACTOR, CLOCK);
    await seedRequest(fresh, { kind: 'preservation', legalBasis: 'budapest', preservedUntil: '2026-03-09' }, [
      ['in_execution', '2026-03-02'],
    ]);
    const at = (day: string) => fresh.clocks.due(new Date(`${day}T12:00:00Z`), null);
    expect(await at('2026-03-01')).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(await at('2026-03-23')).toMatchObject({ overdue: 1, dueSoon: 0 }); // released 14 days ago
    expect(await at('2026-03-24')).toMatchObject({ overdue: 0, dueSoon: 0 });
  });

  it('says nothing of a request whose clocks are far off or stopped', async () => {
    const fresh = tempRegister();
    await fresh.clocks.updateSettings({ timeZone: 'UTC' }, ACTOR, CLOCK);
    await seedRequest(fresh, { direction: 'outgoing' }, [
      ['under_review', '2026-03-01'],
      ['sent', '2026-03-02'],
      ['in_execution', '2026-03-05'],
    ]);
    expect(await fresh.clocks.due(new Date('2026-03-10T12:00:00Z'), null)).toMatchObject({
      overdue: 0,
      dueSoon: 0,
      requests: [],
      shown: 0,
    });
  });
});
