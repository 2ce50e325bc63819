/**
 * The 7S internal-alignment index (Ramstedt, Johansson & Weltman 2019): seven
 * elements in [0, 1] measured every quarter from what the quarter did, and the
 * composite mean − λ·sd, a measure of progress rather than a target state.
 * Imports only src/sim.
 */
import { U_LOBBYING, USES } from './matrix.js';
import type { QuarterData } from './quarter-data.js';
import { clamp, kendallWSparse, mean, pearson, ranks, sd, spearman, type SparseRatings } from './stats.js';

export const SEVEN_S = ['strategy', 'structure', 'systems', 'sharedValues', 'style', 'staff', 'skills'] as const;
export type SevenS = (typeof SEVEN_S)[number];

/** Rank correlation mapped from [−1, 1] to [0, 1]; 0.5 when there is too little to rank. */
function rankAgreement(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  return xs.length < 3 ? 0.5 : (spearman(xs, ys) + 1) / 2;
}

export function lobbyingShare(d: QuarterData): number {
  let lobby = 0;
  let budget = 0;
  d.world.scenario.kams.forEach((k, ki) => {
    lobby += d.plan.split[ki * USES + U_LOBBYING]!;
    budget += k.timeBudget;
  });
  return budget > 0 ? lobby / budget : 0;
}

export function jointProposalShare(d: QuarterData): number {
  return d.pursued > 0 ? d.pursuedJointly / d.pursued : 0;
}

/** Accounts alive at the quarter's start whose opportunities needed something. */
export function servedAccounts(d: QuarterData): number[] {
  const out: number[] = [];
  for (let ai = 0; ai < d.needed.length; ai++) if (d.before.alive[ai] && d.needed[ai]! > 0) out.push(ai);
  return out;
}

/** `items` are the served accounts, `fulfilment` their fulfilment ratios (both as the reporters computed them). */
/**
 * Ranks (1-based, ties averaged) of the served accounts' growth potential,
 * read off the scenario's growth order in one pass instead of sorting.
 */
function growthRanks(d: QuarterData, items: readonly number[], position: Int32Array): number[] {
  const { scenario } = d.world;
  const out: number[] = new Array<number>(items.length);
  const order = d.world.byGrowth;
  let rank = 0;
  for (let k = order.length - 1; k >= 0; ) {
    // A run of equal growth among all accounts; only the served ones take ranks.
    const g = scenario.accounts[order[k]!]!.growth;
    let j = k;
    const served: number[] = [];
    while (j >= 0 && scenario.accounts[order[j]!]!.growth === g) {
      const p = position[order[j]!]!;
      if (p >= 0) served.push(p);
      j--;
    }
    const r = rank + (served.length + 1) / 2;
    for (const p of served) out[p] = r;
    rank += served.length;
    k = j;
  }
  return out;
}

export function sevenS(d: QuarterData, items: readonly number[], fulfilment: readonly number[]): Record<SevenS, number> {
  const { scenario } = d.world;
  const m = d.world.model;
  const D = scenario.departments.length;
  const a = d.allocation;

  // Where each account stands among the served ones (−1: not served).
  const sc = d.world.scratch;
  const position = sc.i(scenario.accounts.length).fill(-1);
  items.forEach((ai, i) => (position[ai] = i));

  // strategy: do accounts with more strategic value get more of what they need?
  const strategy = items.length < 3 ? 0.5 : (pearson(ranks(fulfilment), growthRanks(d, items, position)) + 1) / 2;

  // structure: capacity decided by account-level, cross-functional or board mechanisms.
  const structure = d.capacityAllocated > 0 ? clamp(d.capacityByAccountMechanisms / d.capacityAllocated, 0, 1) : 0;

  // systems: do departments' perceived values rank requests as their true value does?
  const perDept: number[] = [];
  for (let dep = 0; dep < D; dep++) {
    const lo = a.deptStart[dep]!;
    const hi = a.deptStart[dep + 1]!;
    if (hi - lo >= 3) perDept.push(rankAgreement(a.perceived.subarray(lo, hi), a.actual.subarray(lo, hi)));
  }
  const systems = perDept.length > 0 ? mean(perDept) : 0.5;

  // sharedValues: do department heads rank the accounts alike (Kendall's W)?
  // Accounts that asked a head nothing get the head's average rating.
  const rows: SparseRatings[] = [];
  const sumScore = sc.fcap(items.length);
  const days = sc.fcap(items.length);
  const stamp = sc.i(items.length);
  for (let dep = 0; dep < D; dep++) {
    const lo = a.deptStart[dep]!;
    const hi = a.deptStart[dep + 1]!;
    if (hi - lo < 2) continue;
    const touched: number[] = [];
    for (let e = lo; e < hi; e++) {
      const i = a.request[e]!;
      for (let twice = 0; twice < 2; twice++) {
        const o = twice === 0 ? d.requests.first[i]! : d.requests.second[i]!;
        if (o < 0) continue;
        const p = position[d.opps.account[o]!]!;
        if (p < 0) continue;
        if (stamp[p] !== dep + 1) {
          stamp[p] = dep + 1;
          sumScore[p] = 0;
          days[p] = 0;
          touched.push(p);
        }
        sumScore[p]! += a.score[e]!;
        days[p]! += a.ask[e]!;
      }
    }
    const rated: number[] = [];
    const values: number[] = [];
    let total = 0;
    for (const p of touched) {
      if (!(days[p]! > 0)) continue;
      const v = sumScore[p]! / days[p]!;
      rated.push(p);
      values.push(v);
      total += v;
    }
    rows.push({ items: rated, values, fill: rated.length > 0 ? total / rated.length : 0 });
  }
  const sharedValues = rows.length >= 2 && items.length >= 2 ? kendallWSparse(items.length, rows) : 0.5;

  // style: cooperation over competition.
  const style = clamp((1 - m.styleJointWeight) * (1 - lobbyingShare(d)) + m.styleJointWeight * jointProposalShare(d), 0, 1);

  // staff: relationship capital between KAMs and departments.
  const staff = mean(d.kamsAfter.relationships);

  // skills: KAMs' business-case skill and the visibility their cases achieved.
  const skill = mean(d.kamsAfter.businessCaseSkill);
  const vis = d.requests.count > 0 ? mean(d.requests.visibility) : skill;
  const skills = clamp((skill + vis) / 2, 0, 1);

  return { strategy, structure, systems, sharedValues, style, staff, skills };
}

export function alignmentIndex(elements: Record<SevenS, number>, lambda: number): number {
  const xs = SEVEN_S.map((k) => elements[k]);
  return clamp(mean(xs) - lambda * sd(xs), 0, 1);
}
