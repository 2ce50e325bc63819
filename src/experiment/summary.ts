/**
 * Summaries of an experiment's runs, built in one streaming pass: per design
 * point and metric n, mean, sd, 95 % t interval, min and max; differences
 * between points that differ in exactly one categorical factor (Welch
 * interval, Cohen's d); Sobol' or Morris indices when the design has them
 * (computed on each point's mean over its replicates).
 * Pure; imports src/experiment.
 */
import type { Design, DesignFactor } from './design.js';
import { levelPosition, type FactorValue } from './factors.js';
import { morrisIndices, type MorrisDesign, type MorrisIndex } from './morris.js';
import { sobolIndices, type SobolIndex } from './saltelli.js';
import { cohensD, meanInterval, welchDifference, Welford } from './stats.js';

export interface MetricStats {
  n: number;
  mean: number;
  sd: number;
  /** Standard error of the mean. */
  se: number;
  low: number;
  high: number;
  halfWidth: number;
  min: number;
  max: number;
}

export interface PointSummary {
  /** 0-based design point. */
  point: number;
  values: FactorValue[];
  /** By metric column, in the order given to the builder. */
  stats: MetricStats[];
}

/** Accumulates per point and metric column, in constant memory per point. */
export class SummaryBuilder {
  private acc: Welford[][];

  constructor(
    readonly columns: readonly string[],
    readonly points: number,
  ) {
    this.acc = Array.from({ length: points }, () => columns.map(() => new Welford()));
  }

  add(point: number, values: ArrayLike<number>): void {
    const row = this.acc[point];
    if (!row) throw new RangeError(`design point ${point + 1} is outside the design (${this.points} points)`);
    for (let i = 0; i < row.length; i++) row[i]!.add(values[i]!);
  }

  stats(point: number, column: number, level = 0.95): MetricStats {
    const w = this.acc[point]![column]!;
    const sd = w.sd;
    const ci = meanInterval(w.n, w.mean, sd, level);
    return {
      n: w.n,
      mean: w.n ? w.mean : NaN,
      sd,
      se: w.n > 1 ? sd / Math.sqrt(w.n) : NaN,
      low: ci.low,
      high: ci.high,
      halfWidth: ci.halfWidth,
      min: w.n ? w.min : NaN,
      max: w.n ? w.max : NaN,
    };
  }

  summaries(design: Pick<Design, 'values'>, level = 0.95): PointSummary[] {
    return Array.from({ length: this.points }, (_, p) => ({ point: p, values: design.values(p), stats: this.columns.map((_, c) => this.stats(p, c, level)) }));
  }
}

export interface Effect {
  /** The factor that differs. */
  factor: string;
  levelA: FactorValue;
  levelB: FactorValue;
  /** The other factors' values, held equal ("" when there are none). */
  heldEqual: string;
  pointA: number;
  pointB: number;
  metric: string;
  nA: number;
  nB: number;
  /** Mean of B − mean of A. */
  difference: number;
  low: number;
  high: number;
  cohensD: number;
}

/**
 * For each categorical factor, every pair of points that differ in that
 * factor only: the difference of means (B − A, B the later level in the
 * factor's list) with Welch's 95 % interval and Cohen's d.
 */
export function effectsBetweenPoints(
  summaries: readonly PointSummary[],
  /** `scale`: the factor's values multiply the scenario's (shown as ×value). */
  factors: readonly { path: string; categorical: boolean; levels: readonly FactorValue[] | null; scale?: boolean }[],
  columns: readonly string[],
  level = 0.95,
): Effect[] {
  const out: Effect[] = [];
  factors.forEach((f, fi) => {
    if (!f.categorical) return;
    const groups = new Map<string, PointSummary[]>();
    for (const s of summaries) {
      const others = s.values.map((v, j) => (j === fi ? null : v));
      const key = JSON.stringify(others);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(s);
    }
    const rank = (v: FactorValue) => (f.levels ? f.levels.findIndex((l) => l === v) : 0);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const sorted = [...group].sort((a, b) => rank(a.values[fi]!) - rank(b.values[fi]!) || a.point - b.point);
      const held = factors
        .map((g, j) => (j === fi ? null : g.scale ? `${g.path} ×${String(sorted[0]!.values[j])}` : `${g.path}=${JSON.stringify(sorted[0]!.values[j])}`))
        .filter((x): x is string => x !== null)
        .join(', ');
      for (let a = 0; a < sorted.length; a++) {
        for (let b = a + 1; b < sorted.length; b++) {
          const A = sorted[a]!;
          const B = sorted[b]!;
          if (A.values[fi] === B.values[fi]) continue;
          columns.forEach((metric, c) => {
            const sa = A.stats[c]!;
            const sb = B.stats[c]!;
            const d = welchDifference(sa, sb, level);
            out.push({
              factor: f.path,
              levelA: A.values[fi]!,
              levelB: B.values[fi]!,
              heldEqual: held,
              pointA: A.point,
              pointB: B.point,
              metric,
              nA: sa.n,
              nB: sb.n,
              difference: d.estimate,
              low: d.low,
              high: d.high,
              cohensD: cohensD(sa, sb),
            });
          });
        }
      }
    }
  });
  return out;
}

