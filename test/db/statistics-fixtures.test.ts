import { describe, expect, it } from 'vitest';
import { IMPORT_CLOCK, SAMPLE_CSV, importFile } from '../helpers/interchange.ts';
import { normalised, statsFixture } from '../helpers/statistics.ts';
import { tempRegister } from '../helpers/temp-register.ts';

describe('annual statistics of the 400-row sample register', () => {
  for (const year of [2024, 2025]) {
    it(`gives every figure of ${year} as the fixture does`, async () => {
      const register = tempRegister();
      const report = await importFile(register, SAMPLE_CSV, {}, IMPORT_CLOCK);
      expect(report.problems).toEqual([]);
      const ours = await register.statistics.year(year);
      const expected = statsFixture(year);
      // Not a vacuous match: both directions, several kinds, with their "all" groups.
      expect(ours.groups.length).toBeGreaterThanOrEqual(8);
      // Group by group first, so a failure names the group that differs.
      const byGroup = (f: typeof ours) =>
        Object.fromEntries(
          (normalised(f) as { groups: { direction: string; kind: string }[] }).groups.map((g) => [
            `${g.direction}/${g.kind}`,
            g,
          ]),
        );
      expect(byGroup(ours)).toEqual(byGroup(expected));
      expect(normalised(ours)).toEqual(normalised(expected));
    });
  }
});
