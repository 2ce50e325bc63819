/**
 * The QuarterPlan, the one action every seat submits: building an empty one,
 * counting its days, and checking it against the run state. The checks return
 * codes with parameters (not sentences), so the game can word them in any
 * language and the engine can refuse an illegal plan with the same list.
 * Imports only src/sim.
 */
import type { Opportunity, QuarterPlan, RunState, TimeUse } from './types.js';
import { worldOf } from './world.js';
import { sortedKeys } from './stats.js';

export function emptyPlan(kam: string): QuarterPlan {
  return { kam, requests: [], customer: {}, lobbying: {}, relationship: {}, businessCase: {}, boardPitch: {}, joint: [] };
}

function recordDays(record: Readonly<Record<string, number>>): number {
  let s = 0;
  for (const k of sortedKeys(record)) s += record[k]!;
  return s;
}

/** Days the plan spends on each use of time. */
export function planSplit(plan: QuarterPlan): Record<TimeUse, number> {
  let joint = 0;
  for (const j of plan.joint) joint += j.days;
  return {
    customer: recordDays(plan.customer),
    lobbying: recordDays(plan.lobbying),
    relationship: recordDays(plan.relationship),
    businessCase: recordDays(plan.businessCase),
    boardPitch: recordDays(plan.boardPitch),
    joint,
  };
}

export function planDays(plan: QuarterPlan): number {
  const s = planSplit(plan);
  return s.customer + s.lobbying + s.relationship + s.businessCase + s.boardPitch + s.joint;
}

export type PlanIssueCode =
  | 'unknown-kam'
  | 'over-budget'
  | 'negative-days'
  | 'not-a-number'
  | 'unknown-opportunity'
  | 'not-your-opportunity'
  | 'duplicate-request'
  | 'unknown-department'
  | 'over-need'
  | 'not-your-account'
  | 'account-churned'
  | 'not-pursued'
  | 'board-inactive'
  | 'unknown-partner'
  | 'self-partner'
  | 'not-partner-opportunity'
  | 'joint-too-short'
  | 'duplicate-joint';

export interface PlanIssue {
  code: PlanIssueCode;
  /** Where in the plan, e.g. `requests[2].capacity.legal` or `lobbying.engineering`. */
  path: string;
  params: Record<string, string | number>;
}

const EPS = 1e-9;

/** Every reason the plan is not legal in this state; empty when it is. */
export function checkPlan(state: RunState, plan: QuarterPlan): PlanIssue[] {
  const world = worldOf(state.scenario);
  const { scenario } = world;
  const issues: PlanIssue[] = [];
  const add = (code: PlanIssueCode, path: string, params: Record<string, string | number> = {}) =>
    issues.push({ code, path, params });
  const ki = world.kamIndex.get(plan.kam);
  if (ki === undefined) {
    add('unknown-kam', 'kam', { kam: plan.kam });
    return issues;
  }
  const kam = scenario.kams[ki]!;
  const own = new Set(kam.accounts);
  const opps = new Map<string, Opportunity>(state.opportunities.map((o) => [o.id, o]));
  const pursued = new Set<string>();

  const checkDays = (path: string, days: number) => {
    if (!Number.isFinite(days)) add('not-a-number', path);
    else if (days < 0) add('negative-days', path, { days });
  };

  plan.requests.forEach((r, i) => {
    const path = `requests[${i}]`;
    const o = opps.get(r.opportunity);
    if (!o) return add('unknown-opportunity', `${path}.opportunity`, { opportunity: r.opportunity });
    if (!own.has(o.account)) return add('not-your-opportunity', `${path}.opportunity`, { opportunity: r.opportunity });
    if (pursued.has(o.id)) return add('duplicate-request', `${path}.opportunity`, { opportunity: o.id });
    pursued.add(o.id);
    for (const d of sortedKeys(r.capacity)) {
      const days = r.capacity[d]!;
      const p = `${path}.capacity.${d}`;
      const di = world.deptIndex.get(d);
      if (di === undefined) add('unknown-department', p, { department: d });
      else if (!Number.isFinite(days)) add('not-a-number', p);
      else if (days < 0) add('negative-days', p, { days });
      else if (days > o.needs[di]! + EPS) add('over-need', p, { days, need: o.needs[di]! });
    }
  });

  const accountAlive = (id: string) => {
    const ai = world.accountIndex.get(id);
    return ai !== undefined && state.accounts.alive[ai]!;
  };
  for (const a of sortedKeys(plan.customer)) {
    const p = `customer.${a}`;
    if (!own.has(a)) add('not-your-account', p, { account: a });
    else if (!accountAlive(a)) add('account-churned', p, { account: a });
    checkDays(p, plan.customer[a]!);
  }
  for (const use of ['lobbying', 'relationship'] as const) {
    for (const d of sortedKeys(plan[use])) {
      const p = `${use}.${d}`;
      if (!world.deptIndex.has(d)) add('unknown-department', p, { department: d });
      checkDays(p, plan[use][d]!);
    }
  }
  for (const o of sortedKeys(plan.businessCase)) {
    const p = `businessCase.${o}`;
    if (!pursued.has(o)) add('not-pursued', p, { opportunity: o });
    checkDays(p, plan.businessCase[o]!);
  }
  for (const a of sortedKeys(plan.boardPitch)) {
    const p = `boardPitch.${a}`;
    if (!world.boardActive && plan.boardPitch[a]! > 0) add('board-inactive', p);
    if (!own.has(a)) add('not-your-account', p, { account: a });
    checkDays(p, plan.boardPitch[a]!);
  }
  const jointOpps = new Set<string>();
  plan.joint.forEach((j, i) => {
    const p = `joint[${i}]`;
    const pk = world.kamIndex.get(j.partner);
    if (pk === undefined) add('unknown-partner', `${p}.partner`, { kam: j.partner });
    else if (pk === ki) add('self-partner', `${p}.partner`);
    else {
      const po = opps.get(j.partnerOpportunity);
      if (!po || !scenario.kams[pk]!.accounts.includes(po.account))
        add('not-partner-opportunity', `${p}.partnerOpportunity`, { opportunity: j.partnerOpportunity, kam: j.partner });
    }
    if (!pursued.has(j.opportunity)) add('not-pursued', `${p}.opportunity`, { opportunity: j.opportunity });
    if (jointOpps.has(j.opportunity)) add('duplicate-joint', `${p}.opportunity`, { opportunity: j.opportunity });
    jointOpps.add(j.opportunity);
    checkDays(`${p}.days`, j.days);
    if (Number.isFinite(j.days) && j.days < world.model.jointMinDays)
      add('joint-too-short', `${p}.days`, { days: j.days, min: world.model.jointMinDays });
  });

  const total = planDays(plan);
  if (Number.isFinite(total) && total > kam.timeBudget + EPS) add('over-budget', 'time', { days: total, budget: kam.timeBudget });
  return issues;
}

