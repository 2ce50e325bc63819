/**
 * Step 3 of a quarter: where the board reviews account plans, it picks the
 * accounts it sponsors: account value as the board sees it, raised by pitch
 * days and the pitching KAM's charisma, with noise, at most `maxSponsored`.
 * Imports only src/sim.
 */
import { LABEL, lognormal, subStream } from './rng.js';
import type { AccountState, QuarterPlan } from './types.js';
import type { World } from './world.js';

export function boardView(world: World, account: AccountState, ai: number, pitchDays: number, charisma: number): number {
  const { scenario } = world;
  const m = scenario.model;
  const input = scenario.accounts[ai]!;
  const visible = Math.min(1, m.visibilityBase + m.boardVisibility + (world.measured ? m.measurementVisibility : 0));
  const runRate = account.wallet * account.shareOfWallet * input.margin;
  const upside = input.growth * account.wallet * input.margin * m.upsideScale;
  return (runRate + m.horizon * upside * visible) * (1 + m.sponsorPitchEffect * pitchDays * charisma);
}

/** Ids of sponsored accounts, in scenario order. Empty where the board does not sponsor. */
export function selectSponsored(
  world: World,
  accounts: readonly AccountState[],
  plans: readonly QuarterPlan[],
  quarterSeed: number,
): string[] {
  const { scenario } = world;
  const max = scenario.company.sponsorship.maxSponsored;
  if (!world.boardActive || max <= 0) return [];
  const pitch = new Float64Array(scenario.accounts.length);
  for (const plan of plans) {
    for (const [a, days] of Object.entries(plan.boardPitch)) {
      const ai = world.accountIndex.get(a);
      if (ai !== undefined) pitch[ai]! += days;
    }
  }
  const stream = subStream(quarterSeed, LABEL.board);
  const scored: { ai: number; score: number }[] = [];
  scenario.accounts.forEach((_, ai) => {
    const noise = lognormal(stream, scenario.model.boardNoise);
    const acc = accounts[ai]!;
    if (!acc.alive) return;
    const kam = scenario.kams[world.ownerOf[ai]!]!;
    scored.push({ ai, score: boardView(world, acc, ai, pitch[ai]!, kam.charisma) * noise });
  });
  scored.sort((a, b) => b.score - a.score || a.ai - b.ai);
  return scored
    .slice(0, max)
    .map((s) => s.ai)
    .sort((a, b) => a - b)
    .map((ai) => scenario.accounts[ai]!.id);
}
