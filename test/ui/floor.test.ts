/** The floor's layout arithmetic: KAMs kept apart by their figures or their names, whichever is wider. */
import { describe, expect, it } from 'vitest';
import { spreadApart } from '../../src/game/floor/spread.js';

describe('floor layout', () => {
  it('spreadApart() leaves KAMs under their accounts when they have room', () => {
    expect(spreadApart([{ x: 100, half: 21 }, { x: 300, half: 21 }])).toEqual([100, 300]);
  });

  it('spreadApart() moves a KAM right past the ones it would overlap, names included', () => {
    // Two names 56 px wide, wanted 33 px apart (accounts that interleave): the second moves to touch the first, not onto it.
    const [a, b] = spreadApart([{ x: 489, half: 28 }, { x: 522, half: 28 }]);
    expect(a).toBe(489);
    expect(b! - a!).toBeGreaterThanOrEqual(56);
    // A third wanted between them goes past both.
    const xs = spreadApart([{ x: 100, half: 20 }, { x: 140, half: 20 }, { x: 120, half: 20 }]);
    expect(xs).toEqual([100, 140, 180]);
  });

  it('spreadApart() ends with sizes that do not add up exactly in floating point', () => {
    // 489.123 + 50.7 − 489.123 is a hair under 50.7: touching must not count as a clash again.
    const xs = spreadApart([{ x: 489.123, half: 25.35 }, { x: 500.1, half: 25.35 }, { x: 510.7, half: 25.35 }]);
    expect(xs[1]! - xs[0]!).toBeCloseTo(50.7, 6);
    expect(xs[2]! - xs[1]!).toBeCloseTo(50.7, 6);
  });
});
