/**
 * The 7S internal-alignment index (Ramstedt, Johansson & Weltman 2019): seven
 * elements in [0, 1] measured every quarter from what the quarter did, and the
 * composite mean − λ·sd, a measure of progress rather than a target state.
 * Imports only src/sim.
 */
import { U_LOBBYING, USES } from './matrix.js';
import type { QuarterData } from './quarter-data.js';
import { clamp, mean, pearson, rankInto, SparseKendall } from './stats.js';

export const SEVEN_S = ['strategy', 'structure', 'systems', 'sharedValues', 'style', 'staff', 'skills'] as const;
export type SevenS = (typeof SEVEN_S)[number];

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

/**
 * Accounts alive at the quarter's start whose opportunities needed something,
 * into `out` (account indices); returns how many.
 */
export function servedAccounts(d: QuarterData, out: Int32Array): number {
  let n = 0;
  for (let ai = 0; ai < d.needed.length; ai++) if (d.before.alive[ai] && d.needed[ai]! > 0) out[n++] = ai;
  return n;
}

/**
 * Ranks (1-based, ties averaged) of the served accounts' growth potential,
 * read off the scenario's growth order in one pass instead of sorting.
 */
function growthRanks(d: QuarterData, position: Int32Array, out: Float64Array): void {
  const { scenario } = d.world;
  const order = d.world.byGrowth;
  let rank = 0;
  for (let k = order.length - 1; k >= 0; ) {
    // A run of equal growth among all accounts; only the served ones take ranks.
    const g = scenario.accounts[order[k]!]!.growth;
    let j = k;
    let served = 0;
    while (j >= 0 && scenario.accounts[order[j]!]!.growth === g) {
      if (position[order[j]!]! >= 0) served++;
      j--;
    }
    const r = rank + (served + 1) / 2;
    for (let x = k; x > j; x--) {
      const p = position[order[x]!]!;
      if (p >= 0) out[p] = r;
    }
    rank += served;
    k = j;
  }
}

/**
 * The seven elements, written to `out` in SEVEN_S order. `items[0..n)` are
 * the served accounts and `fulfilment` their fulfilment ratios (both as the
 * reporters computed them).
 */
export function sevenS(d: QuarterData, items: Int32Array, fulfilment: Float64Array, n: number, out: Float64Array | number[]): void {
  const { scenario } = d.world;
  const m = d.world.model;
  const D = scenario.departments.length;
  const a = d.allocation;

  // Where each account stands among the served ones (−1: not served).
  const sc = d.world.scratch;
  const A = scenario.accounts.length;
  const position = sc.iw(A);
  for (let ai = 0; ai < A; ai++) position[ai] = -1;
  for (let i = 0; i < n; i++) position[items[i]!] = i;

  // strategy: do accounts with more strategic value get more of what they need?
  const rf = sc.fcap(n);
  const rg = sc.fcap(n);
  let strategy = 0.5;
  if (n >= 3) {
    rankInto(fulfilment, n, rf, sc.icap(n));
    growthRanks(d, position, rg);
    strategy = (pearson(rf, rg, n) + 1) / 2;
  }

  // structure: capacity decided by account-level, cross-functional or board mechanisms.
  const structure = d.capacityAllocated > 0 ? clamp(d.capacityByAccountMechanisms / d.capacityAllocated, 0, 1) : 0;

  // systems: do departments' perceived values rank requests as their true value does?
  let most = 0;
  for (let dep = 0; dep < D; dep++) most = Math.max(most, a.deptStart[dep + 1]! - a.deptStart[dep]!);
  const xs = sc.fcap(most);
  const ys = sc.fcap(most);
  const rx = sc.fcap(most);
  const ry = sc.fcap(most);
  const order = sc.icap(Math.max(most, n));
  let agreement = 0;
  let rated = 0;
  for (let dep = 0; dep < D; dep++) {
    const lo = a.deptStart[dep]!;
    const k = a.deptStart[dep + 1]! - lo;
    if (k < 3) continue;
    // Spearman's rank correlation mapped from [−1, 1] to [0, 1].
    for (let x = 0; x < k; x++) {
      xs[x] = a.perceived[lo + x]!;
      ys[x] = a.actual[lo + x]!;
    }
    rankInto(xs, k, rx, order);
    rankInto(ys, k, ry, order);
    agreement += (pearson(rx, ry, k) + 1) / 2;
    rated++;
  }
  const systems = rated > 0 ? agreement / rated : 0.5;

  // sharedValues: do department heads rank the accounts alike (Kendall's W)?
  // Accounts that asked a head nothing get the head's average rating.
  const sumScore = sc.fcap(n);
  const days = sc.fcap(n);
  const stamp = sc.i(n);
  const touched = sc.icap(n);
  const values = sc.fcap(n);
  const kendall = new SparseKendall(n, sc.f(n), order);
  let heads = 0;
  for (let dep = 0; dep < D; dep++) {
    const lo = a.deptStart[dep]!;
    const hi = a.deptStart[dep + 1]!;
    if (hi - lo < 2) continue;
    let t = 0;
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
          touched[t++] = p;
        }
        sumScore[p]! += a.score[e]!;
        days[p]! += a.ask[e]!;
      }
    }
    // Rated accounts are compacted to the front of `touched`, their ratings into `values`.
    let r = 0;
    let total = 0;
    for (let x = 0; x < t; x++) {
      const p = touched[x]!;
      if (!(days[p]! > 0)) continue;
      const v = sumScore[p]! / days[p]!;
      touched[r] = p;
      values[r++] = v;
      total += v;
    }
    heads++;
    if (n >= 2) kendall.add(touched, values, r, r > 0 ? total / r : 0);
  }
  const sharedValues = heads >= 2 && n >= 2 ? kendall.value() : 0.5;

  // style: cooperation over competition.
  const style = clamp((1 - m.styleJointWeight) * (1 - lobbyingShare(d)) + m.styleJointWeight * jointProposalShare(d), 0, 1);

  // staff: relationship capital between KAMs and departments.
  const staff = mean(d.kamsAfter.relationships);

  // skills: KAMs' business-case skill and the visibility their cases achieved.
  const skill = mean(d.kamsAfter.businessCaseSkill);
  const vis = d.requests.count > 0 ? mean(d.requests.visibility) : skill;
  const skills = clamp((skill + vis) / 2, 0, 1);

  out[0] = strategy;
  out[1] = structure;
  out[2] = systems;
  out[3] = sharedValues;
  out[4] = style;
  out[5] = staff;
  out[6] = skills;
}

/** The composite: mean − λ·sd of the seven elements (`elements[0..7)`), clamped to [0, 1]. */
export function alignmentIndex(elements: ArrayLike<number>, lambda: number): number {
  const k = SEVEN_S.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += elements[i]!;
  const mu = total / k;
  let ss = 0;
  for (let i = 0; i < k; i++) {
    const d = elements[i]! - mu;
    ss += d * d;
  }
  return clamp(mu - lambda * Math.sqrt(ss / k), 0, 1);
}
