import { type SQL, sql } from 'drizzle-orm';
import { addCalendarDays, dayInZone } from '../../contract/clock-calendar.ts';
import { type ClockEnvironment, latestStartFor, lengthOf, todayOf, warningOf } from '../../contract/clock-compute.ts';
import { CLOCK_RULES, type ClockLength, type ClockRule, isPreservationClock } from '../../contract/clocks.ts';
import { requests } from '../schema/index.ts';
import { lastActivityOnSql, lastStatusOnSql, runsSql, scopeSql } from './conditions.ts';

/*
 * How the Today dashboard finds the clocks that are overdue or due soon without computing the
 * clock of every request. The rules become branches of two kinds:
 *
 * - counted: the clock is counted from a column (or its due day is one), so SQL answers exactly
 *   which requests are due by a day: the due day never moves back when the start moves
 *   forward, so "due on or before D" is "start on or before latestStartFor(D)", one range on the
 *   column. Their number comes from a count, and only the first few by start are read.
 * - scanned: a bound on a column finds every candidate, and each is computed in TypeScript by
 *   the rules that apply to it. The clocks that start from the status history (the first move
 *   to a status, or the exact moment for a clock in hours: never before the day the request was
 *   opened, nor before the day of the change), which are the EU instruments' clocks of open
 *   requests, few; and the preservations without a recorded date, all rules in one pass (their
 *   lengths differ by legal basis and provider, their start is the opening day).
 *
 * Preservations whose data was released more than the warning time ago drop off the list: the
 * data is gone, and a preservation carried out stays in its closed status for good.
 */

interface Bounds {
  /** Start days up to this one: overdue. */
  overdue: string;
  /** Start days up to this one: overdue or due soon. */
  soon: string;
  /** Start days before this one are left out (null: none are). */
  floor: string | null;
}

export interface CountedBranch {
  type: 'counted';
  rule: ClockRule;
  /** Read from requests_state_idx (the planner is told so, whatever statistics it has), or from the start column's own index. */
  byState: boolean;
  where: SQL;
  /** The day the clock is counted from, or its due day when `length` is null. */
  start: SQL;
  length: ClockLength | null;
  bounds: Bounds;
}

export interface ScannedBranch {
  type: 'scanned';
  /** The rules whose clocks the rows found may have (each row is tested against each). */
  rules: readonly ClockRule[];
  /** Always read from requests_state_idx. */
  byState: true;
  where: SQL;
  /** A day the clock cannot start before… */
  startsNotBefore: SQL;
  /** …the last such day for which it can be overdue or due soon… */
  soon: string;
  /** …and the first for which it can be (null: no lower bound). */
  floor: string | null;
  /** Its clocks start from the status history (first moves, recorded moments). */
  history: boolean;
}

export type Branch = CountedBranch | ScannedBranch;

const HOUR_MS = 3_600_000;

