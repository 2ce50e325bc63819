/**
 * A stable digest of a run's results, for golden tests and for checking that
 * two runs (Node and browser, 1 or 8 workers) are bit-identical. Hashes the
 * exact bits of every number, in a fixed order. Imports only src/sim.
 */
import type { RunState } from './types.js';

const view = new DataView(new ArrayBuffer(8));

function mix(h: number, x: number): number {
  h ^= x;
  return Math.imul(h, 0x01000193) >>> 0;
}

function hashNumber(h1: number, h2: number, x: number): [number, number] {
  view.setFloat64(0, x);
  const lo = view.getUint32(0);
  const hi = view.getUint32(4);
  return [mix(mix(h1, lo), hi), mix(mix(h2, hi), lo ^ 0x9e3779b9)];
}

function hashString(h1: number, h2: number, s: string): [number, number] {
  for (let i = 0; i < s.length; i++) {
    h1 = mix(h1, s.charCodeAt(i));
    h2 = mix(h2, s.charCodeAt(i) * 31 + 7);
  }
  return [h1, h2];
}

/** 16 hex digits over every reporter of every quarter and the final account states. */
export function resultHash(run: RunState): string {
  let h: [number, number] = [0x811c9dc5, 0x1234567];
  for (const rec of run.history) {
    h = hashNumber(h[0], h[1], rec.quarter);
    for (const x of rec.values) h = hashNumber(h[0], h[1], x);
  }
  const a = run.accounts;
  run.scenario.accounts.forEach((input, ai) => {
    h = hashString(h[0], h[1], input.id);
    for (const x of [a.wallet[ai]!, a.shareOfWallet[ai]!, a.satisfaction[ai]!, a.alive[ai] ? 1 : 0]) h = hashNumber(h[0], h[1], x);
  });
  return h[0].toString(16).padStart(8, '0') + h[1].toString(16).padStart(8, '0');
}
