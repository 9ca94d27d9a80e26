import type { RestoreResult } from '../contract/backups.ts';
import { appError } from '../contract/errors.ts';
import type { Actor } from '../db/audit.ts';
import { scheduleDailyBackups } from '../db/backups/schedule.ts';
import { DamagedCopyError, restoreBackup } from '../db/backups/store.ts';
import type { Clock } from '../db/clock.ts';
import type { OpenOptions } from '../db/open.ts';
import { openSqliteRegister, type Register } from '../db/register.ts';

/** How long without a call counts as a quiet moment for the daily backup. */
const QUIET_MS = 10_000;

/** What a handler may ask of the host beyond the register: put a backup in its place. */
export interface RegisterSwap {
  /** Restores the backup of that name over the open register (db/backups/restore.ts), then reopens it. */
  restore(name: string, actor: Actor, clock: Clock): Promise<RestoreResult>;
}

export interface RegisterHolder {
  /**
   * Stands for whichever register is open: every property reads the current one, so code that
   * keeps this object (sessions, handlers, the transports) follows a restore without restarting.
   */
  readonly register: Register;
  /** Runs one call; while a restore replaces the register, calls wait for it to finish. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly swap: RegisterSwap;
  close(): void;
}

export interface HoldOptions {
  now: () => Date;
  log: (message: string, error: unknown) => void;
  /** Takes a daily backup while the host runs (db/backups/schedule.ts). */
  dailyBackups?: boolean;
}

/**
 * The API host's open register, replaceable while the process runs. Calls go through `run`,
 * which counts them; a restore (from inside a call) first holds new calls back and waits until
 * it is the only one left, then closes the register, swaps the files and opens the restored
 * one; the calls held back then go on, against it.
 */
export function holdRegister(openOptions: OpenOptions, options: HoldOptions): RegisterHolder {
  let current = openSqliteRegister(openOptions);
  const register = {} as Register;
  for (const key of Object.keys(current) as (keyof Register)[]) {
    Object.defineProperty(register, key, { enumerable: true, get: () => current[key] });
  }

  let inFlight = 0;
  let lastCall = 0;
  let exclusive: Promise<void> | null = null;
  const waiters: { ready: () => boolean; go: () => void }[] = [];
  const wake = () => {
    for (const waiter of [...waiters]) {
      if (!waiter.ready()) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.go();
    }
  };

  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    while (exclusive) await exclusive;
    inFlight++;
    try {
      return await work();
    } finally {
      inFlight--;
      lastCall = options.now().getTime();
      wake();
    }
  };

  /** Called from inside a call (the restore's own), so it waits until that call is the only one. */
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    if (exclusive) throw appError('storage', 'backup.restoreUnderWay');
    let done = () => {};
    exclusive = new Promise<void>((resolve) => (done = resolve));
    try {
      await new Promise<void>((go) => {
        waiters.push({ ready: () => inFlight <= 1, go });
        wake();
      });
      return await work();
    } finally {
      exclusive = null;
      done();
    }
  };

  const swap: RegisterSwap = {
    restore: async (name, actor, clock) => {
      const result = await restoreBackup({
        databaseFile: openOptions.file,
        backupDir: current.backups.locate(name),
        options: openOptions,
        now: options.now(),
        hooks: {
          exclusive: alone,
          backUpCurrent: async () => {
            try {
              return { taken: (await current.backups.create('before-restore', options.now())).name };
            } catch (e) {
              if (e instanceof DamagedCopyError) return { skipped: e.message };
              throw e;
            }
          },
          close: () => current.close(),
          reopen: () => {
            current = openSqliteRegister(openOptions);
          },
        },
      });
      await current.backups.recordRestore(result, actor, clock);
      return result;
    },
  };

  const daily =
    options.dailyBackups === false
      ? null
      : scheduleDailyBackups({
          now: options.now,
          log: options.log,
          newestDaily: () => current.backups.newestDaily(),
          takeDaily: () => run(() => current.backups.create('daily', options.now())),
          // Nobody has called for a little while: the backup's check will not hold anyone up.
          isQuiet: () => inFlight === 0 && options.now().getTime() - lastCall >= QUIET_MS,
        });

  return {
    register,
    run,
    swap,
    close: () => {
      daily?.stop();
      current.close();
    },
  };
}
