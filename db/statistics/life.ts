import { type ClosedStatus, type Status, isClosedStatus } from '../../contract/codes.ts';

/**
 * A request's life as the statistics read it (shared/spec/annual-statistics.md): one or more
 * spans, each from its opening (or a reopening) to its next closure. Pure, so the rules
 * can be tested and reused for one year, a trend or a property test.
 */

export interface StatusChange {
  from: Status | null;
  to: Status;
  on: string;
}

export interface Closure {
  on: string;
  status: ClosedStatus;
  /** Days from the start of the span this closure ends (its opening or reopening). */
  days: number;
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

/** Statuses a request holds before it is transmitted: leaving them to one of these is no opening. */
const BEFORE_TRANSMISSION: readonly Status[] = ['draft', 'under_review'];

/** Whole days between two YYYY-MM-DD dates (UTC arithmetic: no daylight-saving hour lost). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The spans of a request opened on `openedOn`, from its status changes in the order they
 * were recorded. Changes before the opening (a draft written, reviewed, even withdrawn and
 * taken up again) are not part of its life: the opening is its creation in a transmitted
 * status, or the move out of draft/review that transmitted it. Then a closure is a move
 * from an open status to a closed one, and a reopening a move from a closed status to an
 * open one.
 */
export function lifeOf(openedOn: string, changes: readonly StatusChange[]): Life {
  let index = changes.findIndex(
    (c) => (c.from === null && c.to !== 'draft') || (!BEFORE_TRANSMISSION.includes(c.to) && c.from !== null),
  );
  // A register written before the history was kept fully: the life starts with the first change.
  if (index < 0) index = 0;
  const life: Life = { closures: [], reopenings: [], spans: [] };
  let current: Span = { start: openedOn, end: null };
  life.spans.push(current);
  let open = true;
  const opening = changes[index];
  // Created (or transmitted) straight into a closed status: opened and closed at once.
  if (opening && isClosedStatus(opening.to)) {
    close(opening.to, opening.on);
  }
  function close(status: ClosedStatus, on: string) {
    life.closures.push({ on, status, days: daysBetween(current.start, on) });
    current.end = on;
    open = false;
  }
  for (const change of changes.slice(index + 1)) {
    if (open && isClosedStatus(change.to)) {
      close(change.to, change.on);
    } else if (!open && !isClosedStatus(change.to)) {
      life.reopenings.push(change.on);
      current = { start: change.on, end: null };
      life.spans.push(current);
      open = true;
    }
  }
  return life;
}

/** A span covers the end of day `day`: started on or before it, not closed by its end. */
export const coversEndOf = (span: Span, day: string) => span.start <= day && (span.end === null || span.end > day);
