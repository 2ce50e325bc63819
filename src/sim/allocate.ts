/**
 * Step 4 of a quarter: turning plans into requests and letting each
 * department head divide capacity among them. Three channels, in order:
 * the cross-functional pool (joint solutions, by account value), priority
 * access (key-account requests, by account value) and the regime's contest
 * (head start × perceived value × influence × noise). Every entry keeps the
 * factors of its score, so the game can say why a request got what it got.
 * Works on typed arrays: entries (request × department with an ask) grouped
 * by department. Imports only src/sim.
 */
import { allocateInto } from './contest.js';
import { lobbyDamping, sponsorFactor, type Adoption } from './adoption.js';
import type { OppTable, PlanMatrix } from './matrix.js';
import { normalAt } from './rng.js';
import type { AllocationEntry, DepartmentAllocation, RunState } from './types.js';
import { accountValue, departmentValue, footingOf, perceivedValue, roomToGrow, trueValue, type RequestSlice } from './value.js';
import type { World } from './world.js';
import { exp, pow } from './math.js';

/** Requests as columns: a single opportunity, or two merged by a joint proposal. */
export interface Requests {
  count: number;
  first: Int32Array;
  /** The merged partner opportunity, or −1. */
  second: Int32Array;
  /** Days asked of each department, R × D (joint: merged and reduced by scope economies). */
  ask: Float64Array;
  totalAsk: Float64Array;
  immediateMargin: Float64Array;
  visibleUpside: Float64Array;
  realUpside: Float64Array;
  visibility: Float64Array;
  costToServe: Float64Array;
  satisfaction: Float64Array;
  size: Float64Array;
  sponsored: Int32Array;
}

/** Share of an opportunity's strategic upside the departments can see. */
export function visibilityOf(world: World, adopt: Adoption, skill: number, businessCaseDays: number): number {
  const m = world.model;
  const fromCase = 1 - exp(-m.businessCaseRate * skill * businessCaseDays);
  const base = m.visibilityBase + (1 - m.visibilityBase) * fromCase;
  return Math.min(1, base + m.measurementVisibility * adopt.measurement + m.boardVisibility * adopt.board);
}

export function buildRequests(
  world: World,
  state: RunState,
  opps: OppTable,
  plan: PlanMatrix,
  partnerOf: Int32Array,
  sponsored: Uint8Array,
  adopt: Adoption,
): Requests {
  const { scenario } = world;
  const m = world.model;
  const D = scenario.departments.length;
  const acc = state.accounts;
  let meanWallet = 0;
  let alive = 0;
  for (let ai = 0; ai < acc.alive.length; ai++) {
    if (acc.alive[ai]) {
      meanWallet += footingOf(m, acc, ai);
      alive++;
    }
  }
  // Sizes are relative to the mean; a company of accounts that spend nothing at all has none.
  meanWallet = alive > 0 && meanWallet > 0 ? meanWallet / alive : 1;
  let R = 0;
  for (let o = 0; o < opps.count; o++) if (plan.pursued[o] && (partnerOf[o]! < 0 || partnerOf[o]! > o)) R++;
  const sc = world.scratch;
  const r: Requests = {
    count: R,
    first: sc.iw(R),
    second: sc.iw(R),
    ask: sc.fw(R * D),
    totalAsk: sc.fw(R),
    immediateMargin: sc.fw(R),
    visibleUpside: sc.fw(R),
    realUpside: sc.fw(R),
    visibility: sc.fw(R),
    costToServe: sc.fw(R),
    satisfaction: sc.fw(R),
    size: sc.fw(R),
    sponsored: sc.i(R),
  };
  let i = 0;
  for (let o = 0; o < opps.count; o++) {
    if (!plan.pursued[o]) continue;
    const p = partnerOf[o]!;
    if (p >= 0 && p < o) continue;
    r.first[i] = o;
    r.second[i] = p;
    const scope = p >= 0 ? 1 - m.jointScope : 1;
    let total = 0;
    let cost = 0;
    for (let d = 0; d < D; d++) {
      const x = (plan.ask[o * D + d]! + (p >= 0 ? plan.ask[p * D + d]! : 0)) * scope;
      r.ask[i * D + d] = x;
      total += x;
      cost += x * scenario.departments[d]!.transferPrice;
    }
    r.totalAsk[i] = total;
    r.costToServe[i] = cost;
    let margin = 0;
    let visible = 0;
    let real = 0;
    let visWeighted = 0;
    let upsideTotal = 0;
    let satisfaction = 1;
    let size = 0;
    for (let twice = 0; twice < (p >= 0 ? 2 : 1); twice++) {
      const q = twice === 0 ? o : p;
      const ai = opps.account[q]!;
      const vis = visibilityOf(world, adopt, state.kams.businessCaseSkill[world.ownerOf[ai]!]!, plan.businessCase[q]!);
      const up = opps.upside[q]!;
      margin += opps.revenue[q]! * scenario.accounts[ai]!.margin;
      visible += up * vis;
      real += up * Math.max(0, roomToGrow(acc.wallet[ai]!, acc.maxWallet[ai]!));
      visWeighted += vis * (up + 1e-9);
      upsideTotal += up + 1e-9;
      satisfaction = Math.min(satisfaction, acc.satisfaction[ai]!);
      size = Math.max(size, pow(footingOf(m, acc, ai) / meanWallet, m.sizeAdvantage));
      if (sponsored[ai]) r.sponsored[i] = 1;
    }
    r.immediateMargin[i] = margin;
    r.visibleUpside[i] = visible;
    r.realUpside[i] = real;
    r.visibility[i] = visWeighted / upsideTotal;
    r.satisfaction[i] = satisfaction;
    r.size[i] = size;
    i++;
  }
  return r;
}

