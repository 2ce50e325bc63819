/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979): n points in the
 * unit cube with exactly one point in each of the n equal strata of every
 * dimension. Deterministic in its seed.
 * Pure; imports seedrandom.
 */
import seedrandom from 'seedrandom';

/** n × k unit coordinates, row-major; column j is a random permutation of the strata, jittered within each. */
export function latinHypercube(n: number, k: number, seed: number): Float64Array {
  const rng = seedrandom.alea(`two-fronts/lhs@1:${seed}`);
  const out = new Float64Array(n * k);
  const perm = new Int32Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const r = Math.floor(rng() * (i + 1));
      const t = perm[i]!;
      perm[i] = perm[r]!;
      perm[r] = t;
    }
    for (let i = 0; i < n; i++) out[i * k + j] = (perm[i]! + rng()) / n;
  }
  return out;
}
