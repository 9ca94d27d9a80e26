import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_PX, scrollMap } from '../../renderer/src/screens/register/scaled-scroll.ts';

const ROW = 40;

describe('the register’s scroll bar past Chromium’s tallest element', () => {
  it('is the list itself while the rows fit', () => {
    const map = scrollMap({ bodyPx: 700_000 * ROW, headPx: ROW, viewPx: 600 });
    expect(map.scaled).toBe(false);
    expect(map.drawnBodyPx).toBe(700_000 * ROW);
    expect(map.toList(12_345)).toBe(12_345);
  });

  it('draws a million rows under Chromium’s limit and still reaches both ends of the list', () => {
    const bodyPx = 1_000_000 * ROW;
    const map = scrollMap({ bodyPx, headPx: ROW, viewPx: 600 });
    expect(map.scaled).toBe(true);
    expect(map.drawnBodyPx).toBe(MAX_BODY_PX);
    expect(MAX_BODY_PX + ROW).toBeLessThan(33_554_432);
    expect(map.toList(0)).toBe(0);
    const bottom = ROW + MAX_BODY_PX - 600;
    // At the bottom of the scroll bar, the last row sits at the bottom of the view.
    expect(map.toList(bottom)).toBe(ROW + bodyPx - 600);
    expect(map.toScrollTop(ROW + bodyPx - 600)).toBe(bottom);
  });

  it('maps list offsets to the scroll bar and back, in order, within a pixel', () => {
    const map = scrollMap({ bodyPx: 3_000_000 * ROW, headPx: ROW, viewPx: 700 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 * ROW }),
        fc.integer({ min: 0, max: 3_000_000 * ROW }),
        (a, b) => {
          expect(Math.abs(map.toList(map.toScrollTop(a)) - Math.min(a, ROW + 3_000_000 * ROW - 700))).toBeLessThan(
            1e-3,
          );
          if (a <= b) expect(map.toScrollTop(a)).toBeLessThanOrEqual(map.toScrollTop(b));
        },
      ),
      { seed: 5, numRuns: 500 },
    );
  });
});
