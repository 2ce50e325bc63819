/**
 * Step 2 of a quarter: every seat's plan. Seats played by a person bring their
 * own; AI seats first say which joint proposals they make, then answer the
 * proposals they received (in character), then plan around what they agreed.
 * A joint proposal forms only when both plans hold the matching entry.
 * Imports only src/sim.
 */
import { decideJointIn } from './joint.js';
import { emptyMatrix, jointIndices, oppIndex, oppTable, writePlan, type OppTable, type PlanMatrix } from './matrix.js';
import { aiPlan, drawSeat, intendedSplit, lobbyingReturn, proposeJoint } from './personas.js';
import { LABEL, subStream } from './rng.js';
import type { JointOutcome, JointPlan, QuarterPlan, RunState } from './types.js';
import { worldOf, type World } from './world.js';

interface Intentions {
  splits: (Float64Array | null)[];
  /** Proposals by AI seats, by proposer index. */
  proposals: (JointPlan | null)[];
}

function intentions(world: World, state: RunState, opps: OppTable, humans: readonly boolean[]): Intentions {
  const { kams } = world.scenario;
  const stream = subStream(state.quarterSeed, LABEL.personas);
  const felt = lobbyingReturn(world, state.quarter + 1);
  const splits: (Float64Array | null)[] = [];
  const proposals: (JointPlan | null)[] = [];
  kams.forEach((_, ki) => {
    const draws = drawSeat(world, stream);
    if (humans[ki]) {
      splits.push(null);
      proposals.push(null);
      return;
    }
    const split = intendedSplit(world, state, ki, draws, felt);
    splits.push(split);
    proposals.push(proposeJoint(world, opps, ki, split, draws));
  });
  return { splits, proposals };
}

/** Joint proposals AI seats make this quarter to the given human seats (what the game shows as incoming). */
export function incomingProposals(state: RunState, humanSeats: readonly string[]): (JointPlan & { from: string })[] {
  const world = worldOf(state.scenario);
  world.scratch.rewind();
  const humans = world.scenario.kams.map((k) => humanSeats.includes(k.id));
  const { proposals } = intentions(world, state, oppTable(world, state.opportunities), humans);
  const out: (JointPlan & { from: string })[] = [];
  proposals.forEach((p, ki) => {
    if (p && humanSeats.includes(p.partner)) out.push({ ...p, from: world.scenario.kams[ki]!.id });
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
  const humans = kams.map((_, ki) => given[ki] !== undefined);
  const intent = intentions(world, state, opps, humans);
  const joints: JointPlan[][] = kams.map(() => []);
  const committed = new Set<string>();

  const offers: { from: number; j: JointPlan }[] = [];
  given.forEach((p, ki) => p?.joint.forEach((j) => offers.push({ from: ki, j })));
  intent.proposals.forEach((j, ki) => j && offers.push({ from: ki, j }));
  for (const { from, j } of offers) {
    const to = world.kamIndex.get(j.partner);
    if (to === undefined) continue;
    const fromAI = !humans[from];
    if (fromAI && committed.has(j.opportunity)) continue;
    if (humans[to]) {
      // A person answers in their own plan; the AI proposer holds its side open.
      if (fromAI) {
        joints[from]!.push(j);
        committed.add(j.opportunity);
      }
      continue;
    }
    if (committed.has(j.partnerOpportunity)) continue;
    const pair = jointIndices.get(j);
    const decision = decideJointIn(
      world,
      state,
      opps,
      { from: kams[from]!.id, to: j.partner, opportunity: j.opportunity, partnerOpportunity: j.partnerOpportunity, days: j.days },
      pair,
    );
    if (!decision.accept) continue;
    const answer: JointPlan = { partner: kams[from]!.id, opportunity: j.partnerOpportunity, partnerOpportunity: j.opportunity, days: j.days };
    if (pair) jointIndices.set(answer, { a: pair.b, b: pair.a });
    joints[to]!.push(answer);
    committed.add(j.partnerOpportunity);
    if (fromAI) {
      joints[from]!.push(j);
      committed.add(j.opportunity);
    }
  }

  const matrix = emptyMatrix(world, opps);
  kams.forEach((_, ki) => {
    const g = given[ki];
    if (g) writePlan(world, opps, matrix, ki, g);
    else aiPlan(world, state, opps, matrix, ki, intent.splits[ki]!, joints[ki]!);
  });

  const partnerOf = world.scratch.i(opps.count).fill(-1);
  const outcomes: JointOutcome[] = [];
  const minDays = world.model.jointMinDays;
  matrix.joints.forEach((list, ki) => {
    for (const j of list) {
      const pk = world.kamIndex.get(j.partner)!;
      const match = matrix.joints[pk]!.find(
        (x) => x.partner === kams[ki]!.id && x.opportunity === j.partnerOpportunity && x.partnerOpportunity === j.opportunity,
      );
      if (pk < ki && match) continue; // reported once, from the first seat
      const pair = jointIndices.get(j);
      const a = pair ? pair.a : oppIndex(opps, j.opportunity);
      const b = pair ? pair.b : oppIndex(opps, j.partnerOpportunity);
      const ok =
        match !== undefined &&
        a !== undefined &&
        b !== undefined &&
        j.days >= minDays &&
        match.days >= minDays &&
        matrix.pursued[a] === 1 &&
        matrix.pursued[b] === 1 &&
        partnerOf[a] === -1 &&
        partnerOf[b] === -1;
      if (ok) {
        partnerOf[a!] = b!;
        partnerOf[b!] = a!;
      }
      outcomes.push({ kams: [kams[ki]!.id, j.partner], opportunities: [j.opportunity, j.partnerOpportunity], formed: ok });
    }
  });
  return { matrix, partnerOf, outcomes };
}
