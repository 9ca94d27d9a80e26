import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSISTANCE,
  type Direction,
  ICCS_SECTIONS,
  type Kind,
  LEGAL_BASES,
  type Status,
} from '../../contract/codes.ts';
import { TODAY_CARDS } from '../../contract/dashboard.ts';
import { DUE, type ListQuery, SORTABLE } from '../../contract/requests.ts';
import { DEFAULT_CLOCK_SETTINGS, DEFAULT_SETTINGS } from '../../contract/settings.ts';
import { allBranches } from '../../db/clocks/branches.ts';
import { countedQuery, scannedQuery } from '../../db/clocks/due.ts';
import { todayQueries } from '../../db/dashboard.ts';
import { type OpenedDatabase, openDatabase } from '../../db/open.ts';
import { analyze, type BuildsSql, explainQueryPlan, type PlanStep } from '../../db/query-plans.ts';
import { facetQueries } from '../../db/requests/facets.ts';
import { listRequestsQueries } from '../../db/requests/read.ts';
import { openSqliteRegister } from '../../db/register.ts';
import * as schema from '../../db/schema/index.ts';
import { yearQuery } from '../../db/statistics/figures.ts';
import { yearsWithDataQueries } from '../../db/statistics/load.ts';
import { refusalGroundsQuery } from '../../db/statistics/opened-counts.ts';
import { trendQuery } from '../../db/statistics/trend.ts';
import type { Db } from '../../db/types.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { CLOCK, listQuery } from '../helpers/requests.ts';
import { MIGRATIONS } from '../helpers/temp-register.ts';

/*
 * Every list, filter, dashboard and statistics query stays on an index (issue 5).
 *
 * Each case builds its statement through the code the app runs (the exported query
 * builders in db/, which the list, the dashboard and the statistics execute), takes its SQL
 * and parameters with drizzle's toSQL(), and asks SQLite for its plan with EXPLAIN QUERY
 * PLAN, on a register of a few hundred varied requests that has been ANALYZEd (as
 * `PRAGMA optimize` does for a real register), so the planner decides on realistic figures.
 *
 * What a plan may do with the requests table (SQLite's words, one step per line):
 *
 * - `SEARCH requests USING … INDEX … (col=? …)` or `… INTEGER PRIMARY KEY (rowid=?)`: an index
 *   or the id narrows the rows read. Always fine.
 * - `SCAN requests`, bare: a walk of the whole table, row by row. Never fine (a "full scan").
 * - `SCAN requests USING [COVERING] INDEX x`: a walk of a whole index, in its order. Fine only
 *   where it stops early or cannot be avoided: a list page (ORDER BY … LIMIT: SQLite walks
 *   the sort column's index and stops once the page is full) and the count of every request
 *   (the register's size: it reads the smallest index, never the rows). Anywhere else — a
 *   filtered count, a dashboard card, a GROUP BY, DISTINCT, a statistics join — it reads every
 *   request as surely as a table scan, so it fails too (expectNoWalk).
 *
 * `SCAN followers` is the same table under the alias the statistics give it in a subquery.
 *
 * The free-text filter (`text`) has no exception: it reads the full-text index (`SCAN
 * search_index VIRTUAL TABLE INDEX 0:M…`, an FTS5 lookup, not a walk) and fetches the
 * requests it names by id, for words of three characters or more and for shorter ones alike.
 */

const TODAY = CLOCK.today;

let opened: OpenedDatabase;
let db: Db;

const COUNTRIES = ['FR', 'DE', 'IT', 'ES', 'NL', 'BE', 'US', 'GB', 'PL', 'RO', 'MA', 'BR'];
const OFFICERS = ['Amina Clerk', 'Bruno Officer', 'Chen Li', 'Dana Smith', 'Eli Cohen', 'Fatou Diop'];
const AUTHORITIES = ['Prosecutor Paris', 'Court Lyon', 'Police Nord', 'Customs', 'Tax Office', 'Court Lille'];
const KINDS_SEEDED: Kind[] = ['mla', 'mla', 'preservation', 'disclosure', 'mla', 'emergency_disclosure'];
const SEEDED = 300;

