/**
 * Dividing one department's capacity among requests: the Tullock/Skaperdas
 * contest with water-filling, strict ranking, and proportional-to-need.
 * `allocateInto` writes into a given array with scratch memory (the engine's
 * hot path); the named functions return fresh arrays.
 * Imports only src/sim.
 */
import type { AllocationMechanism } from './params.js';
import { power } from './power.js';
import { orderByKey } from './sort.js';
import { Scratch } from './scratch.js';

/**
 * Sorts the first n items of `order` by `keys[item]` ascending, ties by item.
 * Insertion sort for the small n of a quarter, orderByKey (sort.ts) beyond.
 */
function sortByKey(order: Int32Array, n: number, keys: ArrayLike<number>): void {
  if (n > 32) return orderByKey(order, n, keys);
  for (let i = 1; i < n; i++) {
    const v = order[i]!;
    const kv = keys[v]!;
    let j = i - 1;
    while (j >= 0) {
      const u = order[j]!;
      const ku = keys[u]!;
      if (ku < kv || (ku === kv && u < v)) break;
      order[j + 1] = u;
      j--;
    }
    order[j + 1] = v;
  }
}

/** Zeroes out[0..n): a loop, since the built-in fill is a call into the runtime, dear for a few numbers. */
function zero(out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = 0;
}

/**
 * Contest shares s^r / Σ s^r, capped at each request's need; what a capped
 * request leaves is re-divided among the others until capacity or needs run
 * out. Requests saturate in order of need / weight, so one sort replaces the
 * iterate-until-stable loop: O(n log n).
 */
function contestInto(
  sc: Scratch,
  out: Float64Array,
  capacity: number,
  needs: ArrayLike<number>,
  scores: ArrayLike<number>,
  at: number,
  decisiveness: number,
  n: number,
): void {
  zero(out, n);
  if (n === 0 || !(capacity > 0)) return;
  let maxScore = 0;
  for (let i = 0; i < n; i++) if (needs[i]! > 0 && scores[at + i]! > maxScore) maxScore = scores[at + i]!;
  // Only the active requests' weights and keys are written, and only those are read.
  const weights = sc.fcap(n);
  const keys = sc.fcap(n);
  const order = sc.icap(n);
  let active = 0;
  for (let i = 0; i < n; i++) {
    if (!(needs[i]! > 0)) continue;
    // Normalising by the best score keeps s^r finite for any r.
    const w = maxScore > 0 ? power(scores[at + i]! / maxScore, decisiveness) : 1;
    if (w > 0) {
      weights[i] = w;
      keys[i] = needs[i]! / w;
      order[active++] = i;
    }
  }
  if (active === 0) return;
  sortByKey(order, active, keys);
  // Weight still in play from position k on, summed from the end rather than
  // decremented, so rounding cannot leave a tiny or negative total.
  const suffix = sc.fcap(active + 1);
  suffix[active] = 0;
  for (let k = active - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + weights[order[k]!]!;
  let remaining = capacity;
  for (let k = 0; k < active; k++) {
    const weightLeft = suffix[k]!;
    const i = order[k]!;
    if (needs[i]! * weightLeft <= remaining * weights[i]!) {
      const give = Math.min(needs[i]!, remaining);
      out[i] = give;
      remaining -= give;
      if (remaining <= 0) return;
    } else {
      let given = 0;
      for (let j = k; j < active; j++) {
        const x = order[j]!;
        out[x] = Math.min(needs[x]!, (remaining * weights[x]!) / weightLeft);
        given += out[x]!;
      }
      // Rounding can overshoot the capacity by an ulp; scale back if it did.
      if (given > remaining) for (let j = k; j < active; j++) out[order[j]!]! *= remaining / given;
      return;
    }
  }
}

/** Highest score first, each gets its full need until capacity runs out; ties go to the earlier request. */
function rankingInto(sc: Scratch, out: Float64Array, capacity: number, needs: ArrayLike<number>, scores: ArrayLike<number>, at: number, n: number): void {
  zero(out, n);
  const order = sc.icap(n);
  const keys = sc.fcap(n);
  for (let i = 0; i < n; i++) {
    order[i] = i;
    keys[i] = -scores[at + i]!;
  }
  sortByKey(order, n, keys);
  let remaining = capacity;
  for (let k = 0; k < n && remaining > 0; k++) {
    const i = order[k]!;
    if (!(needs[i]! > 0)) continue;
    const give = Math.min(needs[i]!, remaining);
    out[i] = give;
    remaining -= give;
  }
}

/** Everyone gets the same fraction of their need: the "socialist" baseline, blind to scores. */
function proportionalInto(out: Float64Array, capacity: number, needs: ArrayLike<number>, n: number): void {
  zero(out, n);
  let demand = 0;
  for (let i = 0; i < n; i++) if (needs[i]! > 0) demand += needs[i]!;
  if (demand <= 0 || !(capacity > 0)) return;
  const fraction = Math.min(1, capacity / demand);
  for (let i = 0; i < n; i++) if (needs[i]! > 0) out[i] = needs[i]! * fraction;
}

/**
 * Allocates `capacity` among the first `n` requests into `out`: request i
 * needs `needs[i]` and has score `scores[at + i]`.
 */
export function allocateInto(
  sc: Scratch,
  out: Float64Array,
  mechanism: AllocationMechanism,
  capacity: number,
  needs: ArrayLike<number>,
  scores: ArrayLike<number>,
  decisiveness: number,
  n: number = needs.length,
  at = 0,
): void {
  switch (mechanism) {
    case 'contest':
      return contestInto(sc, out, capacity, needs, scores, at, decisiveness, n);
    case 'ranking':
      return rankingInto(sc, out, capacity, needs, scores, at, n);
    case 'proportional':
      return proportionalInto(out, capacity, needs, n);
  }
}

export function allocateBy(
  mechanism: AllocationMechanism,
  capacity: number,
  needs: ArrayLike<number>,
  scores: ArrayLike<number>,
  decisiveness: number,
): Float64Array {
  const out = new Float64Array(needs.length);
  allocateInto(new Scratch(), out, mechanism, capacity, needs, scores, decisiveness);
  return out;
}

export function contestAllocate(capacity: number, needs: ArrayLike<number>, scores: ArrayLike<number>, decisiveness: number): Float64Array {
  return allocateBy('contest', capacity, needs, scores, decisiveness);
}

export function rankingAllocate(capacity: number, needs: ArrayLike<number>, scores: ArrayLike<number>): Float64Array {
  return allocateBy('ranking', capacity, needs, scores, 1);
}

export function proportionalAllocate(capacity: number, needs: ArrayLike<number>): Float64Array {
  return allocateBy('proportional', capacity, needs, needs, 1);
}
