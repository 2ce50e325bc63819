import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { warmUp } from '../../src/cli/batch-host.js';
import { warmUpPoints } from '../../src/cli/batch-run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { REGIMES, resultHash, simulate, withRegime } from '../../src/sim/index.js';

describe('batch threads warm up on a spread of design points', () => {
  it('takes every point of a small design', () => {
    expect(warmUpPoints(5)).toEqual([0, 1, 2, 3, 4]);
    expect(warmUpPoints(1)).toEqual([0]);
  });

  it('takes eight distinct points spread over a big design', () => {
    const points = warmUpPoints(100);
    expect(points).toHaveLength(8);
    expect(new Set(points).size).toBe(8);
    expect(points[0]).toBe(0);
    for (let k = 1; k < points.length; k++) expect(points[k]! - points[k - 1]!).toBeLessThanOrEqual(13);
    expect(100 - points.at(-1)!).toBeLessThanOrEqual(13);
  });

  it('leaves the results of later runs unchanged', () => {
    const { input } = loadScenario(readFileSync('scenarios/pnl-trap.yaml', 'utf8'), 'pnl-trap.yaml');
    const before = resultHash(simulate(input, { seed: 42, record: 'reporters' }));
    warmUp(REGIMES.map((r) => withRegime(input, r)));
    expect(resultHash(simulate(input, { seed: 42, record: 'reporters' }))).toBe(before);
  });
});
