import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/experiment/design.js';
import { fromUnit, shortFactorNames, type FactorSpec } from '../../src/experiment/factors.js';
import { latinHypercube } from '../../src/experiment/lhs.js';
import { morrisIndices, morrisSample } from '../../src/experiment/morris.js';
import { saltelliSample, sobolIndices } from '../../src/experiment/saltelli.js';
import { morrisChanges } from '../../src/experiment/summary.js';
import { sobolPoints } from '../../src/experiment/sobol-sequence.js';
import type { Experiment } from '../../src/experiment/schema.js';

const exp = (design: Experiment['design'], factors: Record<string, FactorSpec>, seed = 1) => ({ design, factors, seed });

/** The Ishigami function (a = 7, b = 0.1) at each row of three unit coordinates, mapped to [−π, π]. */
function ishigami(u: ArrayLike<number>): Float64Array {
  const y = new Float64Array(u.length / 3);
  for (let r = 0; r < y.length; r++) {
    const [x1, x2, x3] = [0, 1, 2].map((c) => -Math.PI + 2 * Math.PI * u[r * 3 + c]!) as [number, number, number];
    y[r] = Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
  }
  return y;
}

describe('designs', () => {
  it('latinHypercube(n, k) puts exactly one point in each of the n strata of every dimension', () => {
    for (const [n, k] of [[10, 3], [97, 5], [1, 2]] as const) {
      const u = latinHypercube(n, k, 42);
      for (let j = 0; j < k; j++) {
        const strata = Array.from({ length: n }, (_, i) => Math.floor(u[i * k + j]! * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });

  it('an lhs design stratifies a categorical factor over its levels (counts differ by at most one)', () => {
    const d = buildDesign(exp({ type: 'lhs', samples: 20, bootstrap: 0 }, { 'company.regime': { kind: 'levels', levels: ['a', 'b', 'c'] }, 'model.decisiveness': { kind: 'range', min: 0, max: 1, integer: false } }));
    const counts = new Map<string, number>();
    for (let i = 0; i < d.size; i++) counts.set(String(d.values(i)[0]), (counts.get(String(d.values(i)[0])) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
    const xs = Array.from({ length: d.size }, (_, i) => Math.floor((d.values(i)[1] as number) * 20)).sort((a, b) => a - b);
    expect(xs).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('an lhs design balances listed levels and multipliers for any number of samples and levels, and keeps a range one point per stratum', () => {
    // 7 samples of 5 levels with seed 32 gave counts 1, 1, 3, 0, 2 when a stratum straddling two levels went either way.
    for (const n of [1, 2, 5, 7, 10, 18, 37]) {
      for (const l of [2, 3, 5, 12]) {
        for (const seed of [1, 32, 77]) {
          const levels = Array.from({ length: l }, (_, i) => `l${i}`);
          const d = buildDesign(
            exp(
              { type: 'lhs', samples: n, bootstrap: 0 },
              { a: { kind: 'levels', levels }, b: { kind: 'scale', min: 0.5, max: 1.5, levels: [0.5, 1, 1.5] }, x: { kind: 'range', min: 0, max: 1, integer: false } },
              seed,
            ),
          );
          for (const [j, values] of [[0, levels], [1, [0.5, 1, 1.5]]] as const) {
            const counts = (values as readonly (string | number)[]).map((v) => Array.from({ length: n }, (_, i) => d.values(i)[j]).filter((x) => x === v).length);
            expect(Math.max(...counts) - Math.min(...counts), `n=${n} levels=${values.length} seed=${seed}: ${counts}`).toBeLessThanOrEqual(1);
          }
          const xs = Array.from({ length: n }, (_, i) => Math.floor((d.values(i)[2] as number) * n)).sort((p, q) => p - q);
          expect(xs).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }
    }
  });

  it('sobolPoints() gives the published first points of the Joe–Kuo sequence and stratifies every 2^m prefix', () => {
    const p = sobolPoints(10, 3);
    const want = [
      [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75], [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375], [0.1875, 0.3125, 0.9375], [0.6875, 0.8125, 0.4375],
    ];
    expect(Array.from({ length: 10 }, (_, i) => [p[i * 3], p[i * 3 + 1], p[i * 3 + 2]])).toEqual(want);
    const n = 256;
    const dims = 32;
    const q = sobolPoints(n, dims);
    for (let d = 0; d < dims; d++) {
      const cells = new Set(Array.from({ length: n }, (_, i) => Math.floor(q[i * dims + d]! * n)));
      expect(cells.size).toBe(n);
    }
  });

  it('a scrambled Sobol sequence is fixed by its seed, keeps every 2^m prefix stratified, and grows without changing earlier points', () => {
    const n = 256;
    const dims = 32;
    const a = sobolPoints(n, dims, 5);
    expect(sobolPoints(n, dims, 5)).toEqual(a);
    expect(sobolPoints(n, dims, 6)).not.toEqual(a);
    expect(sobolPoints(n * 2, dims, 5).subarray(0, n * dims)).toEqual(a);
    for (const m of [16, 64, 256]) {
      for (let d = 0; d < dims; d++) {
        const cells = new Set(Array.from({ length: m }, (_, i) => Math.floor(a[i * dims + d]! * m)));
        expect(cells.size).toBe(m);
      }
    }
  });

  it('small Saltelli designs have no degenerate base rows: A and B differ in every column of every row', () => {
    // The raw sequence gives (0.5, …, 0.5) for A and B alike in one row, and
    // dimensions 1 and 5 agree on their first eight points.
    for (const seed of [1, 2, 3]) {
      for (const [n, k] of [[8, 4], [16, 4], [64, 4], [32, 8]] as const) {
        const s = saltelliSample(n, k, seed);
        for (let j = 0; j < n; j++) {
          const A = s.subarray(j * (k + 2) * k, j * (k + 2) * k + k);
          const B = s.subarray((j * (k + 2) + k + 1) * k, (j * (k + 2) + k + 2) * k);
          for (let i = 0; i < k; i++) expect(A[i]).not.toBe(B[i]);
        }
      }
    }
  });

  it('saltelliSample(N, k) has N·(k+2) rows; AB_i is A with column i from B', () => {
    for (const [n, k] of [[16, 3], [64, 5], [8, 1]] as const) {
      const s = saltelliSample(n, k, 7);
      expect(s.length / k).toBe(n * (k + 2));
      for (let j = 0; j < n; j++) {
        const row = (r: number) => Array.from(s.subarray((j * (k + 2) + r) * k, (j * (k + 2) + r + 1) * k));
        const A = row(0);
        const B = row(k + 1);
        for (let i = 0; i < k; i++) {
          const ab = row(1 + i);
          ab.forEach((x, c) => expect(x).toBe(c === i ? B[c] : A[c]));
        }
      }
    }
    const d = buildDesign(exp({ type: 'sobol', samples: 32, bootstrap: 10 }, { a: { kind: 'range', min: 0, max: 1, integer: false }, b: { kind: 'range', min: 0, max: 1, integer: false } }));
    expect(d.size).toBe(32 * 4);
  });

  it("sobolIndices() of the Ishigami function match the known first- and total-order indices", () => {
    const n = 8192;
    const k = 3;
    const y = ishigami(saltelliSample(n, k, 1));
    const idx = sobolIndices(y, n, k, { bootstrap: 200, seed: 1 });
    const S1 = [0.3139, 0.4424, 0];
    const ST = [0.5576, 0.4424, 0.2437];
    idx.forEach((i, j) => {
      expect(Math.abs(i.S1 - S1[j]!)).toBeLessThan(0.03);
      expect(Math.abs(i.ST - ST[j]!)).toBeLessThan(0.03);
      expect(i.S1Low).toBeLessThanOrEqual(i.S1);
      expect(i.S1High).toBeGreaterThanOrEqual(i.S1);
      expect(i.STHigh - i.STLow).toBeGreaterThan(0);
      expect(i.STHigh - i.STLow).toBeLessThan(0.15);
    });
  });

  it("sobolIndices() do not depend on the metric's zero: a constant added to every output leaves S1 and ST as they were", () => {
    // A metric far from 0 (profit in k€, a Gini of 0.14 with sd 0.01) gave S1 above 1 before f(B) was centred.
    const n = 64;
    const k = 3;
    const y = ishigami(saltelliSample(n, k, 3));
    const base = sobolIndices(y, n, k, { bootstrap: 100, seed: 4 });
    const shifted = sobolIndices(
      y.map((v) => v + 1000),
      n,
      k,
      { bootstrap: 100, seed: 4 },
    );
    base.forEach((b, i) => {
      const s = shifted[i]!;
      for (const key of ['S1', 'S1Low', 'S1High', 'ST', 'STLow', 'STHigh'] as const) expect(Math.abs(s[key] - b[key])).toBeLessThan(1e-9);
      expect(s.S1).toBeLessThan(1);
    });
  });

  it('sobolIndices() give no interval around an index without a value (an output missing)', () => {
    const n = 64;
    const k = 2;
    const u = saltelliSample(n, k, 5);
    const y = new Float64Array(n * (k + 2));
    for (let r = 0; r < y.length; r++) y[r] = u[r * k]! + 2 * u[r * k + 1]!;
    const whole = sobolIndices(y, n, k, { bootstrap: 100, seed: 6 });
    for (const i of whole) for (const v of [i.S1, i.S1Low, i.S1High, i.ST, i.STLow, i.STHigh]) expect(Number.isFinite(v)).toBe(true);
    y[3 * (k + 2)] = Number.NaN; // f(A) of base row 3
    for (const i of sobolIndices(y, n, k, { bootstrap: 100, seed: 6 })) {
      expect(i.S1).toBeNaN();
      expect(i.ST).toBeNaN();
      // Resamples without row 3 have values; an interval made of them alone would look real.
      for (const v of [i.S1Low, i.S1High, i.STLow, i.STHigh]) expect(v).toBeNaN();
    }
  });

  it('morrisIndices() recover known effects: linear factors exactly (σ = 0), an inert factor 0, interacting factors σ > 0', () => {
    const k = 4;
    const d = morrisSample(30, k, 4, 9);
    expect(d.units.length / k).toBe(30 * (k + 1));
    // every step changes exactly one factor by ±Δ
    for (let t = 0; t < 30; t++) {
      for (let m = 0; m < k; m++) {
        const a = d.units.subarray((t * (k + 1) + m) * k, (t * (k + 1) + m + 1) * k);
        const b = d.units.subarray((t * (k + 1) + m + 1) * k, (t * (k + 1) + m + 2) * k);
        const changed = Array.from(a).map((x, i) => Math.abs(b[i]! - x)).filter((x) => x > 1e-12);
        expect(changed).toHaveLength(1);
        expect(changed[0]).toBeCloseTo(d.delta, 12);
        for (const x of b) expect(x >= 0 && x <= 1 + 1e-12).toBe(true);
      }
    }
    const f = (x: Float64Array | number[]) => 3 * x[0]! + 0 * x[1]! + 2 * x[2]! * x[3]!;
    const y = Array.from({ length: 30 * (k + 1) }, (_, r) => f(Array.from(d.units.subarray(r * k, r * k + k))));
    const idx = morrisIndices(y, d, { bootstrap: 200, seed: 2 });
    expect(idx[0]!.mu).toBeCloseTo(3, 10);
    expect(idx[0]!.muStar).toBeCloseTo(3, 10);
    expect(idx[0]!.sigma).toBeCloseTo(0, 10);
    expect(idx[1]!.muStar).toBeCloseTo(0, 12);
    expect(idx[2]!.sigma).toBeGreaterThan(0.1);
    expect(idx[3]!.sigma).toBeGreaterThan(0.1);
    expect(idx[2]!.muStar).toBeGreaterThan(0.3);
    expect(idx[2]!.muStar).toBeLessThan(2);
    expect(idx[0]!.muStarLow).toBeCloseTo(3, 10);
  });

  it('morrisSample() keeps the earlier trajectories when r grows', () => {
    const a = morrisSample(5, 3, 4, 7);
    const b = morrisSample(9, 3, 4, 7);
    expect(Array.from(b.units.subarray(0, a.units.length))).toEqual(Array.from(a.units));
  });

  it('morrisSample() puts every point exactly on the grid: a level reached along two trajectories is the same number', () => {
    for (const p of [4, 6, 10]) {
      const d = morrisSample(60, 5, p, 3);
      const grid = new Set(Array.from({ length: p }, (_, j) => j / (p - 1)));
      const seen = new Set(Array.from(d.units));
      for (const u of seen) expect(grid.has(u)).toBe(true);
      expect(seen.size).toBe(p);
    }
  });

  it('Morris effects of a true/false factor are per its whole range, as for a continuous one', () => {
    // y = 3·x for a continuous x in [0, 1] and y = 3 when a flag is on: both move y by 3 over their full range.
    const design = buildDesign(exp({ type: 'morris', samples: 40, levels: 4, bootstrap: 0 }, { x: { kind: 'range', min: 0, max: 1, integer: false }, flag: { kind: 'levels', levels: [false, true] } }));
    const y = Array.from({ length: design.size }, (_, i) => {
      const [x, flag] = design.values(i) as [number, boolean];
      return 3 * x + (flag ? 3 : 0);
    });
    const idx = morrisIndices(y, design.morris!, { bootstrap: 50, change: morrisChanges(design.morris!, design.factors) });
    expect(idx[0]!.muStar).toBeCloseTo(3, 10);
    expect(idx[1]!.muStar).toBeCloseTo(3, 10);
    expect(idx[1]!.sigma).toBeCloseTo(0, 10);
    // Without the levels crossed, the flag's effect would be read as 3 / Δ = 4.5.
    expect(morrisIndices(y, design.morris!, { bootstrap: 0 })[1]!.muStar).toBeCloseTo(4.5, 10);
  });

  it('a Morris step that leaves a listed factor where it was is left out of its effects', () => {
    // Three levels on a 4-level grid: a step crosses one level or two, depending on where it starts.
    const design = buildDesign(exp({ type: 'morris', samples: 30, levels: 4, bootstrap: 0 }, { a: { kind: 'levels', levels: [0, 1, 2] } }));
    const y = Array.from({ length: design.size }, (_, i) => 5 * (design.values(i)[0] as number));
    const idx = morrisIndices(y, design.morris!, { bootstrap: 0, change: morrisChanges(design.morris!, design.factors) });
    // y moves by 10 over the factor's range (0 → 2): μ* = 10 whatever levels a step crossed.
    expect(idx[0]!.muStar).toBeCloseTo(10, 10);
    const none = morrisIndices([1, 1], { r: 1, k: 1, delta: 2 / 3, order: Int32Array.of(0), sign: Int8Array.of(1) }, { bootstrap: 0, change: [0] });
    expect(none[0]!.muStar).toBeNaN();
  });

  it('a factorial design crosses every level, the first factor varying slowest', () => {
    const d = buildDesign(exp({ type: 'factorial', bootstrap: 0 }, { x: { kind: 'levels', levels: ['a', 'b'] }, y: { kind: 'range', min: 0, max: 1, integer: false, steps: 3 } }));
    expect(d.size).toBe(6);
    expect(Array.from({ length: 6 }, (_, i) => d.values(i))).toEqual([['a', 0], ['a', 0.5], ['a', 1], ['b', 0], ['b', 0.5], ['b', 1]]);
    expect(buildDesign(exp({ type: 'factorial', bootstrap: 0 }, {})).size).toBe(1);
  });

  it('fromUnit() maps the unit interval onto levels, integer ranges and continuous ranges', () => {
    expect(fromUnit({ kind: 'levels', levels: [1, 2, 3] }, 0.999)).toBe(3);
    expect(fromUnit({ kind: 'levels', levels: [1, 2, 3] }, 1)).toBe(3);
    expect(fromUnit({ kind: 'range', min: 2, max: 4, integer: true }, 0.5)).toBe(3);
    expect(fromUnit({ kind: 'range', min: 2, max: 4, integer: true }, 1)).toBe(4);
    expect(fromUnit({ kind: 'scale', min: 0.5, max: 1.5 }, 0.25)).toBe(0.75);
  });
});

describe('shortFactorNames', () => {
  it('names each factor by the last part of its path, or as many parts as tell it apart', () => {
    expect(shortFactorNames(['company.regime', 'company.interventions.kaAgendaItem', 'departments.*.capacity'])).toEqual(['regime', 'kaAgendaItem', 'capacity']);
    expect(shortFactorNames(['departments.legal.capacity', 'departments.*.capacity', 'model.decisiveness'])).toEqual(['legal.capacity', '*.capacity', 'decisiveness']);
    expect(shortFactorNames(['quarters'])).toEqual(['quarters']);
  });
});
