import { sql } from 'drizzle-orm';
import { TODAY_CARDS, type Today, type TodayCard, todayQuery } from '../contract/dashboard.ts';
import { listQuerySchema } from '../contract/requests.ts';
import { filterClock, listCondition } from './requests/filters.ts';
import { type RequestScope, withinScope } from './requests/scope.ts';
import { requests } from './schema/index.ts';
import type { Queryable } from './types.ts';

/** The Today dashboard (see db/requests/filters.ts for what each count means, precisely). */
export interface DashboardStore {
  /**
   * The counts for `me` (the name requests are assigned to) on the office's day `today`, of
   * the requests in `scope` (null or omitted: all of them).
   */
  today(me: string, today: string, scope?: RequestScope | null): Promise<Today>;
}

/** The statement counting the requests that meet `condition` (undefined: every request), not run. */
export function countQuery(db: Queryable, condition: ReturnType<typeof listCondition>) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(requests)
    .where(condition);
}

const count = (query: ReturnType<typeof countQuery>): number => query.get()?.n ?? 0;

/**
 * The statements behind the dashboard, built but not run: the register's size and, per card,
 * the count of the register list's own filter for it (contract/dashboard.ts).
 */
export function todayQueries(db: Queryable, me: string, today: string, scope: RequestScope | null = null) {
  const clock = filterClock(db, today);
  const cards = Object.fromEntries(
    TODAY_CARDS.map((card) => [
      card,
      countQuery(db, listCondition(listQuerySchema.parse(todayQuery(card, me)), clock, scope)),
    ]),
  ) as Record<TodayCard, ReturnType<typeof countQuery>>;
  return { clock, total: countQuery(db, withinScope(undefined, scope)), cards };
}

/**
 * Each count runs the register list's own filter for that card (contract/dashboard.ts), so
 * the number on a card is the length of the list it opens.
 */
export function todayCounts(db: Queryable, me: string, today: string, scope: RequestScope | null = null): Today {
  const { clock, total, cards } = todayQueries(db, me, today, scope);
  const counts = Object.fromEntries(TODAY_CARDS.map((card) => [card, count(cards[card])])) as Record<TodayCard, number>;
  const { acknowledgementDays, replyAbroadDays, preservationWarningDays, deadlineWarningDays } = clock.days;
  return {
    today,
    me,
    total: count(total),
    counts,
    days: { acknowledgementDays, replyAbroadDays, preservationWarningDays, deadlineWarningDays },
  };
}

export function sqliteDashboardStore(db: Queryable): DashboardStore {
  return { today: async (me, today, scope = null) => todayCounts(db, me, today, scope) };
}
