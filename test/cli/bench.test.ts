import { describe, expect, it } from 'vitest';
import { secondHalfRate } from '../../src/cli/bench-batch.js';

describe('bench: the warm half of a batch', () => {
  it('counts only the runs delivered after half of the batch time', () => {
    // 100 runs in the first second (a cold start), then 100 runs every 250 ms until 2 s.
    const chunks = [{ runs: 100, at: 1000 }, { runs: 100, at: 1250 }, { runs: 100, at: 1500 }, { runs: 100, at: 1750 }, { runs: 100, at: 2000 }];
    // Second half: 1000 ms < at ≤ 2000 ms → 400 runs in one second.
    expect(secondHalfRate(chunks)).toBeCloseTo(400, 9);
  });

  it('is zero for an empty batch', () => {
    expect(secondHalfRate([])).toBe(0);
  });
});
