import { type SQL, sql } from 'drizzle-orm';
import { addCalendarDays, startOfDayInZone } from '../../contract/clock-calendar.ts';
import {
  type ClockEnvironment,
  type ClockHistoryEntry,
  computeClock,
  dueDayOf,
  todayOf,
} from '../../contract/clock-compute.ts';
import type { ClockAlert, ComputedClock, DueClocks } from '../../contract/clock-results.ts';
import { type ClockRule, isPreservationClock, ruleApplies } from '../../contract/clocks.ts';
import { type RequestScope, withinScope } from '../requests/scope.ts';
import type { Queryable } from '../types.ts';
import { allBranches, type CountedBranch, type ScannedBranch } from './branches.ts';
import {
  extensionsOf,
  fullRows,
  fullSubject,
  historiesOf,
  INDEXED,
  type IndexedRow,
  indexedSubject,
  requestsSource,
} from './rows.ts';

/** The most pressing clocks the dashboard lists (its counts cover all of them). */
export const DUE_CLOCKS_SHOWN = 50;

function countedRange(branch: CountedBranch): SQL {
  // Bounded on both sides, so a date's index is read as the narrow range it is.
  return sql`${branch.start} BETWEEN ${branch.bounds.floor ?? '0001-01-01'} AND ${branch.bounds.soon}`;
}

/**
 * The statement of a counted branch, built but not run: the first `limit` of its clocks overdue
 * or due soon, by due day, with their start, each row also carrying how many there are in all
 * and how many of those are overdue (window aggregates: one pass, not a count and a page).
 */
export function countedQuery(db: Queryable, branch: CountedBranch, scope: RequestScope | null, limit: number) {
  return db
    .select({
      id: INDEXED.id,
      start: sql<string>`${branch.start}`,
      n: sql<number>`count(*) OVER ()`,
      overdue: sql<number>`sum(${branch.start} <= ${branch.bounds.overdue}) OVER ()`,
    })
    .from(requestsSource(branch.byState))
    .where(withinScope(sql`${branch.where} AND ${countedRange(branch)}`, scope))
    .orderBy(sql`${branch.start}`, INDEXED.id)
    .limit(limit);
}

/** The statement of a scanned branch: every request its clock may be overdue or due soon for. */
export function scannedQuery(db: Queryable, branch: ScannedBranch, scope: RequestScope | null) {
  return db
    .select(INDEXED)
    .from(requestsSource(true))
    .where(
      withinScope(
        branch.floor === null
          ? sql`${branch.where} AND ${branch.startsNotBefore} <= ${branch.soon}`
          : sql`${branch.where} AND ${branch.startsNotBefore} BETWEEN ${branch.floor} AND ${branch.soon}`,
        scope,
      ),
    );
}

/**
 * A clock found due, known by its due moment until its request is read whole (only those listed
 * are), with the history it was computed from when it needed more than the packed one.
 */
interface Candidate {
  id: number;
  rule: ClockRule;
  msLeft: number;
  history: ClockHistoryEntry[] | undefined;
}

const pressing = (clock: ComputedClock | null): clock is ComputedClock =>
  clock !== null && (clock.state === 'overdue' || clock.state === 'dueSoon');

/** When a counted branch's clock falls due, from the start its query returned. */
function msLeftOf(branch: CountedBranch, start: string, env: ClockEnvironment): number {
  const dueOn = branch.length === null ? start : dueDayOf(start, branch.length, branch.rule.rolls, env.settings);
  return startOfDayInZone(addCalendarDays(dueOn, 1), env.zone) - env.now;
}

/**
 * The clocks overdue or due soon now, of the requests in `scope`: how many, and the first
 * `limit` by time left, grouped by request. See db/clocks/branches.ts for how they are found;
 * only the requests listed are read whole.
 */
export function dueClocks(
  db: Queryable,
  env: ClockEnvironment,
  scope: RequestScope | null,
  limit: number = DUE_CLOCKS_SHOWN,
): DueClocks {
  let overdue = 0;
  let dueSoon = 0;
  const candidates: Candidate[] = [];
  const scanned: { branch: ScannedBranch; rows: IndexedRow[] }[] = [];
  for (const branch of allBranches(env)) {
    if (branch.type === 'scanned') {
      const rows = scannedQuery(db, branch, scope).all();
      if (rows.length > 0) scanned.push({ branch, rows });
      continue;
    }
    const page = countedQuery(db, branch, scope, limit).all();
    const first = page[0];
    if (!first) continue;
    overdue += first.overdue;
    dueSoon += first.n - first.overdue;
    for (const { id, start } of page) {
      candidates.push({ id, rule: branch.rule, msLeft: msLeftOf(branch, start, env), history: undefined });
    }
  }

  // Some scanned branches' clocks need the status history (first moves, recorded moments).
  const histories = historiesOf(db, [
    ...new Set(scanned.flatMap(({ branch, rows }) => (branch.history ? rows.map((r) => r.id) : []))),
  ]);
  const floor = addCalendarDays(todayOf(env), -env.reminders.preservationWarningDays);
  for (const { branch, rows } of scanned) {
    for (const row of rows) {
      const subject = indexedSubject(row, histories.get(row.id) ?? []);
      for (const rule of branch.rules) {
        if (!ruleApplies(rule.scope, row)) continue;
        const clock = computeClock(rule, subject, env);
        if (!pressing(clock)) continue;
        // As in SQL for the counted branches: data released before the warning time is gone.
        if (isPreservationClock(rule.clock) && (clock.dueOn ?? '') < floor) continue;
        if (clock.state === 'overdue') overdue += 1;
        else dueSoon += 1;
        candidates.push({ id: row.id, rule, msLeft: clock.msLeft ?? 0, history: histories.get(row.id) });
      }
    }
  }

  candidates.sort((a, b) => a.msLeft - b.msLeft || a.id - b.id);
  const shown = candidates.slice(0, limit);
  const ids = [...new Set(shown.map((c) => c.id))];
  const rows = fullRows(db, ids);
  const extensions = extensionsOf(
    db,
    shown.filter((c) => isPreservationClock(c.rule.clock)).map((c) => c.id),
  );
  const alerts = new Map<number, ClockAlert>();
  for (const candidate of shown) {
    const row = rows.get(candidate.id);
    if (!row) continue;
    const subject = fullSubject(row, extensions.get(row.id) ?? 0, candidate.history);
    const clock = computeClock(candidate.rule, subject, env);
    if (!pressing(clock)) continue;
    const alert = alerts.get(row.id);
    if (alert) alert.clocks.push(clock);
    else {
      const { id, reference, direction, kind, counterpartCountry } = row;
      alerts.set(id, { id, reference, direction, kind, counterpartCountry, clocks: [clock] });
    }
  }
  return {
    now: new Date(env.now).toISOString(),
    today: todayOf(env),
    timeZone: env.zone,
    overdue,
    dueSoon,
    requests: [...alerts.values()],
    shown: [...alerts.values()].reduce((n, a) => n + a.clocks.length, 0),
  };
}
