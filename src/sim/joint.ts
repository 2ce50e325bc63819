/**
 * Joint proposals: whether a seat accepts a colleague's proposal, in
 * character. The decision is a pure function of the state and the proposal
 * (its draw comes from a hash of the quarter and the proposal), so the game can
 * ask before the player submits and the engine gets the same answer.
 * Imports only src/sim.
 */
import { oppIndex, oppTable, type OppPair, type OppTable } from './matrix.js';
import { personaOf } from './personas.js';
import { LABEL, uniformAt } from './rng.js';
import type { RunState } from './types.js';
import { footingOf } from './value.js';
import { worldOf, type World } from './world.js';

export interface JointProposal {
  from: string;
  to: string;
  /** The proposer's opportunity. */
  opportunity: string;
  /** The recipient's opportunity. */
  partnerOpportunity: string;
  days: number;
}

export type JointReason = 'cooperative' | 'bigger-partner' | 'smaller-partner' | 'good-fit' | 'no-fit' | 'too-busy' | 'not-now' | 'invalid';

export interface JointDecision {
  accept: boolean;
  reason: JointReason;
}

function shared(opps: OppTable, D: number, a: number, b: number): number {
  let s = 0;
  for (let d = 0; d < D; d++) {
    const x = opps.need[a * D + d]!;
    const y = opps.need[b * D + d]!;
    if (x > 0 && y > 0) s += Math.min(x, y);
  }
  return s;
}

/** `known` are the indices of the proposer's and the recipient's opportunities when the caller has them. */
export function decideJointIn(world: World, state: RunState, opps: OppTable, p: JointProposal, known?: OppPair): JointDecision {
  const { scenario } = world;
  const D = scenario.departments.length;
  const fi = world.kamIndex.get(p.from);
  const ti = world.kamIndex.get(p.to);
  const own = known ? known.b : oppIndex(opps, p.partnerOpportunity);
  const theirs = known ? known.a : oppIndex(opps, p.opportunity);
  const no = (reason: JointReason): JointDecision => ({ accept: false, reason });
  if (fi === undefined || ti === undefined || fi === ti || own === undefined || theirs === undefined) return no('invalid');
  if (world.ownerOf[opps.account[own]!] !== ti || world.ownerOf[opps.account[theirs]!] !== fi) return no('invalid');
  if (!(p.days >= world.model.jointMinDays)) return no('invalid');
  if (p.days > 0.4 * scenario.kams[ti]!.timeBudget) return no('too-busy');
  const fit = shared(opps, D, own, theirs);
  if (fit <= 0) return no('no-fit');
  // The draw belongs to this proposal in this quarter, whoever asks and in whatever order, and to the two
  // opportunities by identity (account and slot), not by place in the quarter's list: a counterfactual in
  // which some other account churned still meets the same answer.
  const u = uniformAt(state.quarterSeed, LABEL.joint, opps.identity[theirs]! * 65599 + opps.identity[own]!, fi * 4099 + ti);
  const yes = (reason: JointReason): JointDecision => ({ accept: true, reason });
  switch (personaOf(world, ti)) {
    case 'team-player':
      return u < 0.9 ? yes('cooperative') : no('not-now');
    case 'networker':
      return u < 0.7 ? yes('cooperative') : no('not-now');
    case 'analyst':
      return u < 0.3 + (0.6 * fit) / Math.max(1e-9, opps.totalNeed[own]!) ? yes('good-fit') : no('no-fit');
    case 'heavyweight':
      if (footingOf(world.model, state.accounts, opps.account[theirs]!) >= footingOf(world.model, state.accounts, opps.account[own]!))
        return u < 0.7 ? yes('bigger-partner') : no('not-now');
      return u < 0.2 ? yes('cooperative') : no('smaller-partner');
    case 'charmer':
      return u < 0.5 ? yes('cooperative') : no('not-now');
    case 'adaptive': {
      const row = state.kams.propensities.slice(ti * 6, ti * 6 + 6);
      const total = row.reduce((s, x) => s + x, 0);
      return u < Math.min(0.9, 0.3 + 2 * (total > 0 ? row[5]! / total : 0)) ? yes('cooperative') : no('not-now');
    }
  }
}

/** An AI seat's answer to a proposal (a person answers through their own plan). */
export function decideJoint(state: RunState, p: JointProposal): JointDecision {
  const world = worldOf(state.scenario);
  world.scratch.rewind();
  return decideJointIn(world, state, oppTable(world, state.opportunities), p);
}
