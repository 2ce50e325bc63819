/**
 * x^r with the common exponents done by multiplication and square roots
 * (contest decisiveness 1.5, CES exponent −2, ...): a general power costs
 * more than the rest of the arithmetic around it. Imports only src/sim.
 */
import { pow } from './math.js';

export function power(x: number, r: number): number {
  switch (r) {
    case 0:
      return 1;
    case 0.5:
      return Math.sqrt(x);
    case 1:
      return x;
    case 1.5:
      return x * Math.sqrt(x);
    case 2:
      return x * x;
    case 2.5:
      return x * x * Math.sqrt(x);
    case 3:
      return x * x * x;
    case -0.5:
      return 1 / Math.sqrt(x);
    case -1:
      return 1 / x;
    case -2:
      return 1 / (x * x);
    case -3:
      return 1 / (x * x * x);
    default:
      return pow(x, r);
  }
}
