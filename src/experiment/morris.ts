/**
 * Elementary-effects screening (Morris 1991; μ* after Campolongo, Cariboni &
 * Saltelli 2007). r trajectories on a p-level grid of the unit cube, each of
 * k + 1 points changing one factor at a time by Δ = p / (2(p − 1)).
 * Trajectories are drawn one after another from one seeded stream, so
 * growing r keeps the earlier ones.
 * Pure; imports seedrandom and src/experiment.
 */
import seedrandom from 'seedrandom';
import { quantileSorted } from './stats.js';

export interface MorrisDesign {
  r: number;
  k: number;
  levels: number;
  delta: number;
  /** r(k+1) × k unit coordinates, row-major; trajectory t is rows t(k+1) … t(k+1)+k. */
  units: Float64Array;
  /** Factor changed at step m of trajectory t: [t·k + m]. */
  order: Int32Array;
  /** +1 or −1: direction of that change. */
  sign: Int8Array;
}

export function morrisSample(r: number, k: number, levels: number, seed: number): MorrisDesign {
  const rng = seedrandom.alea(`two-fronts/morris@1:${seed}`);
  const delta = levels / (2 * (levels - 1));
  const units = new Float64Array(r * (k + 1) * k);
  const order = new Int32Array(r * k);
  const sign = new Int8Array(r * k);
  // Positions on the grid as whole level numbers 0 … p − 1, turned into unit
  // coordinates j / (p − 1) only when written: a level reached along two
  // trajectories is then the same number, bit for bit.
  const x = new Int32Array(k);
  const step = levels / 2;
  const perm = new Int32Array(k);
  const write = (row: number) => {
    for (let i = 0; i < k; i++) units[row * k + i] = x[i]! / (levels - 1);
  };
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < k; i++) {
      // A base level from the lower half of the grid, so that x + Δ stays in [0, 1].
      const base = Math.floor(rng() * (levels / 2));
      const dir = rng() < 0.5 ? -1 : 1;
      sign[t * k + i] = dir;
      x[i] = dir > 0 ? base : base + step;
      perm[i] = i;
    }
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const tmp = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = tmp;
    }
    const dirs = sign.slice(t * k, t * k + k);
    write(t * (k + 1));
    for (let m = 0; m < k; m++) {
      const i = perm[m]!;
      order[t * k + m] = i;
      sign[t * k + m] = dirs[i]!;
      x[i] = x[i]! + dirs[i]! * step;
      write(t * (k + 1) + m + 1);
    }
  }
  return { r, k, levels, delta, units, order, sign };
}

export interface MorrisIndex {
  factor: number;
  mu: number;
  muStar: number;
  muStarLow: number;
  muStarHigh: number;
  sigma: number;
}

/**
 * μ, μ*, σ of every factor's elementary effects from outputs laid out as the
 * design's rows; μ* with a bootstrap interval over trajectories. Effects are
 * per unit of each factor's full range: a step of a continuous factor moves
 * it by Δ, but a factor with a few levels (true/false, a list, a short
 * integer range) moves by however many levels the step crossed, so
 * `change[t·k + m]`, when given, is the signed change of the factor at that
 * step as a share of its range. A step that left the factor's value where it
 * was has no effect to measure and is left out of that factor's statistics.
 */
export function morrisIndices(
  y: ArrayLike<number>,
  d: Pick<MorrisDesign, 'r' | 'k' | 'delta' | 'order' | 'sign'>,
  opts: { bootstrap?: number; level?: number; seed?: number; change?: ArrayLike<number> } = {},
): MorrisIndex[] {
  const { r, k, delta } = d;
  if (y.length !== r * (k + 1)) throw new RangeError(`expected ${r * (k + 1)} outputs for r = ${r}, k = ${k}; got ${y.length}`);
  const ee: number[][] = Array.from({ length: k }, () => []);
  for (let t = 0; t < r; t++) {
    for (let m = 0; m < k; m++) {
      const i = d.order[t * k + m]!;
      const change = opts.change ? opts.change[t * k + m]! : d.sign[t * k + m]! * delta;
      if (change !== 0) ee[i]!.push((y[t * (k + 1) + m + 1]! - y[t * (k + 1) + m]!) / change);
    }
  }
  const reps = opts.bootstrap ?? 1000;
  const level = opts.level ?? 0.95;
  const rng = seedrandom.alea(`two-fronts/bootstrap@1:${opts.seed ?? 0}`);
  return ee.map((e, factor) => {
    const n = e.length;
    if (n === 0) return { factor, mu: NaN, muStar: NaN, muStarLow: NaN, muStarHigh: NaN, sigma: NaN };
    let s = 0;
    let sa = 0;
    for (const v of e) {
      s += v;
      sa += Math.abs(v);
    }
    const mu = s / n;
    const muStar = sa / n;
    let ss = 0;
    for (const v of e) ss += (v - mu) ** 2;
    const sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
    const boot = new Float64Array(reps);
    for (let b = 0; b < reps; b++) {
      let acc = 0;
      for (let t = 0; t < n; t++) acc += Math.abs(e[Math.floor(rng() * n)]!);
      boot[b] = acc / n;
    }
    boot.sort();
    const lo = (1 - level) / 2;
    return { factor, mu, muStar, muStarLow: quantileSorted(boot, lo), muStarHigh: quantileSorted(boot, 1 - lo), sigma };
  });
}
