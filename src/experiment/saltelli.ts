/**
 * Variance-based sensitivity analysis (Sobol' indices). Sampling after
 * Saltelli (2002) / Saltelli et al. (2010): two independent N × k matrices A
 * and B from a 2k-dimensional Sobol' sequence, and for each factor i the
 * matrix AB_i (A with column i taken from B): N·(k+2) model evaluations,
 * laid out per base row j as A_j, AB_j^1 … AB_j^k, B_j (as SALib does).
 * First-order indices with the Saltelli et al. (2010) estimator on outputs
 * centred on the mean of f(A) and f(B), total-order with Jansen's (1999);
 * confidence intervals by bootstrapping the base rows.
 * Pure; imports seedrandom and src/experiment.
 */
import seedrandom from 'seedrandom';
import { sobolPoints } from './sobol-sequence.js';
import { mean, populationVariance, quantileSorted } from './stats.js';

/**
 * The N·(k+2) × k unit coordinates of a Saltelli design, row-major. The base
 * rows are the first N points of the 2k-dimensional sequence, scrambled with
 * `seed` (A from its first k dimensions, B from the rest). Unscrambled, the
 * sequence would fail here: its first point is the origin, the second puts
 * every coordinate at 0.5 in A and B alike, and dimensions that share their
 * first direction numbers give A and B equal columns for the first 2^m rows.
 * Growing N keeps the earlier rows.
 */
export function saltelliSample(n: number, k: number, seed: number): Float64Array {
  const base = sobolPoints(n, 2 * k, seed);
  const rows = n * (k + 2);
  const out = new Float64Array(rows * k);
  for (let j = 0; j < n; j++) {
    const a = base.subarray(j * 2 * k, j * 2 * k + k);
    const b = base.subarray(j * 2 * k + k, j * 2 * k + 2 * k);
    const at = (r: number) => (j * (k + 2) + r) * k;
    out.set(a, at(0));
    for (let i = 0; i < k; i++) {
      out.set(a, at(1 + i));
      out[at(1 + i) + i] = b[i]!;
    }
    out.set(b, at(k + 1));
  }
  return out;
}

export interface SobolIndex {
  factor: number;
  S1: number;
  S1Low: number;
  S1High: number;
  ST: number;
  STLow: number;
  STHigh: number;
}

function estimate(y: ArrayLike<number>, n: number, k: number, rows: ArrayLike<number>): { s1: Float64Array; st: Float64Array } {
  const fa = new Float64Array(n);
  const fb = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const j = rows[t]!;
    fa[t] = y[j * (k + 2)]!;
    fb[t] = y[j * (k + 2) + k + 1]!;
  }
  const both = new Float64Array(2 * n);
  both.set(fa);
  both.set(fb, n);
  const v = populationVariance(both);
  // f(B) centred on the mean of f(A) and f(B): Saltelli et al.'s (2010) first-order sum, uncentred, moves with the metric's
  // zero (adding c to every output adds c·Σ(f(AB_i) − f(A)), noise of order c/√N), so a metric far from 0 gets S1 > 1 at
  // usual N. Centred, as SALib centres its outputs, the index no longer depends on where the metric's zero is.
  const m = mean(both);
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let a = 0;
    let b = 0;
    for (let t = 0; t < n; t++) {
      const fab = y[rows[t]! * (k + 2) + 1 + i]!;
      a += (fb[t]! - m) * (fab - fa[t]!);
      b += (fa[t]! - fab) ** 2;
    }
    s1[i] = v > 0 ? a / n / v : NaN;
    st[i] = v > 0 ? (0.5 * b) / n / v : NaN;
  }
  return { s1, st };
}

/**
 * First- and total-order indices of every factor from outputs `y` laid out as
 * saltelliSample's rows, with percentile bootstrap intervals at `level`.
 */
export function sobolIndices(y: ArrayLike<number>, n: number, k: number, opts: { bootstrap?: number; level?: number; seed?: number } = {}): SobolIndex[] {
  if (y.length !== n * (k + 2)) throw new RangeError(`expected ${n * (k + 2)} outputs for N = ${n}, k = ${k}; got ${y.length}`);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = estimate(y, n, k, all);
  const reps = opts.bootstrap ?? 1000;
  const level = opts.level ?? 0.95;
  const bootS1 = Array.from({ length: k }, () => new Float64Array(reps));
  const bootST = Array.from({ length: k }, () => new Float64Array(reps));
  const rng = seedrandom.alea(`two-fronts/bootstrap@1:${opts.seed ?? 0}`);
  const rows = new Int32Array(n);
  for (let b = 0; b < reps; b++) {
    for (let t = 0; t < n; t++) rows[t] = Math.floor(rng() * n);
    const e = estimate(y, n, k, rows);
    for (let i = 0; i < k; i++) {
      bootS1[i]![b] = e.s1[i]!;
      bootST[i]![b] = e.st[i]!;
    }
  }
  const lo = (1 - level) / 2;
  return Array.from({ length: k }, (_, i) => {
    const s1 = bootS1[i]!.filter(Number.isFinite).sort();
    const st = bootST[i]!.filter(Number.isFinite).sort();
    // No interval around an index that has no value: resamples that happened to leave out the rows without a
    // value would give one, and it would read as real.
    const s1Known = Number.isFinite(point.s1[i]!);
    const stKnown = Number.isFinite(point.st[i]!);
    return {
      factor: i,
      S1: point.s1[i]!,
      S1Low: s1Known ? quantileSorted(s1, lo) : NaN,
      S1High: s1Known ? quantileSorted(s1, 1 - lo) : NaN,
      ST: point.st[i]!,
      STLow: stKnown ? quantileSorted(st, lo) : NaN,
      STHigh: stKnown ? quantileSorted(st, 1 - lo) : NaN,
    };
  });
}
