/**
 * A run: `createRun` sets up the state at quarter 0, `step` plays one quarter
 * in MODEL.md's order (opportunities, plans, board, allocation, delivery,
 * customers, accounts, learning, measures) and returns the next state and the
 * quarter's record. Both are pure: the input state is never changed, and the
 * state is plain data at every boundary, so it can be saved, resumed and
 * branched.
 * Imports only src/sim.
 */
import { allocate, buildRequests, explain, type Allocation, type Requests } from './allocate.js';
import { adoption, type Adoption } from './adoption.js';
import { selectSponsored } from './board.js';
import { doubles, doublesFrom, flags, integers } from './shapes.js';
import { copyAccounts, logit, respond } from './customers.js';
import { solutionQuality } from './delivery.js';
import { imitate, nextAspiration, nextRelationship, nextSkill, rothErev } from './learning.js';
import { oppTable, readPlan, U_BUSINESS_CASE, U_LOBBYING, USES, type OppTable, type PlanMatrix } from './matrix.js';
import { generateOpportunities } from './opportunities.js';
import { ADAPTIVE_START, personaOf } from './personas.js';
import { checkPlan, PlanError } from './plans.js';
import { resolvePlans } from './planning.js';
import type { QuarterData } from './quarter-data.js';
import { LOBBYING_SHARE, measure } from './reporters.js';
import { drawSeed, LABEL, masterStream, subStream } from './rng.js';
import type { AccountQuarter, AccountsState, KamsState, QuarterPlan, QuarterRecord, RecordLevel, RunState, ScenarioInput } from './types.js';
import { TIME_USES } from './types.js';
import { accountOrientation, marginCreditShare, roomToGrow } from './value.js';
import { worldOf, type World } from './world.js';

export const RUN_STATE_FORMAT = 'two-fronts/run-state@1';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** How much each quarter's record keeps (default everything). */
  record?: RecordLevel;
}

