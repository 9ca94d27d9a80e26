import { z } from 'zod';
import type { ListQuery } from './requests.ts';

/** The counts of the Today dashboard, in the order the screen shows them. */
export const TODAY_CARDS = [
  'unreviewed',
  'waiting',
  'preservationExpiring',
  'urgent',
  'deadlineSoon',
  'overdue',
  'mine',
] as const;
export type TodayCard = (typeof TODAY_CARDS)[number];

/**
 * The register filter behind each count. The database counts with this very filter and the
 * screen links to it, so a count and the list it opens can never disagree.
 */
export function todayQuery(card: TodayCard, me: string): ListQuery {
  switch (card) {
    case 'urgent':
      return { urgency: 'urgent', state: 'open' };
    case 'mine':
      return { assignedTo: me, state: 'open' };
    default:
      return { due: card };
  }
}

const count = z.number().int().min(0);

export const todaySchema = z.object({
  /** The office's calendar day the counts were made on. */
  today: z.string(),
  /** The caller's name, as "my requests" matches it against the officer in charge. */
  me: z.string(),
  /** Requests in the register, to tell an empty register from a quiet day. */
  total: count,
  counts: z.object(Object.fromEntries(TODAY_CARDS.map((c) => [c, count])) as Record<TodayCard, typeof count>),
  /** The reminder settings the counts used, so the screen can say what "too long" means. */
  days: z.object({
    acknowledgementDays: z.number().int(),
    replyAbroadDays: z.number().int(),
    preservationWarningDays: z.number().int(),
    deadlineWarningDays: z.number().int(),
  }),
});
export type Today = z.infer<typeof todaySchema>;
