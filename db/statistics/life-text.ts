import { STATUSES, type Status } from '../../contract/codes.ts';
import type { StatusChange } from './life.ts';

/*
 * requests.life: a request's status history packed into one text, the form the statistics
 * read (db/schema/requests.ts). Per change, in history order: CREATED or MOVED (from no
 * status, or from one), the letter of the status it went to, then its effective day
 * (YYYY-MM-DD); changes separated by commas, which dates never hold. "-B2024-03-01,>K2024-06-30"
 * is a request registered on 1 March and refused on 30 June.
 *
 * The letters are stored data: a status keeps its letter for ever, and a new status gets a new
 * one (migrations/0014_statistics_life_column.sql wrote the same letters in SQL).
 */
export const STATUS_LETTERS: Readonly<Record<Status, string>> = {
  draft: 'A',
  registered: 'B',
  under_review: 'C',
  awaiting_information: 'D',
  sent: 'E',
  in_execution: 'F',
  suspended: 'G',
  partially_executed: 'H',
  executed: 'I',
  executed_in_part: 'J',
  refused: 'K',
  withdrawn: 'L',
  lapsed: 'M',
};

const CREATED = '-';
const MOVED = '>';
const SEPARATOR = ',';
const CREATED_CODE = CREATED.charCodeAt(0);
const STATUS_OF_CODE = new Map<number, Status>(STATUSES.map((s) => [STATUS_LETTERS[s].charCodeAt(0), s]));

export interface HistoryChange {
  fromStatus: Status | null;
  toStatus: Status;
  effectiveOn: string;
}

/** One change as requests.life holds it. */
export function lifeEntry(change: HistoryChange): string {
  return `${change.fromStatus === null ? CREATED : MOVED}${STATUS_LETTERS[change.toStatus]}${change.effectiveOn}`;
}

/** The life text of a whole history (null for none, as a request without history has). */
export function lifeText(changes: readonly HistoryChange[]): string | null {
  return changes.length === 0 ? null : changes.map(lifeEntry).join(SEPARATOR);
}

/** A life text with one more change at its end. */
export function appendedLife(life: string | null, change: HistoryChange): string {
  return life === null || life === '' ? lifeEntry(change) : `${life}${SEPARATOR}${lifeEntry(change)}`;
}

/** The status changes a life text holds. */
export function decodeLife(text: string): StatusChange[] {
  const changes: StatusChange[] = [];
  let at = 0;
  while (at < text.length) {
    let next = text.indexOf(SEPARATOR, at);
    if (next < 0) next = text.length;
    const to = STATUS_OF_CODE.get(text.charCodeAt(at + 1));
    if (to === undefined) throw new Error(`Unreadable status history: ${text}`);
    changes.push({ created: text.charCodeAt(at) === CREATED_CODE, to, on: text.slice(at + 2, next) });
    at = next + 1;
  }
  return changes;
}

/**
 * The same packing in SQL over a status_history row `h` (for the drift check): a literal per
 * status, so it matches lifeEntry by construction.
 */
export function lifeEntrySql(h: string): string {
  const whens = STATUSES.map((s) => `WHEN '${s}' THEN '${STATUS_LETTERS[s]}'`).join(' ');
  return `(CASE WHEN ${h}.from_status IS NULL THEN '${CREATED}' ELSE '${MOVED}' END || CASE ${h}.to_status ${whens} ELSE '?' END || ${h}.effective_on)`;
}
