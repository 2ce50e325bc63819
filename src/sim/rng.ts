/**
 * Randomness owned by the run. One master alea stream (seedrandom, with state)
 * gives one draw per quarter; that draw and a stable label (a string hashed
 * once) seed the quarter's labelled sub-streams ("opportunities",
 * "noise:engineering", "churn", ...), each an alea generator started from a
 * state derived by splitmix32. So the state at a quarter boundary is one small
 * plain object, a sub-stream costs a few multiplications to open, and a
 * counterfactual under another regime sees the same opportunities, churn
 * draws and noise per department as the original (common random numbers).
 * Imports only seedrandom and src/sim.
 */
import seedrandom from 'seedrandom';
import type { AleaState } from './types.js';
import { log } from './math.js';

export interface Stream {
  /** Uniform in [0, 1). */
  next(): number;
}

export interface MasterStream extends Stream {
  state(): AleaState;
}

export function masterStream(seed: number, state?: AleaState): MasterStream {
  // seedrandom seeds the generator; from then on the state is the whole
  // generator, and continuing it needs no seeding (nor seedrandom's closures).
  const s = state ?? (seedrandom.alea(`two-fronts:${seed}`, { state: true }).state() as AleaState);
  return new AleaStream(s.s0, s.s1, s.s2, s.c);
}

/** splitmix32 finaliser: a well-mixed 32-bit value from any 32-bit input. */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

const TWO_32 = 4294967296;

/**
 * An alea generator continued from a state: seedrandom's `alea` step, number
 * for number (a test holds the two together), without building a seeded
 * generator and its closures for each of the quarter's sub-streams.
 */
export class AleaStream implements MasterStream {
  // Fields start as numbers, not as the undefined a bare declaration gives
  // them: a field that held undefined first stores every later fraction as
  // a new heap object, one per draw.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 0;

  constructor(s0: number, s1: number, s2: number, c: number) {
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.c = c;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }

  /** The state as seedrandom's `alea(...).state()` gives it, keys in the same order. */
  state(): AleaState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

/** A sub-stream of the quarter, named by a label hashed with `hash32`. */
export function subStream(quarterSeed: number, labelHash: number): Stream {
  const x0 = splitmix32(quarterSeed ^ Math.imul(labelHash, 0x85ebca6b));
  const x1 = splitmix32(x0);
  const x2 = splitmix32(x1);
  // alea's own state: three fractions and a carry.
  return new AleaStream(x0 / TWO_32, x1 / TWO_32, x2 / TWO_32, 1);
}

/** Draws one 32-bit unsigned seed from a stream. */
export function drawSeed(stream: Stream): number {
  return Math.floor(stream.next() * TWO_32) >>> 0;
}

/**
 * The standard normal quantile function (Acklam's rational approximation,
 * relative error below 1.2e-9). One uniform per normal and no transcendental
 * call in the central 95 %, so a draw costs a few multiplications.
 */
export function inverseNormal(u: number): number {
  const p = u < 1e-15 ? 1e-15 : u > 1 - 1e-15 ? 1 - 1e-15 : u;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * log(p));
    return (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) /
      ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  }
  if (p > 0.97575) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r + 2.506628277459239) * q) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1);
}

/** A standard normal from the stream (one uniform). */
export function normal(stream: Stream): number {
  return inverseNormal(stream.next());
}

/** Fills out[at..at+count) with standard normals, one uniform each. */
export function fillNormals(stream: Stream, out: number[] | Float64Array, count: number, at = 0): void {
  for (let i = 0; i < count; i++) out[at + i] = inverseNormal(stream.next());
}

/** FNV-1a over a string: a stable 32-bit hash for labels. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uniform in [0, 1) fixed by a quarter seed, a label and two integers, for draws that must not depend on call order. */
export function uniformAt(quarterSeed: number, label: number, a: number, b: number): number {
  const x = splitmix32(splitmix32(splitmix32(quarterSeed ^ Math.imul(label, 0x85ebca6b)) ^ Math.imul(a + 1, 0xc2b2ae35)) ^ Math.imul(b + 1, 0x27d4eb2f));
  return (x + 0.5) / TWO_32;
}

/** Label hashes of the fixed sub-streams. */
export const LABEL = {
  opportunities: hash32('opportunities'),
  board: hash32('board'),
  churn: hash32('churn'),
  personas: hash32('personas'),
  joint: hash32('joint'),
} as const;

/** A standard normal fixed by a quarter seed and two integer labels, independent of draw order. */
export function normalAt(quarterSeed: number, a: number, b: number): number {
  const x = splitmix32(splitmix32(quarterSeed ^ Math.imul(a, 0x85ebca6b)) ^ Math.imul(b + 1, 0xc2b2ae35));
  return inverseNormal((x + 0.5) / TWO_32);
}