const anyOf = (column: SQL.Aliased | typeof requests.direction | typeof requests.kind, values: readonly string[]) =>
  sql`${column} IN (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

function boundsFor(rule: ClockRule, length: ClockLength | null, env: ClockEnvironment): Bounds {
  const today = todayOf(env);
  const warning = warningOf(rule.clock, length?.unit ?? 'date', env);
  const floorDue = isPreservationClock(rule.clock)
    ? addCalendarDays(today, -env.reminders.preservationWarningDays)
    : null;
  if (length === null)
    return { overdue: addCalendarDays(today, -1), soon: addCalendarDays(today, warning), floor: floorDue };
  const latest = (due: string) => latestStartFor(due, length, rule.rolls, env.settings);
  return {
    overdue: latest(addCalendarDays(today, -1)),
    soon: latest(addCalendarDays(today, warning)),
    // The first start whose due day is not before the floor.
    floor: floorDue === null ? null : addCalendarDays(latest(addCalendarDays(floorDue, -1)), 1),
  };
}

/** The branches of one rule (see the top of this file). */
export function branchesOf(rule: ClockRule, env: ClockEnvironment): Branch[] {
  const length = lengthOf(rule.clock, env);
  const { start } = rule;
  if (start.from === 'date') {
    const field = start.field === 'preservedUntil' ? requests.preservedUntil : requests.counterpartDeadline;
    // From the date's own index; the rest is tested on the few rows in its range.
    const recorded: CountedBranch = {
      type: 'counted',
      rule,
      byState: false,
      where: sql`${field} IS NOT NULL AND ${scopeSql(rule.scope, false)} AND ${runsSql(rule, false)}`,
      start: sql`${field}`,
      length: null,
      bounds: boundsFor(rule, null, env),
    };
    // Without a recorded date, preservations are estimated together (estimatedPreservations).
    return [recorded];
  }
  if (length === null) return [];
  const where = sql`${scopeSql(rule.scope, true)} AND ${runsSql(rule, true)}`;
  if (length.unit === 'hours') {
    const warning = warningOf(rule.clock, 'hours', env);
    const latestMoment = env.now + (warning - length.length) * HOUR_MS;
    return [
      {
        type: 'scanned',
        rules: [rule],
        byState: true,
        where,
        startsNotBefore: start.from === 'receipt' ? sql`${requests.openedOn}` : lastStatusOnSql,
        soon: dayInZone(latestMoment, env.zone),
        floor: null,
        history: true,
      },
    ];
  }
  if (start.from === 'firstMoveTo') {
    return [
      {
        type: 'scanned',
        rules: [rule],
        byState: true,
        where,
        startsNotBefore: sql`${requests.openedOn}`,
        soon: boundsFor(rule, length, env).soon,
        floor: null,
        history: true,
      },
    ];
  }
  const column =
    start.from === 'receipt'
      ? sql`${requests.openedOn}`
      : start.from === 'lastStatus'
        ? lastStatusOnSql
        : lastActivityOnSql;
  return [{ type: 'counted', rule, byState: true, where, start: column, length, bounds: boundsFor(rule, length, env) }];
}

/**
 * Preservations without a recorded date, all rules at once: their estimate is counted from the
 * day the request was opened, for a length that depends on the rule (legal basis, provider). One
 * pass over requests_state_idx, which holds every column tested, finds those opened between the
 * earliest and the latest start any rule could make due now; each is then computed by its rule.
 */
function estimatedPreservations(env: ClockEnvironment): ScannedBranch[] {
  const rules = CLOCK_RULES.filter((r) => r.start.from === 'date' && r.start.estimate);
  const first = rules[0];
  if (!first) return [];
  const windows = rules.flatMap((rule) => {
    const length = lengthOf(rule.clock, env);
    return length === null ? [] : [{ rule, bounds: boundsFor(rule, length, env) }];
  });
  const opened = sql`+${requests.openedOn}`;
  // Each rule's own window, so that only the requests whose estimate is due now are read.
  const due = sql.join(
    windows.map(
      ({ rule, bounds }) =>
        sql`(${scopeSql(rule.scope, false)} AND ${opened} BETWEEN ${bounds.floor ?? '0001-01-01'} AND ${bounds.soon})`,
    ),
    sql` OR `,
  );
  const directions = [...new Set(rules.map((r) => r.scope.direction))];
  const kinds = [...new Set(rules.flatMap((r) => r.scope.kinds ?? []))];
  return [
    {
      type: 'scanned',
      rules,
      byState: true,
      // The preservation rules run in the same statuses and stop on a follow-up alike.
      where: sql`${requests.preservedUntil} IS NULL AND ${anyOf(requests.direction, directions)}
        AND ${anyOf(requests.kind, kinds)} AND ${runsSql(first, true)} AND (${due})`,
      startsNotBefore: opened,
      soon:
        windows
          .map((w) => w.bounds.soon)
          .sort()
          .at(-1) ?? '0001-01-01',
      floor: windows.map((w) => w.bounds.floor ?? '0001-01-01').sort()[0] ?? null,
      history: false,
    },
  ];
}

/** Every branch of every clock rule. */
export function allBranches(env: ClockEnvironment): Branch[] {
  return [...CLOCK_RULES.flatMap((rule) => branchesOf(rule, env)), ...estimatedPreservations(env)];
}
