/**
 * The advanced model parameters (the scenario's `model:` block): one table that
 * holds each parameter's default, range, unit and grounding. The scenario
 * schema, the trainer's guide and docs/MODEL.md are all built from this table,
 * so a parameter cannot exist in one place and be missing in another.
 * Imports nothing.
 */

export interface ParamSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  /** One line in plain English: what it does. */
  readonly doc: string;
  /** Source in the literature, or "assumption" with the reason. */
  readonly source: string;
  readonly integer?: boolean;
}

export const ALLOCATION_MECHANISMS = ['contest', 'ranking', 'proportional'] as const;
export type AllocationMechanism = (typeof ALLOCATION_MECHANISMS)[number];

export const ADAPTIVE_RULES = ['roth-erev', 'imitation'] as const;
export type AdaptiveRule = (typeof ADAPTIVE_RULES)[number];

export const MODEL_PARAMS = {
  decisiveness: {
    default: 1.5, min: 0, max: 10, unit: 'exponent',
    doc: 'Contest decisiveness r: share = s^r / Σ s^r. 0 splits evenly, high values let the best score take everything.',
    source: 'Tullock (1980); Skaperdas (1996) contest success function',
  },
  sizeAdvantage: {
    default: 0.5, min: 0, max: 3, unit: 'exponent',
    doc: 'How strongly a bigger account gets a head start: (wallet / mean wallet)^sizeAdvantage.',
    source: 'Source article ("the biggest account wins"); assumption for the functional form',
  },
  influenceBase: {
    default: 1, min: 0.01, max: 10, unit: 'score',
    doc: 'Influence every request has before lobbying and relationships.',
    source: 'assumption: keeps the score positive for KAMs who do not lobby',
  },
  lobbyingEffect: {
    default: 0.04, min: 0, max: 1, unit: 'influence per day',
    doc: 'Influence added per day of lobbying a department, times charisma and the head\'s susceptibility.',
    source: 'Milgrom & Roberts (1988) influence activities; calibrated so 10 days add 0.4 to a base influence of 1 (+40 %, or +33 % beside relationship capital 0.2)',
  },
  relationshipWeight: {
    default: 1, min: 0, max: 5, unit: 'influence per unit of capital',
    doc: 'Influence added by the KAM\'s relationship capital with the department (0..1).',
    source: 'Source article ("the best internal relationships")',
  },
  horizon: {
    default: 8, min: 0, max: 40, unit: 'quarters',
    doc: 'How many quarters of strategic upside count in an account\'s lifetime value.',
    source: 'assumption: a two-year account plan',
  },
  visibilityBase: {
    default: 0.15, min: 0, max: 1, unit: 'share',
    doc: 'Share of an account\'s strategic upside that departments see without a business case.',
    source: 'assumption: strategic value is mostly invisible to departments (Holmström & Milgrom 1991)',
  },
  businessCaseRate: {
    default: 0.12, min: 0, max: 2, unit: 'per skill-day',
    doc: 'How fast business-case days (times the KAM\'s skill) make upside visible: 1 − exp(−rate·σ·days).',
    source: 'assumption: diminishing returns to analysis',
  },
  measurementVisibility: {
    default: 0.35, min: 0, max: 1, unit: 'share',
    doc: 'Extra visibility of strategic upside when profit and cash flow are measured per account.',
    source: 'Source article, mitigation 1; assumption for the size',
  },
  boardVisibility: {
    default: 0.4, min: 0, max: 1, unit: 'share',
    doc: 'Extra visibility when KAMs present account plans to the board.',
    source: 'Source article, mitigation 3; assumption for the size',
  },
  boardLobbyDamping: {
    default: 0.5, min: 0, max: 1, unit: 'factor',
    doc: 'Multiplier on the return to lobbying where the board reviews account plans (the intervention, as it takes hold, or executive sponsorship).',
    source: 'Milgrom & Roberts (1988): transparent criteria reduce the return to influence',
  },
  adoptionRate: {
    default: 0.4, min: 0, max: 1, unit: 'per quarter',
    doc: 'How fast interventions take hold: their strength in quarter q is 1 − (1 − rate)^q (1 = at once). The KPI regime itself acts at once.',
    source: 'assumption: alignment is a measure of progress, not a state (Ramstedt, Johansson & Weltman 2019)',
  },
  agendaNoiseFactor: {
    default: 0.5, min: 0, max: 1, unit: 'factor',
    doc: 'Multiplier on department heads\' perception noise under the key-account agenda item.',
    source: 'Source article, mitigation 2; assumption for the size',
  },
  agendaRelationshipBoost: {
    default: 1.5, min: 1, max: 5, unit: 'factor',
    doc: 'Multiplier on relationship building under the key-account agenda item.',
    source: 'Source article, mitigation 2; assumption for the size',
  },
  matrixSatisfactionWeight: {
    default: 0.5, min: 0, max: 2, unit: 'weight',
    doc: 'Matrix scorecard: extra value for requests from accounts whose satisfaction is low (1 − S).',
    source: 'assumption: a shared scorecard includes customer satisfaction',
  },
  departmentMarginCredit: {
    default: 0.5, min: 0, max: 1, unit: 'share',
    doc: 'Where departments are profit centres (departmental P&L, executive sponsorship; matrix in part), the share of a delivered solution\'s gross margin they book; the rest stays with the account.',
    source: 'assumption: product and division P&Ls book part of the solution margin',
  },
  sponsorPitchEffect: {
    default: 0.05, min: 0, max: 1, unit: 'per day',
    doc: 'How much each day of board pitch (times charisma) raises the board\'s view of an account.',
    source: 'assumption',
  },
  boardNoise: {
    default: 0.2, min: 0, max: 2, unit: 'log-sd',
    doc: 'Noise in the board\'s view of account value.',
    source: 'assumption',
  },
  opportunityDays: {
    default: 0.05, min: 0.001, max: 10, unit: 'expert-days per k€ wallet',
    doc: 'Capacity an opportunity needs, per k€ of the account\'s quarterly wallet.',
    source: 'assumption: in the shipped scenarios first-quarter demand exceeds capacity by about 35–90 % (mean of 200 seeds)',
  },
  capacityElasticity: {
    default: 0.5, min: 0, max: 1, unit: 'elasticity',
    doc: 'How the capacity an account\'s opportunities need grows with its wallet: (wallet / starting wallet)^elasticity. Below 1, a grown account earns more per expert-day (scope economies).',
    source: 'assumption: solution design work scales less than volume',
  },
  opportunityRevenue: {
    default: 0.4, min: 0, max: 10, unit: 'share of wallet',
    doc: 'Immediate revenue of an opportunity delivered in full, as a share of the account\'s quarterly wallet.',
    source: 'assumption',
  },
  opportunitySpread: {
    default: 0.35, min: 0, max: 2, unit: 'log-sd',
    doc: 'Log-sd of an opportunity\'s size (which scales its days and revenue) and of its strategic upside; at half strength it also jitters the split over departments.',
    source: 'assumption',
  },
  upsideScale: {
    default: 3, min: 0, max: 20, unit: 'factor',
    doc: 'Strategic upside per opportunity: growth × wallet × margin × upsideScale, per quarter of the horizon.',
    source: 'assumption',
  },
  qualityExponent: {
    default: -2, min: -20, max: 1, unit: 'CES exponent',
    doc: 'Complementarity of departments in a solution: negative values make a shortfall in one department hurt the whole (−∞ is weakest link, 1 is additive).',
    source: 'CES aggregator; suggested by MODEL.md (complementarity)',
  },
  jointScope: {
    default: 0.2, min: 0, max: 0.9, unit: 'share',
    doc: 'Scope economies of a joint proposal: the capacity it needs falls by this share.',
    source: 'assumption: cross-account solutions share design and delivery work',
  },
  jointMinDays: {
    default: 2, min: 0, max: 60, unit: 'days',
    doc: 'Days each KAM must commit for a joint proposal to count.',
    source: 'assumption',
  },
  satisfactionAnchor: {
    default: 0.35, min: 0, max: 1, unit: 'weight',
    doc: 'φ in S ← (1−φ)S + φ(β_Q·Q̄ + β_c·customer time): how fast satisfaction moves.',
    source: 'Bolton (1998) satisfaction anchoring',
  },
  qualityWeight: {
    default: 0.75, min: 0, max: 1, unit: 'weight',
    doc: 'β_Q: weight of solution quality in satisfaction.',
    source: 'Bolton (1998); assumption for the size',
  },
  customerTimeWeight: {
    default: 0.25, min: 0, max: 1, unit: 'weight',
    doc: 'β_c: weight of the KAM\'s customer time in satisfaction.',
    source: 'assumption',
  },
  customerDaysNeeded: {
    default: 12, min: 0.1, max: 90, unit: 'days per account per quarter',
    doc: 'Customer days per account and quarter that count as full attention.',
    source: 'assumption',
  },
  walletShareSensitivity: {
    default: 2.5, min: 0, max: 20, unit: 'logit per unit of S',
    doc: 'How strongly satisfaction moves the share of wallet (logistic in S around the starting point).',
    source: 'assumption; logistic share-of-wallet response',
  },
  walletShareSpeed: {
    default: 0.3, min: 0, max: 1, unit: 'per quarter',
    doc: 'How fast share of wallet moves toward its satisfaction-driven target.',
    source: 'assumption',
  },
  churnBase: {
    default: 0.6, min: 0, max: 1, unit: 'per quarter',
    doc: 'h0 in the churn hazard h = h0·exp(−k·S).',
    source: 'assumption; exponential hazard in satisfaction',
  },
  churnSensitivity: {
    default: 9, min: 0, max: 50, unit: 'per unit of S',
    doc: 'k in the churn hazard h = h0·exp(−k·S).',
    source: 'assumption: at S = 0.6 about 0.3 % a quarter, at S = 0.25 about 6 %',
  },
  walletCap: {
    default: 3, min: 1, max: 100, unit: 'multiple of starting wallet',
    doc: 'Wmax for accounts that set no maxWallet: the wallet cannot grow beyond this multiple.',
    source: 'assumption; logistic wallet growth',
  },
  prospectFoothold: {
    default: 0.1, min: 0, max: 1, unit: 'share of maxWallet',
    doc: 'A wallet below this share of its ceiling (a prospect with wallet 0, or an account nearly lost) grows, and sizes its opportunities and requests, as if it stood at this share: logistic growth from nothing never starts.',
    source: 'assumption: a first order or pilot is about a tenth of what a won account spends',
  },
  relationshipDecay: {
    default: 0.08, min: 0, max: 1, unit: 'per quarter',
    doc: 'Share of relationship capital lost each quarter.',
    source: 'assumption',
  },
  relationshipRate: {
    default: 0.05, min: 0, max: 1, unit: 'per day',
    doc: 'Relationship building: R += (1−R)(1 − exp(−rate·boost·days)), boost > 1 as the key-account agenda item takes hold.',
    source: 'assumption: diminishing returns',
  },
  reciprocity: {
    default: 0.15, min: 0, max: 1, unit: 'per quarter',
    doc: 'Relationship gained each quarter from what a department gave a KAM: share of the gap to 1, times the mean fulfilment of the KAM\'s requests to it that quarter.',
    source: 'Rajan, Servaes & Zingales (2000) path dependence; assumption for the size',
  },
  skillLearning: {
    default: 0.01, min: 0, max: 1, unit: 'per day',
    doc: 'Business-case skill learned per day of business-case work: σ += (1−σ)(1 − exp(−rate·days)).',
    source: 'assumption: learning by doing',
  },
  kamDayCost: {
    default: 0.6, min: 0, max: 100, unit: 'k€ per day',
    doc: 'Cost of a KAM day used for anything.',
    source: 'assumption',
  },
  lobbyingOverhead: {
    default: 0.4, min: 0, max: 100, unit: 'k€ per lobbying day',
    doc: 'Cost of the department head\'s time absorbed by each day of lobbying.',
    source: 'Milgrom & Roberts (1988): influence costs fall on decision makers too',
  },
  measurementCost: {
    default: 10, min: 0, max: 10000, unit: 'k€ per quarter',
    doc: 'Overhead of measuring profit and cash flow per account (under account-level P&L or the measurement intervention).',
    source: 'assumption: no free lunch',
  },
  alignmentPenalty: {
    default: 0.5, min: 0, max: 3, unit: 'λ',
    doc: 'alignmentIndex = mean − λ·sd of the seven 7S elements: a poor fit between elements costs.',
    source: 'Ramstedt, Johansson & Weltman (2019), 7S fit; assumption for λ',
  },
  styleJointWeight: {
    default: 0.3, min: 0, max: 1, unit: 'weight',
    doc: 'Weight of the joint-proposal share (against 1 − lobbying share) in the 7S style element.',
    source: 'assumption',
  },
  adaptiveLearningRate: {
    default: 0.3, min: 0, max: 1, unit: 'rate',
    doc: 'How far one quarter\'s outcome moves an adaptive KAM\'s time split (and its aspiration level).',
    source: 'Roth & Erev (1995); Erev & Roth (1998) reference point',
  },
  adaptiveExperimentation: {
    default: 0.1, min: 0, max: 1, unit: 'share',
    doc: 'Roth–Erev experimentation: share of reinforcement spread evenly over all six uses of time (the rest follows the days each use got).',
    source: 'Roth & Erev (1995)',
  },
  lobbyingResponse: {
    default: 0.5, min: 0, max: 2, unit: 'elasticity',
    doc: 'How strongly AI seats scale their lobbying with its expected return (the decisiveness they feel × lobbying effect × the board\'s damping) and with colleagues\' lobbying.',
    source: 'Tullock (1980): equilibrium effort rises with decisiveness; assumption for the size',
  },
} as const satisfies Record<string, ParamSpec>;

export type ModelParamName = keyof typeof MODEL_PARAMS;
export type NumericModelParams = { [K in ModelParamName]: number };

export interface ModelParams extends NumericModelParams {
  allocation: AllocationMechanism;
  adaptiveRule: AdaptiveRule;
}

export const MODEL_PARAM_NAMES = Object.keys(MODEL_PARAMS).sort() as ModelParamName[];

export function defaultModelParams(): ModelParams {
  const out = { allocation: 'contest', adaptiveRule: 'roth-erev' } as ModelParams;
  for (const name of MODEL_PARAM_NAMES) out[name] = MODEL_PARAMS[name].default;
  return out;
}
