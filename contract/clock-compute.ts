import {
  addCalendarDays,
  addWorkingDays,
  dayInZone,
  daysBetween,
  nextWorkingDay,
  nthWorkingDayBack,
  type OfficeCalendar,
  previousWorkingDay,
  startOfDayInZone,
} from './clock-calendar.ts';
import {
  CLOCK_WARNING,
  type ClockId,
  type ClockLength,
  type ClockRule,
  type ClockFacts,
  EXTENSIONS_ALLOWED,
  isPreservationClock,
  type PreservationClock,
  rulesFor,
} from './clocks.ts';
import type { ComputedClock } from './clock-results.ts';
import type { Status } from './codes.ts';
import type { RequestDetail } from './requests.ts';
import type { ClockSettings, Settings } from './settings.ts';

/*
 * A request's legal clocks, computed from what the register holds (contract/clocks.ts says
 * which clocks, from what and for how long). Pure: the moment, the settings and the office's
 * zone are given.
 *
 * Times. A clock counted in hours runs from the exact moment its starting change was recorded
 * (status history recorded_at, UTC); when that change was recorded on a later day than it took
 * effect (entered afterwards, or imported), the moment is unknown and the clock runs from the
 * start of its effective day in the office's zone, so it never shows more time than there was.
 * A clock counted in days runs on the office's calendar: its due date is a calendar date, and
 * it falls due at the end of that day in the office's zone.
 */

/** One status change as the clocks read it: to what, on which office day, recorded when (ISO). */
export interface ClockHistoryEntry {
  to: Status;
  on: string;
  /** Needed for clocks counted in hours only. */
  at?: string | null | undefined;
}

/** What the clocks need to know of a request. */
export interface ClockSubject extends ClockFacts {
  status: Status;
  openedOn: string | null;
  preservedUntil: string | null;
  counterpartDeadline: string | null;
  /** The latest effective day of an event other than an internal note (requests.last_event_on). */
  lastEventOn: string | null;
  /** The status history, in order. */
  history: readonly ClockHistoryEntry[];
  /** Another request is linked to it as its follow-up. */
  followedUp: boolean;
  /** How many times its preservation was extended. */
  extensions: number;
}

/** The reminder settings the clocks use. */
export type ClockReminders = Pick<
  Settings,
  'acknowledgementDays' | 'replyAbroadDays' | 'preservationWarningDays' | 'deadlineWarningDays'
>;

export interface ClockEnvironment {
  /** Now, in milliseconds since the epoch. */
  now: number;
  /** The office's time zone (resolved: never empty). */
  zone: string;
  reminders: ClockReminders;
  settings: ClockSettings;
}

const HOUR_MS = 3_600_000;

/** The office's calendar day now. */
export const todayOf = (env: Pick<ClockEnvironment, 'now' | 'zone'>): string => dayInZone(env.now, env.zone);

/** The length a rule's clock runs for (null: its due day is a recorded date). */
export function lengthOf(clock: ClockId, env: Pick<ClockEnvironment, 'reminders' | 'settings'>): ClockLength | null {
  switch (clock) {
    case 'counterpartDeadline':
      return null;
    case 'acknowledgement':
      return { length: env.reminders.acknowledgementDays, unit: 'calendar_days' };
    case 'replyAbroad':
      return { length: env.reminders.replyAbroadDays, unit: 'calendar_days' };
    default:
      return env.settings.lengths[clock];
  }
}

/** The due day of a period counted in days from `start` (the start day itself not counted). */
export function dueDayOf(start: string, length: ClockLength, rolls: boolean, calendar: OfficeCalendar): string {
  if (length.unit === 'working_days') return addWorkingDays(start, length.length, calendar);
  const end = addCalendarDays(start, length.length);
  return rolls ? nextWorkingDay(end, calendar) : end;
}

/**
 * The latest start day whose period ends on or before `target` (the due day never moves back
 * when the start moves forward, so every earlier start ends by then too): the bound the
 * dashboard's queries compare a start column with (db/clocks/).
 */
