/**
 * Non-human seats: the six behaviours, each producing a legal QuarterPlan
 * from the state and its own labelled stream. One persona per "who wins"
 * factor of the source article, plus cooperation (team-player) and learning
 * (adaptive, Roth–Erev or imitation).
 * Imports only src/sim.
 */
import { lognormal, type Stream } from './rng.js';
import { clamp } from './stats.js';
import type { JointPlan, KamState, Opportunity, Persona, QuarterPlan, RunState, TimeUse } from './types.js';
import { TIME_USES } from './types.js';
import { emptyPlan } from './plans.js';
import type { World } from './world.js';

type Split = Record<TimeUse, number>;

/** Base time split of each fixed persona (shares of the time budget). */
export const PERSONA_SPLITS: Record<Exclude<Persona, 'adaptive'>, Split> = {
  heavyweight: { customer: 0.5, lobbying: 0.2, relationship: 0.05, businessCase: 0.05, boardPitch: 0.2, joint: 0 },
  charmer: { customer: 0.45, lobbying: 0.4, relationship: 0.1, businessCase: 0.05, boardPitch: 0, joint: 0 },
  networker: { customer: 0.5, lobbying: 0.05, relationship: 0.35, businessCase: 0.1, boardPitch: 0, joint: 0 },
  analyst: { customer: 0.5, lobbying: 0.05, relationship: 0.1, businessCase: 0.35, boardPitch: 0, joint: 0 },
  'team-player': { customer: 0.5, lobbying: 0.05, relationship: 0.15, businessCase: 0.1, boardPitch: 0, joint: 0.2 },
};

/** Where an adaptive KAM starts: an even-handed colleague. */
export const ADAPTIVE_START: Split = {
  customer: 0.5, lobbying: 0.15, relationship: 0.15, businessCase: 0.1, boardPitch: 0.05, joint: 0.05,
};

/** Reference return to lobbying (default decisiveness × default lobbying effect). */
const LOBBY_REFERENCE = 1.5 * 0.04;

export function personaOf(world: World, ki: number): Persona {
  return world.scenario.kams[ki]!.control === 'adaptive' ? 'adaptive' : world.scenario.kams[ki]!.persona;
}

function normalise(split: Split): Split {
  let total = 0;
  for (const u of TIME_USES) total += split[u];
  const out = { ...split };
  for (const u of TIME_USES) out[u] = total > 0 ? split[u] / total : 0;
  return out;
}

/** The decisiveness a KAM feels: ranking is all-or-nothing, proportional ignores scores. */
function felt(world: World): number {
  const m = world.scenario.model;
  return m.allocation === 'ranking' ? 5 : m.allocation === 'proportional' ? 0 : m.decisiveness;
}

/** The expected return to lobbying, relative to the reference, that personas respond to. */
export function lobbyingAppeal(world: World, lastLobbyingShare: number, baseShare: number): number {
  const m = world.scenario.model;
  const damping = world.boardActive && world.scenario.company.interventions.boardAccountPlans ? m.boardLobbyDamping : 1;
  const ret = (felt(world) * m.lobbyingEffect * damping) / LOBBY_REFERENCE;
  const g = m.lobbyingResponse;
  const fromReturn = ret <= 0 ? 0 : Math.pow(ret, g);
  // Arms race: colleagues who lobbied more than my habit push me to lobby more.
  const fromRivals = 1 + g * (lastLobbyingShare - baseShare);
  return clamp(fromReturn * fromRivals, 0.15, 3);
}

