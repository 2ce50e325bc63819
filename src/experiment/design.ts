/**
 * Designs: the list of points an experiment runs. `factorial` crosses every
 * level of every factor (the first factor varies slowest, as in
 * BehaviorSpace); `lhs`, `sobol` and `morris` sample the unit cube and map
 * each coordinate to a factor value. A design with no factors has one point:
 * the scenario as it is.
 * Pure; imports src/experiment (and src/scenario for the wording of its errors).
 */
import type { Params } from '../i18n/index.js';
import { word } from '../scenario/messages.js';
import { factorColumn, fromUnit, isCategorical, levelsOf, type FactorSpec, type FactorValue } from './factors.js';
import { latinHypercube } from './lhs.js';
import { morrisSample, type MorrisDesign } from './morris.js';
import { saltelliSample } from './saltelli.js';
import type { DesignType, Experiment } from './schema.js';

export interface DesignFactor {
  path: string;
  column: string;
  spec: FactorSpec;
  categorical: boolean;
}

export interface Design {
  type: DesignType;
  factors: DesignFactor[];
  /** Number of points. */
  size: number;
  /** Factor values of point i (0-based), in factor order. */
  values(i: number): FactorValue[];
  sobol?: { n: number; k: number };
  morris?: MorrisDesign;
  /** Levels of each factor in a factorial design. */
  levels?: FactorValue[][];
}

export const MAX_POINTS = 10_000_000;

/** A design that cannot be built: the problem as a message code (an `issue.*` message without the prefix) and its parameters; its message is English. */
export class DesignError extends Error {
  constructor(
    readonly code: string,
    readonly params: Params,
    readonly path: (string | number)[] = [],
  ) {
    super(word(code, params, 'en'));
    this.name = 'DesignError';
  }
}

export function designFactors(e: Pick<Experiment, 'factors'>): DesignFactor[] {
  return Object.entries(e.factors).map(([path, spec]) => ({ path, column: factorColumn(path, spec), spec, categorical: isCategorical(spec) }));
}

function sampled(type: DesignType, factors: DesignFactor[], units: Float64Array, extra: Partial<Design> = {}): Design {
  const k = factors.length;
  return {
    type,
    factors,
    size: units.length / k,
    values: (i) => factors.map((f, j) => fromUnit(f.spec, units[i * k + j]!)),
    ...extra,
  };
}

/**
 * The level a Latin hypercube gives stratum `stratum` of `samples` for a factor of `count` levels: the one the
 * stratum's middle falls in (exact in integers). With fewer samples than levels, `count − samples` levels get none.
 */
export function lhsLevel(stratum: number, samples: number, count: number): number {
  return Math.floor(((2 * stratum + 1) * count) / (2 * samples));
}

/**
 * The levels a Morris grid of `gridLevels` levels gives a factor of `count` listed levels: grid level j is the unit
 * coordinate j / (p − 1), which takes the level it falls in (as fromUnit does). With fewer grid levels than the factor
 * has, or a grid whose steps jump over a level (4 grid levels over 5 listed ones), some levels are never run, however
 * many trajectories there are.
 */
export function morrisLevels(gridLevels: number, count: number): Set<number> {
  const reached = new Set<number>();
  for (let j = 0; j < gridLevels; j++) reached.add(Math.min(count - 1, Math.floor((j / (gridLevels - 1)) * count)));
  return reached;
}

/** The fewest grid levels (even, at least `from`) on which a Morris design runs every one of `count` listed levels. */
export function morrisLevelsForAll(count: number, from: number): number {
  let p = from + (from % 2);
  while (morrisLevels(p, count).size < count) p += 2;
  return p;
}

export function buildDesign(e: Pick<Experiment, 'design' | 'factors' | 'seed'>): Design {
  const factors = designFactors(e);
  const k = factors.length;
  const d = e.design;
  if (d.type === 'factorial') {
    const levels = factors.map((f) => levelsOf(f.spec)!);
    let size = 1;
    for (const l of levels) size *= l.length;
    if (size > MAX_POINTS) throw new DesignError('design.too-many-points', { points: size, max: MAX_POINTS }, ['factors']);
    const strides = levels.map((_, j) => levels.slice(j + 1).reduce((s, l) => s * l.length, 1));
    return {
      type: 'factorial',
      factors,
      size,
      levels,
      values: (i) => levels.map((l, j) => l[Math.floor(i / strides[j]!) % l.length]!),
    };
  }
  const samples = d.samples!;
  if (d.type === 'lhs') {
    const units = latinHypercube(samples, k, e.seed);
    // A factor with listed values takes the level its stratum's middle falls in, rather than the one a point jittered
    // within the stratum falls in: a stratum that straddles two levels would otherwise go either way, and 7 samples of
    // 5 levels could give counts 1, 1, 3, 0, 2. From the middles (exact in integers), the counts differ by at most one.
    factors.forEach((f, j) => {
      const levels = f.spec.kind === 'levels' ? f.spec.levels : f.spec.kind === 'scale' ? f.spec.levels : undefined;
      if (!levels) return;
      const l = levels.length;
      for (let i = 0; i < samples; i++) {
        const stratum = Math.min(samples - 1, Math.floor(units[i * k + j]! * samples));
        units[i * k + j] = (lhsLevel(stratum, samples, l) + 0.5) / l;
      }
    });
    return sampled('lhs', factors, units);
  }
  if (d.type === 'sobol') {
    if (samples * (k + 2) > MAX_POINTS) throw new DesignError('design.sobol-points', { points: String(samples * (k + 2)) }, ['design', 'samples']);
    return sampled('sobol', factors, saltelliSample(samples, k, e.seed), { sobol: { n: samples, k } });
  }
  const morris = morrisSample(samples, k, d.levels ?? 4, e.seed);
  return sampled('morris', factors, morris.units, { morris });
}
