/**
 * The engine's data: the resolved scenario it runs (every default filled in),
 * the plan every seat submits, the run state at a quarter boundary and what a
 * quarter records. Everything here is plain data that survives JSON,
 * structuredClone and postMessage. Imports only src/sim.
 */
import type { AdaptiveRule, AllocationMechanism, ModelParams } from './params.js';

export type { AdaptiveRule, AllocationMechanism, ModelParams };

export const REGIMES = ['departmental-pnl', 'account-pnl', 'matrix', 'exec-sponsored', 'utilization'] as const;
export type Regime = (typeof REGIMES)[number];

export const PERSONAS = ['heavyweight', 'charmer', 'networker', 'analyst', 'team-player', 'adaptive'] as const;
export type Persona = (typeof PERSONAS)[number];

export const CONTROLS = ['player', 'persona', 'adaptive'] as const;
export type Control = (typeof CONTROLS)[number];

/** Scenario text: one string, or one per language. The engine never reads it. */
export type Text = string | Readonly<Record<string, string>>;

export interface Interventions {
  accountPnlMeasurement: boolean;
  kaAgendaItem: boolean;
  boardAccountPlans: boolean;
  priorityAccess: number;
  crossFunctionalPool: number;
}

export interface CompanyInput {
  regime: Regime;
  matrixWeight: number;
  interventions: Interventions;
  sponsorship: { maxSponsored: number; boost: number };
  fixedCostPerQuarter: number;
}

export interface DepartmentInput {
  id: string;
  name: Text;
  capacity: number;
  unitCost: number;
  transferPrice: number;
  lobbyingSusceptibility: number;
  perceptionNoise: number;
}

export interface AccountInput {
  id: string;
  name: Text;
  wallet: number;
  /** Wallet ceiling for growth; null means walletCap × wallet. */
  maxWallet: number | null;
  shareOfWallet: number;
  margin: number;
  growth: number;
  satisfaction: number;
  needs: Readonly<Record<string, number>>;
  opportunitiesPerQuarter: number;
}

export interface KamInput {
  id: string;
  name: Text;
  accounts: readonly string[];
  control: Control;
  /** For persona seats the behaviour; for player seats the stand-in used when no human plays. */
  persona: Persona;
  charisma: number;
  businessCaseSkill: number;
  timeBudget: number;
  relationships: Readonly<Record<string, number>>;
}

/** A scenario with every default applied: what the engine runs. */
export interface ScenarioInput {
  id: string;
  quarters: number;
  seed: number;
  company: CompanyInput;
  departments: readonly DepartmentInput[];
  accounts: readonly AccountInput[];
  kams: readonly KamInput[];
  model: ModelParams;
}

// ---------------------------------------------------------------------------
// Plans: the one action type every seat uses.

export interface RequestPlan {
  opportunity: string;
  /** Expert-days asked of each department; at most the opportunity's need. */
  capacity: Record<string, number>;
}

export interface JointPlan {
  partner: string;
  /** This KAM's opportunity. */
  opportunity: string;
  /** The partner's opportunity, merged with ours into one solution. */
  partnerOpportunity: string;
  days: number;
}

export interface QuarterPlan {
  kam: string;
  requests: RequestPlan[];
  /** Days with each own account. */
  customer: Record<string, number>;
  /** Days lobbying each department head. */
  lobbying: Record<string, number>;
  /** Days building relationships with each department. */
  relationship: Record<string, number>;
  /** Days of business-case work on each pursued opportunity. */
  businessCase: Record<string, number>;
  /** Days pitching each own account's plan to the board (only where the board reviews plans). */
  boardPitch: Record<string, number>;
  joint: JointPlan[];
}

export const TIME_USES = ['customer', 'lobbying', 'relationship', 'businessCase', 'boardPitch', 'joint'] as const;
export type TimeUse = (typeof TIME_USES)[number];

// ---------------------------------------------------------------------------
// State at a quarter boundary.

export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export interface Opportunity {
  id: string;
  account: string;
  /** Which of the account's slots this quarter it came from (1-based); with the account, its stable identity. */
  slot: number;
  /** Expert-days needed per department, one number per department in scenario order. */
  needs: number[];
  /** Revenue if delivered at full quality, k€. */
  revenue: number;
  /** Strategic upside: extra margin per quarter if the account grows on it, k€. Hidden from departments. */
  upside: number;
}

/**
 * Accounts at a quarter boundary, one array per variable, indexed in scenario
 * order (struct of arrays: cheap to copy, plain JSON).
 */