export function createRun(scenario: ScenarioInput, options: RunOptions = {}): RunState {
  const world = worldOf(scenario);
  world.scratch.rewind();
  const m = world.model;
  const seed = options.seed ?? scenario.seed;
  const master = masterStream(seed);
  const quarterSeed = drawSeed(master);
  const acc = scenario.accounts;
  const A = acc.length;
  const accounts: AccountsState = {
    alive: flags(A, () => true),
    churnedIn: integers(A, () => 0),
    wallet: doubles(A, (ai) => acc[ai]!.wallet),
    maxWallet: doubles(A, (ai) => acc[ai]!.maxWallet ?? acc[ai]!.wallet * m.walletCap),
    shareOfWallet: doubles(A, (ai) => acc[ai]!.shareOfWallet),
    sowAnchor: doubles(A, (ai) => logit(acc[ai]!.shareOfWallet)),
    satisfaction: doubles(A, (ai) => acc[ai]!.satisfaction),
    satisfactionAnchor: doubles(A, (ai) => acc[ai]!.satisfaction),
    // The quality that would hold satisfaction where it starts, with full attention.
    lastQuality: doubles(A, (ai) => Math.min(1, Math.max(0, (acc[ai]!.satisfaction - m.customerTimeWeight) / Math.max(1e-9, m.qualityWeight)))),
  };
  const K = scenario.kams.length;
  const D = scenario.departments.length;
  const kams: KamsState = {
    businessCaseSkill: doubles(K, (ki) => scenario.kams[ki]!.businessCaseSkill),
    relationships: doubles(K * D, (x) => scenario.kams[Math.floor(x / D)]!.relationships[scenario.departments[x % D]!.id] ?? 0),
    propensities: doubles(K * USES, (x) => ADAPTIVE_START[TIME_USES[x % USES]!]),
    aspiration: doubles(K, () => 0),
    lastSplit: doubles(K * USES, () => 0),
    lastScore: doubles(K, () => 0),
    cumulativeScore: doubles(K, () => 0),
  };
  return {
    format: RUN_STATE_FORMAT,
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
  if (isFinished(state)) throw new RangeError(`the run is over after ${scenario.quarters} quarters`);
  const q = state.quarter + 1;
  const qs = state.quarterSeed;
  const full = state.record === 'full';
  const sc = world.scratch;
  sc.rewind();

  // 1. Opportunities (generated at the last boundary, so seats could plan on them).
  const opps = oppTable(world, state.opportunities);
  const O = opps.count;

  // 2. Plans.
  const given = givenPlans(world, state, plans);
  const { matrix: plan, partnerOf, outcomes: jointOutcomes } = resolvePlans(world, state, opps, given);

  // 3. Board.
  const adopt = adoption(world, q);
  const sponsored = selectSponsored(world, adopt, state.accounts, plan.pitch, qs);

  // 4. Allocation.
  const req = buildRequests(world, state, opps, plan, partnerOf, sponsored, adopt);
  const alloc = allocate(world, state, opps, plan, req, qs, adopt);

  // 5. Delivery.
  const work = deliver(world, opps, plan, req, alloc);
  const books = ledger(world, state.accounts, opps, plan, work);

  // 6. Customers, and 7. the accounts' side of the books.
  const before = state.accounts;
  const after = copyAccounts(before);
  const sales = customers(world, before, after, plan, books, qs, q);

  // 7. Departments and company.
  const result = accounting(world, plan, adopt, books, sales);

  // 8. Learning.
  const kams = learn(world, state, given, opps, plan, req, alloc, result.kamScore, adopt, q);

  // 9. Measures.
  let pursued = 0;
  for (let o = 0; o < O; o++) pursued += plan.pursued[o]!;
  const data: QuarterData = {
    world,
    quarter: q,
    before,
    after,
    kamsAfter: kams,
    opps,
    plan,
    requests: req,
    allocation: alloc,
    needed: books.needed,
    received: books.received,
    delivered: books.delivered,
    trueValue: books.trueValue,
    accountRevenue: sales.accountRevenue,
    accountPnl: sales.accountPnl,
    departmentPnl: result.departmentPnl,
    kamScore: result.kamScore,
    companyRevenue: sales.companyRevenue,
    companyProfit: result.companyProfit,
    influenceCost: result.influenceCost,
    pursued,
    pursuedJointly: work.pursuedJointly,
    capacityByAccountMechanisms: work.byAccountMechanisms,
    capacityAllocated: work.capacityAllocated,
  };
  const values = measure(data);
  const sponsoredIds = idsOf(world, sponsored);
  const record: QuarterRecord = {
    quarter: q,
    values,
    accounts: state.record !== 'reporters' ? accountRows(world, before, after, books, sales, sponsored) : [],
    allocations: full ? explain(world, opps, req, alloc) : [],
    plans: full ? scenario.kams.map((_, ki) => given[ki] ?? readPlan(world, opps, plan, ki)) : [],
    sponsored: sponsoredIds,
    joints: full ? jointOutcomes : [],
    deliveries: full
      ? state.opportunities.map((o, i) => ({ opportunity: o.id, account: o.account, quality: work.oppQuality[i]!, fulfilment: work.oppFulfilment[i]! }))
      : [],
  };

  const master = masterStream(state.seed, state.rng);
  const nextSeed = drawSeed(master);
  // Every field named, in createRun's order: one object shape for every state.
  const nextOpps = q < scenario.quarters ? generateOpportunities(world, after, nextSeed, q + 1) : [];
  const next: RunState = {
    format: state.format,
    scenario: state.scenario,
    seed: state.seed,
    record: state.record,
    quarter: q,
    rng: master.state(),
    quarterSeed: nextSeed,
    accounts: after,
    kams,
    opportunities: nextOpps,
    sponsored: sponsoredIds,
    lastLobbyingShare: values[LOBBYING_SHARE]!,
    history: [...state.history, record],
  };
  return { state: next, record };
}

/*
 * The phases of `step`, each its own function: a quarter is one short call
 * per phase, so each phase is compiled on its own and a rarely taken branch
 * in one of them never costs the others their optimised code.
 */

/** The plans of the seats someone plays, by seat (undefined for the personas' seats), checked. */
function givenPlans(world: World, state: RunState, plans: readonly QuarterPlan[]): (QuarterPlan | undefined)[] {
  const given: (QuarterPlan | undefined)[] = [];
  for (let ki = 0; ki < world.scenario.kams.length; ki++) given.push(undefined);
  for (const p of plans) {
    const ki = world.kamIndex.get(p.kam);
    if (ki === undefined) throw new PlanError(p.kam, [{ code: 'unknown-kam', path: 'kam', params: { kam: p.kam } }]);
    const issues = checkPlan(state, p);
    if (issues.length > 0) throw new PlanError(p.kam, issues);
    given[ki] = p;
  }
  return given;
}

/** What step 5 delivered, per request, opportunity and department. */
interface Work {
  /** Days received, request × department. */
  recv: Float64Array;
  capacityAllocated: number;
  byAccountMechanisms: number;
  oppQuality: Float64Array;
  oppFulfilment: Float64Array;
  /** Real days delivered, opportunity × department. */
  oppDays: Float64Array;
  pursuedJointly: number;
}

function deliver(world: World, opps: OppTable, plan: PlanMatrix, req: Requests, alloc: Allocation): Work {
  const { scenario, scratch: sc } = world;
  const m = world.model;
  const D = scenario.departments.length;
  const R = req.count;
  const O = opps.count;
  const recv = sc.f(R * D);
  let capacityAllocated = 0;
  let byAccountMechanisms = 0;
  const orientation = accountOrientation(world.regime, scenario.company.matrixWeight);
  for (let d = 0; d < D; d++) {
    for (let e = alloc.deptStart[d]!; e < alloc.deptStart[d + 1]!; e++) {
      const i = alloc.request[e]!;
      const x = alloc.received[e]!;
      recv[i * D + d] = x;
      capacityAllocated += x;
      // The part of a sponsored request's score that the board's head start made.
      const fromBoard = (1 - orientation) * (1 - 1 / alloc.sponsorship[e]!);
      byAccountMechanisms += alloc.pool[e]! + alloc.priority[e]! + alloc.contest[e]! * (orientation + fromBoard);
    }
  }
  const oppQuality = sc.f(O);
  const oppFulfilment = sc.f(O);
  const oppDays = sc.f(O * D);
  const fs = sc.f(D);
  const ws = sc.f(D);
  let pursuedJointly = 0;
  for (let i = 0; i < R; i++) {
    const joint = req.second[i]! >= 0;
    if (joint) pursuedJointly += 2;
    const scope = joint ? 1 - m.jointScope : 1;
    for (let twice = 0; twice < (joint ? 2 : 1); twice++) {
      const o = twice === 0 ? req.first[i]! : req.second[i]!;
      let n = 0;
      let got = 0;
      const need = opps.totalNeed[o]!;
      for (let d = 0; d < D; d++) {
        const ask = req.ask[i * D + d]!;
        const c = plan.ask[o * D + d]!;
        const x = recv[i * D + d]!;
        const ratio = ask > 0 ? x / ask : 0;
        oppDays[o * D + d] = ask > 0 ? (x * c * scope) / ask : 0;
        const needed = opps.need[o * D + d]!;
        if (needed > 0) {
          const f = Math.min(1, (ratio * c) / needed);
          fs[n] = f;
          ws[n] = needed / need;
          got += f * needed;
          n++;
        }
      }
      oppQuality[o] = solutionQuality(fs, ws, m.qualityExponent, n);
      oppFulfilment[o] = need > 0 ? got / need : 0;
    }
  }
  return { recv, capacityAllocated, byAccountMechanisms, oppQuality, oppFulfilment, oppDays, pursuedJointly };
}

/** Step 5 per account and department: days, value and the transfer charges behind them. */
interface Books {
  needed: Float64Array;
  received: Float64Array;
  delivered: Float64Array;
  trueValue: Float64Array;
  projectRevenue: Float64Array;
  transferCharge: Float64Array;
  creditCharge: Float64Array;
  qualitySum: Float64Array;
  oppCount: Int32Array;
  pursuedCount: Int32Array;
  transferRevenue: Float64Array;
  credit: Float64Array;
}

function ledger(world: World, before: AccountsState, opps: OppTable, plan: PlanMatrix, work: Work): Books {
  const { scenario, scratch: sc } = world;
  const m = world.model;
  const D = scenario.departments.length;
  const A = scenario.accounts.length;
  const O = opps.count;
  const { oppQuality, oppFulfilment, oppDays } = work;
  const needed = sc.f(A);
  const received = sc.f(A);
  const delivered = sc.f(A);
  const trueValue = sc.f(A);
  const projectRevenue = sc.f(A);
  const transferCharge = sc.f(A);
  const creditCharge = sc.f(A);
  const qualitySum = sc.f(A);
  const oppCount = sc.i(A);
  const pursuedCount = sc.i(A);
  const transferRevenue = sc.f(D);
  const credit = sc.f(D);
  const creditShare = marginCreditShare(m, world.regime, scenario.company.matrixWeight);
  for (let o = 0; o < O; o++) {
    const ai = opps.account[o]!;
    const margin = scenario.accounts[ai]!.margin;
    const need = opps.totalNeed[o]!;
    let cost = 0;
    for (let d = 0; d < D; d++) cost += opps.need[o * D + d]! * scenario.departments[d]!.transferPrice;
    const qo = oppQuality[o]!;
    needed[ai]! += need;
    received[ai]! += oppFulfilment[o]! * need;
    qualitySum[ai]! += qo;
    oppCount[ai]!++;
    if (plan.pursued[o]) pursuedCount[ai]!++;
    projectRevenue[ai]! += qo * opps.revenue[o]!;
    const headroom = Math.max(0, roomToGrow(before.wallet[ai]!, before.maxWallet[ai]!));
    trueValue[ai]! += opps.revenue[o]! * margin + m.horizon * opps.upside[o]! * headroom - cost;
    const oppCredit = creditShare * qo * opps.revenue[o]! * margin;
    let realDays = 0;
    for (let d = 0; d < D; d++) realDays += oppDays[o * D + d]!;
    if (realDays <= 0) continue;
    creditCharge[ai]! += oppCredit;
    for (let d = 0; d < D; d++) {
      const x = oppDays[o * D + d]!;
      if (x <= 0) continue;
      delivered[ai]! += x;
      const charge = x * scenario.departments[d]!.transferPrice;
      transferCharge[ai]! += charge;
      transferRevenue[d]! += charge;
      credit[d]! += (oppCredit * x) / realDays;
    }
  }
  return { needed, received, delivered, trueValue, projectRevenue, transferCharge, creditCharge, qualitySum, oppCount, pursuedCount, transferRevenue, credit };
}

interface Sales {
  accountRevenue: Float64Array;
  accountPnl: Float64Array;
  companyRevenue: number;
  grossMargin: number;
}

/** Step 6 for every account (updating `after`), with the account side of step 7. */
function customers(world: World, before: AccountsState, after: AccountsState, plan: PlanMatrix, books: Books, qs: number, q: number): Sales {
  const { scenario, scratch: sc } = world;
  const m = world.model;
  const A = scenario.accounts.length;
  const { oppCount, qualitySum, projectRevenue, transferCharge, creditCharge } = books;
  const churnStream = subStream(qs, LABEL.churn);
  const accountRevenue = sc.f(A);
  const accountPnl = sc.f(A);
  let companyRevenue = 0;
  let grossMargin = 0;
  for (let ai = 0; ai < A; ai++) {
    const input = scenario.accounts[ai]!;
    const quality = oppCount[ai]! > 0 ? qualitySum[ai]! / oppCount[ai]! : Number.NaN;
    const churnDraw = churnStream.next();
    const revenue = respond(m, after, ai, input.growth, quality, plan.customer[ai]!, projectRevenue[ai]!, churnDraw, q);
    accountRevenue[ai] = revenue;
    companyRevenue += revenue;
    grossMargin += revenue * input.margin;
    accountPnl[ai] = before.alive[ai] ? revenue * input.margin - transferCharge[ai]! - creditCharge[ai]! : 0;
  }
  return { accountRevenue, accountPnl, companyRevenue, grossMargin };
}

interface Result {
  departmentPnl: Float64Array;
  companyProfit: number;
  influenceCost: number;
  kamScore: Float64Array;
}

/** Step 7 for departments and the company, and each KAM's score (the P&L of their accounts). */
function accounting(world: World, plan: PlanMatrix, adopt: Adoption, books: Books, sales: Sales): Result {
  const { scenario, scratch: sc } = world;
  const m = world.model;
  const K = scenario.kams.length;
  const D = scenario.departments.length;
  const A = scenario.accounts.length;
  let lobbyDays = 0;
  let daysUsed = 0;
  for (let x = 0; x < K * USES; x++) daysUsed += plan.split[x]!;
  for (let ki = 0; ki < K; ki++) lobbyDays += plan.split[ki * USES + U_LOBBYING]!;
  const departmentPnl = sc.f(D);
  let capacityCost = 0;
  for (let d = 0; d < D; d++) {
    const dept = scenario.departments[d]!;
    let lobbied = 0;
    for (let ki = 0; ki < K; ki++) lobbied += plan.lobby[ki * D + d]!;
    const cost = dept.capacity * dept.unitCost;
    capacityCost += cost;
    departmentPnl[d] = books.transferRevenue[d]! + books.credit[d]! - cost - m.lobbyingOverhead * lobbied;
  }
  const measurement = adopt.measurement > 0 ? m.measurementCost : 0;
  const companyProfit =
    sales.grossMargin - capacityCost - daysUsed * m.kamDayCost - m.lobbyingOverhead * lobbyDays - measurement - scenario.company.fixedCostPerQuarter;
  const influenceCost = lobbyDays * (m.kamDayCost + m.lobbyingOverhead);
  const kamScore = sc.f(K);
  for (let ai = 0; ai < A; ai++) kamScore[world.ownerOf[ai]!]! += sales.accountPnl[ai]!;
  return { departmentPnl, companyProfit, influenceCost, kamScore };
}

/** Step 8: relationships, skills, propensities and aspirations after the quarter. */
function learn(
  world: World,
  state: RunState,
  given: readonly (QuarterPlan | undefined)[],
  opps: OppTable,
  plan: PlanMatrix,
  req: Requests,
  alloc: Allocation,
  kamScore: Float64Array,
  adopt: Adoption,
  q: number,
): KamsState {
  const { scenario, scratch: sc } = world;
  const m = world.model;
  const K = scenario.kams.length;
  const D = scenario.departments.length;
  const fulfilSum = sc.f(K * D);
  const fulfilCount = sc.f(K * D);
  for (let d = 0; d < D; d++) {
    for (let e = alloc.deptStart[d]!; e < alloc.deptStart[d + 1]!; e++) {
      const f = alloc.received[e]! / alloc.ask[e]!;
      const i = alloc.request[e]!;
      for (let twice = 0; twice < (req.second[i]! >= 0 ? 2 : 1); twice++) {
        const ki = world.ownerOf[opps.account[twice === 0 ? req.first[i]! : req.second[i]!]!]!;
        fulfilSum[ki * D + d]! += f;
        fulfilCount[ki * D + d]!++;
      }
    }
  }
  let bestKam = 0;
  for (let ki = 1; ki < K; ki++) if (kamScore[ki]! > kamScore[bestKam]!) bestKam = ki;
  const k0 = state.kams;
  const agenda = adopt.agenda;
  const kams: KamsState = {
    businessCaseSkill: k0.businessCaseSkill.slice(),
    relationships: k0.relationships.slice(),
    propensities: k0.propensities.slice(),
    aspiration: k0.aspiration.slice(),
    lastSplit: k0.lastSplit.slice(),
    lastScore: doublesFrom(kamScore),
    cumulativeScore: doublesFrom(kamScore),
  };
  for (let ki = 0; ki < K; ki++) kams.cumulativeScore[ki] = k0.cumulativeScore[ki]! + kamScore[ki]!;
  for (let ki = 0; ki < K; ki++) {
    for (let d = 0; d < D; d++) {
      const x = ki * D + d;
      const f = fulfilCount[x]! > 0 ? fulfilSum[x]! / fulfilCount[x]! : Number.NaN;
      kams.relationships[x] = nextRelationship(m, k0.relationships[x]!, plan.relationship[x]!, f, agenda);
    }
    const row = ki * USES;
    kams.businessCaseSkill[ki] = nextSkill(m, k0.businessCaseSkill[ki]!, plan.split[row + U_BUSINESS_CASE]!);
    // Learning needs a reference point: the first quarter only sets the aspiration.
    if (personaOf(world, ki) === 'adaptive' && given[ki] === undefined && q > 1) {
      if (world.adaptiveRule === 'imitation' && bestKam !== ki)
        imitate(m, kams.propensities, row, k0.propensities, row, plan.split, bestKam * USES);
      else rothErev(m, kams.propensities, row, k0.propensities, row, plan.split, row, kamScore[ki]!, k0.aspiration[ki]!);
    }
    kams.aspiration[ki] = nextAspiration(m, k0.aspiration[ki]!, kamScore[ki]!, q);
    const budget = scenario.kams[ki]!.timeBudget;
    for (let u = 0; u < USES; u++) kams.lastSplit[row + u] = budget > 0 ? plan.split[row + u]! / budget : 0;
  }
  return kams;
}

/** The ids of the accounts the board sponsors this quarter. */
function idsOf(world: World, sponsored: Uint8Array): string[] {
  const out: string[] = [];
  const A = world.scenario.accounts.length;
  for (let ai = 0; ai < A; ai++) if (sponsored[ai]) out.push(world.scenario.accounts[ai]!.id);
  return out;
}

/** The quarter's row per account, for records that keep accounts. */
function accountRows(world: World, before: AccountsState, after: AccountsState, books: Books, sales: Sales, sponsored: Uint8Array): AccountQuarter[] {
  const { scenario } = world;
  const { needed, received, qualitySum, oppCount, pursuedCount } = books;
  const rows: AccountQuarter[] = [];
  for (let ai = 0; ai < scenario.accounts.length; ai++) {
    rows.push({
      account: scenario.accounts[ai]!.id,
      kam: scenario.kams[world.ownerOf[ai]!]!.id,
      alive: before.alive[ai]!,
      churned: before.alive[ai]! && !after.alive[ai]!,
      wallet: before.wallet[ai]!,
      shareOfWallet: after.shareOfWallet[ai]!,
      satisfaction: after.satisfaction[ai]!,
      revenue: sales.accountRevenue[ai]!,
      pnl: sales.accountPnl[ai]!,
      needed: needed[ai]!,
      received: received[ai]!,
      fulfilment: needed[ai]! > 0 ? received[ai]! / needed[ai]! : null,
      quality: before.alive[ai] && oppCount[ai]! > 0 ? qualitySum[ai]! / oppCount[ai]! : null,
      sponsored: sponsored[ai] === 1,
      opportunities: oppCount[ai]!,
      pursued: pursuedCount[ai]!,
    });
  }
  return rows;
}
