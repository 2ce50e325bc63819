/**
 * Step 3 of a quarter: where the board reviews account plans, it picks the
 * accounts it sponsors: account value as the board sees it, raised by pitch
 * days and the pitching KAM's charisma, with noise, at most `maxSponsored`.
 * Imports only src/sim.
 */
import { LABEL, normal, subStream } from './rng.js';
import type { Adoption } from './adoption.js';
import type { AccountsState } from './types.js';
import type { World } from './world.js';
import { exp } from './math.js';
import { footingOf } from './value.js';

/** The board's view of an account's value per quarter, before noise. */
export function boardView(world: World, adopt: Adoption, accounts: AccountsState, ai: number, pitchDays: number): number {
  const { scenario } = world;
  const m = world.model;
  const input = scenario.accounts[ai]!;
  const charisma = scenario.kams[world.ownerOf[ai]!]!.charisma;
  const visible = Math.min(1, m.visibilityBase + m.boardVisibility * adopt.board + m.measurementVisibility * adopt.measurement);
  const wallet = accounts.wallet[ai]!;
  const runRate = wallet * accounts.shareOfWallet[ai]! * input.margin;
  // The upside of a prospect is that of its foothold, as its opportunities' is (7.1).
  const upside = input.growth * footingOf(m, accounts, ai) * input.margin * m.upsideScale;
  return (runRate + m.horizon * upside * visible) * (1 + m.sponsorPitchEffect * pitchDays * charisma);
}

/** 1 for each sponsored account (scenario order). All 0 where the board does not sponsor. */
export function selectSponsored(
  world: World,
  adopt: Adoption,
  accounts: AccountsState,
  pitch: Float64Array,
  quarterSeed: number,
): Uint8Array {
  const { scenario } = world;
  const A = scenario.accounts.length;
  const out = new Uint8Array(A);
  const max = scenario.company.sponsorship.maxSponsored;
  if (!world.boardActive || max <= 0) return out;
  const stream = subStream(quarterSeed, LABEL.board);
  const scored: { ai: number; score: number }[] = [];
  for (let ai = 0; ai < A; ai++) {
    const noise = exp(world.model.boardNoise * normal(stream));
    if (accounts.alive[ai]) scored.push({ ai, score: boardView(world, adopt, accounts, ai, pitch[ai]!) * noise });
  }
  scored.sort((a, b) => b.score - a.score || a.ai - b.ai);
  for (const s of scored.slice(0, max)) out[s.ai] = 1;
  return out;
}
