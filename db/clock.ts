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
