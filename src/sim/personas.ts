/**
 * Non-human seats: the six behaviours, each writing a legal plan into the
 * quarter's plan matrix from the state and the quarter's persona stream. One
 * persona per "who wins" factor of the source article, plus cooperation
 * (team-player) and learning (adaptive, Roth–Erev or imitation).
 * Every seat takes the same number of draws, played by a person or not, so
 * handing a seat over never shifts another seat's randomness.
 * Imports only src/sim.
 */
import { adoption, lobbyDamping } from './adoption.js';
import { U_BOARD_PITCH, U_BUSINESS_CASE, U_CUSTOMER, U_JOINT, U_LOBBYING, U_RELATIONSHIP, USES, type JointEntry, type OppTable, type PlanMatrix } from './matrix.js';
import { fillNormals, type Stream } from './rng.js';
import { clamp } from './stats.js';
import type { JointPlan, Persona, RunState, TimeUse } from './types.js';
import { TIME_USES } from './types.js';
import type { World } from './world.js';
import { exp, pow } from './math.js';
import { footingOf } from './value.js';

type Split = Record<TimeUse, number>;

/** Base time split of each fixed persona (shares of the time budget). */
export const PERSONA_SPLITS: Record<Exclude<Persona, 'adaptive'>, Split> = {
  heavyweight: { customer: 0.5, lobbying: 0.2, relationship: 0.05, businessCase: 0.05, boardPitch: 0.2, joint: 0 },
  charmer: { customer: 0.45, lobbying: 0.4, relationship: 0.1, businessCase: 0.05, boardPitch: 0, joint: 0 },
  networker: { customer: 0.5, lobbying: 0.05, relationship: 0.35, businessCase: 0.1, boardPitch: 0, joint: 0 },
  analyst: { customer: 0.45, lobbying: 0.05, relationship: 0.1, businessCase: 0.3, boardPitch: 0.1, joint: 0 },
  'team-player': { customer: 0.5, lobbying: 0.05, relationship: 0.15, businessCase: 0.1, boardPitch: 0, joint: 0.2 },
};

/** Where an adaptive KAM starts: an even-handed colleague. */
export const ADAPTIVE_START: Split = {
  customer: 0.5, lobbying: 0.15, relationship: 0.15, businessCase: 0.1, boardPitch: 0.05, joint: 0.05,
};

const SPLIT_ROWS: Record<Persona, Float64Array> = Object.fromEntries(
  [...Object.entries(PERSONA_SPLITS), ['adaptive', ADAPTIVE_START] as const].map(([p, s]) => [p, Float64Array.from(TIME_USES, (u) => s[u])]),
) as Record<Persona, Float64Array>;

/** Reference return to lobbying (default decisiveness × default lobbying effect). */
const LOBBY_REFERENCE = 1.5 * 0.04;
/** Colleagues a seat looks at when seeking a partner: keeps a big company linear. */
export const PARTNER_CANDIDATES = 6;
/** Draws each seat takes from the persona stream each quarter. */
export const SEAT_DRAWS = USES + 1 + PARTNER_CANDIDATES;

export function personaOf(world: World, ki: number): Persona {
  return world.personas[ki]!;
}

/** The decisiveness a KAM feels: ranking is all-or-nothing, proportional ignores scores. */
function felt(world: World): number {
  const m = world.model;
  return world.allocation === 'ranking' ? 5 : world.allocation === 'proportional' ? 0 : m.decisiveness;
}

/** The return to lobbying this quarter as every seat feels it, relative to the reference, to the power of the response. */
export function lobbyingReturn(world: World, quarter: number): number {
  const m = world.model;
  const damping = lobbyDamping(world, adoption(world, quarter));
  const ret = (felt(world) * m.lobbyingEffect * damping) / LOBBY_REFERENCE;
  return ret <= 0 ? 0 : pow(ret, m.lobbyingResponse);
}

/** How much more (or less) than its habit a persona lobbies, given the return and its rivals. */
export function lobbyingAppeal(world: World, felt: number, lastLobbyingShare: number, baseShare: number): number {
  // Arms race: colleagues who lobbied more than my habit push me to lobby more.
  const fromRivals = 1 + world.model.lobbyingResponse * (lastLobbyingShare - baseShare);
  return clamp(felt * fromRivals, 0.15, 3);
}

/**
 * Every seat's draws and intended split for the quarter, one row per seat in
 * shared arrays (a big company has hundreds of seats; one small array per
 * seat would scatter them over memory).
 */
export interface SeatRows {
  /** K × USES: exploration normals (adaptive seats). */
  explore: Float64Array;
  /** K: the draw that decides whether a seat proposes a joint solution. */
  propose: Float64Array;
  /** K × PARTNER_CANDIDATES: colleagues a seat looks at for a partner. */
  candidates: Int32Array;
  /** K × USES: intended shares of the time budget (AI seats; see intendedSplit). */
  split: Float64Array;
  /** Working memory for aiPlan, D each. */
  demand: Float64Array;
  relWeight: Float64Array;
}

