import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { HandlerContext } from '../../api/context.ts';
import { clockOf } from '../../api/handlers/requests.ts';
import type { AppInfo } from '../../contract/channels.ts';
import type { RequestClocks } from '../../contract/clock-results.ts';
import { officeIsoDate } from '../../contract/dates.ts';
import type { ListResult, RequestDetail } from '../../contract/requests.ts';
import { callerAs, testContext } from '../helpers/temp-register.ts';

const ADMIN = callerAs('administrator', 'Ada Admin');
/** Half an hour before midnight in London: already the next morning in Tokyo, still the evening in New York. */
const LATE = '2026-03-10T23:30:00Z';

const valueOf = <T>(reply: { ok: boolean; value?: unknown }): T => {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply.value as T;
};

const at = (ctx: HandlerContext, iso: string): HandlerContext => ({ ...ctx, now: () => new Date(iso) });

async function saveZone(ctx: HandlerContext, timeZone: string): Promise<void> {
  valueOf(await dispatch('clocks.saveSettings', { timeZone }, { ...ctx, caller: ADMIN }));
}

// The machine's zone, as the process was started with: Node reads TZ again when it is set.
let machineZone: string | undefined;
beforeEach(() => {
  machineZone = process.env['TZ'];
});
afterEach(() => {
  if (machineZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = machineZone;
});

describe('the office’s day (contract/dates.ts officeIsoDate)', () => {
  it('is the day in the zone named, whatever the machine’s', () => {
    process.env['TZ'] = 'America/New_York';
    expect(officeIsoDate(new Date(LATE), 'Asia/Tokyo')).toBe('2026-03-11');
    expect(officeIsoDate(new Date(LATE), 'America/Los_Angeles')).toBe('2026-03-10');
    expect(officeIsoDate(new Date(LATE), 'UTC')).toBe('2026-03-10');
  });

  it('is the machine’s day where no zone is named', () => {
    process.env['TZ'] = 'Asia/Tokyo';
    expect(officeIsoDate(new Date(LATE), '')).toBe('2026-03-11');
    process.env['TZ'] = 'America/New_York';
    expect(officeIsoDate(new Date(LATE), '')).toBe('2026-03-10');
  });
});

describe('the register’s "today" for every call (clockOf)', () => {
  it('is the next day at 23:30 UTC when the office is in Tokyo, on a machine kept in UTC', async () => {
    process.env['TZ'] = 'UTC';
    const ctx = at(testContext(), LATE);
    expect(await clockOf(ctx)).toEqual({ at: '2026-03-10T23:30:00.000Z', today: '2026-03-10' });
    await saveZone(ctx, 'Asia/Tokyo');
    expect(await clockOf(ctx)).toEqual({ at: '2026-03-10T23:30:00.000Z', today: '2026-03-11' });
  });

  it('is the machine’s day when the settings name no zone', async () => {
    const ctx = at(testContext(), LATE);
    process.env['TZ'] = 'Asia/Tokyo';
    expect((await clockOf(ctx)).today).toBe('2026-03-11');
    process.env['TZ'] = 'America/New_York';
    expect((await clockOf(ctx)).today).toBe('2026-03-10');
  });

  it('follows the zone as soon as the clock settings are saved, and back to the machine’s when cleared', async () => {
    process.env['TZ'] = 'UTC';
    const ctx = at(testContext(), LATE);
    await saveZone(ctx, 'Asia/Tokyo');
    expect((await clockOf(ctx)).today).toBe('2026-03-11');
    await saveZone(ctx, 'America/Los_Angeles');
    expect((await clockOf(ctx)).today).toBe('2026-03-10');
    await saveZone(ctx, 'Asia/Tokyo');
    expect((await clockOf(ctx)).today).toBe('2026-03-11');
    await saveZone(ctx, '');
    expect((await clockOf(ctx)).today).toBe('2026-03-10');
  });

  it('is the day the legal clocks count from, and the day the app and the register’s lists use', async () => {
    process.env['TZ'] = 'UTC';
    const base = testContext();
    await saveZone(base, 'Asia/Tokyo');
    // An incoming request whose counterpart asked for an answer by 10 March.
    const request = valueOf<RequestDetail>(
      await dispatch(
        'requests.register',
        {
          direction: 'incoming',
          kind: 'mla',
          counterpartCountry: 'DE',
          openedOn: '2026-03-02',
          counterpartDeadline: '2026-03-10',
        },
        at(base, '2026-03-02T09:00:00Z'),
      ),
    );

    const late = at(base, LATE);
    const clocks = valueOf<RequestClocks>(await dispatch('clocks.ofRequest', { id: request.id }, late));
    const info = valueOf<AppInfo>(await dispatch('app.info', {}, late));
    expect([clocks.today, info.today]).toEqual(['2026-03-11', '2026-03-11']);
    // In Tokyo the deadline went by at midnight: the register's "overdue" says so with the clocks.
    const overdue = valueOf<ListResult>(await dispatch('requests.list', { due: 'overdue' }, late));
    expect(overdue.rows.map((r) => r.id)).toEqual([request.id]);
    expect(clocks.clocks.find((c) => c.clock === 'counterpartDeadline')?.state).toBe('overdue');

    // Back in the machine's zone (UTC), it is still the 10th: not yet overdue.
    await saveZone(base, '');
    const again = valueOf<ListResult>(await dispatch('requests.list', { due: 'overdue' }, late));
    expect(again.rows).toEqual([]);
  });
});
