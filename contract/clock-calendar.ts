/*
 * The office's calendar, for the legal clocks (contract/clocks.ts): calendar days in its time
 * zone, and working days, which skip its weekend days and public holidays. Pure: the zone,
 * weekend and holidays come from the clock settings; nothing here reads the machine's zone.
 *
 * A day is an ISO date (YYYY-MM-DD); an instant is milliseconds since the epoch (UTC).
 */

export interface OfficeCalendar {
  /** ISO weekdays the office is closed: 1 Monday … 7 Sunday. */
  weekendDays: readonly number[];
  /** Public holidays (ISO dates). */
  holidays: readonly string[];
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Not an ISO date: ${day}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** The ISO date of a day number. */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day `n` days after `day` (before it, if negative). */
export function addCalendarDays(day: string, n: number): string {
  return dayOfNumber(dayNumber(day) + n);
}

/** Calendar days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (day 0, 1970-01-01, was a Thursday). */
const weekdayOfNumber = (n: number): number => ((((n + 3) % 7) + 7) % 7) + 1;

export function isoWeekday(day: string): number {
  return weekdayOfNumber(dayNumber(day));
}

/** A calendar prepared for many questions: weekend as a set of weekdays, holidays as day numbers. */
interface Prepared {
  weekend: ReadonlySet<number>;
  holidays: ReadonlySet<number>;
}

const prepared = new WeakMap<OfficeCalendar, Prepared>();
function prepare(calendar: OfficeCalendar): Prepared {
  let p = prepared.get(calendar);
  if (!p) {
    p = { weekend: new Set(calendar.weekendDays), holidays: new Set(calendar.holidays.map(dayNumber)) };
    prepared.set(calendar, p);
  }
  return p;
}

const working = (n: number, p: Prepared): boolean => !p.weekend.has(weekdayOfNumber(n)) && !p.holidays.has(n);

export function isWorkingDay(day: string, calendar: OfficeCalendar): boolean {
  return working(dayNumber(day), prepare(calendar));
}

/**
 * How far a walk over the calendar may go looking for working days: a week without one can
 * only be made of holidays (the settings keep at least one working day in the week), so this
 * is never reached by a calendar the settings accept; it stops a malformed one from looping.
 */
const walkLimit = (p: Prepared, n: number) => n * 7 + p.holidays.size + 14;

function step(day: string, calendar: OfficeCalendar, n: number, direction: 1 | -1, inclusive: boolean): string {
  const p = prepare(calendar);
  let at = dayNumber(day) - (inclusive ? direction : 0);
  let left = n;
  const limit = walkLimit(p, n);
  for (let walked = 0; left > 0; walked += 1) {
    if (walked > limit) throw new Error('The office calendar has no working days.');
    at += direction;
    if (working(at, p)) left -= 1;
  }
  return dayOfNumber(at);
}

/** The n-th working day after `day` (`day` itself not counted; n ≥ 1). */
export function addWorkingDays(day: string, n: number, calendar: OfficeCalendar): string {
  return step(day, calendar, n, 1, false);
}

/** `day` if it is a working day, else the next one. */
export function nextWorkingDay(day: string, calendar: OfficeCalendar): string {
  return step(day, calendar, 1, 1, true);
}

/** `day` if it is a working day, else the last one before it. */
export function previousWorkingDay(day: string, calendar: OfficeCalendar): string {
  return step(day, calendar, 1, -1, true);
}

/** The n-th working day counting back from `day`, `day` itself counted first if it is one. */
export function nthWorkingDayBack(day: string, n: number, calendar: OfficeCalendar): string {
  return step(day, calendar, n, -1, true);
}

// Time zones. Intl knows the IANA database (with its daylight-saving rules); a formatter per
// zone is built once, as building one costs far more than using it.
const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(zone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormats.set(zone, format);
  }
  return format;
}

/** The wall-clock reading in `zone` at an instant, as if it were UTC (milliseconds dropped). */
function readWallClock(at: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallFormat(zone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/*
 * Zones change their offset on the hour, the half or the quarter hour, so within a quarter of
 * an hour the offset is one: it is read once per zone and quarter (Intl's formatToParts is far
 * slower than the arithmetic, and the dashboard asks for thousands of days).
 */
const QUARTER_MS = 900_000;
const offsets = new Map<string, number>();

/** How far ahead of UTC the zone's clocks are at an instant (negative west of Greenwich). */
export function zoneOffsetMs(at: number, zone: string): number {
  const quarter = Math.floor(at / QUARTER_MS) * QUARTER_MS;
  const key = `${zone} ${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = readWallClock(quarter, zone) - quarter;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The calendar day in `zone` at an instant. */
export function dayInZone(at: number, zone: string): string {
  return dayOfNumber(Math.floor((at + zoneOffsetMs(at, zone)) / DAY_MS));
}

/**
 * The first instant of `day` in `zone`: its midnight, or where a daylight-saving change skips
 * midnight (some zones change clocks at 00:00), the first moment the day has.
 */
export function startOfDayInZone(day: string, zone: string): number {
  const key = `${zone} ${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = findStartOfDay(day, zone);
    if (dayStarts.size > 100_000) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start;
}
const dayStarts = new Map<string, number>();

function findStartOfDay(day: string, zone: string): number {
  const midnightAsUtc = dayNumber(day) * DAY_MS;
  const first = midnightAsUtc - zoneOffsetMs(midnightAsUtc, zone);
  const second = midnightAsUtc - zoneOffsetMs(first, zone);
  const candidates = [first, second].filter((at) => dayInZone(at, zone) === day);
  return candidates.length > 0 ? Math.min(...candidates) : first;
}

/** True for a zone Intl knows (an IANA name such as Europe/Paris, or UTC). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone of the machine this runs on: the office's zone unless the settings name another. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
