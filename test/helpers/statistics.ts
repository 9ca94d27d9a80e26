import fs from 'node:fs';
import path from 'node:path';
import type { YearFigures } from '../../contract/statistics.ts';

export const statsFixture = (year: number): YearFigures =>
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, `../fixtures/register-sample.stats-${year}.json`), 'utf8'),
  ) as YearFigures;

type Json = null | number | string | boolean | Json[] | { [key: string]: Json };

/**
 * Figures with what the spec lets be left out taken away: zero entries of breakdowns (and of
 * byCountry, a country whose three counts are zero) and groups where nothing was opened,
 * closed or pending. Groups sorted, so two computations can be compared as values.
 */
export function normalised(figures: YearFigures): Json {
  const clean = (value: Json): Json => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
      const c = clean(v);
      if (c === 0 && !['opened', 'closed', 'pendingEnd', 'pendingStart', 'reopened', 'n'].includes(k)) continue;
      if (c !== null && typeof c === 'object' && !Array.isArray(c) && Object.values(c).every((x) => x === 0)) continue;
      out[k] = c;
    }
    return out;
  };
  const groups = figures.groups
    .filter((g) => g.opened + g.closed + g.pendingStart + g.pendingEnd + g.reopened > 0)
    .map((g) => clean(g as unknown as Json))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { year: figures.year, groups };
}

import { isClosedStatus, type Status } from '../../contract/codes.ts';
import type { NewRequest, RequestDetail } from '../../contract/requests.ts';
import type { Clock } from '../../db/clock.ts';
import type { Register } from '../../db/register.ts';
import { allowedMoves } from '../../db/workflow.ts';
import { TEST_OVERRIDE } from './drafting.ts';
import { ACTOR, newRequest, transition } from './requests.ts';

/** A day after every date the statistics tests use, so none is "in the future". */
export const STATS_CLOCK: Clock = { at: '2026-11-20T09:00:00.000Z', today: '2026-11-20' };

/** Moves a request with what each move needs (a note, grounds, a preserved-until day, a reason to leave incomplete). */
export function moveTo(register: Register, r: RequestDetail, to: Status, on: string): Promise<RequestDetail> {
  return register.requests.move(
    transition({
      id: r.id,
      to,
      on,
      note: 'test',
      refusalGrounds: to === 'refused' ? ['dual_criminality'] : [],
      preservedUntil: on,
      ...TEST_OVERRIDE,
      expectedVersion: r.version,
    }),
    ACTOR,
    STATS_CLOCK,
  );
}

/** A request transmitted on `openedOn` (an outgoing draft is moved on until it is sent). */
export async function openedRequest(
  register: Register,
  openedOn: string,
  overrides: Partial<NewRequest> = {},
): Promise<RequestDetail> {
  let r = await register.requests.register(newRequest({ openedOn, ...overrides }), ACTOR, STATS_CLOCK);
  for (const step of ['under_review', 'sent'] as const) {
    if (r.status === 'draft' || r.status === 'under_review') {
      const moves = allowedMoves(r.direction, r.kind, r.status).map((m) => m.to);
      if (moves.includes('sent')) r = await moveTo(register, r, 'sent', openedOn);
      else if (step === 'under_review' && moves.includes('under_review'))
        r = await moveTo(register, r, 'under_review', openedOn);
    }
  }
  return r;
}

/** Closes an open request (to its n-th possible ending) or reopens a closed one. */
export function closeOrReopen(register: Register, r: RequestDetail, on: string, n = 0): Promise<RequestDetail> {
  const moves = allowedMoves(r.direction, r.kind, r.status);
  const targets = isClosedStatus(r.status)
    ? moves.filter((m) => m.reopening)
    : moves.filter((m) => isClosedStatus(m.to));
  const target = targets[n % targets.length];
  if (!target) throw new Error(`no move from ${r.status}`);
  return moveTo(register, r, target.to, on);
}