/** The `i`-th item of a list, cycling. */
function pick<T>(list: readonly T[], i: number): T {
  const value = list[i % list.length];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

/** The day `n` days before the office's day. */
const daysBefore = (n: number) => {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};
const daysAfter = (n: number) => daysBefore(-n);

type Moves = [Status, string][];

/**
 * The moves that close a request of this direction and kind, all on day `on`: executed, or
 * for a preservation lapsed (executing one needs a preserved-until day the seed helper does
 * not pass).
 */
function closed(direction: Direction, kind: Kind, on: string): Moves {
  const path: Status[] =
    direction === 'incoming'
      ? kind === 'preservation'
        ? ['in_execution', 'lapsed']
        : ['under_review', 'in_execution', 'executed']
      : kind === 'mla'
        ? ['under_review', 'sent', 'in_execution', 'executed']
        : kind === 'preservation'
          ? ['sent', 'lapsed']
          : ['sent', 'executed'];
  return path.map((to) => [to, on]);
}

/**
 * The moves of the `i`-th seeded request, opened on `on`, `age` days ago. As in a register
 * kept for years, nearly all requests older than a year are closed (most executed,
 * some refused); the recent ones are spread over the open statuses.
 */
function movesOf(i: number, direction: Direction, kind: Kind, on: string, age: number): Moves {
  if (age > 365 && i % 10 !== 0) {
    if (direction === 'incoming' && kind === 'mla' && i % 4 === 1) {
      return [
        ['under_review', on],
        ['refused', on],
      ];
    }
    return closed(direction, kind, on);
  }
  if (kind !== 'mla') return [];
  if (direction === 'outgoing') {
    return [
      ['under_review', on],
      ['sent', on],
    ];
  }
  const reviewed: Moves = [['under_review', on]];
  switch (i % 6) {
    case 1:
      return reviewed;
    case 2:
      return [...reviewed, ['in_execution', on]];
    case 3:
      return [...reviewed, ['in_execution', on], ['executed', on]];
    case 4:
      return [...reviewed, ['awaiting_information', on]];
    default:
      return [];
  }
}

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-plans-'));
  const file = path.join(dir, 'register.sqlite');
  const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true });
  try {
    for (let i = 0; i < SEEDED; i += 1) {
      const kind = pick(KINDS_SEEDED, i);
      const direction: Direction = i % 3 === 0 ? 'outgoing' : 'incoming';
      const age = 5 + ((i * 7) % 1000);
      const openedOn = daysBefore(age);
      await seedRequest(
        register,
        {
          direction,
          kind,
          openedOn,
          counterpartCountry: pick(COUNTRIES, i),
          legalBasis: pick(LEGAL_BASES, i),
          urgency: i % 7 === 0 ? 'urgent' : 'normal',
          assignedTo: i % 4 === 0 ? null : pick(OFFICERS, i),
          domesticAuthority: i % 5 === 0 ? null : pick(AUTHORITIES, i),
          counterpartReference: `THEIR-${i}`,
          domesticReference: i % 2 === 0 ? `CASE-${i}` : null,
          offences: [pick(ICCS_SECTIONS, i)],
          assistance: [pick(ASSISTANCE, i)],
          counterpartDeadline: i % 6 === 0 ? daysAfter((i % 60) - 30) : null,
          preservedUntil: kind === 'preservation' ? daysAfter(i % 40) : null,
          parties: [{ role: 'suspect', name: `Person ${i}` }],
        },
        movesOf(i, direction, kind, openedOn, age),
      );
    }
  } finally {
    register.close();
  }
  opened = openDatabase({ file, migrationsFolder: MIGRATIONS });
  db = drizzle({ client: opened.sqlite, schema });
  analyze(opened.sqlite);
}, 120_000);