export type Sensitivity =
  | { method: 'sobol'; metric: string; indices: (SobolIndex & { path: string })[] }
  | { method: 'morris'; metric: string; indices: (MorrisIndex & { path: string })[] };

/** Sobol' or Morris indices of each chosen metric column, from the points' means; null for other designs or when points lack runs. */
export function sensitivity(
  design: Pick<Design, 'type' | 'sobol' | 'morris' | 'factors'>,
  summaries: readonly PointSummary[],
  columns: readonly string[],
  chosen: readonly number[],
  opts: { bootstrap: number; seed: number; level?: number },
): { results: Sensitivity[]; problem: string | null } {
  if (design.type !== 'sobol' && design.type !== 'morris') return { results: [], problem: null };
  const missing = summaries.filter((s) => s.stats[0] === undefined || s.stats[0].n === 0).length;
  if (missing > 0) return { results: [], problem: `${missing} design points have no runs yet (a shard alone, or an unfinished batch); indices need every point` };
  const results: Sensitivity[] = [];
  for (const c of chosen) {
    const y = Float64Array.from(summaries, (s) => s.stats[c]!.mean);
    const withPath = <T extends { factor: number }>(xs: T[]) => xs.map((x) => ({ ...x, path: design.factors[x.factor]!.path }));
    if (design.type === 'sobol') {
      const { n, k } = design.sobol!;
      results.push({ method: 'sobol', metric: columns[c]!, indices: withPath(sobolIndices(y, n, k, { bootstrap: opts.bootstrap, seed: opts.seed, level: opts.level })) });
    } else {
      const change = morrisChanges(design.morris!, design.factors);
      results.push({ method: 'morris', metric: columns[c]!, indices: withPath(morrisIndices(y, design.morris!, { bootstrap: opts.bootstrap, seed: opts.seed, level: opts.level, change })) });
    }
  }
  return { results, problem: null };
}

/**
 * The signed change of the factor moved at each step of a Morris design, as
 * a share of its range: ±Δ for a continuous factor, the levels crossed for
 * one that takes a few values (a true/false factor always moves by its
 * whole range, whatever Δ is).
 */
export function morrisChanges(m: MorrisDesign, factors: readonly Pick<DesignFactor, 'spec'>[]): Float64Array {
  const { r, k } = m;
  const out = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const i = m.order[t * k + s]!;
      const before = m.units[(t * (k + 1) + s) * k + i]!;
      const after = m.units[(t * (k + 1) + s + 1) * k + i]!;
      const p0 = levelPosition(factors[i]!.spec, before);
      const p1 = levelPosition(factors[i]!.spec, after);
      out[t * k + s] = p0 === null || p1 === null ? m.sign[t * k + s]! * m.delta : p1 - p0;
    }
  }
  return out;
}

/**
 * Replicates each point needs for a 95 % half-width below `target`, from its
 * current n and sd (n = (t·sd / target)², t at the current degrees of
 * freedom, which errs on the safe side), capped.
 */
export function replicatesNeeded(s: Pick<MetricStats, 'n' | 'sd' | 'halfWidth'>, target: number, cap: number, minimum = 3): number {
  if (s.n < minimum) return Math.min(cap, minimum);
  if (s.halfWidth <= target) return s.n;
  if (!Number.isFinite(s.sd)) return Math.min(cap, s.n + minimum);
  const t = s.halfWidth / (s.sd / Math.sqrt(s.n));
  const need = Math.ceil(((t * s.sd) / target) ** 2);
  return Math.min(cap, Math.max(s.n + 1, need));
}

/**
 * Runs a point needs for every given column's 95 % half-width to be at most
 * `target`: replicatesNeeded counts values, and a run whose cell is empty (a
 * value that was not a finite number) gives none, so a point needs its runs
 * plus the values its neediest wide column lacks, capped; `have` when no
 * column is wide.
 */
export function runsNeeded(columns: readonly Pick<MetricStats, 'n' | 'sd' | 'halfWidth'>[], have: number, target: number, cap: number): number {
  const wide = columns.filter((s) => !(Number.isFinite(s.halfWidth) && s.halfWidth <= target));
  if (wide.length === 0) return have;
  return Math.min(cap, have + Math.max(...wide.map((s) => replicatesNeeded(s, target, cap) - s.n)));
}
