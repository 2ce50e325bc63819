/**
 * Dividing one department's capacity among requests: the Tullock/Skaperdas
 * contest with water-filling, strict ranking, and proportional-to-need.
 * Pure functions over typed arrays; imports nothing.
 */
import type { AllocationMechanism } from './params.js';

/**
 * Contest shares s^r / Σ s^r, capped at each request's need; what a capped
 * request leaves is re-divided among the others until capacity or needs run out.
 *
 * Requests saturate in order of need / weight, so one sort replaces the
 * iterate-until-stable loop: O(n log n).
 */
export function contestAllocate(
  capacity: number,
  needs: ArrayLike<number>,
  scores: ArrayLike<number>,
  decisiveness: number,
): Float64Array {
  const n = needs.length;
  const out = new Float64Array(n);
  if (n === 0 || !(capacity > 0)) return out;
  let maxScore = 0;
  for (let i = 0; i < n; i++) if (needs[i]! > 0 && scores[i]! > maxScore) maxScore = scores[i]!;
  const weights = new Float64Array(n);
  const active: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(needs[i]! > 0)) continue;
    // Normalising by the best score keeps s^r finite for any r.
    const w = maxScore > 0 ? (decisiveness === 0 ? 1 : Math.pow(scores[i]! / maxScore, decisiveness)) : 1;
    if (w > 0) {
      weights[i] = w;
      active.push(i);
    }
  }
  if (active.length === 0) return out;
  active.sort((a, b) => needs[a]! / weights[a]! - needs[b]! / weights[b]! || a - b);
  let remaining = capacity;
  let weightLeft = 0;
  for (const i of active) weightLeft += weights[i]!;
  let k = 0;
  for (; k < active.length; k++) {
    const i = active[k]!;
    if (needs[i]! * weightLeft <= remaining * weights[i]!) {
      out[i] = needs[i]!;
      remaining -= needs[i]!;
      weightLeft -= weights[i]!;
      if (remaining <= 0) return out;
    } else break;
  }
  for (; k < active.length; k++) {
    const i = active[k]!;
    out[i] = Math.min(needs[i]!, (remaining * weights[i]!) / weightLeft);
  }
  return out;
}

/** Highest score first, each gets its full need until capacity runs out; ties go to the earlier request. */
export function rankingAllocate(capacity: number, needs: ArrayLike<number>, scores: ArrayLike<number>): Float64Array {
  const n = needs.length;
  const out = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let remaining = capacity;
  for (const i of order) {
    if (remaining <= 0) break;
    if (!(needs[i]! > 0)) continue;
    const give = Math.min(needs[i]!, remaining);
    out[i] = give;
    remaining -= give;
  }
  return out;
}

/** Everyone gets the same fraction of their need: the "socialist" baseline, blind to scores. */
export function proportionalAllocate(capacity: number, needs: ArrayLike<number>): Float64Array {
  const n = needs.length;
  const out = new Float64Array(n);
  let demand = 0;
  for (let i = 0; i < n; i++) if (needs[i]! > 0) demand += needs[i]!;
  if (demand <= 0 || !(capacity > 0)) return out;
  const fraction = Math.min(1, capacity / demand);
  for (let i = 0; i < n; i++) if (needs[i]! > 0) out[i] = needs[i]! * fraction;
  return out;
}

export function allocateBy(
  mechanism: AllocationMechanism,
  capacity: number,
  needs: ArrayLike<number>,
  scores: ArrayLike<number>,
  decisiveness: number,
): Float64Array {
  switch (mechanism) {
    case 'contest':
      return contestAllocate(capacity, needs, scores, decisiveness);
    case 'ranking':
      return rankingAllocate(capacity, needs, scores);
    case 'proportional':
      return proportionalAllocate(capacity, needs);
  }
}