/** KAMs behind a request (one, or two for a joint proposal). */
export function requestKams(world: World, opps: OppTable, req: Requests, i: number): number[] {
  const a = world.ownerOf[opps.account[req.first[i]!]!]!;
  const s = req.second[i]!;
  return s >= 0 ? [a, world.ownerOf[opps.account[s]!]!] : [a];
}

/** All departments' decisions as entries (request × department with an ask), grouped by department. */
export interface Allocation {
  /** Entries of department d are deptStart[d] .. deptStart[d+1]. */
  deptStart: Int32Array;
  request: Int32Array;
  ask: Float64Array;
  received: Float64Array;
  pool: Float64Array;
  priority: Float64Array;
  contest: Float64Array;
  /** Value under the regime, true lifetime value, and the full score. */
  perceived: Float64Array;
  actual: Float64Array;
  score: Float64Array;
  // The score's other factors, for explanations.
  departmentValue: Float64Array;
  accountValue: Float64Array;
  influence: Float64Array;
  lobbying: Float64Array;
  relationship: Float64Array;
  lobbyDays: Float64Array;
  noise: Float64Array;
  sponsorship: Float64Array;
}

export function allocate(
  world: World,
  state: RunState,
  opps: OppTable,
  plan: PlanMatrix,
  req: Requests,
  quarterSeed: number,
  adopt: Adoption,
): Allocation {
  const { scenario } = world;
  const m = world.model;
  const D = scenario.departments.length;
  const R = req.count;
  const { matrixWeight } = scenario.company;
  const regime = world.regime;
  const sc = world.scratch;
  const deptStart = sc.i(D + 1);
  for (let i = 0; i < R; i++) for (let d = 0; d < D; d++) if (req.ask[i * D + d]! > 0) deptStart[d + 1]!++;
  for (let d = 0; d < D; d++) deptStart[d + 1]! += deptStart[d]!;
  const E = deptStart[D]!;
  // Every column is written for every entry, except the reserved channels, which start at zero.
  const a: Allocation = {
    deptStart,
    request: sc.iw(E),
    ask: sc.fw(E),
    received: sc.fw(E),
    pool: sc.f(E),
    priority: sc.f(E),
    contest: sc.fw(E),
    perceived: sc.fw(E),
    actual: sc.fw(E),
    score: sc.fw(E),
    departmentValue: sc.fw(E),
    accountValue: sc.fw(E),
    influence: sc.fw(E),
    lobbying: sc.fw(E),
    relationship: sc.fw(E),
    lobbyDays: sc.fw(E),
    noise: sc.fw(E),
    sponsorship: sc.fw(E),
  };
  const fill = sc.iw(D);
  for (let d = 0; d < D; d++) fill[d] = deptStart[d]!;
  for (let i = 0; i < R; i++) {
    for (let d = 0; d < D; d++) {
      if (req.ask[i * D + d]! > 0) a.request[fill[d]!++] = i;
    }
  }
  const damping = lobbyDamping(world, adopt);
  const sponsored = sponsorFactor(world, adopt);
  const noiseFactor = 1 - (1 - m.agendaNoiseFactor) * adopt.agenda;
  const acctScore = sc.fw(E);
  const joint = sc.iw(E);
  const slice: RequestSlice = { days: 0, share: 0, transferPrice: 0, immediateMargin: 0, visibleUpside: 0, costToServe: 0, satisfaction: 0 };
  for (let d = 0; d < D; d++) {
    const dept = scenario.departments[d]!;
    const noiseSd = dept.perceptionNoise * noiseFactor;
    for (let e = deptStart[d]!; e < deptStart[d + 1]!; e++) {
      const i = a.request[e]!;
      const days = req.ask[i * D + d]!;
      slice.days = days;
      slice.share = days / req.totalAsk[i]!;
      slice.transferPrice = dept.transferPrice;
      slice.immediateMargin = req.immediateMargin[i]!;
      slice.visibleUpside = req.visibleUpside[i]!;
      slice.costToServe = req.costToServe[i]!;
      slice.satisfaction = req.satisfaction[i]!;
      const dv = departmentValue(m, slice);
      const av = accountValue(m, slice);
      const v = perceivedValue(m, regime, matrixWeight, dv, av, slice);
      let lobbying = 0;
      let lobbyDays = 0;
      let relationship = 0;
      const first = req.first[i]!;
      const second = req.second[i]!;
      for (let twice = 0; twice < (second >= 0 ? 2 : 1); twice++) {
        const o = twice === 0 ? first : second;
        const ki = world.ownerOf[opps.account[o]!]!;
        const ld = plan.lobby[ki * D + d]!;
        lobbyDays += ld;
        lobbying += m.lobbyingEffect * damping * ld * scenario.kams[ki]!.charisma * dept.lobbyingSusceptibility;
        relationship = Math.max(relationship, m.relationshipWeight * state.kams.relationships[ki * D + d]!);
      }
      const influence = m.influenceBase + lobbying + relationship;
      // Noise belongs to the (department, opportunity) pair, so it is the same in every counterfactual.
      const noise = noiseSd > 0 ? exp(noiseSd * normalAt(quarterSeed, world.deptLabel[d]!, opps.identity[first]!)) : 1;
      const sponsorFactor = req.sponsored[i] ? sponsored : 1;
      a.ask[e] = days;
      a.departmentValue[e] = dv;
      a.accountValue[e] = av;
      a.perceived[e] = v;
      a.actual[e] = trueValue(m, slice, req.realUpside[i]!);
      a.influence[e] = influence;
      a.lobbying[e] = lobbying;
      a.relationship[e] = relationship;
      a.lobbyDays[e] = lobbyDays;
      a.noise[e] = noise;
      a.sponsorship[e] = sponsorFactor;
      a.score[e] = req.size[i]! * sponsorFactor * v * influence * noise;
      acctScore[e] = req.size[i]! * sponsorFactor * Math.max(av, 0.01 * days * dept.transferPrice);
      joint[e] = second >= 0 ? 1 : 0;
    }
    const lo = deptStart[d]!;
    const hi = deptStart[d + 1]!;
    const n = hi - lo;
    if (n === 0) continue;
    const remaining = sc.fcap(n);
    for (let k = 0; k < n; k++) remaining[k] = a.ask[lo + k]!;
    const given = sc.fcap(n);
    const needs = sc.fcap(n);
    let capacityLeft = dept.capacity;
    // The reserved channels, in order: the cross-functional pool (joint requests only), then priority access.
    for (let c = 0; c < 2; c++) {
      const share = c === 0 ? adopt.crossFunctionalPool : adopt.priorityAccess;
      if (share <= 0) continue;
      const into = c === 0 ? a.pool : a.priority;
      for (let k = 0; k < n; k++) needs[k] = c === 1 || joint[lo + k] ? remaining[k]! : 0;
      allocateInto(sc, given, world.allocation, dept.capacity * share, needs, acctScore, m.decisiveness, n, lo);
      for (let k = 0; k < n; k++) {
        into[lo + k] = given[k]!;
        remaining[k]! -= given[k]!;
        capacityLeft -= given[k]!;
      }
    }
    allocateInto(sc, given, world.allocation, Math.max(0, capacityLeft), remaining, a.score, m.decisiveness, n, lo);
    for (let k = 0; k < n; k++) {
      const e = lo + k;
      a.contest[e] = given[k]!;
      a.received[e] = Math.min(a.ask[e]!, a.pool[e]! + a.priority[e]! + given[k]!);
    }
  }
  return a;
}

