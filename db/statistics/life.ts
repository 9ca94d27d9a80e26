import { type ClosedStatus, type Status, isClosedStatus } from '../../contract/codes.ts';

/**
 * A request's life as the statistics read it (shared/spec/annual-statistics.md): one or more
 * spans, each from its opening (or a reopening) to its next closure. Pure, so the rules
 * can be tested and reused for one year, a trend or a property test.
 */

export interface StatusChange {
  /** The change that created the request (it had no status before: from_status is null). */
  created: boolean;
  to: Status;
  on: string;
}

export interface Closure {
  on: string;
  status: ClosedStatus;
  /** The start of the span this closure ends (its opening or reopening): see daysToCloseOf. */
  start: string;
}

export interface Span {
  start: string;
  /** The closure that ends it; null while it is open. */
  end: string | null;
}

export interface Life {
  closures: Closure[];
  reopenings: string[];
  spans: Span[];
}

/** The number a run of decimal digits of `text` spells, or -1 if one of them is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds since 1970 at the start (UTC) of a YYYY-MM-DD date, as Date.parse reads
 * `${date}T00:00:00Z`. A year's figures ask for tens of thousands of these, so a well-formed
 * date is computed from its digits (the same number, several times faster); anything else is
 * left to Date.parse.
 */
function startOf(date: string): number {
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 7);
    const day = digits(date, 8, 10);
    const february = year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0) ? 28 : 29;
    const daysInMonth = month === 2 ? february : (DAYS_IN_MONTH[month - 1] ?? 0);
    // Years before 1000 are left to Date.parse: Date.UTC reads years 0 to 99 as 1900 to 1999.
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth) {
      return Date.UTC(year, month - 1, day);
    }
  }
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole days between two YYYY-MM-DD dates (UTC arithmetic: no daylight-saving hour lost). */
export function daysBetween(from: string, to: string): number {
  return Math.round((startOf(to) - startOf(from)) / 86_400_000);
}

/** Days from the start of the span a closure ends to the closure. */
export const daysToCloseOf = (closure: Closure) => daysBetween(closure.start, closure.on);

/**
 * Whether a change is the request's opening: its creation in a transmitted status, or a move
 * to a status past draft and review (leaving them to one another is no opening).
 */
const opens = (c: StatusChange) => (c.created ? c.to !== 'draft' : c.to !== 'draft' && c.to !== 'under_review');

/**
 * The spans of a request opened on `openedOn`, from its status changes in the order they
 * were recorded. Changes before the opening (a draft written, reviewed, even withdrawn and
 * taken up again) are not part of its life: the opening is its creation in a transmitted
 * status, or the move out of draft/review that transmitted it. Then a closure is a move
 * from an open status to a closed one, and a reopening a move from a closed status to an
 * open one.
 *
 * Called for every request a year or a trend reads (tens of thousands), hence plain loops.
 */
export function lifeOf(openedOn: string, changes: readonly StatusChange[]): Life {
  let index = 0;
  while (index < changes.length && !opens(changes[index] as StatusChange)) index += 1;
  // A register written before the history was kept fully: the life starts with the first change.
  if (index === changes.length) index = 0;
  let current: Span = { start: openedOn, end: null };
  const life: Life = { closures: [], reopenings: [], spans: [current] };
  for (let i = index; i < changes.length; i += 1) {
    const { to, on } = changes[i] as StatusChange;
    const open = current.end === null;
    if (isClosedStatus(to)) {
      // The opening itself may close: created (or transmitted) straight into a closed status.
      if (open) {
        life.closures.push({ on, status: to, start: current.start });
        current.end = on;
      }
    } else if (!open) {
      life.reopenings.push(on);
      current = { start: on, end: null };
      life.spans.push(current);
    }
  }
  return life;
}

/** A span covers the end of day `day`: started on or before it, not closed by its end. */
export const coversEndOf = (span: Span, day: string) => span.start <= day && (span.end === null || span.end > day);

/** Some span of the life covers the end of day `day` (the request was pending then). */
export const pendingAtEndOf = (life: Life, day: string) => life.spans.some((s) => coversEndOf(s, day));
