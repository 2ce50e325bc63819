/**
 * Step 8 of a quarter: what KAMs carry into the next one. Relationship capital
 * decays, grows with relationship building (more so with the key-account
 * agenda item) and with reciprocity when a department fulfilled their
 * requests; business-case skill grows by doing; adaptive seats update their
 * time split by Roth–Erev reinforcement against an aspiration level, or by
 * imitating the best-scoring colleague.
 * Imports only src/sim.
 */
import { USES } from './matrix.js';
import type { ModelParams } from './params.js';
import { exp } from './math.js';

/** New relationship capital from the old, days of building, mean fulfilment (NaN: asked nothing) and the agenda item's strength. */
export function nextRelationship(m: ModelParams, old: number, days: number, fulfilment: number, agenda: number): number {
  let r = old * (1 - m.relationshipDecay);
  const boost = 1 + (m.agendaRelationshipBoost - 1) * agenda;
  if (days > 0) r += (1 - r) * (1 - exp(-m.relationshipRate * boost * days));
  if (!Number.isNaN(fulfilment)) r += m.reciprocity * fulfilment * (1 - r);
  return Math.min(1, Math.max(0, r));
}

export function nextSkill(m: ModelParams, skill: number, businessCaseDays: number): number {
  return Math.min(1, skill + (1 - skill) * (1 - exp(-m.skillLearning * businessCaseDays)));
}

const FLOOR = 0.01;

/** The row being built, before normalising (the engine is single-threaded per run). */
const row = new Float64Array(USES);

function normaliseInto(out: number[], at: number): void {
  let total = 0;
  for (let u = 0; u < USES; u++) total += Math.max(FLOOR, row[u]!);
  for (let u = 0; u < USES; u++) out[at + u] = Math.max(FLOOR, row[u]!) / total;
}

/**
 * Roth–Erev with a reference point: uses of time that went with a better score
 * than the aspiration gain propensity in proportion to how much they were
 * used; worse outcomes weaken them. Experimentation spills part of it to all
 * uses. Reads the old row at `propensities[from..]` and the days used at
 * `usedDays[usedAt..]`; writes the new row into `out` at `at`.
 */
export function rothErev(
  m: ModelParams,
  out: number[],
  at: number,
  propensities: ArrayLike<number>,
  from: number,
  usedDays: ArrayLike<number>,
  usedAt: number,
  score: number,
  aspiration: number,
): void {
  let used = 0;
  for (let u = 0; u < USES; u++) used += usedDays[usedAt + u]!;
  const reward = Math.max(-1, Math.min(1, (score - aspiration) / Math.max(1, Math.abs(aspiration))));
  const eps = m.adaptiveExperimentation;
  for (let u = 0; u < USES; u++) {
    const share = used > 0 ? usedDays[usedAt + u]! / used : 1 / USES;
    row[u] = propensities[from + u]! + m.adaptiveLearningRate * reward * ((1 - eps) * share + eps / USES);
  }
  normaliseInto(out, at);
}

/** Imitation: move toward the split of the best-scoring colleague (read at `bestDays[bestAt..]`). */
export function imitate(
  m: ModelParams,
  out: number[],
  at: number,
  propensities: ArrayLike<number>,
  from: number,
  bestDays: ArrayLike<number>,
  bestAt: number,
): void {
  let used = 0;
  for (let u = 0; u < USES; u++) used += bestDays[bestAt + u]!;
  for (let u = 0; u < USES; u++) {
    const share = used > 0 ? bestDays[bestAt + u]! / used : 1 / USES;
    row[u] = (1 - m.adaptiveLearningRate) * propensities[from + u]! + m.adaptiveLearningRate * share;
  }
  normaliseInto(out, at);
}

export function nextAspiration(m: ModelParams, aspiration: number, score: number, quarter: number): number {
  return quarter <= 1 ? score : (1 - m.adaptiveLearningRate) * aspiration + m.adaptiveLearningRate * score;
}
