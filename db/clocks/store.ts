import { systemTimeZone } from '../../contract/clock-calendar.ts';
import { officeIsoDate } from '../../contract/dates.ts';
import { type ClockEnvironment, clockSubjectOf, requestClocks, todayOf } from '../../contract/clock-compute.ts';
import type { DueClocks, RequestClocks } from '../../contract/clock-results.ts';
import type { ClockSettings, ClockSettingsPatch } from '../../contract/settings.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { getRequestDetail } from '../requests/read.ts';
import type { RequestScope } from '../requests/scope.ts';
import { readClockSettings, readSettings, updateClockSettings } from '../settings.ts';
import type { Db, Queryable } from '../types.ts';
import { dueClocks } from './due.ts';

/** The legal clocks (contract/clocks.ts): their settings, one request's clocks, and those due. */
export interface ClockStore {
  settings(): Promise<ClockSettings>;
  updateSettings(patch: ClockSettingsPatch, actor: Actor, clock: Clock): Promise<ClockSettings>;
  /** The clocks of one request (which must exist) at `now`. */
  ofRequest(id: number, now: Date): Promise<RequestClocks>;
  /** The clocks overdue or due soon at `now` among the requests in `scope` (null: all). */
  due(now: Date, scope: RequestScope | null): Promise<DueClocks>;
  /**
   * The office's calendar day at `now`, in its zone (the settings', or this machine's): the
   * register's "today" for every call (api/handlers/requests.ts clockOf).
   */
  officeDay(now: Date): Promise<string>;
}

/** What the clocks are computed with at `now`: the settings as stored, the office's zone resolved. */
export function clockEnvironment(db: Queryable, now: Date): ClockEnvironment {
  const settings = readClockSettings(db);
  return {
    now: now.getTime(),
    zone: settings.timeZone === '' ? systemTimeZone() : settings.timeZone,
    reminders: readSettings(db),
    settings,
  };
}

export function sqliteClockStore(db: Db): ClockStore {
  // The settings' zone ('' for none), read once: every call asks for the day, and only saving
  // the settings here changes it (a restored backup opens a new register, with a new store).
  let zone: string | undefined;
  return {
    settings: async () => readClockSettings(db),
    updateSettings: async (patch, actor, clock) => {
      const saved = updateClockSettings(db, patch, actor, clock.at);
      zone = saved.timeZone;
      return saved;
    },
    ofRequest: async (id, now) => {
      const env = clockEnvironment(db, now);
      // Unscoped: a follow-up the caller may not open still stops a preservation's clock.
      const clocks = requestClocks(clockSubjectOf(getRequestDetail(db, id)), env);
      return { now: now.toISOString(), today: todayOf(env), timeZone: env.zone, clocks };
    },
    due: async (now, scope) => dueClocks(db, clockEnvironment(db, now), scope),
    officeDay: async (now) => officeIsoDate(now, (zone ??= readClockSettings(db).timeZone)),
  };
}
