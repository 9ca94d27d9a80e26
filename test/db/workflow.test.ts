import { describe, expect, it } from 'vitest';
import {
  CLOSED_STATUSES,
  DIRECTIONS,
  KINDS,
  STATUSES,
  type Direction,
  type Kind,
  type Status,
} from '../../contract/codes.ts';
import { allowedMoves, findMove, startStatus } from '../../db/workflow.ts';

/*
 * The expected workflows, written out by hand from shared/docs/domain.md and db/workflow.ts.
 * One string per from-status lists every allowed target:
 *   `to`    a plain move (needs nothing but a date)
 *   `to!n`  needs a note (suspending, resuming, leaving "suspended")
 *   `to!g`  needs refusal grounds
 *   `to!u`  needs the preserved-until date (a preservation carried out)
 *   `^to`   reopening a closed request (needs a note)
 * A status missing from a table allows no move at all.
 */
type Table = Partial<Record<Status, string>>;

const REOPEN_UNDER_REVIEW_OR_EXECUTION = '^under_review ^in_execution';

const INCOMING_MLA: Table = {
  registered: 'under_review suspended!n refused!g withdrawn lapsed',
  under_review: 'awaiting_information in_execution suspended!n refused!g withdrawn lapsed',
  awaiting_information: 'under_review suspended!n refused!g withdrawn lapsed',
  in_execution: 'partially_executed executed executed_in_part suspended!n refused!g withdrawn lapsed',
  partially_executed: 'executed executed_in_part suspended!n refused!g withdrawn lapsed',
  // Without a history to say where it was, back to any status it could be suspended from.
  suspended:
    'registered!n under_review!n awaiting_information!n in_execution!n partially_executed!n refused!g withdrawn!n lapsed!n',
  executed: REOPEN_UNDER_REVIEW_OR_EXECUTION,
  executed_in_part: REOPEN_UNDER_REVIEW_OR_EXECUTION,
  refused: REOPEN_UNDER_REVIEW_OR_EXECUTION,
  withdrawn: REOPEN_UNDER_REVIEW_OR_EXECUTION,
  lapsed: REOPEN_UNDER_REVIEW_OR_EXECUTION,
};

const reopenOnly = (to: Status): Table => Object.fromEntries(CLOSED_STATUSES.map((s) => [s, `^${to}`])) as Table;

const OUTGOING_MLA: Table = {
  draft: 'under_review withdrawn',
  under_review: 'draft sent withdrawn',
  sent: 'in_execution awaiting_information refused!g withdrawn lapsed',
  in_execution: 'awaiting_information partially_executed executed executed_in_part refused!g withdrawn lapsed',
  awaiting_information: 'in_execution refused!g withdrawn lapsed',
  partially_executed: 'awaiting_information executed executed_in_part refused!g withdrawn lapsed',
  ...reopenOnly('in_execution'),
};

const INCOMING_PRESERVATION: Table = {
  registered: 'in_execution refused!g withdrawn lapsed',
  in_execution: 'executed!u executed_in_part!u refused!g withdrawn lapsed',
  ...reopenOnly('in_execution'),
};

const OUTGOING_PRESERVATION: Table = {
  draft: 'sent withdrawn',
  sent: 'in_execution executed!u executed_in_part!u refused!g withdrawn lapsed',
  in_execution: 'executed!u executed_in_part!u suspended!n refused!g withdrawn lapsed',
  suspended: 'in_execution!n refused!g withdrawn!n lapsed!n',
  ...reopenOnly('in_execution'),
};

const INCOMING_DISCLOSURE: Table = {
  registered: 'under_review refused!g withdrawn lapsed',
  under_review: 'awaiting_information in_execution refused!g withdrawn lapsed',
  awaiting_information: 'under_review refused!g withdrawn lapsed',
  in_execution: 'executed executed_in_part refused!g withdrawn lapsed',
  ...reopenOnly('in_execution'),
};

const OUTGOING_DISCLOSURE: Table = {
  draft: 'sent withdrawn',
  sent: 'awaiting_information executed executed_in_part refused!g withdrawn lapsed',
  awaiting_information: 'sent refused!g withdrawn lapsed',
  ...reopenOnly('sent'),
};

const EXPECTED: Record<Direction, Record<Kind, Table>> = {
  incoming: {
    mla: INCOMING_MLA,
    preservation: INCOMING_PRESERVATION,
    disclosure: INCOMING_DISCLOSURE,
    emergency_disclosure: INCOMING_DISCLOSURE,
  },
  outgoing: {
    mla: OUTGOING_MLA,
    preservation: OUTGOING_PRESERVATION,
    disclosure: OUTGOING_DISCLOSURE,
    emergency_disclosure: OUTGOING_DISCLOSURE,
  },
};

interface ExpectedMove {
  to: Status;
  needs: string[];
  reopening: boolean;
}

function parseTargets(spec: string | undefined): ExpectedMove[] {
  if (!spec) return [];
  return spec.split(/\s+/).map((token) => {
    const reopening = token.startsWith('^');
    const [to, need] = token.replace(/^\^/, '').split('!') as [Status, string | undefined];
    const needs =
      reopening || need === 'n' ? ['note'] : need === 'g' ? ['refusalGrounds'] : need === 'u' ? ['preservedUntil'] : [];
    return { to, needs, reopening };
  });
}

