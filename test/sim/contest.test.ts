import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateBy, contestAllocate, proportionalAllocate, rankingAllocate } from '../../src/sim/contest.js';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);
const mechanisms = ['contest', 'ranking', 'proportional'] as const;

const requests = fc
  .array(fc.record({ need: fc.double({ min: 0, max: 500, noNaN: true }), score: fc.double({ min: 1e-6, max: 1e6, noNaN: true }) }), {
    minLength: 0,
    maxLength: 60,
  })
  .map((rs) => ({ needs: rs.map((r) => r.need), scores: rs.map((r) => r.score) }));

describe('contestAllocate()', () => {
  it('contestAllocate() gives shares s^r / Σ s^r when nobody is capped', () => {
    const out = contestAllocate(10, [100, 100, 100], [1, 2, 3], 1);
    expect(Array.from(out)).toEqual([10 / 6, 20 / 6, 30 / 6].map((x) => expect.closeTo(x, 12)));
  });

  it('contestAllocate() with decisiveness 0 splits evenly regardless of scores', () => {
    const out = contestAllocate(9, [100, 100, 100], [1, 50, 1000], 0);
    for (const x of out) expect(x).toBeCloseTo(3, 12);
  });

  it('contestAllocate() re-divides what a capped request leaves (water-filling)', () => {
    // The strong request needs only 2; the remaining 8 go to the other two in proportion 1:1.
    const out = contestAllocate(10, [2, 100, 100], [100, 1, 1], 1);
    expect(out[0]).toBeCloseTo(2, 12);
    expect(out[1]).toBeCloseTo(4, 12);
    expect(out[2]).toBeCloseTo(4, 12);
  });

  it('contestAllocate() with high decisiveness lets the best score take (nearly) everything', () => {
    const out = contestAllocate(10, [100, 100], [2, 1], 30);
    expect(out[0]).toBeGreaterThan(9.99);
  });

  it('rankingAllocate() serves the highest score in full first', () => {
    const out = rankingAllocate(10, [6, 6, 6], [1, 3, 2]);
    expect(Array.from(out)).toEqual([0, 6, 4]);
  });

  it('proportionalAllocate() gives everyone the same fraction of their need', () => {
    const out = proportionalAllocate(15, [10, 20]);
    expect(out[0]! / 10).toBeCloseTo(out[1]! / 20, 12);
    expect(sum(out)).toBeCloseTo(15, 12);
  });

  for (const mechanism of mechanisms) {
    it(`allocateBy('${mechanism}') gives no request more than it asked`, () => {
      fc.assert(
        fc.property(requests, fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), ({ needs, scores }, cap, r) => {
          const out = allocateBy(mechanism, cap, needs, scores, r);
          out.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(needs[i]! * (1 + 1e-12) + 1e-12);
          });
        }),
      );
    });

    it(`allocateBy('${mechanism}') never gives more than the capacity`, () => {
      fc.assert(
        fc.property(requests, fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), ({ needs, scores }, cap, r) => {
          expect(sum(allocateBy(mechanism, cap, needs, scores, r))).toBeLessThanOrEqual(cap * (1 + 1e-9) + 1e-9);
        }),
      );
    });

    it(`allocateBy('${mechanism}') uses all capacity when demand exceeds it, and meets all needs when it does not`, () => {
      fc.assert(
        fc.property(requests, fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 8, noNaN: true }), ({ needs, scores }, cap, r) => {
          const out = allocateBy(mechanism, cap, needs, scores, r);
          const demand = sum(needs);
          const given = sum(out);
          expect(given).toBeCloseTo(Math.min(cap, demand), 6);
        }),
      );
    });
  }

  it('contestAllocate() keeps the order of the scores: a higher score gets at least what a lower one got, or its whole need', () => {
    // Water-filling gives each request min(need, λ·score^r): so for score i > score j, out[i] ≥ min(need[i], out[j]), whatever the needs.
    let compared = 0;
    fc.assert(
      fc.property(requests, fc.double({ min: 1, max: 5000, noNaN: true }), fc.double({ min: 0.1, max: 8, noNaN: true }), ({ needs, scores }, cap, r) => {
        const out = contestAllocate(cap, needs, scores, r);
        for (let i = 0; i < needs.length; i++)
          for (let j = 0; j < needs.length; j++) {
            if (needs[i]! <= 0 || needs[j]! <= 0 || !(scores[i]! > scores[j]!)) continue;
            compared++;
            expect(out[i]!).toBeGreaterThanOrEqual(Math.min(needs[i]!, out[j]!) - 1e-9 * Math.max(1, cap));
          }
      }),
    );
    expect(compared).toBeGreaterThan(100);
  });
});
