import { describe, expect, it } from 'vitest';
import { cohensD, meanInterval, tCdf, tQuantile, welchDifference, Welford } from '../../src/experiment/stats.js';
import { effectsBetweenPoints, replicatesNeeded, runsNeeded, SummaryBuilder } from '../../src/experiment/summary.js';

describe('statistics', () => {
  it('tQuantile(0.975, df) matches the tables', () => {
    const table: [number, number][] = [[1, 12.7062], [2, 4.3027], [5, 2.5706], [10, 2.2281], [30, 2.0423], [120, 1.9799], [Infinity, 1.96]];
    for (const [df, t] of table) expect(tQuantile(0.975, df)).toBeCloseTo(t, 3);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.2281, 3);
    expect(tCdf(tQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 10);
  });

  it('Welford gives the two-pass mean and sample variance, min and max', () => {
    const xs = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    const w = new Welford();
    xs.forEach((x) => w.add(x));
    expect(w.mean).toBe(1e9 + 10);
    expect(w.variance).toBeCloseTo(30, 9);
    expect([w.min, w.max]).toEqual([1e9 + 4, 1e9 + 16]);
  });

  it('Welford keeps the sd of values far from 0 to the last digits, as a two-pass sd does', () => {
    // 40 values 10¹² + d (d a multiple of 1/1024, so every value is exact): the sd is that of the d's.
    const ds = Array.from({ length: 40 }, (_, i) => (((i * 7919) % 101) - 50) * (43 / 1024));
    const m = ds.reduce((a, b) => a + b, 0) / ds.length;
    const sd = Math.sqrt(ds.reduce((a, b) => a + (b - m) ** 2, 0) / (ds.length - 1));
    const w = new Welford();
    ds.forEach((d) => w.add(1e12 + d));
    expect(Math.abs(w.sd - sd) / sd).toBeLessThan(1e-12);
    expect(w.mean).toBe(1e12 + m);
  });

  it('meanInterval() is mean ± t·sd/√n', () => {
    const ci = meanInterval(10, 5, 2);
    expect(ci.halfWidth).toBeCloseTo((2.2622 * 2) / Math.sqrt(10), 3);
    expect(Number.isNaN(meanInterval(1, 5, NaN).low)).toBe(true);
  });

  it("welchDifference() and cohensD() on two known samples", () => {
    const a = { n: 20, mean: 10, sd: 2 };
    const b = { n: 30, mean: 12, sd: 3 };
    const w = welchDifference(a, b);
    expect(w.estimate).toBe(2);
    // Welch–Satterthwaite df for these: ≈ 47.98
    expect(w.df).toBeCloseTo(47.98, 1);
    expect(w.high - w.estimate).toBeCloseTo(tQuantile(0.975, w.df) * Math.sqrt(4 / 20 + 9 / 30), 10);
    expect(cohensD(a, b)).toBeCloseTo(2 / Math.sqrt((19 * 4 + 29 * 9) / 48), 10);
  });

  it('effectsBetweenPoints() compares only points that differ in exactly one categorical factor', () => {
    const values = [['x', 1], ['y', 1], ['x', 2], ['y', 2]];
    const sb = new SummaryBuilder(['m'], 4);
    values.forEach((_, p) => {
      for (let r = 0; r < 5; r++) sb.add(p, [p * 10 + r]);
    });
    const summaries = sb.summaries({ values: (i) => values[i]! });
    const effects = effectsBetweenPoints(summaries, [{ path: 'f', categorical: true, levels: ['x', 'y'] }, { path: 'g', categorical: true, levels: [1, 2] }], ['m']);
    expect(effects).toHaveLength(4);
    const e = effects.find((x) => x.factor === 'f' && x.heldEqual === 'g=1')!;
    expect([e.pointA, e.pointB, e.difference]).toEqual([0, 1, 10]);
    expect(e.low).toBeLessThan(10);
    expect(e.high).toBeGreaterThan(10);
    // A scale factor held equal reads as a multiplier, not as the value itself.
    const scaled = effectsBetweenPoints(summaries, [{ path: 'f', categorical: true, levels: ['x', 'y'] }, { path: 'departments.*.capacity', categorical: true, levels: [1, 2], scale: true }], ['m']);
    expect(scaled.filter((x) => x.factor === 'f').map((x) => x.heldEqual)).toEqual(['departments.*.capacity ×1', 'departments.*.capacity ×2']);
  });

  it('replicatesNeeded() asks for enough replicates to reach the target half-width, capped', () => {
    const st = { n: 10, sd: 10, halfWidth: tQuantile(0.975, 9) * (10 / Math.sqrt(10)) };
    const need = replicatesNeeded(st, 2, 1000);
    expect(need).toBeGreaterThan(96);
    expect(tQuantile(0.975, need - 1) * (10 / Math.sqrt(need))).toBeLessThan(2);
    expect(replicatesNeeded(st, 2, 50)).toBe(50);
    expect(replicatesNeeded({ n: 10, sd: 1, halfWidth: 0.5 }, 2, 1000)).toBe(10);
  });

  it('runsNeeded() counts the runs whose cell is empty: 20 runs with 17 values that need 20 values need 23 runs, not the cap', () => {
    const sd = 10;
    const at = (n: number) => ({ n, sd, halfWidth: tQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) });
    const target = at(17).halfWidth * Math.sqrt(17 / 19.5);
    expect(replicatesNeeded(at(17), target, 1000)).toBe(20);
    // Before, 20 values needed at a point of 20 runs read as "no more runs help": the point was reported at the cap of 1000.
    expect(runsNeeded([at(17)], 20, target, 1000)).toBe(23);
    expect(runsNeeded([at(17)], 20, target, 21)).toBe(21);
    // Without empty cells it is replicatesNeeded; a column already narrow enough asks for nothing; the neediest column decides.
    expect(runsNeeded([at(17)], 17, target, 1000)).toBe(20);
    expect(runsNeeded([{ n: 20, sd: 1, halfWidth: 0.1 }], 20, target, 1000)).toBe(20);
    expect(runsNeeded([{ n: 20, sd: 1, halfWidth: 0.1 }, at(17)], 20, target, 1000)).toBe(23);
  });
});
