/**
 * Run seeds: derived from what a run is, never from where it happens to sit
 * in a list. seed = H(experiment seed, canonical design-point key, replicate)
 * as an unsigned 32-bit integer (the range `two-fronts run --seed` accepts),
 * so adding points, levels or replicates never changes the seed of a run
 * that already exists, and any run can be repeated on its own.
 * Pure; imports only src/experiment.
 */
import { hash2x32 } from './hash.js';
import type { FactorValue } from './factors.js';

/** The version tag of the seed rule; part of the hashed text, so the rule can never drift silently. */
export const SEED_RULE = 'two-fronts/seed@1';

export const SEED_RULE_TEXT =
  'seed = uint32 hash of "two-fronts/seed@1", the experiment seed, the design point key and the replicate number ' +
  '(the point key is the JSON list of [factor path, value] pairs sorted by path); adding points or replicates never changes an existing seed';

/**
 * The canonical key of a design point: its factor values by path, sorted by
 * path, as JSON. Two points with the same values are the same configuration.
 */
export function pointKey(paths: readonly string[], values: readonly FactorValue[]): string {
  const pairs = paths.map((p, i) => [p, values[i]!] as const);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify(pairs);
}

export function runSeed(experimentSeed: number, key: string, replicate: number): number {
  return hash2x32(`${SEED_RULE}\u0000${experimentSeed}\u0000${key}\u0000${replicate}`)[0];
}
