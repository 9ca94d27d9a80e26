import { type EventType, isClosedStatus } from '../../contract/codes.ts';
import type { EventOption } from '../../contract/requests.ts';
import type { requests } from '../schema/index.ts';

type Row = Pick<typeof requests.$inferSelect, 'direction' | 'kind' | 'status'>;

interface EventRule {
  /** Whether the request can take this event now. */
  allowed(row: Row): boolean;
  needs: EventOption['needs'];
}

const open = (row: Row) => !isClosedStatus(row.status);

/**
 * The events a request's history records besides its status changes, and when each applies.
 * One table: the handler's checks and the UI's buttons both read it.
 */
const EVENT_RULES: Record<EventType, EventRule> = {
  // A formally deficient incoming request goes back to the sender with what is missing.
  returned_deficient: {
    allowed: (r) => r.direction === 'incoming' && ['registered', 'under_review'].includes(r.status),
    needs: ['note'],
  },
  // Before refusing, the office consults the other side (UNTOC art. 18(26)).
  consultation_before_refusal: { allowed: open, needs: ['note'] },
  information_requested: { allowed: open, needs: ['note'] },
  information_received: { allowed: open, needs: [] },
  // Preserved data is kept longer; the new date is the request's preserved-until date.
  preservation_extended: {
    allowed: (r) => r.kind === 'preservation' && !['refused', 'withdrawn', 'lapsed', 'draft'].includes(r.status),
    needs: ['preservedUntil'],
  },
  reminder_sent: { allowed: open, needs: [] },
  note: { allowed: () => true, needs: ['note'] },
};

export function eventOptionsFor(row: Row): EventOption[] {
  return (Object.keys(EVENT_RULES) as EventType[])
    .filter((type) => EVENT_RULES[type].allowed(row))
    .map((type) => ({ type, needs: EVENT_RULES[type].needs }));
}

export function eventRule(type: EventType): EventRule {
  return EVENT_RULES[type];
}
