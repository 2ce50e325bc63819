/**
 * Step 6 of a quarter: how an account responds. Satisfaction anchors on its
 * past (Bolton 1998); share of wallet follows satisfaction through a logistic
 * response around the starting point; revenue is wallet × share plus the
 * projects delivered; churn is a hazard falling in satisfaction; the wallet
 * grows with strategic potential when served well, up to its ceiling.
 * Imports only src/sim.
 */
import type { ModelParams } from './params.js';
import type { AccountsState } from './types.js';
import { exp, log } from './math.js';
import { footing, roomToGrow } from './value.js';

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return log(q / (1 - q));
}

export function copyAccounts(a: AccountsState): AccountsState {
  return {
    alive: a.alive.slice(),
    churnedIn: a.churnedIn.slice(),
    wallet: a.wallet.slice(),
    maxWallet: a.maxWallet.slice(),
    shareOfWallet: a.shareOfWallet.slice(),
    sowAnchor: a.sowAnchor.slice(),
    satisfaction: a.satisfaction.slice(),
    satisfactionAnchor: a.satisfactionAnchor.slice(),
    lastQuality: a.lastQuality.slice(),
  };
}

/**
 * Updates account `ai` of `next` (a copy of the quarter's start) and returns
 * its revenue. `quality` is the mean quality of the quarter's opportunities,
 * or NaN when it had none; `churnDraw` is a uniform drawn for every account.
 */
export function respond(
  m: ModelParams,
  next: AccountsState,
  ai: number,
  growth: number,
  quality: number,
  customerDays: number,
  projectRevenue: number,
  churnDraw: number,
  quarter: number,
): number {
  if (!next.alive[ai]) return 0;
  const q = Number.isNaN(quality) ? next.lastQuality[ai]! : quality;
  const attention = Math.min(1, customerDays / m.customerDaysNeeded);
  const target = m.qualityWeight * q + m.customerTimeWeight * attention;
  const s = Math.min(1, Math.max(0, (1 - m.satisfactionAnchor) * next.satisfaction[ai]! + m.satisfactionAnchor * target));
  const sowTarget = 1 / (1 + exp(-(next.sowAnchor[ai]! + m.walletShareSensitivity * (s - next.satisfactionAnchor[ai]!))));
  const sow = next.shareOfWallet[ai]! + m.walletShareSpeed * (sowTarget - next.shareOfWallet[ai]!);
  const wallet = next.wallet[ai]!;
  const revenue = wallet * sow + projectRevenue;
  const hazard = m.churnBase * exp(-m.churnSensitivity * s);
  if (churnDraw < hazard) {
    next.alive[ai] = false;
    next.churnedIn[ai] = quarter;
  }
  const ceiling = next.maxWallet[ai]!;
  const change = growth * (2 * q - 1) * roomToGrow(wallet, ceiling);
  // Below the foothold (a prospect) the wallet grows by what the foothold would where it is served well
  // (positive growth potential, quality above ½); otherwise it changes by its own share, so neglect never wins it.
  const base = change > 0 && growth > 0 ? footing(m, wallet, ceiling) : wallet;
  next.wallet[ai] = Math.max(0, base === wallet ? wallet * (1 + change) : wallet + base * change);
  next.shareOfWallet[ai] = sow;
  next.satisfaction[ai] = s;
  next.lastQuality[ai] = q;
  return revenue;
}
