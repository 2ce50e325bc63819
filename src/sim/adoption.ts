/**
 * Interventions are adopted, not switched on. A company that starts measuring
 * profit per account, puts key accounts on every agenda, reviews account plans
 * at the board or reserves capacity needs quarters before people work that
 * way: the strength of each intervention in quarter q is 1 − (1 − rate)^q. The
 * KPI regime itself acts at once. This is what makes internal alignment a
 * measure of progress rather than a state. Imports only src/sim.
 */
import type { World } from './world.js';
import { pow } from './math.js';

export interface Adoption {
  /** 0..1 strength of per-account measurement (1 at once under account-level P&L). */
  readonly measurement: number;
  /** Key-account agenda item. */
  readonly agenda: number;
  /** Board reviews of account plans (1 at once under executive sponsorship). */
  readonly board: number;
  /** Reserved shares of capacity actually honoured. */
  readonly priorityAccess: number;
  readonly crossFunctionalPool: number;
}

export function strength(rate: number, quarter: number): number {
  return rate >= 1 ? 1 : 1 - pow(1 - rate, Math.max(0, quarter));
}

/**
 * How far each intervention has taken hold in quarter `quarter` (1-based).
 * The same for every run of a scenario, so worked out once per quarter and
 * kept with the scenario's world; callers only read it.
 */
export function adoption(world: World, quarter: number): Adoption {
  return (world.adoptionByQuarter[quarter] ??= adoptionIn(world, quarter));
}

function adoptionIn(world: World, quarter: number): Adoption {
  const { company, model } = world.scenario;
  const i = company.interventions;
  const s = strength(model.adoptionRate, quarter);
  return {
    measurement: world.regime === 'account-pnl' ? 1 : i.accountPnlMeasurement ? s : 0,
    agenda: i.kaAgendaItem ? s : 0,
    board: world.regime === 'exec-sponsored' ? 1 : i.boardAccountPlans ? s : 0,
    priorityAccess: i.priorityAccess * s,
    crossFunctionalPool: i.crossFunctionalPool * s,
  };
}

/** The head start a sponsored account gets: 1 + boost, as far as board reviews have taken hold. */
export function sponsorFactor(world: World, a: Adoption): number {
  return 1 + world.scenario.company.sponsorship.boost * a.board;
}

/** Multiplier on the return to lobbying where the board reviews account plans (intervention or executive sponsorship). */
export function lobbyDamping(world: World, a: Adoption): number {
  return 1 - (1 - world.model.boardLobbyDamping) * a.board;
}
