import { addCalendarDays } from '../../contract/clock-calendar.ts';
import type { Direction, Kind, LegalBasis, Status } from '../../contract/codes.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import type { Clock } from '../../db/clock.ts';
import type { Register } from '../../db/register.ts';
import { TEST_OVERRIDE } from './drafting.ts';
import { ACTOR, newRequest, transition } from './requests.ts';

/*
 * A register with every kind of legal clock in every state around a few "nows" in March to
 * June 2026: the EU instruments, preservations of each kind (dated, estimated, extended,
 * followed up), counterpart deadlines, requests sent and acknowledged, news from abroad.
 * Deterministic: the same requests every time.
 */

/** Each write is recorded at 10:15 UTC on the day it takes effect, so hour clocks have exact moments. */
const clockOn = (on: string): Clock => ({ at: `${on}T10:15:00.000Z`, today: '2026-12-31' });

/** The path each kind of request takes, as far as the workflow allows (db/workflow.ts). */
const PATHS: Record<Direction, Record<Kind, Status[]>> = {
  incoming: {
    mla: ['under_review', 'awaiting_information', 'under_review', 'in_execution', 'partially_executed', 'executed'],
    preservation: ['in_execution', 'executed'],
    disclosure: ['under_review', 'awaiting_information', 'under_review', 'in_execution', 'executed'],
    emergency_disclosure: ['under_review', 'in_execution', 'executed'],
  },
  outgoing: {
    mla: ['under_review', 'sent', 'in_execution', 'awaiting_information', 'in_execution', 'executed'],
    preservation: ['sent', 'in_execution', 'executed'],
    disclosure: ['sent', 'awaiting_information', 'sent', 'executed'],
    emergency_disclosure: ['sent', 'executed'],
  },
};

const BASES: Record<Kind, (LegalBasis | null)[]> = {
  mla: ['eu_eio', 'eu_eio', 'untoc', null],
  preservation: ['budapest', 'eu_e_evidence', null, 'budapest'],
  disclosure: ['eu_e_evidence', 'eu_e_evidence', 'budapest'],
  emergency_disclosure: ['eu_e_evidence', 'eu_e_evidence', 'reciprocity'],
};

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  return { next, int, pick };
}

/** Registers `count` varied requests (and links, events) opened from late 2025 to early March 2026. */
export async function seedClockRegister(register: Register, count: number, seed = 8): Promise<RequestDetail[]> {
  const rnd = random(seed);
  const made: RequestDetail[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = rnd.pick<Kind>(['mla', 'mla', 'preservation', 'preservation', 'disclosure', 'emergency_disclosure']);
    const direction = rnd.pick<Direction>(['incoming', 'outgoing']);
    const opened = addCalendarDays('2025-11-20', rnd.int(0, 105));
    const legalBasis = rnd.pick(BASES[kind]);
    const dated = kind === 'preservation' && rnd.next() < 0.4;
    let detail = await register.requests.register(
      newRequest({
        direction,
        kind,
        legalBasis,
        counterpartCountry: rnd.pick(['FR', 'US', 'DE', 'IE']),
        openedOn: opened,
        assignedTo: rnd.pick(['Chen Li', 'Dana Smith']),
        counterpartDeadline: rnd.next() < 0.25 ? addCalendarDays('2026-03-10', rnd.int(-40, 60)) : null,
        preservedUntil: dated ? addCalendarDays('2026-03-10', rnd.int(-30, 90)) : null,
      }),
      ACTOR,
      clockOn(opened),
    );
    let on = opened;
    const steps = rnd.int(0, PATHS[direction][kind].length);
    for (const to of PATHS[direction][kind].slice(0, steps)) {
      on = addCalendarDays(on, rnd.int(0, 20));
      if (on > '2026-03-10') break;
      const preserved = kind === 'preservation' && to === 'executed' ? addCalendarDays(on, rnd.int(30, 120)) : null;
      detail = await register.requests.move(
        transition({
          id: detail.id,
          to,
          on,
          preservedUntil: preserved,
          expectedVersion: detail.version,
          ...TEST_OVERRIDE,
        }),
        ACTOR,
        clockOn(on),
      );
    }
    if (rnd.next() < 0.2 && detail.status !== 'draft' && detail.closedOn === null && on < '2026-03-10') {
      const eventOn = addCalendarDays(on, rnd.int(1, 10));
      if (eventOn <= '2026-03-10') {
        detail = await register.requests.recordEvent(
          {
            id: detail.id,
            type: 'reminder_sent',
            on: eventOn,
            note: null,
            preservedUntil: null,
            expectedVersion: detail.version,
          },
          ACTOR,
          clockOn(eventOn),
        );
      }
    }
    made.push(detail);
  }
  // Some preservations are followed up by a request linked to them.
  const preservations = made.filter((r) => r.kind === 'preservation');
  for (const preserved of preservations.filter((_, i) => i % 4 === 0)) {
    const follower = await register.requests.register(
      newRequest({ direction: 'outgoing', kind: 'mla', counterpartCountry: 'FR' }),
      ACTOR,
      clockOn('2026-03-01'),
    );
    await register.requests.link(
      { id: follower.id, otherReference: preserved.reference, kind: 'follow_up' },
      ACTOR,
      clockOn('2026-03-01'),
    );
  }
  return made;
}