export function latestStartFor(target: string, length: ClockLength, rolls: boolean, calendar: OfficeCalendar): string {
  // The n-th working day after S is on or before the target exactly when S is before the n-th
  // working day counted back from it.
  if (length.unit === 'working_days') return addCalendarDays(nthWorkingDayBack(target, length.length, calendar), -1);
  // Rolled forward to a working day, the end is on or before the target when the plain end is
  // on or before the last working day up to it.
  if (rolls) return addCalendarDays(previousWorkingDay(target, calendar), -length.length);
  return addCalendarDays(target, -length.length);
}

/** How many days (or hours, for an hour clock) before the due day a clock counts as due soon. */
export function warningOf(clock: ClockId, unit: ClockLength['unit'] | 'date', env: ClockEnvironment): number {
  const source = CLOCK_WARNING[clock];
  if (source !== 'clock') return env.reminders[source];
  return unit === 'hours' ? env.settings.warningHours : env.settings.warningDays;
}

/** The moment a history entry took place, for a clock counted in hours (see the top of this file). */
export function momentOf(entry: ClockHistoryEntry, zone: string): number {
  const at = entry.at ? Date.parse(entry.at) : Number.NaN;
  if (!Number.isNaN(at) && dayInZone(at, zone) === entry.on) return at;
  return startOfDayInZone(entry.on, zone);
}

/** The history entry a clock starts from, or null when it has not happened. */
function startEntry(rule: ClockRule, s: ClockSubject): ClockHistoryEntry | null {
  const { start } = rule;
  switch (start.from) {
    case 'receipt':
      return s.history[0] ?? null;
    case 'lastStatus':
      return s.history.at(-1) ?? null;
    case 'firstMoveTo':
      return s.history.find((h) => h.to === start.status) ?? null;
    default:
      return null;
  }
}

/** The day a clock counted in days starts from (the same columns the dashboard's queries read). */
function startDay(rule: ClockRule, s: ClockSubject): string | null {
  const lastStatusOn = s.history.at(-1)?.on ?? s.openedOn;
  switch (rule.start.from) {
    case 'receipt':
      return s.openedOn ?? s.history[0]?.on ?? null;
    case 'lastStatus':
      return lastStatusOn;
    case 'lastActivity': {
      const last = [lastStatusOn ?? '', s.lastEventOn ?? ''].sort().at(-1) ?? '';
      return last === '' ? null : last;
    }
    case 'firstMoveTo':
      return startEntry(rule, s)?.on ?? null;
    case 'date':
      return null;
  }
}

interface Due {
  startedOn: string | null;
  startedAt: number | null;
  dueOn: string;
  dueAt: number;
  length: ClockLength | null;
  estimated: boolean;
}

function dueOf(rule: ClockRule, s: ClockSubject, env: ClockEnvironment): Due | null {
  const length = lengthOf(rule.clock, env);
  const endOf = (day: string) => startOfDayInZone(addCalendarDays(day, 1), env.zone);
  const { start } = rule;
  if (start.from === 'date') {
    const recorded = s[start.field];
    if (recorded !== null) {
      return {
        startedOn: null,
        startedAt: null,
        dueOn: recorded,
        dueAt: endOf(recorded),
        length: null,
        estimated: false,
      };
    }
    // A preservation without its date: counted from the day it was sent or received.
    if (!start.estimate || length === null || s.openedOn === null) return null;
    const dueOn = dueDayOf(s.openedOn, length, rule.rolls, env.settings);
    return { startedOn: s.openedOn, startedAt: null, dueOn, dueAt: endOf(dueOn), length, estimated: true };
  }
  if (length === null) return null;
  if (length.unit === 'hours') {
    const entry = startEntry(rule, s);
    if (entry === null) return null;
    const startedAt = momentOf(entry, env.zone);
    const dueAt = startedAt + length.length * HOUR_MS;
    return { startedOn: entry.on, startedAt, dueOn: dayInZone(dueAt, env.zone), dueAt, length, estimated: false };
  }
  const from = startDay(rule, s);
  if (from === null) return null;
  const dueOn = dueDayOf(from, length, rule.rolls, env.settings);
  return { startedOn: from, startedAt: null, dueOn, dueAt: endOf(dueOn), length, estimated: false };
}

