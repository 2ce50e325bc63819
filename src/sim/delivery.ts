/**
 * Step 5 of a quarter: solution quality from what each department delivered.
 * Departments are complements: a CES aggregate with a negative exponent, so a
 * shortfall in one department drags the whole solution down (−∞ is the
 * weakest link, 0 Cobb–Douglas, 1 plain average). Imports only src/sim.
 */
import { power } from './power.js';
import { exp, log } from './math.js';

/**
 * Quality in [0, 1] of fulfilment ratios `f` (each 0..1) weighted by `w`
 * (need shares, summing to 1), with CES exponent `rho`; the first `n` entries
 * count (all by default).
 */
export function solutionQuality(f: ArrayLike<number>, w: ArrayLike<number>, rho: number, n = f.length): number {
  if (n === 0) return 0;
  if (rho < 0) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (w[i]! <= 0) continue;
      if (f[i]! <= 0) return 0;
      s += w[i]! * power(f[i]!, rho);
    }
    return s > 0 ? Math.min(1, power(s, 1 / rho)) : 0;
  }
  if (rho === 0) {
    let logSum = 0;
    for (let i = 0; i < n; i++) {
      if (w[i]! <= 0) continue;
      if (f[i]! <= 0) return 0;
      logSum += w[i]! * log(f[i]!);
    }
    return Math.min(1, exp(logSum));
  }
  let s = 0;
  for (let i = 0; i < n; i++) s += w[i]! * power(Math.max(0, f[i]!), rho);
  return Math.min(1, power(s, 1 / rho));
}
