import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByKey } from '../../src/sim/sort.js';
import { gini, kendallW, kendallWSparse, ranks, spearman } from '../../src/sim/stats.js';

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

  // Long inputs go through buckets cut from the keys' bits: any double, both
  // signs, −0 beside 0, infinities, subnormals, ties and far outliers must
  // come out in the one stable order.
  const anyKey = fc.oneof(
    fc.double({ noNaN: true }),
    fc.double({ min: -5, max: 500, noNaN: true }),
    fc.integer({ min: -3, max: 3 }),
    fc.constantFrom(-0, 0, Infinity, -Infinity, 5e-324, -5e-324, 1e300),
  );
  const stableOrder = (keys: number[], items: number[]) => [...items].sort((a, b) => keys[a]! - keys[b]! || items.indexOf(a) - items.indexOf(b));

  it('orderByKey() gives the stable order for long inputs of any doubles', () => {
    fc.assert(
      fc.property(fc.array(anyKey, { minLength: 40, maxLength: 700 }), fc.boolean(), (keys, shuffled) => {
        const items = keys.map((_, i) => i);
        if (shuffled) items.reverse();
        const expected = stableOrder(keys, items);
        orderByKey(items, items.length, keys);
        expect(items).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('orderByKey() sorts typical engine keys (heavy-tailed, a few negatives) stably, in a typed array', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 49, maxLength: 1200 }), (draws) => {
        const keys = draws.map(([z, u]) => (u < 0.05 ? -1 : 1) * Math.exp(2 * z));
        const items = Int32Array.from(keys.keys());
        const expected = stableOrder(keys, [...items]);
        orderByKey(items, items.length, Float64Array.from(keys));
        expect([...items]).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('orderByKey() holds −0 and 0 equal in long inputs', () => {
    // Tiny keys (k · 2^-1042 has high word k) keep the span of the bits small
    // enough for one bucket per word, where −0 and 0 would differ.
    const zeros = Array.from({ length: 120 }, (_, i) => (i % 2 ? -0 : 0));
    const tiny = Array.from({ length: 120 }, (_, i) => (60 - (i % 60)) * 2 ** -1042);
    const keys = [...zeros, ...tiny];
    const items = keys.map((_, i) => i);
    const expected = stableOrder(keys, items);
    expect(expected.slice(0, 120)).toEqual(zeros.map((_, i) => i));
    orderByKey(items, items.length, keys);
    expect(items).toEqual(expected);
  });

  it('orderByKey() orders every item once when keys hold NaN', () => {
    const keys = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? NaN : Math.sin(i)));
    const items = keys.map((_, i) => i);
    orderByKey(items, items.length, keys);
    expect([...items].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
    const finite = items.filter((i) => !Number.isNaN(keys[i]));
    expect(finite.length).toBe(300 - 43);
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

  it('kendallWSparse() finishes whatever the fill: a fill that is not a number ranks the unrated items last', () => {
    const rows = [
      { items: [0, 1], values: [2, 1], fill: NaN },
      { items: [2], values: [5], fill: 1 },
    ];
    const w = kendallWSparse(4, rows);
    expect(w).toBeGreaterThanOrEqual(0);
    expect(w).toBeLessThanOrEqual(1);
    // NaN behaves as a fill above every rating: as large a fill as any.
    expect(w).toBe(kendallWSparse(4, [{ ...rows[0]!, fill: 1e9 }, rows[1]!]));
  });
});
