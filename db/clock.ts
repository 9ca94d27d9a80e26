/** When a change is made: the moment (for the audit trail) and the office's calendar day. */
export interface Clock {
  /** ISO timestamp of the change. */
  at: string;
  /**
   * The office's calendar date today (YYYY-MM-DD), in the clock settings' zone or else this
   * machine's: the day the legal clocks count from (api/handlers/requests.ts clockOf).
   */
  today: string;
}

/**
 * The clock of a change made at `now`: the moment, and the office's day in its zone (the clock
 * settings', or this machine's). The API and the command line date their changes with it alike.
 */
export async function officeClock(clocks: { officeDay(now: Date): Promise<string> }, now: Date): Promise<Clock> {
  return { at: now.toISOString(), today: await clocks.officeDay(now) };
}