export function seatRows(world: World): SeatRows {
  const { scratch, scenario } = world;
  const K = scenario.kams.length;
  const D = scenario.departments.length;
  return {
    explore: scratch.fw(K * USES),
    propose: scratch.fw(K),
    candidates: scratch.iw(K * PARTNER_CANDIDATES),
    split: scratch.fw(K * USES),
    demand: scratch.fw(D),
    relWeight: scratch.fw(D),
  };
}

/** Seat ki's draws for the quarter, taken whether or not an AI plays it. */
export function drawSeat(world: World, stream: Stream, rows: SeatRows, ki: number): void {
  const kamCount = world.scenario.kams.length;
  fillNormals(stream, rows.explore, USES, ki * USES);
  rows.propose[ki] = stream.next();
  const at = ki * PARTNER_CANDIDATES;
  for (let c = 0; c < PARTNER_CANDIDATES; c++) rows.candidates[at + c] = Math.floor(stream.next() * kamCount);
}

/** Shares of the time budget seat ki intends to spend on each use, before joint commitments: row ki of rows.split. */
export function intendedSplit(world: World, state: RunState, ki: number, rows: SeatRows, felt: number): void {
  const persona = personaOf(world, ki);
  const { split, explore } = rows;
  const s = ki * USES;
  if (persona === 'adaptive') {
    let total = 0;
    for (let u = 0; u < USES; u++) {
      // Exploration: adaptive seats try variations and learn from the outcome.
      split[s + u] = state.kams.propensities[s + u]! * exp(0.25 * explore[s + u]!);
      total += split[s + u]!;
    }
    for (let u = 0; u < USES; u++) split[s + u]! /= total;
  } else split.set(SPLIT_ROWS[persona], s);
  if (!world.boardActive) {
    const spare = split[s + U_BOARD_PITCH]!;
    split[s + U_BOARD_PITCH] = 0;
    split[s + (persona === 'heavyweight' ? U_LOBBYING : U_CUSTOMER)]! += spare;
  }
  const base = split[s + U_LOBBYING]!;
  const lobby = Math.min(0.7, base * lobbyingAppeal(world, felt, state.lastLobbyingShare, base));
  const scale = base < 1 ? (1 - lobby) / (1 - base) : 0;
  for (let u = 0; u < USES; u++) split[s + u] = u === U_LOBBYING ? lobby : split[s + u]! * scale;
}

function overlap(opps: OppTable, D: number, a: number, b: number): number {
  let s = 0;
  for (let d = 0; d < D; d++) {
    const x = opps.need[a * D + d]!;
    const y = opps.need[b * D + d]!;
    if (x > 0 && y > 0) s += x < y ? x : y;
  }
  return s;
}

/** The joint proposal an AI seat makes this quarter, if any, before anyone plans. */
export function proposeJoint(
  world: World,
  opps: OppTable,
  ki: number,
  rows: SeatRows,
): JointEntry | null {
  const { scenario } = world;
  const persona = personaOf(world, ki);
  const jointShare = rows.split[ki * USES + U_JOINT]!;
  const wants = persona === 'team-player' || (persona === 'adaptive' && jointShare >= 0.08);
  const lo = opps.kamStart[ki]!;
  const hi = opps.kamStart[ki + 1]!;
  if (!wants || hi === lo || rows.propose[ki]! > 0.9) return null;
  const D = scenario.departments.length;
  let own = opps.kamOpps[lo]!;
  for (let x = lo; x < hi; x++) if (opps.totalNeed[opps.kamOpps[x]!]! > opps.totalNeed[own]!) own = opps.kamOpps[x]!;
  let best = -1;
  let bestOverlap = 0;
  const { candidates } = rows;
  const at = ki * PARTNER_CANDIDATES;
  for (let c = 0; c < PARTNER_CANDIDATES; c++) {
    const pk = candidates[at + c]!;
    let seen = pk === ki;
    for (let b = 0; b < c && !seen; b++) seen = candidates[at + b] === pk;
    if (seen) continue;
    // The best fit wins; among equal fits the colleague drawn first.
    for (let x = opps.kamStart[pk]!; x < opps.kamStart[pk + 1]!; x++) {
      const o = opps.kamOpps[x]!;
      const v = overlap(opps, D, own, o);
      if (v > bestOverlap) {
        bestOverlap = v;
        best = o;
      }
    }
  }
  if (best < 0) return null;
  const partner = world.ownerOf[opps.account[best]!]!;
  const plan: JointPlan = {
    partner: scenario.kams[partner]!.id,
    opportunity: opps.list[own]!.id,
    partnerOpportunity: opps.list[best]!.id,
    days: Math.max(world.model.jointMinDays, jointShare * scenario.kams[ki]!.timeBudget),
  };
  return { plan, a: own, b: best };
}

