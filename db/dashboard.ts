import { sql } from 'drizzle-orm';
import { TODAY_CARDS, type Today, type TodayCard, todayQuery } from '../contract/dashboard.ts';
import { listQuerySchema } from '../contract/requests.ts';
import { filterClock, listCondition } from './requests/filters.ts';
import { requests } from './schema/index.ts';
import type { Queryable } from './types.ts';

/** The Today dashboard (see db/requests/filters.ts for what each count means, precisely). */
export interface DashboardStore {
  /** The counts for `me` (the caller's name) on the office's day `today`. */
  today(me: string, today: string): Promise<Today>;
}

function count(db: Queryable, condition: ReturnType<typeof listCondition>): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(requests)
      .where(condition)
      .get()?.n ?? 0
  );
}

/**
 * Each count runs the register list's own filter for that card (contract/dashboard.ts), so
 * the number on a card is the length of the list it opens.
 */
export function todayCounts(db: Queryable, me: string, today: string): Today {
  const clock = filterClock(db, today);
  const counts = Object.fromEntries(
    TODAY_CARDS.map((card) => [card, count(db, listCondition(listQuerySchema.parse(todayQuery(card, me)), clock))]),
  ) as Record<TodayCard, number>;
  const { acknowledgementDays, replyAbroadDays, preservationWarningDays, deadlineWarningDays } = clock.days;
  return {
    today,
    me,
    total: count(db, undefined),
    counts,
    days: { acknowledgementDays, replyAbroadDays, preservationWarningDays, deadlineWarningDays },
  };
}

export function sqliteDashboardStore(db: Queryable): DashboardStore {
  return { today: async (me, today) => todayCounts(db, me, today) };
}