afterAll(() => {
  opened?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const planOf = (query: BuildsSql): PlanStep[] => explainQueryPlan(opened.sqlite, query.toSQL());

/** The steps that walk the whole requests table row by row (see the top of this file). */
const fullScans = (plan: PlanStep[]) => plan.filter((s) => /^SCAN (requests|followers)$/.test(s.detail));
/** The steps that walk the whole table or the whole of one of its indexes. */
const walks = (plan: PlanStep[]) => plan.filter((s) => /^SCAN (requests|followers)( |$)/.test(s.detail));

/** A list page, or the count of every request: no full scan of the table. */
function expectNoFullScan(query: BuildsSql) {
  expectPlan(query, fullScans);
}

/** A filtered count, a grouping, a join: neither the table nor a whole index walked. */
function expectNoWalk(query: BuildsSql) {
  expectPlan(query, walks);
}

function expectPlan(query: BuildsSql, forbidden: (plan: PlanStep[]) => PlanStep[]) {
  const plan = planOf(query);
  expect(forbidden(plan), plan.map((s) => s.detail).join('\n')).toEqual([]);
}

/** The register list's filters, one at a time, as the screen sends them. */
const FILTERS: [string, ListQuery][] = [
  ['no filter', {}],
  ['direction', { direction: 'incoming' }],
  ['kind', { kind: 'preservation' }],
  ['direction and kind', { direction: 'outgoing', kind: 'mla' }],
  ['status', { status: 'sent' }],
  ['state open', { state: 'open' }],
  ['state closed', { state: 'closed' }],
  ['country', { counterpartCountry: 'FR' }],
  ['legal basis', { legalBasis: 'budapest' }],
  ['offence', { offence: '03' }],
  ['urgency', { urgency: 'urgent' }],
  ['assigned to', { assignedTo: 'Chen Li' }],
  ['domestic authority', { domesticAuthority: 'Customs' }],
  ['opened from', { openedFrom: daysBefore(30) }],
  ['opened to', { openedTo: daysBefore(900) }],
  ['opened between', { openedFrom: daysBefore(60), openedTo: daysBefore(30) }],
  ...DUE.map((due): [string, ListQuery] => [`due ${due}`, { due }]),
  ['text', { text: 'Person 1' }],
  ['short text', { text: 'Pe' }],
];

describe('query plans: the register list', () => {
  for (const [name, filter] of FILTERS) {
    it(`list page filtered by ${name} uses an index`, () => {
      expectNoFullScan(listRequestsQueries(db, listQuery(filter), TODAY).page);
    });
    it(`list total filtered by ${name} uses an index`, () => {
      const { total } = listRequestsQueries(db, listQuery(filter), TODAY);
      // The count of every request reads a whole (the smallest) index: nothing less can count them all.
      if (name === 'no filter') expectNoFullScan(total);
      else expectNoWalk(total);
    });
  }

  for (const sort of SORTABLE) {
    for (const order of ['asc', 'desc'] as const) {
      it(`list page sorted by ${sort} ${order} uses an index`, () => {
        expectNoFullScan(listRequestsQueries(db, listQuery({ sort, order }), TODAY).page);
      });
    }
  }

  it('counts open requests of a direction, a kind or a country from a covering index, without reading the requests', () => {
    for (const filter of [{ direction: 'incoming' }, { kind: 'mla' }, { counterpartCountry: 'FR' }] as const) {
      const { total } = listRequestsQueries(db, listQuery({ state: 'open', ...filter }), TODAY);
      expect(planOf(total).map((s) => s.detail)).toEqual([
        expect.stringMatching(/^SEARCH requests USING COVERING INDEX requests_(state|country_kind)_idx /),
      ]);
    }
  });

  it('list filtered by text reads the full-text index, whatever the length of the words', () => {
    for (const text of ['Person 1', 'Pe']) {
      const { page, total } = listRequestsQueries(db, listQuery({ text }), TODAY);
      for (const plan of [planOf(page), planOf(total)]) {
        expect(plan.map((s) => s.detail)).toContainEqual(expect.stringMatching(/^SCAN search_index VIRTUAL TABLE/));
      }
    }
  });

  it('facets (officers, domestic authorities) use an index', () => {
    const { officers, domesticAuthorities } = facetQueries(db);
    expectNoWalk(officers);
    expectNoWalk(domesticAuthorities);
  });
});

describe('query plans: the Today dashboard', () => {
  it('dashboard total uses an index', () => {
    // The register's size: the count of every request (see expectNoFullScan).
    expectNoFullScan(todayQueries(db, 'Chen Li', TODAY).total);
  });
  for (const card of TODAY_CARDS) {
    it(`dashboard card ${card} uses an index`, () => {
      expectNoWalk(todayQueries(db, 'Chen Li', TODAY).cards[card]);
    });
  }
});

describe('query plans: the legal clocks on the Today dashboard (issue 8)', () => {
  // Every rule of contract/clocks.ts becomes one or two queries (db/clocks/branches.ts); with
  // working days and a long warning time too, as the bounds then differ.
  const environments = [
    {
      now: Date.parse(`${TODAY}T09:30:00Z`),
      zone: 'UTC',
      reminders: DEFAULT_SETTINGS,
      settings: DEFAULT_CLOCK_SETTINGS,
    },
    {
      now: Date.parse(`${TODAY}T09:30:00Z`),
      zone: 'Europe/Paris',
      reminders: DEFAULT_SETTINGS,
      settings: {
        ...DEFAULT_CLOCK_SETTINGS,
        lengths: { ...DEFAULT_CLOCK_SETTINGS.lengths, eioDecision: { length: 20, unit: 'working_days' as const } },
        warningDays: 60,
      },
    },
  ];
  for (const scope of [null, { officer: 'Chen Li', authority: 'Customs' }]) {
    const whose = scope ? 'a prosecutor’s' : 'every';
    it(`the pages (with their counts) and scans of ${whose} clocks use an index, never a walk`, () => {
      for (const env of environments) {
        for (const branch of allBranches(env)) {
          const rules = branch.type === 'counted' ? [branch.rule] : branch.rules;
          const name = `${rules.map((r) => `${r.clock} ${r.scope.direction}`).join(', ')} (${branch.type})`;
          if (branch.type === 'counted') {
            const plan = planOf(countedQuery(db, branch, scope, 50));
            expect(walks(plan), `${name}\n${plan.map((s) => s.detail).join('\n')}`).toEqual([]);
          } else {
            const plan = planOf(scannedQuery(db, branch, scope));
            expect(walks(plan), `${name}\n${plan.map((s) => s.detail).join('\n')}`).toEqual([]);
          }
        }
      }
    });
  }

  it('reads the status-based clocks from requests_state_idx alone, the rows only of those listed', () => {
    const env = environments[0]!;
    for (const branch of allBranches(env)) {
      if (branch.type !== 'counted' || !branch.byState) continue;
      const requestSteps = planOf(countedQuery(db, branch, null, 50)).filter((s) =>
        /^(SEARCH|SCAN) requests\b/.test(s.detail),
      );
      expect(requestSteps.map((s) => s.detail)).toEqual([
        expect.stringMatching(/^SEARCH requests USING COVERING INDEX requests_state_idx /),
      ]);
    }
  });
});

describe('query plans: the statistics', () => {
  // The year's one pass: the lives with their history, and the fields every breakdown but
  // the refusal grounds counts (offences, assistance, follow-ups: subqueries on the request).
  it('statistics pass of a year uses an index', () => {
    expectNoWalk(yearQuery(db, 2025));
  });
  it('statistics refusal grounds of a year use an index', () => {
    expectNoWalk(refusalGroundsQuery(db, '2025-01-01', '2025-12-31'));
  });
  for (const kind of ['all', 'mla'] as const) {
    it(`statistics trend of kind ${kind} uses an index`, () => {
      expectNoWalk(trendQuery(db, { fromYear: 2020, toYear: 2025, direction: 'incoming', kind }));
    });
  }
  it('statistics first and last year with data use an index', () => {
    const { first, last } = yearsWithDataQueries(db);
    expectNoWalk(first);
    expectNoWalk(last);
  });
});

describe('query plans: a prosecutor’s own requests (issue 6)', () => {
  // Assigned to them by name, or of their domestic authority (db/requests/scope.ts): both
  // columns have an index, so SQLite reads the two ranges instead of the register.
  const scope = { officer: 'Chen Li', authority: 'Customs' };
  it('list page and total of their requests use the two indexes, not a walk', () => {
    const { page, total } = listRequestsQueries(db, listQuery({}), TODAY, scope);
    expectNoWalk(page);
    expectNoWalk(total);
  });
  it('their dashboard cards and total use an index', () => {
    const { total, cards } = todayQueries(db, 'Chen Li', TODAY, scope);
    expectNoWalk(total);
    for (const card of TODAY_CARDS) expectNoWalk(cards[card]);
  });
  it('their facets use an index', () => {
    const { officers, domesticAuthorities } = facetQueries(db, scope);
    expectNoWalk(officers);
    expectNoWalk(domesticAuthorities);
  });
});
