/**
 * Everything one quarter produced, gathered for the reporters and the 7S
 * index: the engine computes it once in `step`, the reporters only read it.
 * Imports only src/sim.
 */
import type { Allocation, Requests } from './allocate.js';
import type { OppTable, PlanMatrix } from './matrix.js';
import type { AccountsState, KamsState } from './types.js';
import type { World } from './world.js';

export interface QuarterData {
  world: World;
  quarter: number;
  /** Accounts as the quarter found them and as it left them. */
  before: AccountsState;
  after: AccountsState;
  kamsAfter: KamsState;
  opps: OppTable;
  plan: PlanMatrix;
  requests: Requests;
  allocation: Allocation;
  /** Per account: days its opportunities needed, need-equivalent days received, real days delivered. */
  needed: Float64Array;
  received: Float64Array;
  delivered: Float64Array;
  /** Per account: true lifetime value of its opportunities. */
  trueValue: Float64Array;
  accountRevenue: Float64Array;
  accountPnl: Float64Array;
  departmentPnl: Float64Array;
  kamScore: Float64Array;
  companyRevenue: number;
  companyProfit: number;
  influenceCost: number;
  /** Opportunities pursued, and how many of them ran in a joint proposal. */
  pursued: number;
  pursuedJointly: number;
  /** Capacity decided by account-level, cross-functional or board mechanisms, and all capacity given. */
  capacityByAccountMechanisms: number;
  capacityAllocated: number;
}