export interface AccountsState {
  alive: boolean[];
  /** Quarter in which the account churned, or 0 while alive. */
  churnedIn: number[];
  wallet: number[];
  maxWallet: number[];
  shareOfWallet: number[];
  /** Logit of the starting share of wallet, the anchor of the logistic response. */
  sowAnchor: number[];
  satisfaction: number[];
  satisfactionAnchor: number[];
  /** Quality experienced last time there was work, carried when a quarter has none. */
  lastQuality: number[];
}

/** KAMs at a quarter boundary, indexed in scenario order; matrices flattened row by row. */
export interface KamsState {
  businessCaseSkill: number[];
  /** Relationship capital 0..1, K × D (KAM row, departments in scenario order). */
  relationships: number[];
  /** Adaptive seats: Roth–Erev propensities, K × 6 (uses in TIME_USES order). */
  propensities: number[];
  /** Running mean of each KAM's score, the aspiration level for reinforcement. */
  aspiration: number[];
  /** Last quarter's share of time per use, K × 6. */
  lastSplit: number[];
  lastScore: number[];
  cumulativeScore: number[];
}

/** How much a quarter keeps: everything (game, debrief), account rows (CLI run), or reporters only (batch). */
export type RecordLevel = 'full' | 'accounts' | 'reporters';

export interface RunState {
  format: 'two-fronts/run-state@1';
  scenario: ScenarioInput;
  seed: number;
  record: RecordLevel;
  /** Quarters completed. */
  quarter: number;
  /** The run's master stream. One draw per quarter seeds that quarter's labelled sub-streams. */
  rng: AleaState;
  /** Seed of the coming quarter's sub-streams. */
  quarterSeed: number;
  accounts: AccountsState;
  kams: KamsState;
  /** The coming quarter's opportunities, in account order. */
  opportunities: Opportunity[];
  /** Accounts the board sponsored last quarter. */
  sponsored: string[];
  /** Share of all KAM time spent lobbying last quarter (what personas observe). */
  lastLobbyingShare: number;
  history: QuarterRecord[];
}

// ---------------------------------------------------------------------------
// What a quarter records.

export type Channel = 'pool' | 'priority' | 'contest';

/** Why one request got what it got from one department. */
export interface AllocationFactors {
  /** Head start from relative account size, (W/mean W)^sizeAdvantage. */
  size: number;
  /** Head start from board sponsorship, 1 + boost or 1. */
  sponsorship: number;
  /** Perceived value under the regime, k€. */
  value: number;
  /** Immediate margin the department books (transfer revenue + margin credit), k€. */
  departmentValue: number;
  /** Lifetime value the department can see, k€. */
  accountValue: number;
  /** Share of the strategic upside the department could see. */
  visibility: number;
  influence: number;
  lobbying: number;
  relationship: number;
  lobbyDays: number;
  noise: number;
  score: number;
}

export interface AllocationEntry {
  /** Opportunity id, or `a+b` for a joint proposal. */
  request: string;
  kams: string[];
  accounts: string[];
  joint: boolean;
  requested: number;
  received: number;
  byChannel: Record<Channel, number>;
  factors: AllocationFactors;
}

export interface DepartmentAllocation {
  department: string;
  capacity: number;
  demand: number;
  allocated: number;
  entries: AllocationEntry[];
}

export interface AccountQuarter {
  account: string;
  kam: string;
  alive: boolean;
  churned: boolean;
  wallet: number;
  shareOfWallet: number;
  satisfaction: number;
  revenue: number;
  pnl: number;
  needed: number;
  received: number;
  fulfilment: number | null;
  quality: number | null;
  sponsored: boolean;
  opportunities: number;
  pursued: number;
}

/**
 * Why a joint proposal did not form: the partner's plan held no matching
 * entry (not accepted), one side put in fewer than the minimum days, one of
 * the two opportunities was not pursued, or one was already merged with
 * another opportunity this quarter.
 */
export type JointFailure = 'unmatched' | 'too-short' | 'not-pursued' | 'taken';

export interface JointOutcome {
  /** The seat whose plan held the proposal, then its partner. */
  kams: [string, string];
  /** The first seat's opportunity, then the partner's. */
  opportunities: [string, string];
  formed: boolean;
  /** Why it did not form (absent when it formed, and in records saved before reasons were kept). */
  reason?: JointFailure;
}

export interface QuarterRecord {
  quarter: number;
  /** Reporter values in the order of `reporterNames(scenario)`; `reportersOf` turns them into name → value. */
  values: number[];
  accounts: AccountQuarter[];
  allocations: DepartmentAllocation[];
  plans: QuarterPlan[];
  sponsored: string[];
  joints: JointOutcome[];
  /** Opportunities of this quarter with their delivered quality. */
  deliveries: { opportunity: string; account: string; quality: number; fulfilment: number }[];
}
