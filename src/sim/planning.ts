/**
 * Step 2 of a quarter: every seat's plan. Seats played by a person bring their
 * own; AI seats first say which joint proposals they make, then answer the
 * proposals they received (in character), then plan around what they agreed.
 * A joint proposal forms only when both plans hold the matching entry.
 * Imports only src/sim.
 */
import { decideJointIn } from './joint.js';
import { emptyMatrix, jointEntry, oppTable, writePlan, type JointEntry, type OppTable, type PlanMatrix } from './matrix.js';
import { aiPlan, drawSeat, intendedSplit, lobbyingReturn, proposeJoint, seatRows, type SeatRows } from './personas.js';
import { LABEL, subStream } from './rng.js';
import { objects } from './shapes.js';
import type { JointFailure, JointOutcome, JointPlan, QuarterPlan, RunState } from './types.js';
import { worldOf, type World } from './world.js';

interface Intentions {
  /** Every seat's draws, and the intended split of each AI seat. */
  rows: SeatRows;
  /** Proposals by AI seats, by proposer index. */
  proposals: (JointEntry | null)[];
}

function intentions(world: World, state: RunState, opps: OppTable, humans: readonly boolean[]): Intentions {
  const { kams } = world.scenario;
  const stream = subStream(state.quarterSeed, LABEL.personas);
  const felt = lobbyingReturn(world, state.quarter + 1);
  const rows = seatRows(world);
  const proposals: (JointEntry | null)[] = [];
  for (let ki = 0; ki < kams.length; ki++) {
    drawSeat(world, stream, rows, ki);
    if (humans[ki]) {
      proposals.push(null);
      continue;
    }
    intendedSplit(world, state, ki, rows, felt);
    proposals.push(proposeJoint(world, opps, ki, rows));
  }
  return { rows, proposals };
}

/** Joint proposals AI seats make this quarter to the given human seats (what the game shows as incoming). */
export function incomingProposals(state: RunState, humanSeats: readonly string[]): (JointPlan & { from: string })[] {
  const world = worldOf(state.scenario);
  world.scratch.rewind();
  const humans = world.scenario.kams.map((k) => humanSeats.includes(k.id));
  const { proposals } = intentions(world, state, oppTable(world, state.opportunities), humans);
  const out: (JointPlan & { from: string })[] = [];
  proposals.forEach((p, ki) => {
    if (p && humanSeats.includes(p.plan.partner)) out.push({ ...p.plan, from: world.scenario.kams[ki]!.id });
  });
  return out;
}

export interface ResolvedPlans {
  matrix: PlanMatrix;
  /** For each opportunity, the opportunity it was merged with in a formed joint proposal, or −1. */
  partnerOf: Int32Array;
  outcomes: JointOutcome[];
}

/** `given[ki]` is the (checked) plan of a seat someone plays, or undefined for AI seats. */
export function resolvePlans(
  world: World,
  state: RunState,
  opps: OppTable,
  given: readonly (QuarterPlan | undefined)[],
): ResolvedPlans {
  const { kams } = world.scenario;
  const K = kams.length;
  const humans: boolean[] = [];
  for (let ki = 0; ki < K; ki++) humans.push(given[ki] !== undefined);
  const intent = intentions(world, state, opps, humans);
  const joints: JointEntry[][] = [];
  for (let ki = 0; ki < K; ki++) joints.push(objects<JointEntry>());
  // Opportunities already promised to a joint proposal this quarter.
  const committed = world.scratch.i(opps.count);
  const isCommitted = (o: number) => o >= 0 && committed[o] === 1;
  const commit = (o: number) => {
    if (o >= 0) committed[o] = 1;
  };

  const offers: { from: number; j: JointEntry }[] = [];
  for (let ki = 0; ki < K; ki++) for (const j of given[ki]?.joint ?? []) offers.push({ from: ki, j: jointEntry(opps, j) });
  for (let ki = 0; ki < K; ki++) {
    const j = intent.proposals[ki];
    if (j) offers.push({ from: ki, j });
  }
  for (const { from, j } of offers) {
    const to = world.kamIndex.get(j.plan.partner);
    if (to === undefined) continue;
    const fromAI = !humans[from];
    if (fromAI && isCommitted(j.a)) continue;
    if (humans[to]) {
      // A person answers in their own plan; the AI proposer holds its side open.
      if (fromAI) {
        joints[from]!.push(j);
        commit(j.a);
      }
      continue;
    }
    if (isCommitted(j.b)) continue;
    const { plan } = j;
    const decision = decideJointIn(
      world,
      state,
      opps,
      { from: kams[from]!.id, to: plan.partner, opportunity: plan.opportunity, partnerOpportunity: plan.partnerOpportunity, days: plan.days },
      j,
    );
    if (!decision.accept) continue;
    const answer: JointPlan = { partner: kams[from]!.id, opportunity: plan.partnerOpportunity, partnerOpportunity: plan.opportunity, days: plan.days };
    joints[to]!.push({ plan: answer, a: j.b, b: j.a });
    commit(j.b);
    if (fromAI) {
      joints[from]!.push(j);
      commit(j.a);
    }
  }

  const matrix = emptyMatrix(world, opps);
  for (let ki = 0; ki < K; ki++) {
    const g = given[ki];
    if (g) writePlan(world, opps, matrix, ki, g);
    else aiPlan(world, state, opps, matrix, ki, intent.rows, joints[ki]!);
  }

  const partnerOf = world.scratch.iw(opps.count);
  for (let o = 0; o < opps.count; o++) partnerOf[o] = -1;
  const outcomes: JointOutcome[] = [];
  const minDays = world.model.jointMinDays;
  for (let ki = 0; ki < K; ki++) {
    for (const j of matrix.joints[ki]!) {
      const pk = world.kamIndex.get(j.plan.partner)!;
      // The partner's matching entry: the same two opportunities the other way round.
      const match = matrix.joints[pk]!.find(
        (x) =>
          x.a === j.b &&
          x.b === j.a &&
          x.plan.partner === kams[ki]!.id &&
          x.plan.opportunity === j.plan.partnerOpportunity &&
          x.plan.partnerOpportunity === j.plan.opportunity,
      );
      if (pk < ki && match) continue; // reported once, from the first seat
      const { a, b } = j;
      const reason: JointFailure | null =
        match === undefined || a < 0 || b < 0
          ? 'unmatched'
          : j.plan.days < minDays || match.plan.days < minDays
            ? 'too-short'
            : matrix.pursued[a] !== 1 || matrix.pursued[b] !== 1
              ? 'not-pursued'
              : partnerOf[a] !== -1 || partnerOf[b] !== -1
                ? 'taken'
                : null;
      const outcome: JointOutcome = { kams: [kams[ki]!.id, j.plan.partner], opportunities: [j.plan.opportunity, j.plan.partnerOpportunity], formed: reason === null };
      if (reason === null) {
        partnerOf[a] = b;
        partnerOf[b] = a;
      } else outcome.reason = reason;
      outcomes.push(outcome);
    }
  }
  return { matrix, partnerOf, outcomes };
}
