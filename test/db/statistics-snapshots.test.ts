import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { diffFigures } from '../../contract/statistics-diff.ts';
import { STATISTICS_DEFINITIONS, type StatisticsSnapshot, type YearFigures } from '../../contract/statistics.ts';
import { STATS_CLOCK, moveTo, openedRequest } from '../helpers/statistics.ts';
import { callerAs, tempRegister, testContext } from '../helpers/temp-register.ts';

const MANAGER = { name: 'Marta Manager', roles: ['manager'] as const };

describe('statistics snapshots', () => {
  it('freezes the figures with label, author, date and definitions, and keeps them after changes', async () => {
    const register = tempRegister();
    await openedRequest(register, '2024-03-01');
    const frozen = await register.statistics.freeze({ year: 2024, label: 'Annual report 2024' }, MANAGER, STATS_CLOCK);
    expect(frozen).toMatchObject({
      year: 2024,
      label: 'Annual report 2024',
      createdBy: 'Marta Manager',
      createdAt: STATS_CLOCK.at,
      definitions: STATISTICS_DEFINITIONS,
    });
    expect(frozen.figures).toEqual(await register.statistics.year(2024));
    await openedRequest(register, '2024-05-01', { counterpartCountry: 'DE' });
    const [kept] = await register.statistics.snapshots(2024);
    expect(kept?.figures).toEqual(frozen.figures);
    expect(await register.statistics.snapshot(frozen.id)).toEqual(frozen);
    expect(await register.statistics.snapshots(2023)).toEqual([]);
  });

  it('lists the snapshots of a year newest first', async () => {
    const register = tempRegister();
    await register.statistics.freeze({ year: 2024, label: 'first' }, MANAGER, STATS_CLOCK);
    await register.statistics.freeze({ year: 2024, label: 'second' }, MANAGER, {
      ...STATS_CLOCK,
      at: '2026-11-21T09:00:00.000Z',
    });
    expect((await register.statistics.snapshots(2024)).map((s) => s.label)).toEqual(['second', 'first']);
  });

  it('diffs a snapshot against the live figures: only the numbers that changed, with both values', async () => {
    const register = tempRegister();
    const r = await openedRequest(register, '2024-03-01');
    const snapshot = await register.statistics.freeze({ year: 2024, label: 'before' }, MANAGER, STATS_CLOCK);
    expect(diffFigures(snapshot.figures, await register.statistics.year(2024))).toEqual([]);
    await moveTo(register, r, 'withdrawn', '2024-03-11');
    const diff = diffFigures(snapshot.figures, await register.statistics.year(2024));
    const mla = diff.filter((d) => d.kind === 'mla').map((d) => [d.breakdown, d.key, d.snapshot, d.live]);
    expect(mla).toEqual(
      expect.arrayContaining([
        ['closed', '', 0, 1],
        ['pendingEnd', '', 1, 0],
        ['daysToClose.n', '', 0, 1],
        ['daysToClose.mean', '', null, 10],
        ['closedByOutcome', 'withdrawn', 0, 1],
        ['byCountry.closed', 'FR', 0, 1],
        ['byCountry.pendingEnd', 'FR', 1, 0],
      ]),
    );
    expect(mla).not.toContainEqual(expect.arrayContaining(['opened']));
    expect(diff.filter((d) => d.kind === 'all')).toHaveLength(mla.length);
  });

  it('treats a missing zero entry and a missing empty group as zero, not as a change', () => {
    const empty: YearFigures = { year: 2024, groups: [] };
    const zeros: YearFigures = {
      year: 2024,
      groups: [
        {
          direction: 'incoming',
          kind: 'preservation',
          opened: 0,
          closed: 0,
          closedByOutcome: { executed: 0 },
          reopened: 0,
          pendingStart: 0,
          pendingEnd: 0,
          daysToClose: { n: 0, mean: null, median: null, p90: null },
          byCountry: {},
          byOffence: {},
          cyberRelated: 0,
          byAssistance: {},
          byLegalBasis: {},
          byChannel: {},
          byUrgency: {},
          refusalGrounds: {},
          byProvider: {},
          preservationFollowedUp: 0,
        },
      ],
    };
    expect(diffFigures(empty, zeros)).toEqual([]);
    expect(diffFigures(zeros, empty)).toEqual([]);
  });
});

describe('statistics channels', () => {
  it('let a manager freeze and read, and refuse freezing to a clerk and reading to a prosecutor', async () => {
    const ctx = testContext({ caller: callerAs('manager', 'Marta Manager') });
    await openedRequest(ctx.register, '2024-03-01');
    const frozen = await dispatch('statistics.freeze', { year: 2024, label: 'Report' }, ctx);
    expect(frozen.ok).toBe(true);
    const listed = await dispatch('statistics.snapshots', { year: 2024 }, ctx);
    expect(listed.ok && (listed.value as StatisticsSnapshot[]).map((s) => s.createdBy)).toEqual(['Marta Manager']);
    const clerk = { ...ctx, caller: callerAs('clerk', 'Amina Clerk') };
    expect(await dispatch('statistics.freeze', { year: 2024, label: 'Report' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'denied' },
    });
    expect((await dispatch('statistics.year', { year: 2024 }, clerk)).ok).toBe(true);
    const prosecutor = { ...ctx, caller: callerAs('prosecutor', 'P') };
    expect(await dispatch('statistics.year', { year: 2024 }, prosecutor)).toMatchObject({ ok: false });
  });

  it('answer the years with data and a trend per year', async () => {
    const ctx = testContext();
    const r = await openedRequest(ctx.register, '2023-03-01');
    await moveTo(ctx.register, r, 'withdrawn', '2025-01-05');
    expect(await dispatch('statistics.years', {}, ctx)).toEqual({ ok: true, value: { from: 2023, to: 2025 } });
    const trend = await dispatch(
      'statistics.trend',
      { fromYear: 2022, toYear: 2025, direction: 'incoming', kind: 'mla' },
      ctx,
    );
    expect(trend).toEqual({
      ok: true,
      value: [
        { year: 2022, opened: 0, closed: 0, pendingEnd: 0 },
        { year: 2023, opened: 1, closed: 0, pendingEnd: 1 },
        { year: 2024, opened: 0, closed: 0, pendingEnd: 1 },
        { year: 2025, opened: 0, closed: 1, pendingEnd: 0 },
      ],
    });
  });

  it('name the bad field of a bad input', async () => {
    const ctx = testContext();
    const bad = await dispatch('statistics.trend', { fromYear: 2025, toYear: 2020, direction: 'incoming' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'toYear' }] } });
    const year = await dispatch('statistics.year', { year: 'x' }, ctx);
    expect(year).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'year' }] } });
  });
});