export class PlanError extends Error {
  constructor(
    readonly kam: string,
    readonly issues: PlanIssue[],
  ) {
    super(`plan of ${kam} is not legal: ${issues.map((i) => `${i.path} (${i.code})`).join(', ')}`);
    this.name = 'PlanError';
  }
}

/**
 * The legal part of a plan in this state: what a replay keeps when a recorded
 * plan meets a different world (an account churned, the board does not
 * sponsor under this regime). Requests for opportunities that no longer exist
 * are dropped, asks are capped at the need, and days for what is gone are not
 * spent. Time is never added.
 */
export function fitPlan(state: RunState, plan: QuarterPlan): QuarterPlan {
  const world = worldOf(state.scenario);
  const ki = world.kamIndex.get(plan.kam);
  if (ki === undefined) return emptyPlan(plan.kam);
  const kam = world.scenario.kams[ki]!;
  const opps = new Map(state.opportunities.map((o) => [o.id, o]));
  const own = new Set(kam.accounts);
  const alive = (a: string) => {
    const ai = world.accountIndex.get(a);
    return ai !== undefined && state.accounts.alive[ai]!;
  };
  const ok = (x: number) => Number.isFinite(x) && x > 0;
  const out = emptyPlan(plan.kam);
  const pursued = new Set<string>();
  for (const r of plan.requests) {
    const o = opps.get(r.opportunity);
    if (!o || !own.has(o.account) || pursued.has(o.id)) continue;
    pursued.add(o.id);
    const capacity: Record<string, number> = {};
    for (const d of sortedKeys(r.capacity)) {
      const di = world.deptIndex.get(d);
      if (di !== undefined && ok(r.capacity[d]!) && o.needs[di]! > 0) capacity[d] = Math.min(r.capacity[d]!, o.needs[di]!);
    }
    out.requests.push({ opportunity: o.id, capacity });
  }
  for (const a of sortedKeys(plan.customer)) if (own.has(a) && alive(a) && ok(plan.customer[a]!)) out.customer[a] = plan.customer[a]!;
  for (const use of ['lobbying', 'relationship'] as const) {
    for (const d of sortedKeys(plan[use])) if (world.deptIndex.has(d) && ok(plan[use][d]!)) out[use][d] = plan[use][d]!;
  }
  for (const o of sortedKeys(plan.businessCase)) if (pursued.has(o) && ok(plan.businessCase[o]!)) out.businessCase[o] = plan.businessCase[o]!;
  if (world.boardActive) {
    for (const a of sortedKeys(plan.boardPitch)) if (own.has(a) && alive(a) && ok(plan.boardPitch[a]!)) out.boardPitch[a] = plan.boardPitch[a]!;
  }
  const jointOpps = new Set<string>();
  for (const j of plan.joint) {
    const pk = world.kamIndex.get(j.partner);
    const po = opps.get(j.partnerOpportunity);
    if (pk === undefined || pk === ki || !po || !world.scenario.kams[pk]!.accounts.includes(po.account)) continue;
    if (!pursued.has(j.opportunity) || jointOpps.has(j.opportunity) || !(j.days >= world.model.jointMinDays)) continue;
    jointOpps.add(j.opportunity);
    out.joint.push({ ...j });
  }
  // Never more time than the budget, even if the recorded plan had it; within checkPlan's tolerance the plan was
  // legal and played as it is (days in tenths that add up to the budget can sum a hair above it in binary), so
  // scaling it would move the replay's results off the game's.
  const total = planDays(out);
  if (total > kam.timeBudget + EPS) {
    const f = kam.timeBudget / total;
    for (const use of ['customer', 'lobbying', 'relationship', 'businessCase', 'boardPitch'] as const) {
      for (const k of sortedKeys(out[use])) out[use][k] = out[use][k]! * f;
    }
    for (const j of out.joint) j.days *= f;
  }
  return out;
}