/** The explanation the game shows: every department's entries with the factors of their scores. */
export function explain(world: World, opps: OppTable, req: Requests, a: Allocation): DepartmentAllocation[] {
  const { scenario } = world;
  return scenario.departments.map((dept, d) => {
    let demand = 0;
    let allocated = 0;
    const entries: AllocationEntry[] = [];
    for (let e = a.deptStart[d]!; e < a.deptStart[d + 1]!; e++) {
      const i = a.request[e]!;
      const oppsOf = req.second[i]! >= 0 ? [req.first[i]!, req.second[i]!] : [req.first[i]!];
      demand += a.ask[e]!;
      allocated += a.received[e]!;
      entries.push({
        request: oppsOf.map((o) => opps.list[o]!.id).join('+'),
        kams: requestKams(world, opps, req, i).map((ki) => scenario.kams[ki]!.id),
        accounts: oppsOf.map((o) => scenario.accounts[opps.account[o]!]!.id),
        joint: oppsOf.length > 1,
        requested: a.ask[e]!,
        received: a.received[e]!,
        byChannel: { pool: a.pool[e]!, priority: a.priority[e]!, contest: a.contest[e]! },
        factors: {
          size: req.size[i]!,
          sponsorship: a.sponsorship[e]!,
          value: a.perceived[e]!,
          departmentValue: a.departmentValue[e]!,
          accountValue: a.accountValue[e]!,
          visibility: req.visibility[i]!,
          influence: a.influence[e]!,
          lobbying: a.lobbying[e]!,
          relationship: a.relationship[e]!,
          lobbyDays: a.lobbyDays[e]!,
          noise: a.noise[e]!,
          score: a.score[e]!,
        },
      });
    }
    return { department: dept.id, capacity: dept.capacity, demand, allocated, entries };
  });
}