/** Where the clock stopped: the latest move out of the statuses it runs in. */
function stoppedOn(rule: ClockRule, s: ClockSubject): string | null {
  for (let i = s.history.length - 1; i > 0; i -= 1) {
    const entry = s.history[i];
    const before = s.history[i - 1];
    if (entry && before && !rule.runs.includes(entry.to) && rule.runs.includes(before.to)) return entry.on;
  }
  return null;
}

function extensionOf(clock: PreservationClock, s: ClockSubject, env: ClockEnvironment) {
  const allowed = EXTENSIONS_ALLOWED[clock];
  return { days: env.settings.extensions[clock], left: allowed === null ? null : Math.max(0, allowed - s.extensions) };
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** A rule's clock for the request, or null when it has nothing to show (never applied, no date). */
export function computeClock(rule: ClockRule, s: ClockSubject, env: ClockEnvironment): ComputedClock | null {
  const today = todayOf(env);
  const followedUp = rule.stopsOnFollowUp && s.followedUp;
  const runsNow = rule.runs.includes(s.status);
  const hasDate = rule.start.from === 'date' && s[rule.start.field] !== null;
  // A clock on a date the counterpart gave exists only once there is the date.
  if (rule.start.from === 'date' && !rule.start.estimate && !hasDate) return null;
  const due = runsNow || followedUp || hasDate ? dueOf(rule, s, env) : null;
  const { clock } = rule;
  // A recorded date is counted in nothing; an estimate or any other clock in its length's unit.
  const unit: ComputedClock['unit'] =
    due?.length?.unit ?? (rule.start.from === 'date' ? 'date' : (lengthOf(clock, env)?.unit ?? 'date'));
  const base = {
    clock,
    unit,
    length: due?.length?.length ?? null,
    startedOn: due?.startedOn ?? null,
    startedAt: iso(due?.startedAt ?? null),
    dueOn: due?.dueOn ?? null,
    dueAt: iso(due?.dueAt ?? null),
    msLeft: null,
    daysLeft: null,
    estimated: due?.estimated ?? false,
    stoppedOn: null,
    stopReason: null,
    extension: isPreservationClock(clock) ? extensionOf(clock, s, env) : null,
  } satisfies Omit<ComputedClock, 'state'>;

  if (runsNow && !followedUp && due !== null) {
    const msLeft = due.dueAt - env.now;
    const warning = warningOf(clock, unit, env);
    const soon = unit === 'hours' ? msLeft <= warning * HOUR_MS : daysBetween(today, due.dueOn) <= warning;
    return {
      ...base,
      state: msLeft <= 0 ? 'overdue' : soon ? 'dueSoon' : 'running',
      msLeft,
      daysLeft: unit === 'hours' ? null : daysBetween(today, due.dueOn),
    };
  }
  if (followedUp && runsNow) return { ...base, state: 'stopped', stopReason: 'followUp' };
  if (rule.before.includes(s.status) || (runsNow && due === null)) return { ...base, state: 'pending' };
  const ranOnce = s.history.some((h) => rule.runs.includes(h.to));
  if (!ranOnce) return null;
  return { ...base, state: 'stopped', stoppedOn: stoppedOn(rule, s), stopReason: 'status' };
}

/** Every clock of a request, in the order of CLOCK_IDS. */
export function requestClocks(s: ClockSubject, env: ClockEnvironment): ComputedClock[] {
  return rulesFor(s).flatMap((rule) => computeClock(rule, s, env) ?? []);
}

/** A request as the API returns it, as the clocks read it. */
export function clockSubjectOf(r: RequestDetail): ClockSubject {
  const lastEventOn = r.events
    .filter((e) => e.type !== 'note')
    .map((e) => e.effectiveOn)
    .sort()
    .at(-1);
  return {
    direction: r.direction,
    kind: r.kind,
    legalBasis: r.legalBasis,
    counterpartCountry: r.counterpartCountry,
    status: r.status,
    openedOn: r.openedOn,
    preservedUntil: r.preservedUntil,
    counterpartDeadline: r.counterpartDeadline,
    lastEventOn: lastEventOn ?? null,
    history: r.history.map((h) => ({ to: h.toStatus, on: h.effectiveOn, at: h.recordedAt })),
    followedUp: r.links.some((l) => l.kind === 'follow_up' && l.side === 'from'),
    extensions: r.events.filter((e) => e.type === 'preservation_extended').length,
  };
}
