import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSED_STATUSES, type Direction, type Kind } from '../../contract/codes.ts';
import type { GroupFigures, YearFigures } from '../../contract/statistics.ts';
import { openSqliteRegister, type Register } from '../../db/register.ts';
import { closeOrReopen, openedRequest } from '../helpers/statistics.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

// Random registers written through the real register API: the kinds whose workflows
// can be closed from their first transmitted status, so any sequence of steps is valid.
const TYPES: [Direction, Kind][] = [
  ['incoming', 'mla'],
  ['incoming', 'preservation'],
  ['outgoing', 'preservation'],
];
const COUNTRIES = ['FR', 'DE', 'US'];
const YEARS = [2021, 2022, 2023, 2024, 2025];
const FIRST = Date.parse('2021-01-01T00:00:00Z');
const dayOf = (offset: number) => new Date(FIRST + offset * 86_400_000).toISOString().slice(0, 10);

const requestArb = fc.record({
  type: fc.nat(TYPES.length - 1),
  country: fc.constantFrom(...COUNTRIES),
  openedDay: fc.nat(5 * 365 - 1),
  // Each step closes (an open request) or reopens (a closed one), so many days later.
  steps: fc.array(fc.record({ gap: fc.nat(200), ending: fc.nat(3) }), { maxLength: 4 }),
});
type RandomRequest = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

async function write(register: Register, spec: RandomRequest): Promise<void> {
  const [direction, kind] = TYPES[spec.type] ?? TYPES[0] ?? ['incoming', 'mla'];
  let day = spec.openedDay;
  let r = await openedRequest(register, dayOf(day), { direction, kind, counterpartCountry: spec.country });
  for (const step of spec.steps) {
    day += step.gap;
    if (day > 2100) break; // 2026-10-02: never after the clock's today
    r = await closeOrReopen(register, r, dayOf(day), step.ending);
  }
}

function withRegister<T>(use: (register: Register) => Promise<T>): Promise<T> {
  const register = openSqliteRegister({
    file: path.join(tempDir(), 'r.sqlite'),
    migrationsFolder: MIGRATIONS,
    create: true,
  });
  return use(register).finally(() => register.close());
}

const sumOf = (groups: GroupFigures[], pick: (g: GroupFigures) => number) => groups.reduce((n, g) => n + pick(g), 0);

function checkYear(f: YearFigures): void {
  for (const g of f.groups) {
    expect(g.pendingEnd, `${g.direction}/${g.kind} ${f.year}`).toBe(g.pendingStart + g.opened + g.reopened - g.closed);
    expect(sumOf([g], (x) => CLOSED_STATUSES.reduce((n, s) => n + (x.closedByOutcome[s] ?? 0), 0))).toBe(g.closed);
    expect(g.daysToClose.n).toBe(g.closed);
  }
  for (const direction of ['incoming', 'outgoing'] as const) {
    const all = f.groups.find((g) => g.direction === direction && g.kind === 'all');
    const kinds = f.groups.filter((g) => g.direction === direction && g.kind !== 'all');
    for (const figure of ['opened', 'closed', 'reopened', 'pendingStart', 'pendingEnd', 'cyberRelated'] as const) {
      expect(all?.[figure] ?? 0, `${direction} all ${figure} ${f.year}`).toBe(sumOf(kinds, (g) => g[figure]));
    }
    for (const country of COUNTRIES) {
      expect(all?.byCountry[country]?.pendingEnd ?? 0).toBe(sumOf(kinds, (g) => g.byCountry[country]?.pendingEnd ?? 0));
    }
  }
}

describe('annual statistics of random registers', () => {
  it('keep pendingEnd = pendingStart + opened + reopened − closed, and "all" the sum of its kinds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(requestArb, { minLength: 1, maxLength: 12 }), (specs) =>
        withRegister(async (register) => {
          for (const spec of specs) await write(register, spec);
          for (const year of YEARS) checkYear(await register.statistics.year(year));
        }),
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it("do not change a past year's figures when a request opened later is added", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArb, { minLength: 1, maxLength: 10 }),
        requestArb,
        fc.constantFrom(2021, 2022, 2023),
        (specs, later, year) =>
          withRegister(async (register) => {
            for (const spec of specs) await write(register, spec);
            const before = await register.statistics.year(year);
            // Opened after the year ends, whatever happens to it afterwards.
            await write(register, { ...later, openedDay: (year - 2020) * 366 + (later.openedDay % 300) });
            expect(await register.statistics.year(year)).toEqual(before);
          }),
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
