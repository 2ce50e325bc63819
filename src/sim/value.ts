/**
 * How a department head values a request under each KPI regime, how much of
 * an account's strategic upside a business case makes visible, and the true
 * lifetime value the heads cannot see (used by the 7S index and misallocation).
 * Imports only src/sim.
 */
import type { ModelParams } from './params.js';
import type { AccountsState, Regime } from './types.js';

/** What one department sees in one request: its slice of the request's value. */
export interface RequestSlice {
  /** Days asked of this department. */
  days: number;
  /** This department's share of all days the request asks for. */
  share: number;
  transferPrice: number;
  /** Gross margin of the request's immediate revenue at full delivery, k€. */
  immediateMargin: number;
  /** Strategic upside per quarter the department can see (upside × visibility), k€. */
  visibleUpside: number;
  /** Transfer cost of every day the request asks of all departments, k€. */
  costToServe: number;
  /** Lowest satisfaction among the request's accounts. */
  satisfaction: number;
}

/** Transfer revenue plus the margin credit the department books now. */
export function departmentValue(m: ModelParams, s: RequestSlice): number {
  return s.days * s.transferPrice + m.departmentMarginCredit * s.immediateMargin * s.share;
}

/** The lifetime value of the request the department can see, net of cost to serve, its slice. */
export function accountValue(m: ModelParams, s: RequestSlice): number {
  return (s.immediateMargin + m.horizon * s.visibleUpside - s.costToServe) * s.share;
}

/** A floor keeps every score positive: a request worth nothing still has a (tiny) chance. */
function floorOf(s: RequestSlice): number {
  return 0.01 * Math.max(s.days * s.transferPrice, 1e-6);
}

export function perceivedValue(
  m: ModelParams,
  regime: Regime,
  matrixWeight: number,
  dept: number,
  acct: number,
  s: RequestSlice,
): number {
  let v: number;
  switch (regime) {
    case 'departmental-pnl':
    case 'exec-sponsored':
      v = dept;
      break;
    case 'account-pnl':
      v = acct;
      break;
    case 'matrix':
      v = ((1 - matrixWeight) * dept + matrixWeight * Math.max(acct, 0)) * (1 + m.matrixSatisfactionWeight * (1 - s.satisfaction));
      break;
    case 'utilization':
      v = s.days * s.transferPrice;
      break;
  }
  return Math.max(v, floorOf(s));
}

/** True lifetime value of the slice: the upside counts only as far as the wallet has room to grow. */
export function trueValue(m: ModelParams, s: RequestSlice, realUpside: number): number {
  return (s.immediateMargin + m.horizon * realUpside - s.costToServe) * s.share;
}

/**
 * The wallet an account grows from and is sized by: its own, or the foothold
 * (`prospectFoothold` × ceiling) where it has less, so a prospect with
 * wallet 0 can be won. Equal to the wallet wherever it is at the foothold or above.
 */
export function footing(m: ModelParams, wallet: number, ceiling: number): number {
  const foothold = m.prospectFoothold * ceiling;
  return wallet >= foothold ? wallet : foothold;
}

/** Account `ai`'s footing in `accounts`: its wallet, or its foothold where it has less. */
export function footingOf(m: ModelParams, accounts: AccountsState, ai: number): number {
  return footing(m, accounts.wallet[ai]!, accounts.maxWallet[ai]!);
}

/**
 * How much of its ceiling an account's wallet has yet to grow into, as a
 * share of the ceiling (1 − wallet / maxWallet): 0 for an account with no
 * ceiling at all (maxWallet 0, so wallet 0 too), which has no room to grow.
 */
export function roomToGrow(wallet: number, ceiling: number): number {
  return ceiling > 0 ? 1 - wallet / ceiling : 0;
}

/**
 * Share of a delivered solution's gross margin that the P&L structure books to
 * the departments that delivered it (the rest stays with the account): where
 * departments are profit centres they book it; under account-level P&L and
 * utilisation targets they are cost centres that book transfer revenue only.
 */
export function marginCreditShare(m: ModelParams, regime: Regime, matrixWeight: number): number {
  switch (regime) {
    case 'departmental-pnl':
    case 'exec-sponsored':
      return m.departmentMarginCredit;
    case 'matrix':
      return (1 - matrixWeight) * m.departmentMarginCredit;
    default:
      return 0;
  }
}

/** Share of the regime's allocation that counts as decided at account level (for the 7S structure element). */
export function accountOrientation(regime: Regime, matrixWeight: number): number {
  switch (regime) {
    case 'account-pnl':
      return 1;
    case 'matrix':
      return matrixWeight;
    default:
      return 0;
  }
}
