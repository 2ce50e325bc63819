/**
 * Step 4 of a quarter: turning plans into requests and letting each
 * department head divide capacity among them. Three channels, in order:
 * the cross-functional pool (joint solutions, by account value), priority
 * access (key-account requests, by account value) and the regime's contest
 * (head start × perceived value × influence × noise). Every entry keeps the
 * factors of its score, so the game can say why a request got what it got.
 * Imports only src/sim.
 */
import { allocateBy } from './contest.js';
import { lognormal, subStream } from './rng.js';
import type { AllocationEntry, AllocationFactors, DepartmentAllocation, Opportunity, RunState } from './types.js';
import { accountValue, departmentValue, perceivedValue, trueValue, visibility, type RequestSlice } from './value.js';
import type { World } from './world.js';

/** One request as the departments see it: a single opportunity, or two merged by a joint proposal. */
export interface Request {
  id: string;
  kams: number[];
  opps: Opportunity[];
  accounts: number[];
  joint: boolean;
  /** Days each KAM asked for each of its opportunities, per department index (aligned with `opps`). */
  oppAsks: Float64Array[];
  /** Days the request asks of each department (joint: merged and reduced by scope economies). */
  asks: Float64Array;
  totalAsk: number;
  immediateMargin: number;
  visibleUpside: number;
  realUpside: number;
  visibility: number;
  costToServe: number;
  satisfaction: number;
  size: number;
  sponsored: boolean;
}

export interface SeatInputs {
  /** lobbyDays[ki][di] */
  lobbyDays: Float64Array[];
  /** Business-case days per opportunity id. */
  businessCase: Map<string, number>;
}

export function buildRequests(
  world: World,
  state: RunState,
  asked: Map<string, { ki: number; caps: Record<string, number> }>,
  joints: { a: string; b: string }[],
  seats: SeatInputs,
  sponsored: ReadonlySet<string>,
): Request[] {
  const { scenario } = world;
  const m = scenario.model;
  const D = scenario.departments.length;
  let meanWallet = 0;
  let alive = 0;
  for (const a of state.accounts) {
    if (a.alive) {
      meanWallet += a.wallet;
      alive++;
    }
  }
  meanWallet = alive > 0 ? meanWallet / alive : 1;
  const oppById = new Map(state.opportunities.map((o) => [o.id, o]));
  const inJoint = new Map<string, string>();
  for (const j of joints) {
    inJoint.set(j.a, j.b);
    inJoint.set(j.b, j.a);
  }
  const out: Request[] = [];
  const seen = new Set<string>();
  for (const o of state.opportunities) {
    if (!asked.has(o.id) || seen.has(o.id)) continue;
    const partner = inJoint.get(o.id);
    const ids = partner ? [o.id, partner] : [o.id];
    for (const id of ids) seen.add(id);
    const opps = ids.map((id) => oppById.get(id)!);
    const oppAsks = ids.map((id) => {
      const caps = asked.get(id)!.caps;
      const arr = new Float64Array(D);
      scenario.departments.forEach((d, di) => (arr[di] = caps[d.id] ?? 0));
      return arr;
    });
    const asks = new Float64Array(D);
    const scope = partner ? 1 - m.jointScope : 1;
    let totalAsk = 0;
    let costToServe = 0;
    for (let di = 0; di < D; di++) {
      let s = 0;
      for (const arr of oppAsks) s += arr[di]!;
      asks[di] = s * scope;
      totalAsk += asks[di]!;
      costToServe += asks[di]! * scenario.departments[di]!.transferPrice;
    }
    let immediateMargin = 0;
    let visibleUpside = 0;
    let realUpside = 0;
    let visWeighted = 0;
    let upsideTotal = 0;
    let satisfaction = 1;
    let size = 0;
    let isSponsored = false;
    const kams: number[] = [];
    const accounts: number[] = [];
    opps.forEach((opp) => {
      const ai = world.accountIndex.get(opp.account)!;
      const acc = state.accounts[ai]!;
      const input = scenario.accounts[ai]!;
      const ki = world.ownerOf[ai]!;
      const vis = visibility(m, {
        skill: state.kams[ki]!.businessCaseSkill,
        businessCaseDays: seats.businessCase.get(opp.id) ?? 0,
        measured: world.measured,
        boardActive: world.boardActive,
      });
      immediateMargin += opp.revenue * input.margin;
      visibleUpside += opp.upside * vis;
      realUpside += opp.upside * Math.max(0, 1 - acc.wallet / acc.maxWallet);
      visWeighted += vis * (opp.upside + 1e-9);
      upsideTotal += opp.upside + 1e-9;
      satisfaction = Math.min(satisfaction, acc.satisfaction);
      size = Math.max(size, Math.pow(acc.wallet / meanWallet, m.sizeAdvantage));
      if (sponsored.has(opp.account)) isSponsored = true;
      kams.push(ki);
      accounts.push(ai);
    });
    out.push({
      id: ids.join('+'),
      kams,
      opps,
      accounts,
      joint: ids.length > 1,
      oppAsks,
      asks,
      totalAsk,
      immediateMargin,
      visibleUpside,
      realUpside,
      visibility: visWeighted / upsideTotal,
      costToServe,
      satisfaction,
      size,
      sponsored: isSponsored,
    });
  }
  return out;
}

/** One department's decision, in typed arrays aligned with `requests` (its entries only). */
export interface DepartmentOutcome {
  /** Request indices this department received, in request order. */
  requests: number[];
  asks: Float64Array;
  received: Float64Array;
  pool: Float64Array;
  priority: Float64Array;
  contest: Float64Array;
  perceived: Float64Array;
  actual: Float64Array;
  score: Float64Array;
  factors: AllocationFactors[] | null;
}

