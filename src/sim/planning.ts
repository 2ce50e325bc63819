/**
 * Step 2 of a quarter: every seat's plan. Seats played by a person bring their
 * own; AI seats first say which joint proposals they make, then answer the
 * proposals they received (in character), then plan around what they agreed.
 * A joint proposal forms only when both plans hold the matching entry.
 * Imports only src/sim.
 */
import { decideJoint } from './joint.js';
import { aiPlan, intendedSplit, proposeJoint } from './personas.js';
import { subStream, type Stream } from './rng.js';
import type { JointOutcome, JointPlan, QuarterPlan, RunState, TimeUse } from './types.js';
import { worldOf, type World } from './world.js';

interface Phase1 {
  streams: (Stream | null)[];
  splits: (Record<TimeUse, number> | null)[];
  /** Proposals by AI seats, by proposer index. */
  proposals: (JointPlan | null)[];
}

function phase1(world: World, state: RunState, humans: readonly boolean[]): Phase1 {
  const { kams } = world.scenario;
  const streams: (Stream | null)[] = [];
  const splits: (Record<TimeUse, number> | null)[] = [];
  const proposals: (JointPlan | null)[] = [];
  kams.forEach((k, ki) => {
    if (humans[ki]) {
      streams.push(null);
      splits.push(null);
      proposals.push(null);
      return;
    }
    const stream = subStream(state.quarterSeed, world.kamLabel[ki]!);
    const split = intendedSplit(world, state, ki, stream);
    streams.push(stream);
    splits.push(split);
    proposals.push(proposeJoint(world, state, ki, split, stream));
  });
  return { streams, splits, proposals };
}

/** Joint proposals AI seats make this quarter to the given human seats (what the game shows as incoming). */
export function incomingProposals(state: RunState, humanSeats: readonly string[]): (JointPlan & { from: string })[] {
  const world = worldOf(state.scenario);
  const humans = world.scenario.kams.map((k) => humanSeats.includes(k.id));
  const { proposals } = phase1(world, state, humans);
  const out: (JointPlan & { from: string })[] = [];
  proposals.forEach((p, ki) => {
    if (p && humanSeats.includes(p.partner)) out.push({ ...p, from: world.scenario.kams[ki]!.id });
  });
  return out;
}

export interface ResolvedPlans {
  /** One plan per KAM, scenario order. */
  plans: QuarterPlan[];
  /** Formed joint proposals as pairs of opportunity ids. */
  formed: { a: string; b: string }[];
  outcomes: JointOutcome[];
}

/** `given[ki]` is the plan of a seat someone else plays (already checked), or undefined for AI seats. */
export function resolvePlans(state: RunState, given: readonly (QuarterPlan | undefined)[]): ResolvedPlans {
  const world = worldOf(state.scenario);
  const { kams } = world.scenario;
  const humans = kams.map((_, ki) => given[ki] !== undefined);
  const first = phase1(world, state, humans);
  const joints: JointPlan[][] = kams.map(() => []);
  const committed = new Set<string>();

  const offers: { from: number; j: JointPlan }[] = [];
  given.forEach((p, ki) => p?.joint.forEach((j) => offers.push({ from: ki, j })));
  first.proposals.forEach((j, ki) => j && offers.push({ from: ki, j }));
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
    const decision = decideJoint(state, {
      from: kams[from]!.id,
      to: j.partner,
      opportunity: j.opportunity,
      partnerOpportunity: j.partnerOpportunity,
      days: j.days,
    });
    if (!decision.accept) continue;
    joints[to]!.push({ partner: kams[from]!.id, opportunity: j.partnerOpportunity, partnerOpportunity: j.opportunity, days: j.days });
    committed.add(j.partnerOpportunity);
    if (fromAI) {
      joints[from]!.push(j);
      committed.add(j.opportunity);
    }
  }

  const plans = kams.map(
    (_, ki) =>
      given[ki] ??
      aiPlan({ world, state, ki, stream: first.streams[ki]!, split: first.splits[ki]!, joints: joints[ki]! }),
  );

  const pursued = plans.map((p) => new Set(p.requests.map((r) => r.opportunity)));
  const inFormed = new Set<string>();
  const formed: { a: string; b: string }[] = [];
  const outcomes: JointOutcome[] = [];
  const minDays = world.scenario.model.jointMinDays;
  plans.forEach((plan, ki) => {
    for (const j of plan.joint) {
      const pk = world.kamIndex.get(j.partner)!;
      const match = plans[pk]!.joint.find(
        (x) => x.partner === plan.kam && x.opportunity === j.partnerOpportunity && x.partnerOpportunity === j.opportunity,
      );
      if (pk < ki && match) continue; // reported once, from the first seat
      const ok =
        match !== undefined &&
        j.days >= minDays &&
        match.days >= minDays &&
        pursued[ki]!.has(j.opportunity) &&
        pursued[pk]!.has(j.partnerOpportunity) &&
        !inFormed.has(j.opportunity) &&
        !inFormed.has(j.partnerOpportunity);
      if (ok) {
        inFormed.add(j.opportunity);
        inFormed.add(j.partnerOpportunity);
        formed.push({ a: j.opportunity, b: j.partnerOpportunity });
      }
      outcomes.push({ kams: [plan.kam, j.partner], opportunities: [j.opportunity, j.partnerOpportunity], formed: ok });
    }
  });
  return { plans, formed, outcomes };
}
