/**
 * A run: `createRun` sets up the state at quarter 0, `step` plays one quarter
 * in MODEL.md's order (opportunities, plans, board, allocation, delivery,
 * customers, accounts, learning, measures) and returns the next state and the
 * quarter's record. Both are pure: the input state is never changed, and the
 * state is plain data at every boundary, so it can be saved, resumed and
 * branched.
 * Imports only src/sim.
 */
import { allocateDepartment, buildRequests, explain, type SeatInputs } from './allocate.js';
import { selectSponsored } from './board.js';
import { logit, respond } from './customers.js';
import { solutionQuality } from './delivery.js';
import { imitate, nextAspiration, rothErev, updateRelationships, updateSkill } from './learning.js';
import { generateOpportunities } from './opportunities.js';
import { ADAPTIVE_START, personaOf } from './personas.js';
import { checkPlan, planSplit, PlanError } from './plans.js';
import { resolvePlans } from './planning.js';
import type { QuarterData } from './quarter-data.js';
import { measure } from './reporters.js';
import { drawSeed, LABEL, masterStream, subStream } from './rng.js';
import { accountOrientation } from './value.js';
import type {
  AccountQuarter,
  AccountState,
  KamState,
  QuarterPlan,
  QuarterRecord,
  RecordLevel,
  RunState,
  ScenarioInput,
  TimeUse,
} from './types.js';
import { TIME_USES } from './types.js';
import { worldOf } from './world.js';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  record?: RecordLevel;
}

function zeroSplit(): Record<TimeUse, number> {
  return { customer: 0, lobbying: 0, relationship: 0, businessCase: 0, boardPitch: 0, joint: 0 };
}

export function createRun(scenario: ScenarioInput, options: RunOptions = {}): RunState {
  const world = worldOf(scenario);
  const m = scenario.model;
  const seed = options.seed ?? scenario.seed;
  const master = masterStream(seed);
  const quarterSeed = drawSeed(master);
  const accounts: AccountState[] = scenario.accounts.map((a) => ({
    id: a.id,
    alive: true,
    churnedInQuarter: null,
    wallet: a.wallet,
    maxWallet: a.maxWallet ?? a.wallet * m.walletCap,
    shareOfWallet: a.shareOfWallet,
    sowAnchor: logit(a.shareOfWallet),
    satisfaction: a.satisfaction,
    satisfactionAnchor: a.satisfaction,
    // The quality that would hold satisfaction where it starts, with full attention.
    lastQuality: Math.min(1, Math.max(0, (a.satisfaction - m.customerTimeWeight) / Math.max(1e-9, m.qualityWeight))),
  }));
  const kams: KamState[] = scenario.kams.map((k) => {
    const relationships: Record<string, number> = {};
    for (const d of scenario.departments) relationships[d.id] = k.relationships[d.id] ?? 0;
    return {
      id: k.id,
      businessCaseSkill: k.businessCaseSkill,
      relationships,
      propensities: { ...ADAPTIVE_START },
      aspiration: 0,
      lastSplit: zeroSplit(),
      lastScore: 0,
      cumulativeScore: 0,
    };
  });
  return {
    format: 'two-fronts/run-state@1',
    scenario,
    seed,
    record: options.record ?? 'full',
    quarter: 0,
    rng: master.state(),
    quarterSeed,
    accounts,
    kams,
    opportunities: generateOpportunities(world, accounts, quarterSeed, 1),
    sponsored: [],
    lastLobbyingShare: 0,
    history: [],
  };
}

export function isFinished(state: RunState): boolean {
  return state.quarter >= state.scenario.quarters;
}

export interface StepResult {
  state: RunState;
  record: QuarterRecord;
}

/**
 * Plays the coming quarter. `plans` are the plans of the seats someone plays
 * (any seat may be handed over); every other seat is played by its persona.
 * Throws PlanError when a given plan is not legal.
 */