export function allocateDepartment(
  world: World,
  state: RunState,
  di: number,
  requests: readonly Request[],
  seats: SeatInputs,
  quarterSeed: number,
  detail: boolean,
): DepartmentOutcome {
  const { scenario } = world;
  const m = scenario.model;
  const dept = scenario.departments[di]!;
  const { regime, matrixWeight, interventions, sponsorship } = scenario.company;
  const idx: number[] = [];
  requests.forEach((r, i) => {
    if (r.asks[di]! > 0) idx.push(i);
  });
  const n = idx.length;
  const asks = new Float64Array(n);
  const perceived = new Float64Array(n);
  const actual = new Float64Array(n);
  const score = new Float64Array(n);
  const acctScore = new Float64Array(n);
  const factors: AllocationFactors[] | null = detail ? [] : null;
  const noiseSd = dept.perceptionNoise * (interventions.kaAgendaItem ? m.agendaNoiseFactor : 1);
  const damping = interventions.boardAccountPlans ? m.boardLobbyDamping : 1;
  const stream = subStream(quarterSeed, world.deptLabel[di]!);
  for (let k = 0; k < n; k++) {
    const r = requests[idx[k]!]!;
    const days = r.asks[di]!;
    asks[k] = days;
    const slice: RequestSlice = {
      days,
      share: days / r.totalAsk,
      transferPrice: dept.transferPrice,
      immediateMargin: r.immediateMargin,
      visibleUpside: r.visibleUpside,
      costToServe: r.costToServe,
      satisfaction: r.satisfaction,
    };
    const dv = departmentValue(m, slice);
    const av = accountValue(m, slice);
    const v = perceivedValue(m, regime, matrixWeight, dv, av, slice);
    let lobbying = 0;
    let lobbyDays = 0;
    let relationship = 0;
    for (const ki of r.kams) {
      const ld = seats.lobbyDays[ki]![di]!;
      lobbyDays += ld;
      lobbying += m.lobbyingEffect * damping * ld * scenario.kams[ki]!.charisma * dept.lobbyingSusceptibility;
      relationship = Math.max(relationship, m.relationshipWeight * (state.kams[ki]!.relationships[dept.id] ?? 0));
    }
    const influence = m.influenceBase + lobbying + relationship;
    const noise = lognormal(stream, noiseSd);
    const sponsorFactor = r.sponsored ? 1 + sponsorship.boost : 1;
    const s = r.size * sponsorFactor * v * influence * noise;
    perceived[k] = v;
    actual[k] = trueValue(m, slice, r.realUpside);
    score[k] = s;
    acctScore[k] = r.size * sponsorFactor * Math.max(av, 0.01 * days * dept.transferPrice);
    factors?.push({
      size: r.size,
      sponsorship: sponsorFactor,
      value: v,
      departmentValue: dv,
      accountValue: av,
      visibility: r.visibility,
      influence,
      lobbying,
      relationship,
      lobbyDays,
      noise,
      score: s,
    });
  }

  const pool = new Float64Array(n);
  const priority = new Float64Array(n);
  const remaining = Float64Array.from(asks);
  let capacityLeft = dept.capacity;
  const channel = (share: number, eligible: (k: number) => boolean, scores: Float64Array, into: Float64Array) => {
    if (share <= 0) return;
    const needs = new Float64Array(n);
    for (let k = 0; k < n; k++) if (eligible(k)) needs[k] = remaining[k]!;
    const given = allocateBy(m.allocation, dept.capacity * share, needs, scores, m.decisiveness);
    for (let k = 0; k < n; k++) {
      into[k] = given[k]!;
      remaining[k]! -= given[k]!;
      capacityLeft -= given[k]!;
    }
  };
  channel(interventions.crossFunctionalPool, (k) => requests[idx[k]!]!.joint, acctScore, pool);
  channel(interventions.priorityAccess, () => true, acctScore, priority);
  const contest = allocateBy(m.allocation, Math.max(0, capacityLeft), remaining, score, m.decisiveness);
  const received = new Float64Array(n);
  for (let k = 0; k < n; k++) received[k] = Math.min(asks[k]!, pool[k]! + priority[k]! + contest[k]!);
  return { requests: idx, asks, received, pool, priority, contest, perceived, actual, score, factors };
}

/** The explanation the game shows, for one department. */
export function explain(
  world: World,
  di: number,
  requests: readonly Request[],
  outcome: DepartmentOutcome,
): DepartmentAllocation {
  const { scenario } = world;
  const dept = scenario.departments[di]!;
  let demand = 0;
  let allocated = 0;
  const entries: AllocationEntry[] = outcome.requests.map((ri, k) => {
    const r = requests[ri]!;
    demand += outcome.asks[k]!;
    allocated += outcome.received[k]!;
    return {
      request: r.id,
      kams: r.kams.map((ki) => scenario.kams[ki]!.id),
      accounts: r.accounts.map((ai) => scenario.accounts[ai]!.id),
      joint: r.joint,
      requested: outcome.asks[k]!,
      received: outcome.received[k]!,
      byChannel: { pool: outcome.pool[k]!, priority: outcome.priority[k]!, contest: outcome.contest[k]! },
      factors: outcome.factors![k]!,
    };
  });
  return { department: dept.id, capacity: dept.capacity, demand, allocated, entries };
}
