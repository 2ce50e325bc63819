/**
 * Everything one quarter produced, gathered for the reporters and the 7S
 * index: the engine computes it once in `step`, the reporters only read it.
 * Imports only src/sim.
 */
import type { DepartmentOutcome, Request } from './allocate.js';
import type { AccountState, KamState, TimeUse } from './types.js';
import type { World } from './world.js';

export interface QuarterData {
  world: World;
  quarter: number;
  /** Accounts as the quarter found them (alive at its start) and as it left them. */
  before: readonly AccountState[];
  after: readonly AccountState[];
  kamsAfter: readonly KamState[];
  requests: readonly Request[];
  /** One outcome per department, scenario order. */
  outcomes: readonly DepartmentOutcome[];
  /** Days each KAM spent on each use of time. */
  splits: readonly Record<TimeUse, number>[];
  /** Per account: days needed by its opportunities, need-equivalent days received, real days delivered. */
  needed: Float64Array;
  received: Float64Array;
  delivered: Float64Array;
  /** Per account: true lifetime value of its opportunities. */
  trueValue: Float64Array;
  /** Per account: mean quality experienced (NaN when it had no opportunities). */
  quality: Float64Array;
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
  /** Capacity per channel, for the structure element. */
  capacityByAccountMechanisms: number;
  capacityAllocated: number;
}
