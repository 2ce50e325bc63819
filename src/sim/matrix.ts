/**
 * One quarter's working tables: the opportunities and every seat's plan as
 * dense typed arrays indexed by position (opportunity × department, KAM ×
 * department, ...), taken from the world's scratch memory. The engine
 * computes on these; the QuarterPlan records people and the game use are
 * converted at the boundary, in both directions.
 * Imports only src/sim.
 */
import { objects } from './shapes.js';
import type { JointPlan, Opportunity, QuarterPlan } from './types.js';
import { TIME_USES } from './types.js';
import type { World } from './world.js';

export const USES = TIME_USES.length;
export const U_CUSTOMER = 0;
export const U_LOBBYING = 1;
export const U_RELATIONSHIP = 2;
export const U_BUSINESS_CASE = 3;
export const U_BOARD_PITCH = 4;
export const U_JOINT = 5;

/** The quarter's opportunities as columns. */
export interface OppTable {
  count: number;
  list: readonly Opportunity[];
  account: Int32Array;
  /** Need per department, O × D. */
  need: Float64Array;
  totalNeed: Float64Array;
  revenue: Float64Array;
  upside: Float64Array;
  /** A number for each opportunity that is the same in every counterfactual: account × 16 + slot. */
  identity: Int32Array;
  /** Opportunities of KAM k are kamOpps[kamStart[k] .. kamStart[k+1]]. */
  kamStart: Int32Array;
  kamOpps: Int32Array;
  /** id → index, built on first use (only plans written by people need it). */
  index: Map<string, number> | null;
}

export function oppTable(world: World, opportunities: readonly Opportunity[]): OppTable {
  const { scenario, scratch } = world;
  const D = scenario.departments.length;
  const K = scenario.kams.length;
  const O = opportunities.length;
  const t: OppTable = {
    count: O,
    list: opportunities,
    account: scratch.iw(O),
    need: scratch.fw(O * D),
    totalNeed: scratch.fw(O),
    revenue: scratch.fw(O),
    upside: scratch.fw(O),
    identity: scratch.iw(O),
    kamStart: scratch.i(K + 1),
    kamOpps: scratch.iw(O),
    index: null,
  };
  // Opportunities come in account order, so a cursor finds each one's account without a lookup.
  let cursor = 0;
  const accounts = scenario.accounts;
  for (let o = 0; o < O; o++) {
    const opp = opportunities[o]!;
    while (cursor < accounts.length && accounts[cursor]!.id !== opp.account) cursor++;
    const ai = cursor < accounts.length ? cursor : world.accountIndex.get(opp.account)!;
    if (cursor >= accounts.length) cursor = 0;
    t.account[o] = ai;
    t.kamStart[world.ownerOf[ai]! + 1]!++;
    let total = 0;
    for (let d = 0; d < D; d++) {
      const x = opp.needs[d]!;
      t.need[o * D + d] = x;
      total += x;
    }
    t.totalNeed[o] = total;
    t.revenue[o] = opp.revenue;
    t.upside[o] = opp.upside;
    t.identity[o] = ai * 16 + opp.slot;
  }
  for (let k = 0; k < K; k++) t.kamStart[k + 1]! += t.kamStart[k]!;
  const fill = scratch.i(K);
  for (let o = 0; o < O; o++) {
    const k = world.ownerOf[t.account[o]!]!;
    t.kamOpps[t.kamStart[k]! + fill[k]!++] = o;
  }
  return t;
}

/** The two opportunities of a joint entry: the entry's own (a) and its partner's (b). */
export interface OppPair {
  a: number;
  b: number;
}

/** A seat's joint entry with the indices of its two opportunities in the quarter's table. */
export interface JointEntry extends OppPair {
  plan: JointPlan;
}

/** A joint entry from a (checked) plan, its opportunities looked up by id. */
export function jointEntry(opps: OppTable, plan: JointPlan): JointEntry {
  return { plan, a: oppIndex(opps, plan.opportunity) ?? -1, b: oppIndex(opps, plan.partnerOpportunity) ?? -1 };
}

/** Index of an opportunity by id, or undefined. */
export function oppIndex(t: OppTable, id: string): number | undefined {
  // A small quarter is searched directly; a big one gets a map the first time it is asked.
  if (t.count <= 48) {
    for (let o = 0; o < t.count; o++) if (t.list[o]!.id === id) return o;
    return undefined;
  }
  if (!t.index) t.index = new Map(t.list.map((o, i) => [o.id, i]));
  return t.index.get(id);
}

/** Every seat's plan for the quarter, dense. */
export interface PlanMatrix {
  /** Days asked per opportunity and department, O × D (0 where not pursued). */
  ask: Float64Array;
  pursued: Int32Array;
  /** Customer days per account. */
  customer: Float64Array;
  /** Board-pitch days per account. */
  pitch: Float64Array;
  /** Business-case days per opportunity. */
  businessCase: Float64Array;
  /** Lobbying and relationship days, K × D. */
  lobby: Float64Array;
  relationship: Float64Array;
  /** Days per use of time, K × 6. */
  split: Float64Array;
  /** Joint entries of each seat. */
  joints: JointEntry[][];
}

