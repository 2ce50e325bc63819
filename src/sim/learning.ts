/**
 * Step 8 of a quarter: what KAMs carry into the next one. Relationship capital
 * decays, grows with relationship building (more so with the key-account
 * agenda item) and with reciprocity when a department fulfilled their
 * requests; business-case skill grows by doing; adaptive seats update their
 * time split by Roth–Erev reinforcement against an aspiration level, or by
 * imitating the best-scoring colleague.
 * Imports only src/sim.
 */
import type { ModelParams } from './params.js';
import type { KamState, ScenarioInput, TimeUse } from './types.js';
import { TIME_USES } from './types.js';

export interface KamQuarter {
  /** Days spent on each use of time. */
  split: Record<TimeUse, number>;
  /** Relationship-building days per department id. */
  relationshipDays: Readonly<Record<string, number>>;
  /** Mean fulfilment of this KAM's requests per department id (absent when it asked nothing). */
  fulfilment: Readonly<Record<string, number>>;
  score: number;
}

export function updateRelationships(
  m: ModelParams,
  scenario: ScenarioInput,
  kam: KamState,
  q: KamQuarter,
): Record<string, number> {
  const boost = scenario.company.interventions.kaAgendaItem ? m.agendaRelationshipBoost : 1;
  const out: Record<string, number> = {};
  for (const d of scenario.departments) {
    let r = (kam.relationships[d.id] ?? 0) * (1 - m.relationshipDecay);
    const days = q.relationshipDays[d.id] ?? 0;
    if (days > 0) r += (1 - r) * (1 - Math.exp(-m.relationshipRate * boost * days));
    const f = q.fulfilment[d.id];
    if (f !== undefined) r += m.reciprocity * f * (1 - r);
    out[d.id] = Math.min(1, Math.max(0, r));
  }
  return out;
}

export function updateSkill(m: ModelParams, skill: number, businessCaseDays: number): number {
  return Math.min(1, skill + (1 - skill) * (1 - Math.exp(-m.skillLearning * businessCaseDays)));
}

function shares(split: Record<TimeUse, number>): Record<TimeUse, number> {
  let total = 0;
  for (const u of TIME_USES) total += split[u];
  const out = {} as Record<TimeUse, number>;
  for (const u of TIME_USES) out[u] = total > 0 ? split[u] / total : 1 / TIME_USES.length;
  return out;
}

const FLOOR = 0.01;

/**
 * Roth–Erev with a reference point: uses of time that went with a better score
 * than the aspiration gain propensity in proportion to how much they were used;
 * worse outcomes weaken them. Experimentation spills part of it to all uses.
 */
export function rothErev(m: ModelParams, kam: KamState, used: Record<TimeUse, number>, score: number): Record<TimeUse, number> {
  const share = shares(used);
  const scale = Math.max(1, Math.abs(kam.aspiration));
  const reward = Math.max(-1, Math.min(1, (score - kam.aspiration) / scale));
  const out = {} as Record<TimeUse, number>;
  const eps = m.adaptiveExperimentation;
  for (const u of TIME_USES) {
    const target = (1 - eps) * share[u] + eps / TIME_USES.length;
    out[u] = Math.max(FLOOR, kam.propensities[u] + m.adaptiveLearningRate * reward * target);
  }
  return normaliseProp(out);
}

/** Imitation: move toward the split of the best-scoring colleague. */
export function imitate(m: ModelParams, kam: KamState, best: Record<TimeUse, number>): Record<TimeUse, number> {
  const target = shares(best);
  const out = {} as Record<TimeUse, number>;
  const base = normaliseProp(kam.propensities);
  for (const u of TIME_USES) out[u] = Math.max(FLOOR, (1 - m.adaptiveLearningRate) * base[u] + m.adaptiveLearningRate * target[u]);
  return normaliseProp(out);
}

function normaliseProp(p: Record<TimeUse, number>): Record<TimeUse, number> {
  return shares(p);
}

export function nextAspiration(m: ModelParams, kam: KamState, score: number, quarter: number): number {
  return quarter <= 1 ? score : (1 - m.adaptiveLearningRate) * kam.aspiration + m.adaptiveLearningRate * score;
}
