import { describe, expect, it } from 'vitest';
import { scheduleDailyBackups, type Timers } from '../../db/backups/schedule.ts';

const HOUR = 3_600_000;
const START = new Date('2026-03-10T08:00:00.000Z');

/**
 * A clock and timers the test moves by hand: `advance` runs every timer that falls due, in
 * order, letting each check finish before the next, as real time would.
 */
function harness(newestAtStart: Date | null, isQuiet?: () => boolean) {
  let now = START.getTime();
  let newest = newestAtStart;
  const taken: string[] = [];
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  const fakeTimers: Timers = {
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  let fail = false;
  const schedule = scheduleDailyBackups({
    now: () => new Date(now),
    newestDaily: async () => newest,
    takeDaily: async () => {
      if (fail) throw new Error('disk full');
      newest = new Date(now);
      taken.push(new Date(now).toISOString());
    },
    log: () => {},
    timers: fakeTimers,
    ...(isQuiet ? { isQuiet } : {}),
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    schedule,
    taken,
    pending: () => timers.length,
    failNext: (value: boolean) => {
      fail = value;
    },
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers[0];
        if (!due || due.at > until) break;
        timers.shift();
        now = due.at;
        due.run();
        await settle();
      }
      now = until;
    },
  };
}

describe('the daily backup schedule', () => {
  it('takes a backup shortly after start when there is none yet', async () => {
    const h = harness(null);
    await h.advance(19_000);
    expect(h.taken).toEqual([]);
    await h.advance(1_000);
    expect(h.taken).toEqual(['2026-03-10T08:00:20.000Z']);
  });

  it('takes none at start when the newest daily backup is younger than a day, then one once it is a day old', async () => {
    const h = harness(new Date(START.getTime() - 20 * HOUR));
    await h.advance(HOUR);
    expect(h.taken).toEqual([]);
    // Checked every hour: the 24 hours are up 4 hours after start, caught at the next hourly look.
    await h.advance(4 * HOUR);
    expect(h.taken).toEqual(['2026-03-10T12:00:20.000Z']);
  });

  it('takes one a day while the app stays open for days, never more', async () => {
    const h = harness(new Date(START.getTime() - 30 * HOUR));
    await h.advance(3 * 24 * HOUR);
    expect(h.taken).toEqual(['2026-03-10T08:00:20.000Z', '2026-03-11T08:00:20.000Z', '2026-03-12T08:00:20.000Z']);
  });

  it('tries again at the next hourly check after a failure', async () => {
    const h = harness(null);
    h.failNext(true);
    await h.advance(30_000);
    expect(h.taken).toEqual([]);
    h.failNext(false);
    await h.advance(HOUR);
    expect(h.taken).toEqual(['2026-03-10T09:00:20.000Z']);
  });

  it('stops checking once stopped (the host closes)', async () => {
    const h = harness(null);
    h.schedule.stop();
    expect(h.pending()).toBe(0);
    await h.advance(48 * HOUR);
    expect(h.taken).toEqual([]);
  });

  it('does not start a second backup while one is running', async () => {
    const h = harness(null);
    const [first, second] = await Promise.all([h.schedule.check(), h.schedule.check()]);
    expect([first, second]).toEqual(['taken', 'busy']);
    expect(h.taken).toHaveLength(1);
  });

  it('waits for a quiet moment, looking every minute, then takes it', async () => {
    let quiet = false;
    const h = harness(null, () => quiet);
    await h.advance(3 * 60_000);
    expect(h.taken).toEqual([]);
    quiet = true;
    await h.advance(60_000);
    expect(h.taken).toEqual(['2026-03-10T08:03:20.000Z']);
  });

  it('takes it anyway after half an hour of nobody pausing', async () => {
    const h = harness(null, () => false);
    await h.advance(29 * 60_000);
    expect(h.taken).toEqual([]);
    await h.advance(2 * 60_000);
    expect(h.taken).toEqual(['2026-03-10T08:30:20.000Z']);
  });
});
