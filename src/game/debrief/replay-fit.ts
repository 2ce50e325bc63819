/**
 * What a replay under another structure could not take over from the
 * player's game, read off the two games' records: requests whose opportunity
 * did not come up in the replay (its account had left by then there), days of
 * the recorded plans not spent (on what was gone, on board pitches where the
 * board takes none, time scaled back to the budget), and opportunities of the
 * player's accounts that came up only in the replay (an account lost in the
 * game but kept there), which no recorded plan covers; and a board that
 * sponsored accounts only in the replay, where the player's plans, made
 * without one, pitched nothing while the colleagues planned anew. Without these, a card
 * could not tell "your requests no longer existed" from "the departments
 * chose differently". Pure.
 */
import type { QuarterRecord } from '../../sim/types';
import { splitOf, totalDays } from '../plan-draft';

export interface ReplayFit {
  /** The player's requests in the game, and those the replay could not make. */
  requests: number;
  droppedRequests: number;
  /** Days the player planned in the game, and those the replay did not spend. */
  days: number;
  unspentDays: number;
  /** Opportunities of the player's accounts that came up in the replay but not in the game. */
  unplanned: number;
  /** True where only the replay's board sponsored accounts: the game had no board review, so the player's plans pitched nothing. */
  boardOnlyHere: boolean;
  /** Quarters of the replay in which the board sponsored an account of the player's. */
  ownSponsored: number;
}

export function replayFit(played: readonly QuarterRecord[], replayed: readonly QuarterRecord[], seat: string, own: ReadonlySet<string>): ReplayFit {
  const fit: ReplayFit = { requests: 0, droppedRequests: 0, days: 0, unspentDays: 0, unplanned: 0, boardOnlyHere: false, ownSponsored: 0 };
  played.forEach((rec, q) => {
    const again = replayed[q];
    const mine = rec.plans.find((p) => p.kam === seat);
    const kept = again?.plans.find((p) => p.kam === seat);
    if (mine) {
      const planned = totalDays(splitOf(mine));
      fit.requests += mine.requests.length;
      fit.days += planned;
      fit.unspentDays += Math.max(0, planned - (kept ? totalDays(splitOf(kept)) : 0));
      const made = new Set(kept?.requests.map((r) => r.opportunity));
      fit.droppedRequests += mine.requests.filter((r) => !made.has(r.opportunity)).length;
    }
    if (again) {
      const offered = new Set(rec.deliveries.map((d) => d.opportunity));
      fit.unplanned += again.deliveries.filter((d) => own.has(d.account) && !offered.has(d.opportunity)).length;
    }
  });
  fit.boardOnlyHere = played.every((rec) => rec.sponsored.length === 0) && replayed.some((rec) => rec.sponsored.length > 0);
  if (fit.boardOnlyHere) fit.ownSponsored = replayed.filter((rec) => rec.sponsored.some((a) => own.has(a))).length;
  return fit;
}

/** Below this many days the rounding of a scaled plan, not a day left unspent. */
export const UNSPENT_EPS = 0.05;
