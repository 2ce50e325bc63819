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

export interface Stream {
  /** Uniform in [0, 1). */
  next(): number;
}

export interface MasterStream extends Stream {
  state(): AleaState;
}

export function masterStream(seed: number, state?: AleaState): MasterStream {
  const prng = seedrandom.alea(`two-fronts:${seed}`, { state: state ? { ...state } : true });
  return { next: () => prng(), state: () => prng.state() as AleaState };
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

/** A sub-stream of the quarter, named by a label hashed with `hash32`. */
export function subStream(quarterSeed: number, labelHash: number): Stream {
  const x0 = splitmix32(quarterSeed ^ Math.imul(labelHash, 0x85ebca6b));
  const x1 = splitmix32(x0);
  const x2 = splitmix32(x1);
  const s0 = x0 / TWO_32;
  const s1 = x1 / TWO_32;
  const s2 = x2 / TWO_32;
  // alea's own state: three fractions and a carry; seeding with '' skips its string hashing.
  const prng = seedrandom.alea('', { state: { c: 1, s0, s1, s2 } });
  return { next: prng };
}

/** Draws one 32-bit unsigned seed from a stream. */
export function drawSeed(stream: Stream): number {
  return Math.floor(stream.next() * TWO_32) >>> 0;
}

/** Standard normal by Box–Muller (two uniforms per draw, no cached spare, so the count is fixed). */
export function normal(stream: Stream): number {
  const u = 1 - stream.next();
  const v = stream.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal with median 1 and log-sd `sd`. */
export function lognormal(stream: Stream, sd: number): number {
  return sd === 0 ? (stream.next(), stream.next(), 1) : Math.exp(sd * normal(stream));
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

/** A uniform in [0, 1) fixed by a label alone, for draws that must not depend on call order. */
export function uniformOf(label: string): number {
  return splitmix32(hash32(label)) / TWO_32;
}

/** Label hashes of the fixed sub-streams. */
export const LABEL = {
  opportunities: hash32('opportunities'),
  board: hash32('board'),
  churn: hash32('churn'),
  personas: hash32('personas'),
} as const;

/** A standard normal fixed by a quarter seed and two integer labels, independent of draw order. */
export function normalAt(quarterSeed: number, a: number, b: number): number {
  let x = splitmix32(quarterSeed ^ Math.imul(a, 0x85ebca6b));
  x = splitmix32(x ^ Math.imul(b + 1, 0xc2b2ae35));
  const u1 = 1 - x / TWO_32;
  const u2 = splitmix32(x) / TWO_32;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Two independent standard normals from two uniforms (Box–Muller, both halves). */
export function normalPair(stream: Stream): [number, number] {
  const r = Math.sqrt(-2 * Math.log(1 - stream.next()));
  const t = 2 * Math.PI * stream.next();
  return [r * Math.cos(t), r * Math.sin(t)];
}
