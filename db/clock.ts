/** When a change is made: the moment (for the audit trail) and the office's calendar day. */
export interface Clock {
  /** ISO timestamp of the change. */
  at: string;
  /** The office's calendar date today (YYYY-MM-DD). */
  today: string;
}