export function step(state: RunState, plans: readonly QuarterPlan[] = []): StepResult {
  const world = worldOf(state.scenario);
  const { scenario } = world;
  const m = scenario.model;
  if (isFinished(state)) throw new RangeError(`the run is over after ${scenario.quarters} quarters`);
  const q = state.quarter + 1;
  const qs = state.quarterSeed;
  const K = scenario.kams.length;
  const D = scenario.departments.length;
  const A = scenario.accounts.length;

  // 2. Plans.
  const given: (QuarterPlan | undefined)[] = new Array(K).fill(undefined);
  for (const p of plans) {
    const ki = world.kamIndex.get(p.kam);
    if (ki === undefined) throw new PlanError(p.kam, [{ code: 'unknown-kam', path: 'kam', params: { kam: p.kam } }]);
    const issues = checkPlan(state, p);
    if (issues.length > 0) throw new PlanError(p.kam, issues);
    given[ki] = p;
  }
  const resolved = resolvePlans(state, given);
  const allPlans = resolved.plans;
  const splits = allPlans.map(planSplit);

  // 3. Board.
  const sponsored = selectSponsored(world, state.accounts, allPlans, qs);
  const sponsoredSet = new Set(sponsored);

  // 4. Allocation.
  const asked = new Map<string, { ki: number; caps: Record<string, number> }>();
  const seats: SeatInputs = { lobbyDays: [], businessCase: new Map() };
  allPlans.forEach((p, ki) => {
    for (const r of p.requests) asked.set(r.opportunity, { ki, caps: r.capacity });
    const lobby = new Float64Array(D);
    scenario.departments.forEach((d, di) => (lobby[di] = p.lobbying[d.id] ?? 0));
    seats.lobbyDays.push(lobby);
    for (const o of Object.keys(p.businessCase).sort()) seats.businessCase.set(o, p.businessCase[o]!);
  });
  const requests = buildRequests(world, state, asked, resolved.formed, seats, sponsoredSet);
  const outcomes = scenario.departments.map((_, di) => allocateDepartment(world, state, di, requests, seats, qs, state.record === 'full'));

  // 5. Delivery.
  const recv = requests.map(() => new Float64Array(D));
  let capacityAllocated = 0;
  let byAccountMechanisms = 0;
  const orientation = accountOrientation(scenario.company.regime, scenario.company.matrixWeight);
  outcomes.forEach((o, di) => {
    o.requests.forEach((ri, k) => {
      const x = o.received[k]!;
      recv[ri]![di] = x;
      capacityAllocated += x;
      const contest = o.contest[k]!;
      const fromBoard = requests[ri]!.sponsored ? 1 - orientation : 0;
      byAccountMechanisms += o.pool[k]! + o.priority[k]! + contest * (orientation + fromBoard);
    });
  });
  const needed = new Float64Array(A);
  const received = new Float64Array(A);
  const delivered = new Float64Array(A);
  const trueValueOf = new Float64Array(A);
  const projectRevenue = new Float64Array(A);
  const transferCharge = new Float64Array(A);
  const creditCharge = new Float64Array(A);
  const qualitySum = new Float64Array(A);
  const oppCount = new Int32Array(A);
  const pursuedCount = new Int32Array(A);
  const transferRevenue = new Float64Array(D);
  const credit = new Float64Array(D);
  const deliveries: QuarterRecord['deliveries'] = [];
  const quality = new Map<string, { q: number; f: number; days: Float64Array }>();
  for (const [ri, r] of requests.entries()) {
    r.opps.forEach((o, t) => {
      const ai = r.accounts[t]!;
      const fs: number[] = [];
      const ws: number[] = [];
      const days = new Float64Array(D);
      let need = 0;
      for (const d of Object.keys(o.needs)) need += o.needs[d]!;
      let got = 0;
      for (const [di, dept] of scenario.departments.entries()) {
        const n = o.needs[dept.id] ?? 0;
        const c = r.oppAsks[t]![di]!;
        const ask = r.asks[di]!;
        const x = recv[ri]![di]!;
        const ratio = ask > 0 ? x / ask : 0;
        days[di] = ask > 0 ? (x * c * (r.joint ? 1 - m.jointScope : 1)) / ask : 0;
        if (n > 0) {
          const f = Math.min(1, (ratio * c) / n);
          fs.push(f);
          ws.push(n / need);
          got += f * n;
        }
      }
      const qOpp = solutionQuality(fs, ws, m.qualityExponent);
      quality.set(o.id, { q: qOpp, f: need > 0 ? got / need : 0, days });
      pursuedCount[ai]!++;
    });
  }
  let pursuedJointly = 0;
  for (const r of requests) if (r.joint) pursuedJointly += r.opps.length;
  for (const o of state.opportunities) {
    const ai = world.accountIndex.get(o.account)!;
    const input = scenario.accounts[ai]!;
    const acc = state.accounts[ai]!;
    let need = 0;
    let cost = 0;
    for (const d of Object.keys(o.needs)) {
      need += o.needs[d]!;
      cost += o.needs[d]! * scenario.departments[world.deptIndex.get(d)!]!.transferPrice;
    }
    const res = quality.get(o.id);
    const qOpp = res?.q ?? 0;
    needed[ai]! += need;
    received[ai]! += (res?.f ?? 0) * need;
    qualitySum[ai]! += qOpp;
    oppCount[ai]!++;
    projectRevenue[ai]! += qOpp * o.revenue;
    trueValueOf[ai]! +=
      o.revenue * input.margin + m.horizon * o.upside * Math.max(0, 1 - acc.wallet / acc.maxWallet) - cost;
    const oppCredit = m.departmentMarginCredit * qOpp * o.revenue * input.margin;
    if (res) {
      let realDays = 0;
      for (let di = 0; di < D; di++) realDays += res.days[di]!;
      for (let di = 0; di < D; di++) {
        const x = res.days[di]!;
        if (x <= 0) continue;
        delivered[ai]! += x;
        const charge = x * scenario.departments[di]!.transferPrice;
        transferCharge[ai]! += charge;
        transferRevenue[di]! += charge;
        credit[di]! += (oppCredit * x) / realDays;
      }
      if (realDays > 0) creditCharge[ai]! += oppCredit;
    }
    if (state.record === 'full') deliveries.push({ opportunity: o.id, account: o.account, quality: qOpp, fulfilment: res?.f ?? 0 });
  }

  // 6. Customers.
  const customerDays = new Float64Array(A);
  for (const p of allPlans) {
    for (const a of Object.keys(p.customer).sort()) {
      const ai = world.accountIndex.get(a);
      if (ai !== undefined) customerDays[ai]! += p.customer[a]!;
    }
  }
  const churnStream = subStream(qs, LABEL.churn);
  const nextAccounts: AccountState[] = [];
  const accountRevenue = new Float64Array(A);
  const accountPnl = new Float64Array(A);
  const experienced = new Float64Array(A);
  let companyRevenue = 0;
  let grossMargin = 0;
  scenario.accounts.forEach((input, ai) => {
    const draw = churnStream.next();
    const acc = state.accounts[ai]!;
    const res = respond(
      m,
      acc,
      input.growth,
      {
        quality: oppCount[ai]! > 0 ? qualitySum[ai]! / oppCount[ai]! : null,
        customerDays: customerDays[ai]!,
        projectRevenue: projectRevenue[ai]!,
      },
      draw,
      q,
    );
    nextAccounts.push(res.next);
    experienced[ai] = acc.alive && oppCount[ai]! > 0 ? res.quality : Number.NaN;
    accountRevenue[ai] = res.revenue;
    companyRevenue += res.revenue;
    grossMargin += res.revenue * input.margin;
    // 7. Accounts (account side).
    accountPnl[ai] = acc.alive ? res.revenue * input.margin - transferCharge[ai]! - creditCharge[ai]! : 0;
  });

  // 7. Accounts (departments and company).
  let lobbyDaysTotal = 0;
  let daysUsed = 0;
  for (const s of splits) {
    lobbyDaysTotal += s.lobbying;
    for (const u of TIME_USES) daysUsed += s[u];
  }
  const departmentPnl = new Float64Array(D);
  let capacityCost = 0;
  scenario.departments.forEach((d, di) => {
    let lobbied = 0;
    for (const l of seats.lobbyDays) lobbied += l[di]!;
    const cost = d.capacity * d.unitCost;
    capacityCost += cost;
    departmentPnl[di] = transferRevenue[di]! + credit[di]! - cost - m.lobbyingOverhead * lobbied;
  });
  const kamCost = daysUsed * m.kamDayCost;
  const measurement = world.measured ? m.measurementCost : 0;
  const companyProfit =
    grossMargin - capacityCost - kamCost - m.lobbyingOverhead * lobbyDaysTotal - measurement - scenario.company.fixedCostPerQuarter;
  const influenceCost = lobbyDaysTotal * (m.kamDayCost + m.lobbyingOverhead);
  const kamScore = new Float64Array(K);
  scenario.accounts.forEach((_, ai) => (kamScore[world.ownerOf[ai]!]! += accountPnl[ai]!));

  // 8. Learning.
  const fulfilmentByKam: Record<string, { sum: number; n: number }>[] = scenario.kams.map(() => ({}));
  outcomes.forEach((o, di) => {
    const id = scenario.departments[di]!.id;
    o.requests.forEach((ri, k) => {
      const f = o.asks[k]! > 0 ? o.received[k]! / o.asks[k]! : 0;
      for (const ki of requests[ri]!.kams) {
        const slot = (fulfilmentByKam[ki]![id] ??= { sum: 0, n: 0 });
        slot.sum += f;
        slot.n++;
      }
    });
  });
  let bestKam = 0;
  for (let ki = 1; ki < K; ki++) if (kamScore[ki]! > kamScore[bestKam]!) bestKam = ki;
  const nextKams: KamState[] = state.kams.map((k, ki) => {
    const p = allPlans[ki]!;
    const fulfilment: Record<string, number> = {};
    for (const d of scenario.departments) {
      const slot = fulfilmentByKam[ki]![d.id];
      if (slot) fulfilment[d.id] = slot.sum / slot.n;
    }
    const score = kamScore[ki]!;
    const relationships = updateRelationships(m, scenario, k, {
      split: splits[ki]!,
      relationshipDays: p.relationship,
      fulfilment,
      score,
    });
    let propensities = k.propensities;
    if (personaOf(world, ki) === 'adaptive' && given[ki] === undefined) {
      propensities =
        m.adaptiveRule === 'imitation' && bestKam !== ki
          ? imitate(m, k, splits[bestKam]!)
          : rothErev(m, k, splits[ki]!, score);
    }
    const budget = scenario.kams[ki]!.timeBudget;
    const lastSplit = zeroSplit();
    for (const u of TIME_USES) lastSplit[u] = budget > 0 ? splits[ki]![u] / budget : 0;
    return {
      id: k.id,
      businessCaseSkill: updateSkill(m, k.businessCaseSkill, splits[ki]!.businessCase),
      relationships,
      propensities,
      aspiration: nextAspiration(m, k, score, q),
      lastSplit,
      lastScore: score,
      cumulativeScore: k.cumulativeScore + score,
    };
  });

  // 9. Measures.
  let pursued = 0;
  for (let ai = 0; ai < A; ai++) pursued += pursuedCount[ai]!;
  const data: QuarterData = {
    world,
    quarter: q,
    before: state.accounts,
    after: nextAccounts,
    kamsAfter: nextKams,
    requests,
    outcomes,
    splits,
    needed,
    received,
    delivered,
    trueValue: trueValueOf,
    quality: experienced,
    accountRevenue,
    accountPnl,
    departmentPnl,
    kamScore,
    companyRevenue,
    companyProfit,
    influenceCost,
    pursued,
    pursuedJointly,
    capacityByAccountMechanisms: byAccountMechanisms,
    capacityAllocated,
  };
  const reporters = measure(data);

  const accountRows: AccountQuarter[] = [];
  if (state.record !== 'reporters') {
    scenario.accounts.forEach((input, ai) => {
      const before = state.accounts[ai]!;
      const after = nextAccounts[ai]!;
      accountRows.push({
        account: input.id,
        kam: scenario.kams[world.ownerOf[ai]!]!.id,
        alive: before.alive,
        churned: before.alive && !after.alive,
        wallet: before.wallet,
        shareOfWallet: after.shareOfWallet,
        satisfaction: after.satisfaction,
        revenue: accountRevenue[ai]!,
        pnl: accountPnl[ai]!,
        needed: needed[ai]!,
        received: received[ai]!,
        fulfilment: needed[ai]! > 0 ? received[ai]! / needed[ai]! : null,
        quality: Number.isNaN(experienced[ai]!) ? null : experienced[ai]!,
        sponsored: sponsoredSet.has(input.id),
        opportunities: oppCount[ai]!,
        pursued: pursuedCount[ai]!,
      });
    });
  }
  const full = state.record === 'full';
  const record: QuarterRecord = {
    quarter: q,
    reporters,
    accounts: accountRows,
    allocations: full ? outcomes.map((o, di) => explain(world, di, requests, o)) : [],
    plans: full ? allPlans : [],
    sponsored,
    joints: full ? resolved.outcomes : [],
    deliveries,
  };

  const master = masterStream(state.seed, state.rng);
  const nextSeed = drawSeed(master);
  const next: RunState = {
    ...state,
    quarter: q,
    rng: master.state(),
    quarterSeed: nextSeed,
    accounts: nextAccounts,
    kams: nextKams,
    opportunities: q < scenario.quarters ? generateOpportunities(world, nextAccounts, nextSeed, q + 1) : [],
    sponsored,
    lastLobbyingShare: reporters.lobbyingShare ?? 0,
    history: [...state.history, record],
  };
  return { state: next, record };
}
