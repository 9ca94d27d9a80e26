const HOUR_MS = 60 * 60 * 1000;
const QUIET_RETRY_MS = 60 * 1000;

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A pending check never keeps a process alive (the command line, tests, a closing server).
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DailyBackupOptions {
  now: () => Date;
  /** When the newest finished daily backup was taken; null when there is none. */
  newestDaily: () => Promise<Date | null>;
  /** Takes the daily backup (the host runs it like a call, so a restore never runs beside it). */
  takeDaily: () => Promise<unknown>;
  log: (message: string, error: unknown) => void;
  /** A backup is due once the newest daily one is this old (default 24 h). */
  maxAgeMs?: number;
  /** How often the host looks again while it runs (default hourly). */
  checkEveryMs?: number;
  /** The first look, shortly after start, once the first screen has loaded (default 20 s). */
  firstCheckAfterMs?: number;
  /**
   * Whether nobody is using the register just now. A backup's integrity check holds the
   * process for seconds on a large register (about 3 s per 100,000 requests here), so a due
   * backup waits for a quiet moment, looking again every minute, but no longer than
   * `maxWaitForQuietMs` (default 30 min): then it is taken anyway.
   */
  isQuiet?: () => boolean;
  maxWaitForQuietMs?: number;
  timers?: Timers;
}

export interface DailyBackups {
  /** Takes the daily backup if one is due; never throws (a failure is logged, and tried again at the next check). */
  check(): Promise<'taken' | 'not due' | 'waiting' | 'failed' | 'busy'>;
  stop(): void;
}

/**
 * A daily backup while the app is used: shortly after the register opens, a backup is taken if
 * the newest daily one is 24 hours old (or there is none), and the question is asked again every
 * hour while the app runs, so an app left open for days still gets one a day.
 */
export function scheduleDailyBackups(options: DailyBackupOptions): DailyBackups {
  const timers = options.timers ?? realTimers;
  const maxAgeMs = options.maxAgeMs ?? 24 * HOUR_MS;
  const checkEveryMs = options.checkEveryMs ?? HOUR_MS;
  const maxWaitForQuietMs = options.maxWaitForQuietMs ?? 30 * 60 * 1000;
  let running = false;
  let stopped = false;
  let handle: unknown = null;
  /** Since when a due backup has waited for a quiet moment. */
  let dueSince: number | null = null;

  const check: DailyBackups['check'] = async () => {
    if (running || stopped) return 'busy';
    running = true;
    try {
      const now = options.now().getTime();
      const newest = await options.newestDaily();
      if (newest !== null && now - newest.getTime() < maxAgeMs) return 'not due';
      dueSince ??= now;
      if (options.isQuiet && !options.isQuiet() && now - dueSince < maxWaitForQuietMs) return 'waiting';
      dueSince = null;
      await options.takeDaily();
      return 'taken';
    } catch (e) {
      options.log('The daily backup failed; it is tried again within the hour', e);
      return 'failed';
    } finally {
      running = false;
    }
  };

  const plan = (ms: number) => {
    if (stopped) return;
    handle = timers.setTimeout(() => {
      void check().then((outcome) => plan(outcome === 'waiting' ? QUIET_RETRY_MS : checkEveryMs));
    }, ms);
  };
  plan(options.firstCheckAfterMs ?? 20_000);

  return {
    check,
    stop: () => {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
    },
  };
}
