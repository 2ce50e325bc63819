import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gini, kendallW, kendallWSparse, orderByKey, ranks, spearman } from '../../src/sim/stats.js';

describe('stats', () => {
  it('ranks() gives average ranks to ties', () => {
    expect(ranks([10, 20, 10, 30])).toEqual([1.5, 3, 1.5, 4]);
  });

  it('ranks() agrees with a direct definition for any input, small or large', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 120 }), (xs) => {
        const r = ranks(xs);
        xs.forEach((x, i) => {
          const below = xs.filter((y) => y < x).length;
          const equal = xs.filter((y) => y === x).length;
          expect(r[i]).toBe(below + (equal + 1) / 2);
        });
      }),
    );
  });

  it('orderByKey() sorts by key and keeps the given order among equal keys', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 200 }), (keys) => {
        const items = keys.map((_, i) => i);
        orderByKey(items, items.length, keys);
        const expected = keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
        expect(items).toEqual(expected);
      }),
    );
  });

  it('spearman() is 1 for a monotone relation and −1 for a reversed one', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('gini() is 0 for equal values and (n−1)/n when one has everything', () => {
    expect(gini([2, 2, 2, 2])).toBe(0);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(0.75, 12);
  });

  it('kendallW() is 1 when raters agree and 0 when they cancel out', () => {
    expect(kendallW([[1, 2, 3], [10, 20, 30]])).toBeCloseTo(1, 12);
    expect(kendallW([[1, 2, 3], [3, 2, 1]])).toBeCloseTo(0, 12);
  });

  it('kendallWSparse() equals kendallW() on the same ratings with the unrated items filled in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc.tuple(fc.subarray(Array.from({ length: n }, (_, i) => i)), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }), fc.integer({ min: 0, max: 6 })),
              { minLength: 2, maxLength: 6 },
            ),
          ),
        ),
        ([n, raw]) => {
          const rows = raw.map(([items, vals, fill]) => ({ items, values: items.map((i) => vals[i]!), fill }));
          const dense = rows.map((r) => {
            const row = new Array<number>(n).fill(r.fill);
            r.items.forEach((item, k) => (row[item] = r.values[k]!));
            return row;
          });
          expect(kendallWSparse(n, rows)).toBeCloseTo(kendallW(dense), 9);
        },
      ),
    );
  });
});
