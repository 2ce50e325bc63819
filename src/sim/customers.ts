/**
 * Step 6 of a quarter: how an account responds. Satisfaction anchors on its
 * past (Bolton 1998); share of wallet follows satisfaction through a logistic
 * response around the starting point; revenue is wallet × share plus the
 * projects delivered; churn is a hazard falling in satisfaction; the wallet
 * grows with strategic potential when served well, up to its ceiling.
 * Imports only src/sim.
 */
import type { ModelParams } from './params.js';
import type { AccountState } from './types.js';

export interface ServiceReceived {
  /** Mean quality over the quarter's opportunities, or null when there were none. */
  quality: number | null;
  /** KAM days with the account. */
  customerDays: number;
  /** Revenue of projects delivered this quarter (revenue × quality summed), k€. */
  projectRevenue: number;
}

export interface Response {
  next: AccountState;
  revenue: number;
  churned: boolean;
  quality: number;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** `churnDraw` is a uniform in [0, 1) drawn for every account, alive or not. */
export function respond(
  m: ModelParams,
  account: AccountState,
  growth: number,
  service: ServiceReceived,
  churnDraw: number,
  quarter: number,
): Response {
  if (!account.alive) return { next: account, revenue: 0, churned: false, quality: 0 };
  const quality = service.quality ?? account.lastQuality;
  const attention = Math.min(1, service.customerDays / m.customerDaysNeeded);
  const target = m.qualityWeight * quality + m.customerTimeWeight * attention;
  const satisfaction = Math.min(1, Math.max(0, (1 - m.satisfactionAnchor) * account.satisfaction + m.satisfactionAnchor * target));
  const sowTarget = logistic(account.sowAnchor + m.walletShareSensitivity * (satisfaction - account.satisfactionAnchor));
  const shareOfWallet = account.shareOfWallet + m.walletShareSpeed * (sowTarget - account.shareOfWallet);
  const revenue = account.wallet * shareOfWallet + service.projectRevenue;
  const hazard = m.churnBase * Math.exp(-m.churnSensitivity * satisfaction);
  const churned = churnDraw < hazard;
  const headroom = 1 - account.wallet / account.maxWallet;
  const wallet = Math.max(0, account.wallet * (1 + growth * (2 * quality - 1) * headroom));
  return {
    next: {
      ...account,
      alive: !churned,
      churnedInQuarter: churned ? quarter : account.churnedInQuarter,
      wallet,
      shareOfWallet,
      satisfaction,
      lastQuality: quality,
    },
    revenue,
    churned,
    quality,
  };
}