const isClosed = (s: Status) => (CLOSED_STATUSES as readonly Status[]).includes(s);

const byTarget = (a: { to: string }, b: { to: string }) => a.to.localeCompare(b.to);

const cases = DIRECTIONS.flatMap((direction) =>
  KINDS.flatMap((kind) => STATUSES.map((from) => ({ direction, kind, from }))),
);

describe('workflow: the allowed moves', () => {
  it('has a case for each of the 2 × 4 × 13 (direction, kind, from) combinations', () => {
    expect(cases).toHaveLength(104);
    expect(STATUSES).toHaveLength(13);
  });

  it.each(cases)('$direction $kind from $from allows exactly the expected moves', ({ direction, kind, from }) => {
    const expected = parseTargets(EXPECTED[direction][kind][from]).sort(byTarget);
    const actual = allowedMoves(direction, kind, from)
      .map((m) => ({ to: m.to, needs: [...m.needs], reopening: m.reopening }))
      .sort(byTarget);
    expect(actual).toEqual(expected);
  });

  it.each(cases)(
    '$direction $kind from $from: findMove agrees for each of the 13 targets',
    ({ direction, kind, from }) => {
      const allowed = new Set(parseTargets(EXPECTED[direction][kind][from]).map((m) => m.to));
      for (const to of STATUSES) {
        expect(findMove(direction, kind, from, to) !== undefined, `${from} → ${to}`).toBe(allowed.has(to));
      }
    },
  );

  it('never lists the same target twice', () => {
    for (const { direction, kind, from } of cases) {
      const targets = allowedMoves(direction, kind, from).map((m) => m.to);
      expect(new Set(targets).size).toBe(targets.length);
    }
  });
});

describe('workflow: what moves need', () => {
  it('lets a closed request only be reopened, always with a note, into an open status', () => {
    for (const { direction, kind, from } of cases.filter((c) => isClosed(c.from))) {
      const moves = allowedMoves(direction, kind, from);
      expect(moves.length).toBeGreaterThan(0);
      for (const m of moves) {
        expect(m).toMatchObject({ reopening: true, needs: ['note'] });
        expect(isClosed(m.to)).toBe(false);
      }
    }
  });

  it('marks no move out of an open status as a reopening', () => {
    for (const { direction, kind, from } of cases.filter((c) => !isClosed(c.from))) {
      expect(allowedMoves(direction, kind, from).every((m) => !m.reopening)).toBe(true);
    }
  });

  it('asks for refusal grounds on every move to refused', () => {
    let seen = 0;
    for (const { direction, kind, from } of cases) {
      const refusal = findMove(direction, kind, from, 'refused');
      if (!refusal) continue;
      seen++;
      expect(refusal.needs).toContain('refusalGrounds');
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('asks for a note to suspend and to resume', () => {
    expect(findMove('incoming', 'mla', 'under_review', 'suspended')?.needs).toEqual(['note']);
    expect(findMove('incoming', 'mla', 'in_execution', 'suspended')?.needs).toEqual(['note']);
    expect(findMove('incoming', 'mla', 'suspended', 'in_execution')?.needs).toEqual(['note']);
    expect(findMove('outgoing', 'preservation', 'in_execution', 'suspended')?.needs).toEqual(['note']);
    expect(findMove('outgoing', 'preservation', 'suspended', 'in_execution')?.needs).toEqual(['note']);
  });

  it('asks nothing but a date for an ordinary working move', () => {
    expect(findMove('incoming', 'mla', 'registered', 'under_review')?.needs).toEqual([]);
    expect(findMove('incoming', 'mla', 'in_execution', 'executed')?.needs).toEqual([]);
    expect(findMove('outgoing', 'mla', 'under_review', 'sent')?.needs).toEqual([]);
    expect(findMove('outgoing', 'disclosure', 'sent', 'withdrawn')?.needs).toEqual([]);
  });
});

describe('workflow: start status', () => {
  it.each(KINDS)('starts an incoming %s as registered and an outgoing one as draft', (kind) => {
    expect(startStatus('incoming', kind)).toBe('registered');
    expect(startStatus('outgoing', kind)).toBe('draft');
  });

  const reach = (direction: Direction, kind: Kind, from: Status): Set<Status> => {
    const seen = new Set<Status>([from]);
    const queue: Status[] = [from];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const m of allowedMoves(direction, kind, s)) {
        if (!seen.has(m.to)) {
          seen.add(m.to);
          queue.push(m.to);
        }
      }
    }
    return seen;
  };

  it.each(DIRECTIONS.flatMap((direction) => KINDS.map((kind) => ({ direction, kind }))))(
    '$direction $kind: every open status the workflow uses is reachable from the start, and none is a dead end',
    ({ direction, kind }) => {
      const reachable = reach(direction, kind, startStatus(direction, kind));
      const table = EXPECTED[direction][kind];
      const used = STATUSES.filter((s) => table[s] !== undefined && !isClosed(s));
      expect([...reachable].filter((s) => !isClosed(s)).sort()).toEqual([...used].sort());
      for (const s of used) {
        expect([...reach(direction, kind, s)].some(isClosed), `${s} cannot reach a closed status`).toBe(true);
      }
    },
  );
});