/** The split a seat intends this quarter before joint commitments. */
export function intendedSplit(world: World, state: RunState, ki: number, stream: Stream): Split {
  const persona = personaOf(world, ki);
  const kamState = state.kams[ki]!;
  let split: Split;
  if (persona === 'adaptive') {
    split = normalise(kamState.propensities);
    // Exploration: adaptive seats try variations and learn from the outcome.
    for (const u of TIME_USES) split[u] *= lognormal(stream, 0.25);
    split = normalise(split);
  } else split = { ...PERSONA_SPLITS[persona] };
  if (!world.boardActive) {
    const spare = split.boardPitch;
    split.boardPitch = 0;
    if (persona === 'heavyweight') split.lobbying += spare;
    else split.customer += spare;
  }
  const base = split.lobbying;
  const lobby = Math.min(0.7, base * lobbyingAppeal(world, state.lastLobbyingShare, base));
  const rest = 1 - base;
  const scale = rest > 0 ? (1 - lobby) / rest : 0;
  for (const u of TIME_USES) split[u] = u === 'lobbying' ? lobby : split[u] * scale;
  return split;
}

/** Living own accounts' opportunities, in state order. */
export function ownOpportunities(world: World, state: RunState, ki: number): Opportunity[] {
  const own = new Set(world.scenario.kams[ki]!.accounts);
  return state.opportunities.filter((o) => own.has(o.account));
}

function totalNeed(o: Opportunity): number {
  let s = 0;
  for (const k in o.needs) s += o.needs[k]!;
  return s;
}

export interface SeatContext {
  world: World;
  state: RunState;
  ki: number;
  stream: Stream;
  split: Split;
  /** Joint proposals this seat takes part in (made or accepted), from its own side. */
  joints: JointPlan[];
}

/** Spread `days` over keys in proportion to weights (keys kept in the given order). */
function spread(days: number, keys: readonly string[], weights: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const w of weights) total += w;
  if (days <= 0 || keys.length === 0) return out;
  keys.forEach((k, i) => {
    const share = total > 0 ? weights[i]! / total : 1 / keys.length;
    const d = Math.round(days * share * 100) / 100;
    if (d > 0) out[k] = d;
  });
  return out;
}

/** A legal plan for an AI seat. */
export function aiPlan(ctx: SeatContext): QuarterPlan {
  const { world, state, ki, split } = ctx;
  const { scenario } = world;
  const kam = scenario.kams[ki]!;
  const kamState: KamState = state.kams[ki]!;
  const persona = personaOf(world, ki);
  const plan = emptyPlan(kam.id);
  const opps = ownOpportunities(world, state, ki);
  for (const o of opps) plan.requests.push({ opportunity: o.id, capacity: { ...o.needs } });

  const budget = kam.timeBudget;
  let jointDays = 0;
  for (const j of ctx.joints) jointDays += j.days;
  plan.joint = ctx.joints.map((j) => ({ ...j }));
  // Unused joint time goes to relationships; joint commitments come out of customer time first.
  let customer = split.customer * budget;
  let relationship = split.relationship * budget + Math.max(0, split.joint * budget - jointDays);
  const overJoint = Math.max(0, jointDays - split.joint * budget);
  const fromCustomer = Math.min(customer, overJoint);
  customer -= fromCustomer;
  relationship = Math.max(0, relationship - (overJoint - fromCustomer));

  const alive = kam.accounts.filter((a) => state.accounts[world.accountIndex.get(a)!]!.alive);
  const wallets = alive.map((a) => state.accounts[world.accountIndex.get(a)!]!.wallet);
  plan.customer = spread(customer, alive, wallets.map((w) => (persona === 'heavyweight' ? w : Math.sqrt(w))));

  // Departments weighted by what this KAM asks of them (or by its accounts' need mix when it asks nothing).
  const deptIds = scenario.departments.map((d) => d.id);
  const demand = deptIds.map((d) => opps.reduce((s, o) => s + (o.needs[d] ?? 0), 0));
  if (demand.every((x) => x === 0)) {
    for (const a of alive) {
      for (const [di, share] of world.needMix[world.accountIndex.get(a)!]!) demand[di]! += share;
    }
  }
  plan.lobbying = spread(split.lobbying * budget, deptIds, demand);
  const relWeights = deptIds.map((d, i) => demand[i]! * (persona === 'networker' ? 1.2 - (kamState.relationships[d] ?? 0) : 1));
  plan.relationship = spread(relationship, deptIds, relWeights);

  if (opps.length > 0) {
    plan.businessCase = spread(
      split.businessCase * budget,
      opps.map((o) => o.id),
      opps.map((o) => o.upside + 0.01 * totalNeed(o)),
    );
  } else plan.customer = spread(customer + split.businessCase * budget, alive, wallets.map(Math.sqrt));

  if (world.boardActive && split.boardPitch > 0 && alive.length > 0) {
    // The heavyweight pitches its biggest account; others their most strategic one.
    let best = 0;
    alive.forEach((a, i) => {
      const input = scenario.accounts[world.accountIndex.get(a)!]!;
      const key = persona === 'heavyweight' ? wallets[i]! : input.growth * wallets[i]!;
      const bestInput = scenario.accounts[world.accountIndex.get(alive[best]!)!]!;
      const bestKey = persona === 'heavyweight' ? wallets[best]! : bestInput.growth * wallets[best]!;
      if (key > bestKey) best = i;
    });
    plan.boardPitch = { [alive[best]!]: Math.round(split.boardPitch * budget * 100) / 100 };
  }
  return trimToBudget(plan, budget);
}