export function emptyMatrix(world: World, opps: OppTable): PlanMatrix {
  const { scenario, scratch } = world;
  const D = scenario.departments.length;
  const K = scenario.kams.length;
  const A = scenario.accounts.length;
  const joints = objects<JointEntry[]>();
  for (let ki = 0; ki < K; ki++) joints.push(objects<JointEntry>());
  return {
    ask: scratch.f(opps.count * D),
    pursued: scratch.i(opps.count),
    customer: scratch.f(A),
    pitch: scratch.f(A),
    businessCase: scratch.f(opps.count),
    lobby: scratch.f(K * D),
    relationship: scratch.f(K * D),
    split: scratch.f(K * USES),
    joints,
  };
}

/** A record's own entry for a key (never one inherited from Object.prototype, whatever an id is called). */
function own(record: Readonly<Record<string, number>>, key: string): number | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Writes a (checked) QuarterPlan into the matrix. */
export function writePlan(world: World, opps: OppTable, m: PlanMatrix, ki: number, plan: QuarterPlan): void {
  const { scenario } = world;
  const D = scenario.departments.length;
  const s = ki * USES;
  for (const r of plan.requests) {
    const o = oppIndex(opps, r.opportunity)!;
    m.pursued[o] = 1;
    for (let d = 0; d < D; d++) m.ask[o * D + d] = r.capacity[scenario.departments[d]!.id] ?? 0;
  }
  // Days are added up in scenario order (accounts) and opportunity order, never in the order the plan's keys were
  // written: two plans that say the same give the same bits.
  for (let ai = 0; ai < scenario.accounts.length; ai++) {
    const id = scenario.accounts[ai]!.id;
    const customer = own(plan.customer, id);
    if (customer !== undefined) {
      m.customer[ai]! += customer;
      m.split[s + U_CUSTOMER]! += customer;
    }
    const pitch = own(plan.boardPitch, id);
    if (pitch !== undefined) {
      m.pitch[ai]! += pitch;
      m.split[s + U_BOARD_PITCH]! += pitch;
    }
  }
  for (let o = 0; o < opps.count; o++) {
    const days = own(plan.businessCase, opps.list[o]!.id);
    if (days === undefined) continue;
    m.businessCase[o] = days;
    m.split[s + U_BUSINESS_CASE]! += days;
  }
  for (let d = 0; d < D; d++) {
    const id = scenario.departments[d]!.id;
    const l = plan.lobbying[id] ?? 0;
    const r = plan.relationship[id] ?? 0;
    m.lobby[ki * D + d] = l;
    m.relationship[ki * D + d] = r;
    m.split[s + U_LOBBYING]! += l;
    m.split[s + U_RELATIONSHIP]! += r;
  }
  const joints = objects<JointEntry>();
  for (const j of plan.joint) joints.push(jointEntry(opps, { ...j }));
  m.joints[ki] = joints;
  for (const j of plan.joint) m.split[s + U_JOINT]! += j.days;
}

/** Reads a seat's row of the matrix back as a QuarterPlan (entries that are zero are left out). */
export function readPlan(world: World, opps: OppTable, m: PlanMatrix, ki: number): QuarterPlan {
  const { scenario } = world;
  const D = scenario.departments.length;
  const kam = scenario.kams[ki]!;
  const plan: QuarterPlan = {
    kam: kam.id,
    requests: [],
    customer: {},
    lobbying: {},
    relationship: {},
    businessCase: {},
    boardPitch: {},
    joint: m.joints[ki]!.map((j) => ({ ...j.plan })),
  };
  for (let x = opps.kamStart[ki]!; x < opps.kamStart[ki + 1]!; x++) {
    const o = opps.kamOpps[x]!;
    const id = opps.list[o]!.id;
    if (m.businessCase[o]! > 0) plan.businessCase[id] = m.businessCase[o]!;
    if (!m.pursued[o]) continue;
    const capacity: Record<string, number> = {};
    for (let d = 0; d < D; d++) if (m.ask[o * D + d]! > 0) capacity[scenario.departments[d]!.id] = m.ask[o * D + d]!;
    plan.requests.push({ opportunity: id, capacity });
  }
  for (const a of kam.accounts) {
    const ai = world.accountIndex.get(a)!;
    if (m.customer[ai]! > 0) plan.customer[a] = m.customer[ai]!;
    if (m.pitch[ai]! > 0) plan.boardPitch[a] = m.pitch[ai]!;
  }
  for (let d = 0; d < D; d++) {
    const id = scenario.departments[d]!.id;
    if (m.lobby[ki * D + d]! > 0) plan.lobbying[id] = m.lobby[ki * D + d]!;
    if (m.relationship[ki * D + d]! > 0) plan.relationship[id] = m.relationship[ki * D + d]!;
  }
  return plan;
}
