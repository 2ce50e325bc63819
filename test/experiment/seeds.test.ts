import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/experiment/design.js';
import type { FactorSpec } from '../../src/experiment/factors.js';
import { planRuns, planSize, shardRuns, shardSize, type PlanSegment } from '../../src/experiment/plan.js';
import { hash2x32 } from '../../src/experiment/hash.js';
import { pointKey, runSeed } from '../../src/experiment/seeds.js';
import type { Experiment } from '../../src/experiment/schema.js';

function seeds(design: Experiment['design'], factors: Record<string, FactorSpec>, replications: number, seed = 5): Map<string, number> {
  const d = buildDesign({ design, factors, seed });
  const paths = Object.keys(factors);
  const out = new Map<string, number>();
  for (let p = 0; p < d.size; p++) {
    const key = pointKey(paths, d.values(p));
    for (let r = 1; r <= replications; r++) out.set(`${key}#${r}`, runSeed(seed, key, r));
  }
  return out;
}

describe('seeds', () => {
  it('runSeed() is an unsigned 32-bit integer that depends on the experiment seed, the point and the replicate', () => {
    const s = runSeed(1, '[["a",1]]', 1);
    expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true);
    expect(runSeed(1, '[["a",1]]', 1)).toBe(s);
    expect(runSeed(2, '[["a",1]]', 1)).not.toBe(s);
    expect(runSeed(1, '[["a",2]]', 1)).not.toBe(s);
    expect(runSeed(1, '[["a",1]]', 2)).not.toBe(s);
  });

  it('the seed hash gives the values published experiments depend on', () => {
    // Fixed forever: every published experiment's run seeds come from this hash.
    expect(hash2x32('')).toEqual([1307940434, 4203942147]);
    expect(hash2x32('a')).toEqual([2556453972, 4006898711]);
    expect(hash2x32('two-fronts')).toEqual([1246429660, 2042262488]);
    expect(hash2x32('seed-rule\u00001\u0000[["company.regime","matrix"]]\u00003')).toEqual([3827302479, 2858869996]);
  });

  it('pointKey() does not depend on the order factors are listed in', () => {
    expect(pointKey(['b', 'a'], [1, 'x'])).toBe(pointKey(['a', 'b'], ['x', 1]));
  });

  it('adding levels, factors-levels and replicates to a factorial design never changes an existing run\'s seed', () => {
    const small = seeds({ type: 'factorial', bootstrap: 0 }, { 'company.regime': { kind: 'levels', levels: ['matrix', 'account-pnl'] } }, 3);
    const grown = seeds({ type: 'factorial', bootstrap: 0 }, { 'company.regime': { kind: 'levels', levels: ['departmental-pnl', 'matrix', 'utilization', 'account-pnl'] } }, 7);
    expect(small.size).toBe(6);
    for (const [k, s] of small) expect(grown.get(k)).toBe(s);
    const all = [...grown.values()];
    expect(new Set(all).size).toBe(all.length);
  });

  it('growing a Sobol design (N = 16 → 64) keeps the earlier points and their seeds', () => {
    const f: Record<string, FactorSpec> = { a: { kind: 'range', min: 0, max: 1, integer: false }, b: { kind: 'levels', levels: [true, false] } };
    const small = seeds({ type: 'sobol', samples: 16, bootstrap: 0 }, f, 2);
    const grown = seeds({ type: 'sobol', samples: 64, bootstrap: 0 }, f, 4);
    for (const [k, s] of small) expect(grown.get(k)).toBe(s);
  });

  it('shards partition the plan: disjoint, complete, balanced, in plan order', () => {
    const plan: PlanSegment[] = [{ kind: 'grid', points: 7, from: 0, to: 5 }, { kind: 'list', items: [{ point: 2, from: 5, to: 9 }, { point: 6, from: 5, to: 6 }] }];
    const all = [...planRuns(plan)].map((r) => r.runId);
    expect(all).toEqual(Array.from({ length: planSize(plan) }, (_, i) => i + 1));
    for (const n of [1, 2, 3, 8]) {
      const parts = Array.from({ length: n }, (_, k) => [...shardRuns(plan, { index: k + 1, count: n })].map((r) => r.runId));
      parts.forEach((p, k) => expect(p.length).toBe(shardSize(plan, { index: k + 1, count: n })));
      expect(parts.flat().sort((a, b) => a - b)).toEqual(all);
      for (const p of parts) expect([...p].sort((a, b) => a - b)).toEqual(p);
      expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
    }
    const extra = [...planRuns(plan)].slice(35);
    expect(extra.map((r) => [r.point, r.replicate])).toEqual([[2, 5], [2, 6], [2, 7], [2, 8], [6, 5]]);
  });
});