/** Writes an AI seat's plan into the matrix, given the joint proposals it takes part in. */
export function aiPlan(
  world: World,
  state: RunState,
  opps: OppTable,
  matrix: PlanMatrix,
  ki: number,
  rows: SeatRows,
  joints: JointEntry[],
): void {
  const { scenario } = world;
  const D = scenario.departments.length;
  const kam = scenario.kams[ki]!;
  const persona = personaOf(world, ki);
  const budget = kam.timeBudget;
  const lo = opps.kamStart[ki]!;
  const hi = opps.kamStart[ki + 1]!;
  const { split, demand, relWeight } = rows;
  const s = ki * USES;
  for (let d = 0; d < D; d++) demand[d] = 0;
  for (let x = lo; x < hi; x++) {
    const o = opps.kamOpps[x]!;
    matrix.pursued[o] = 1;
    for (let d = 0; d < D; d++) {
      matrix.ask[o * D + d] = opps.need[o * D + d]!;
      demand[d]! += opps.need[o * D + d]!;
    }
  }

  let jointDays = 0;
  for (const j of joints) jointDays += j.plan.days;
  matrix.joints[ki] = joints;
  // Unused joint time goes to relationships; joint commitments come out of customer time first.
  let customer = split[s + U_CUSTOMER]! * budget;
  let relationship = split[s + U_RELATIONSHIP]! * budget + Math.max(0, split[s + U_JOINT]! * budget - jointDays);
  const over = Math.max(0, jointDays - split[s + U_JOINT]! * budget);
  const fromCustomer = Math.min(customer, over);
  customer -= fromCustomer;
  relationship = Math.max(0, relationship - (over - fromCustomer));
  let businessCase = hi > lo ? split[s + U_BUSINESS_CASE]! * budget : 0;
  if (hi === lo) customer += split[s + U_BUSINESS_CASE]! * budget;
  const lobbying = split[s + U_LOBBYING]! * budget;
  let pitch = world.boardActive ? split[s + U_BOARD_PITCH]! * budget : 0;

  // Own living accounts, weighted for customer time (the heavyweight by wallet, others by its square root).
  let bestPitch = -1;
  let bestKey = -Infinity;
  let weightTotal = 0;
  let demandTotal = 0;
  for (let d = 0; d < D; d++) demandTotal += demand[d]!;
  const portfolio = world.accountsOf[ki]!;
  for (const ai of portfolio) {
    if (!state.accounts.alive[ai]) continue;
    const w = footingOf(world.model, state.accounts, ai);
    weightTotal += persona === 'heavyweight' ? w : Math.sqrt(w);
    // The heavyweight pitches its biggest account; others their most strategic one.
    const key = (persona === 'heavyweight' ? 1 : scenario.accounts[ai]!.growth) * w;
    if (key > bestKey) {
      bestKey = key;
      bestPitch = ai;
    }
    if (demandTotal === 0) for (const [d, share] of world.needMix[ai]!) demand[d]! += share;
  }
  if (bestPitch < 0) {
    customer = 0;
    pitch = 0;
  } else if (pitch > 0) matrix.pitch[bestPitch]! += pitch;
  if (customer > 0 && weightTotal > 0) {
    for (const ai of portfolio) {
      if (!state.accounts.alive[ai]) continue;
      const w = footingOf(world.model, state.accounts, ai);
      matrix.customer[ai]! += (customer * (persona === 'heavyweight' ? w : Math.sqrt(w))) / weightTotal;
    }
  }

  // Departments weighted by what this seat asks of them; the networker favours where its ties are weak.
  let lobbyTotal = 0;
  let relTotal = 0;
  for (let d = 0; d < D; d++) {
    lobbyTotal += demand[d]!;
    relWeight[d] = demand[d]! * (persona === 'networker' ? 1.2 - state.kams.relationships[ki * D + d]! : 1);
    relTotal += relWeight[d]!;
  }
  for (let d = 0; d < D; d++) {
    if (lobbyTotal > 0) matrix.lobby[ki * D + d] = (lobbying * demand[d]!) / lobbyTotal;
    if (relTotal > 0) matrix.relationship[ki * D + d] = (relationship * relWeight[d]!) / relTotal;
  }
  if (lobbyTotal === 0) relationship = 0;

  // Business cases where the upside is.
  let caseTotal = 0;
  for (let x = lo; x < hi; x++) caseTotal += opps.upside[opps.kamOpps[x]!]! + 0.01 * opps.totalNeed[opps.kamOpps[x]!]!;
  for (let x = lo; x < hi; x++) {
    const o = opps.kamOpps[x]!;
    if (caseTotal > 0) matrix.businessCase[o] = (businessCase * (opps.upside[o]! + 0.01 * opps.totalNeed[o]!)) / caseTotal;
  }
  if (caseTotal === 0) businessCase = 0;

  matrix.split[s + U_CUSTOMER] = customer;
  matrix.split[s + U_LOBBYING] = lobbyTotal > 0 ? lobbying : 0;
  matrix.split[s + U_RELATIONSHIP] = relationship;
  matrix.split[s + U_BUSINESS_CASE] = businessCase;
  matrix.split[s + U_BOARD_PITCH] = bestPitch >= 0 ? pitch : 0;
  matrix.split[s + U_JOINT] = jointDays;
}
