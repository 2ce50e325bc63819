/**
 * Joint proposals: whether a seat accepts a colleague's proposal, in
 * character. The decision is a pure function of the state and the proposal
 * (its draw comes from a hash of the quarter and the proposal), so the game can
 * ask before the player submits and the engine gets the same answer.
 * Imports only src/sim.
 */
import { uniformOf } from './rng.js';
import type { RunState } from './types.js';
import { personaOf } from './personas.js';
import { worldOf } from './world.js';

export interface JointProposal {
  from: string;
  to: string;
  /** The proposer's opportunity. */
  opportunity: string;
  /** The recipient's opportunity. */
  partnerOpportunity: string;
  days: number;
}

export type JointReason =
  | 'cooperative'
  | 'bigger-partner'
  | 'smaller-partner'
  | 'good-fit'
  | 'no-fit'
  | 'too-busy'
  | 'not-now'
  | 'invalid';

export interface JointDecision {
  accept: boolean;
  reason: JointReason;
}

function sharedDays(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  let s = 0;
  for (const d of Object.keys(a).sort()) if ((b[d] ?? 0) > 0) s += Math.min(a[d]!, b[d]!);
  return s;
}

/** An AI seat's answer to a proposal (human seats answer through their own plan). */
export function decideJoint(state: RunState, p: JointProposal): JointDecision {
  const world = worldOf(state.scenario);
  const { scenario } = world;
  const fi = world.kamIndex.get(p.from);
  const ti = world.kamIndex.get(p.to);
  const own = state.opportunities.find((o) => o.id === p.partnerOpportunity);
  const theirs = state.opportunities.find((o) => o.id === p.opportunity);
  if (fi === undefined || ti === undefined || fi === ti || !own || !theirs) return { accept: false, reason: 'invalid' };
  if (!scenario.kams[ti]!.accounts.includes(own.account) || !scenario.kams[fi]!.accounts.includes(theirs.account))
    return { accept: false, reason: 'invalid' };
  if (p.days < scenario.model.jointMinDays) return { accept: false, reason: 'invalid' };
  if (p.days > 0.4 * scenario.kams[ti]!.timeBudget) return { accept: false, reason: 'too-busy' };
  if (sharedDays(own.needs, theirs.needs) <= 0) return { accept: false, reason: 'no-fit' };
  const u = uniformOf(`${state.quarterSeed}/joint/${p.from}/${p.to}/${p.opportunity}/${p.partnerOpportunity}`);
  const persona = personaOf(world, ti);
  const walletOf = (account: string) => state.accounts[world.accountIndex.get(account)!]!.wallet;
  switch (persona) {
    case 'team-player':
      return u < 0.9 ? { accept: true, reason: 'cooperative' } : { accept: false, reason: 'not-now' };
    case 'networker':
      return u < 0.7 ? { accept: true, reason: 'cooperative' } : { accept: false, reason: 'not-now' };
    case 'analyst': {
      const fit = sharedDays(own.needs, theirs.needs) / Math.max(1e-9, Object.values(own.needs).reduce((s, x) => s + x, 0));
      return u < 0.3 + 0.6 * fit ? { accept: true, reason: 'good-fit' } : { accept: false, reason: 'no-fit' };
    }
    case 'heavyweight': {
      const bigger = walletOf(theirs.account) >= walletOf(own.account);
      if (bigger) return u < 0.7 ? { accept: true, reason: 'bigger-partner' } : { accept: false, reason: 'not-now' };
      return u < 0.2 ? { accept: true, reason: 'cooperative' } : { accept: false, reason: 'smaller-partner' };
    }
    case 'charmer':
      return u < 0.5 ? { accept: true, reason: 'cooperative' } : { accept: false, reason: 'not-now' };
    case 'adaptive': {
      const k = state.kams[ti]!.propensities;
      const total = k.customer + k.lobbying + k.relationship + k.businessCase + k.boardPitch + k.joint;
      const p0 = Math.min(0.9, 0.3 + 2 * (total > 0 ? k.joint / total : 0));
      return u < p0 ? { accept: true, reason: 'cooperative' } : { accept: false, reason: 'not-now' };
    }
  }
}