/** Rounding can overshoot the budget by a hundredth; take it off customer time. */
function trimToBudget(plan: QuarterPlan, budget: number): QuarterPlan {
  let total = 0;
  for (const rec of [plan.customer, plan.lobbying, plan.relationship, plan.businessCase, plan.boardPitch]) {
    for (const k in rec) total += rec[k]!;
  }
  for (const j of plan.joint) total += j.days;
  let over = total - budget;
  if (over <= 1e-9) return plan;
  for (const use of ['customer', 'relationship', 'lobbying', 'businessCase', 'boardPitch'] as const) {
    for (const k of Object.keys(plan[use]).sort()) {
      if (over <= 1e-9) return plan;
      const cut = Math.min(plan[use][k]!, over);
      plan[use][k] = Math.round((plan[use][k]! - cut) * 1e6) / 1e6;
      over -= cut;
    }
  }
  return plan;
}

/** How many colleagues a seat looks at when seeking a partner: keeps a big company linear. */
const PARTNER_CANDIDATES = 6;

/** Joint proposals an AI seat makes this quarter (at most one), before anyone plans. */
export function proposeJoint(world: World, state: RunState, ki: number, split: Split, stream: Stream): JointPlan | null {
  const { scenario } = world;
  const m = scenario.model;
  const persona = personaOf(world, ki);
  const wants = persona === 'team-player' || (persona === 'adaptive' && split.joint >= 0.08);
  const draw = stream.next();
  const candidates: number[] = [];
  for (let c = 0; c < PARTNER_CANDIDATES; c++) candidates.push(Math.floor(stream.next() * scenario.kams.length));
  if (!wants) return null;
  const mine = ownOpportunities(world, state, ki);
  if (mine.length === 0) return null;
  const ownOpp = mine.reduce((a, b) => (totalNeed(b) > totalNeed(a) ? b : a));
  let best: { o: Opportunity; pk: number; overlap: number } | null = null;
  for (const pk of [...new Set(candidates)].sort((a, b) => a - b)) {
    if (pk === ki) continue;
    for (const o of ownOpportunities(world, state, pk)) {
      let overlap = 0;
      for (const d in o.needs) if ((ownOpp.needs[d] ?? 0) > 0) overlap += Math.min(o.needs[d]!, ownOpp.needs[d]!);
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { o, pk, overlap };
    }
  }
  if (!best || draw > 0.9) return null;
  return {
    partner: scenario.kams[best.pk]!.id,
    opportunity: ownOpp.id,
    partnerOpportunity: best.o.id,
    days: Math.max(m.jointMinDays, Math.round(split.joint * scenario.kams[ki]!.timeBudget * 100) / 100),
  };
}
