import { describe, expect, it } from 'vitest';
import type { GroupFigures, YearFigures } from '../../contract/statistics.ts';
import { ACTOR, newRequest } from '../helpers/requests.ts';
import { STATS_CLOCK, closeOrReopen, moveTo, openedRequest } from '../helpers/statistics.ts';
import { tempRegister } from '../helpers/temp-register.ts';

const group = (f: YearFigures, kind = 'mla'): GroupFigures | undefined =>
  f.groups.find((g) => g.direction === 'incoming' && g.kind === kind);

describe('annual statistics at the edges of the year', () => {
  it('counts a request opened on 1 January as opened in that year, not pending at its start', async () => {
    const register = tempRegister();
    await openedRequest(register, '2024-01-01');
    const g = group(await register.statistics.year(2024));
    expect(g).toMatchObject({ opened: 1, pendingStart: 0, pendingEnd: 1, closed: 0 });
    expect(group(await register.statistics.year(2023))).toBeUndefined();
  });

  it('counts a closure on 31 December in that year: not pending at its end', async () => {
    const register = tempRegister();
    const r = await openedRequest(register, '2024-06-01');
    await moveTo(register, r, 'withdrawn', '2024-12-31');
    expect(group(await register.statistics.year(2024))).toMatchObject({ opened: 1, closed: 1, pendingEnd: 0 });
    expect(group(await register.statistics.year(2025))).toBeUndefined();
  });

  it('keeps a request closed on the next 1 January pending at the end of the year', async () => {
    const register = tempRegister();
    const r = await openedRequest(register, '2024-06-01');
    await moveTo(register, r, 'lapsed', '2025-01-01');
    expect(group(await register.statistics.year(2024))).toMatchObject({ opened: 1, closed: 0, pendingEnd: 1 });
    const next = group(await register.statistics.year(2025));
    expect(next).toMatchObject({ opened: 0, closed: 1, pendingStart: 1, pendingEnd: 0 });
    expect(next?.daysToClose).toEqual({ n: 1, mean: 214, median: 214, p90: 214 });
  });

  it('counts a same-day closure as 0 days to close', async () => {
    const register = tempRegister();
    const r = await openedRequest(register, '2024-03-05');
    await moveTo(register, r, 'refused', '2024-03-05');
    const g = group(await register.statistics.year(2024));
    expect(g).toMatchObject({ opened: 1, closed: 1, pendingStart: 0, pendingEnd: 0 });
    expect(g?.daysToClose).toEqual({ n: 1, mean: 0, median: 0, p90: 0 });
    expect(g?.refusalGrounds).toEqual({ dual_criminality: 1 });
  });

  it('counts the leap day: opened 2024-02-28, closed 2024-03-01 is 2 days', async () => {
    const register = tempRegister();
    const r = await openedRequest(register, '2024-02-28');
    await moveTo(register, r, 'withdrawn', '2024-03-01');
    const leap = await openedRequest(register, '2024-02-29');
    await moveTo(register, leap, 'withdrawn', '2024-02-29');
    const g = group(await register.statistics.year(2024));
    expect(g?.daysToClose).toEqual({ n: 2, mean: 1, median: 1, p90: 2 });
  });

  it('counts a reopening in the year once, and measures the second closure from the reopening', async () => {
    const register = tempRegister();
    let r = await openedRequest(register, '2023-10-01');
    r = await moveTo(register, r, 'withdrawn', '2023-12-01');
    r = await closeOrReopen(register, r, '2024-02-01');
    await moveTo(register, r, 'lapsed', '2024-02-11');
    const g = group(await register.statistics.year(2024));
    expect(g).toMatchObject({ opened: 0, reopened: 1, closed: 1, pendingStart: 0, pendingEnd: 0 });
    expect(g?.closedByOutcome).toEqual({ lapsed: 1 });
    expect(g?.daysToClose).toEqual({ n: 1, mean: 10, median: 10, p90: 10 });
    expect(group(await register.statistics.year(2023))).toMatchObject({ opened: 1, closed: 1, pendingEnd: 0 });
  });

  it('keeps a refusal’s grounds in the year it was refused after the request is reopened', async () => {
    const register = tempRegister();
    let r = await openedRequest(register, '2024-03-01');
    r = await moveTo(register, r, 'refused', '2024-06-01');
    r = await closeOrReopen(register, r, '2025-01-15');
    await moveTo(register, r, 'withdrawn', '2025-03-01');
    expect(group(await register.statistics.year(2024))?.refusalGrounds).toEqual({ dual_criminality: 1 });
    expect(group(await register.statistics.year(2025))?.refusalGrounds ?? {}).toEqual({});
    expect((await register.requests.get(r.id)).refusalGrounds).toEqual([]);
  });

  it('keeps a request reopened in the year and still open pending at its end', async () => {
    const register = tempRegister();
    let r = await openedRequest(register, '2024-01-10');
    r = await moveTo(register, r, 'withdrawn', '2024-01-20');
    await closeOrReopen(register, r, '2024-05-01');
    const g = group(await register.statistics.year(2024));
    expect(g).toMatchObject({ opened: 1, closed: 1, reopened: 1, pendingStart: 0, pendingEnd: 1 });
  });

  it('counts drafts never transmitted nowhere, even withdrawn ones', async () => {
    const register = tempRegister();
    const draft = await register.requests.register(
      newRequest({ direction: 'outgoing', openedOn: '2024-02-01' }),
      ACTOR,
      STATS_CLOCK,
    );
    expect(draft.status).toBe('draft');
    await moveTo(register, draft, 'withdrawn', '2024-03-01');
    const figures = await register.statistics.year(2024);
    expect(figures.groups).toEqual([]);
    expect(await register.statistics.years()).toEqual({ from: null, to: null });
  });

  it('gives a median of an even count as the mean of the two middle values, and p90 by nearest rank', async () => {
    const register = tempRegister();
    for (const [opened, closed] of [
      ['2024-01-01', '2024-01-02'],
      ['2024-01-01', '2024-01-04'],
      ['2024-01-01', '2024-01-05'],
      ['2024-01-01', '2024-01-11'],
    ] as const) {
      await moveTo(register, await openedRequest(register, opened), 'lapsed', closed);
    }
    // 1, 3, 4, 10: mean 4.5, median (3 + 4) / 2, p90 at position ceil(3.6) = 4.
    expect(group(await register.statistics.year(2024))?.daysToClose).toEqual({ n: 4, mean: 4.5, median: 3.5, p90: 10 });
  });
});
