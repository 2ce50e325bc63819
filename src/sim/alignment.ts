/**
 * The 7S internal-alignment index (Ramstedt, Johansson & Weltman 2019): seven
 * elements in [0, 1] measured every quarter from what the quarter did, and the
 * composite mean − λ·sd, a measure of progress rather than a target state.
 * Imports only src/sim.
 */
import type { QuarterData } from './quarter-data.js';
import { clamp, kendallW, mean, sd, spearman } from './stats.js';

export const SEVEN_S = ['strategy', 'structure', 'systems', 'sharedValues', 'style', 'staff', 'skills'] as const;
export type SevenS = (typeof SEVEN_S)[number];

/** Rank correlation mapped from [−1, 1] to [0, 1]; 0.5 when there is too little to rank. */
function rankAgreement(xs: number[], ys: number[]): number {
  return xs.length < 3 ? 0.5 : (spearman(xs, ys) + 1) / 2;
}

export function lobbyingShare(d: QuarterData): number {
  let lobby = 0;
  let budget = 0;
  d.world.scenario.kams.forEach((k, ki) => {
    lobby += d.splits[ki]!.lobbying;
    budget += k.timeBudget;
  });
  return budget > 0 ? lobby / budget : 0;
}

export function jointProposalShare(d: QuarterData): number {
  return d.pursued > 0 ? d.pursuedJointly / d.pursued : 0;
}

export function sevenS(d: QuarterData): Record<SevenS, number> {
  const { scenario } = d.world;
  const m = scenario.model;

  // strategy: do accounts with more strategic value get more of what they need?
  const fulfil: number[] = [];
  const growth: number[] = [];
  d.before.forEach((a, ai) => {
    if (a.alive && d.needed[ai]! > 0) {
      fulfil.push(d.received[ai]! / d.needed[ai]!);
      growth.push(scenario.accounts[ai]!.growth);
    }
  });
  const strategy = rankAgreement(fulfil, growth);

  // structure: capacity decided by account-level, cross-functional or board mechanisms.
  const structure = d.capacityAllocated > 0 ? clamp(d.capacityByAccountMechanisms / d.capacityAllocated, 0, 1) : 0;

  // systems: do departments' perceived values rank requests as their true value does?
  const perDept: number[] = [];
  for (const o of d.outcomes) {
    if (o.requests.length >= 3) perDept.push(rankAgreement(Array.from(o.perceived), Array.from(o.actual)));
  }
  const systems = perDept.length > 0 ? mean(perDept) : 0.5;

  // sharedValues: do department heads rank the accounts alike (Kendall's W)?
  const items: number[] = [];
  d.before.forEach((a, ai) => {
    if (a.alive && d.needed[ai]! > 0) items.push(ai);
  });
  const position = new Map(items.map((ai, i) => [ai, i]));
  const ratings: Float64Array[] = [];
  for (const o of d.outcomes) {
    if (o.requests.length < 2) continue;
    const sum = new Float64Array(items.length);
    const days = new Float64Array(items.length);
    o.requests.forEach((ri, k) => {
      for (const ai of d.requests[ri]!.accounts) {
        const p = position.get(ai);
        if (p === undefined) continue;
        sum[p]! += o.score[k]!;
        days[p]! += o.asks[k]!;
      }
    });
    let known = 0;
    let total = 0;
    for (let i = 0; i < items.length; i++) {
      if (days[i]! > 0) {
        sum[i] = sum[i]! / days[i]!;
        total += sum[i]!;
        known++;
      }
    }
    // Accounts that asked this head nothing get the head's average rating.
    const fill = known > 0 ? total / known : 0;
    for (let i = 0; i < items.length; i++) if (days[i] === 0) sum[i] = fill;
    ratings.push(sum);
  }
  const sharedValues = ratings.length >= 2 && items.length >= 2 ? kendallW(ratings) : 0.5;

  // style: cooperation over competition.
  const style = clamp((1 - m.styleJointWeight) * (1 - lobbyingShare(d)) + m.styleJointWeight * jointProposalShare(d), 0, 1);

  // staff: relationship capital between KAMs and departments.
  const caps: number[] = [];
  for (const k of d.kamsAfter) for (const dept of scenario.departments) caps.push(k.relationships[dept.id] ?? 0);
  const staff = mean(caps);

  // skills: KAMs' business-case skill and the visibility their cases achieved.
  const skill = mean(d.kamsAfter.map((k) => k.businessCaseSkill));
  const vis = d.requests.length > 0 ? mean(d.requests.map((r) => r.visibility)) : skill;
  const skills = clamp((skill + vis) / 2, 0, 1);

  return { strategy, structure, systems, sharedValues, style, staff, skills };
}

export function alignmentIndex(elements: Record<SevenS, number>, lambda: number): number {
  const xs = SEVEN_S.map((k) => elements[k]);
  return clamp(mean(xs) - lambda * sd(xs), 0, 1);
}
