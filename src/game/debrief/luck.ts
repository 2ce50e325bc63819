/**
 * The luck check in figures. The player's seat is handed to its stand-in (the
 * seat's persona) twice over: on the game's own seed, where it meets the same
 * cards (opportunities, churn and board draws, the same colleagues), and in
 * AI-only games with other seeds. The player's result against the stand-in's
 * on the same seed is what the draw does not explain; where the stand-in's
 * result on that seed falls among the other games says how good the cards
 * were. Pure: numbers in, a reading out.
 */
import { percentile } from '../figures';

export interface LuckReading {
  /** Share of the AI-only games the player's result beats (mid-rank, 0..1). */
  you: number;
  /** Share of them the stand-in's result on the game's own seed beats: how good the cards were. */
  cards: number;
  cardsRead: 'good' | 'poor' | 'usual';
  /** The player's result minus the stand-in's on the same seed, as the two are written (whole k€). */
  edge: number;
  edgeRead: 'ahead' | 'behind' | 'level';
}

/** Cards at or beyond these shares of the other draws read as good or poor. */
export const GOOD_CARDS = 0.8;
export const POOR_CARDS = 0.2;

export function luckReading(scores: readonly number[], yours: number, standIn: number): LuckReading {
  const cards = percentile(scores, standIn);
  const edge = Math.round(yours) - Math.round(standIn);
  return {
    you: percentile(scores, yours),
    cards,
    cardsRead: cards >= GOOD_CARDS ? 'good' : cards <= POOR_CARDS ? 'poor' : 'usual',
    edge,
    edgeRead: edge > 0 ? 'ahead' : edge < 0 ? 'behind' : 'level',
  };
}
