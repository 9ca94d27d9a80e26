import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { HandlerContext } from '../../api/context.ts';
import type { DueClocks, RequestClocks } from '../../contract/clock-results.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import type { ClockSettings } from '../../contract/settings.ts';
import { auditRows } from '../helpers/documents.ts';
import { callerAs, testContext } from '../helpers/temp-register.ts';

const ADMIN = callerAs('administrator', 'Ada Admin');
const PROSECUTOR = callerAs('prosecutor', 'Paul Prosecutor', 'Parquet de Lyon');

const valueOf = <T>(reply: { ok: boolean; value?: unknown }): T => {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply.value as T;
};

/** A context whose clock reads `iso`. */
const at = (ctx: HandlerContext, iso: string): HandlerContext => ({ ...ctx, now: () => new Date(iso) });

/** An incoming EIO received on 2 March 2026 and under review, assigned to `assignedTo`. */
async function eio(ctx: HandlerContext, assignedTo: string | null, counterpartDeadline: string | null = null) {
  const registered = valueOf<RequestDetail>(
    await dispatch(
      'requests.register',
      {
        direction: 'incoming',
        kind: 'mla',
        legalBasis: 'eu_eio',
        counterpartCountry: 'DE',
        openedOn: '2026-03-02',
        assignedTo,
        counterpartDeadline,
      },
      ctx,
    ),
  );
  return valueOf<RequestDetail>(
    await dispatch(
      'requests.transition',
      { id: registered.id, to: 'under_review', on: '2026-03-03', expectedVersion: 1 },
      ctx,
    ),
  );
}

describe('the clocks channels', () => {
  it('give a request’s clocks, counted on the office’s calendar and in its zone', async () => {
    const ctx = testContext();
    valueOf(await dispatch('clocks.saveSettings', { timeZone: 'Europe/Paris' }, { ...ctx, caller: ADMIN }));
    const request = await eio(ctx, null, '2026-04-20');
    const clocks = valueOf<RequestClocks>(
      await dispatch('clocks.ofRequest', { id: request.id }, at(ctx, '2026-03-10T09:30:00Z')),
    );
    expect(clocks).toMatchObject({ today: '2026-03-10', timeZone: 'Europe/Paris', now: '2026-03-10T09:30:00.000Z' });
    expect(clocks.clocks.map((c) => [c.clock, c.state, c.dueOn])).toEqual([
      ['counterpartDeadline', 'running', '2026-04-20'],
      ['eioDecision', 'running', '2026-04-01'],
      ['eioExecution', 'pending', null],
    ]);
  });

  it('give a prosecutor the clocks of their own requests only, on the dashboard too', async () => {
    const ctx = testContext();
    const theirs = await eio(ctx, 'Paul Prosecutor');
    const other = await eio(ctx, 'Nadia Officer');
    const asProsecutor = at({ ...ctx, caller: PROSECUTOR }, '2026-04-10T09:30:00Z');
    expect(await dispatch('clocks.ofRequest', { id: theirs.id }, asProsecutor)).toMatchObject({ ok: true });
    expect(await dispatch('clocks.ofRequest', { id: other.id }, asProsecutor)).toMatchObject({
      ok: false,
      error: { code: 'denied' },
    });
    // Both EIOs' 30 days to decide ran out on 1 April.
    const everyone = valueOf<DueClocks>(await dispatch('dashboard.clocks', {}, at(ctx, '2026-04-10T09:30:00Z')));
    expect(everyone).toMatchObject({ overdue: 2, dueSoon: 0, shown: 2 });
    const mine = valueOf<DueClocks>(await dispatch('dashboard.clocks', {}, asProsecutor));
    expect(mine).toMatchObject({ overdue: 1, dueSoon: 0, shown: 1 });
    expect(mine.requests).toEqual([
      expect.objectContaining({
        id: theirs.id,
        reference: theirs.reference,
        clocks: [expect.objectContaining({ clock: 'eioDecision', state: 'overdue', daysLeft: -9 })],
      }),
    ]);
  });

  it('answer an unknown request as not found', async () => {
    expect(await dispatch('clocks.ofRequest', { id: 999 }, testContext())).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('let an administrator change the settings, refuse the others, and name the field of bad input', async () => {
    const ctx = testContext();
    const admin = { ...ctx, caller: ADMIN };
    expect(await dispatch('clocks.saveSettings', { warningDays: 3 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'denied' },
    });
    const bad = await dispatch(
      'clocks.saveSettings',
      {
        weekendDays: [1, 2, 3, 4, 5, 6, 7],
        timeZone: 'Europe/Atlantis',
        lengths: { epoEmergency: { length: 8, unit: 'calendar_days' } },
      },
      admin,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fields = bad.ok ? [] : (bad.error.fields ?? []).map((f) => [f.field, f.key]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['weekendDays', 'clock.field.weekendWholeWeek'],
        ['timeZone', 'clock.field.timeZone'],
        ['lengths.epoEmergency.unit', expect.any(String)],
      ]),
    );
    // Nothing was written by the refused call.
    expect(valueOf<ClockSettings>(await dispatch('clocks.settings', {}, ctx)).weekendDays).toEqual([6, 7]);
    expect(auditRows(ctx.register, 'settings')).toEqual([]);

    const saved = valueOf<ClockSettings>(
      await dispatch('clocks.saveSettings', { weekendDays: [5, 6], warningHours: 4 }, admin),
    );
    expect(saved).toMatchObject({ weekendDays: [5, 6], warningHours: 4 });
    expect(valueOf<ClockSettings>(await dispatch('clocks.settings', {}, ctx))).toEqual(saved);
    expect(auditRows(ctx.register, 'settings')).toHaveLength(1);
  });
});
