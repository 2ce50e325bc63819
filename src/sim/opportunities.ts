/**
 * Step 1 of a quarter: opportunities appear for every living account. Every
 * account draws the same number of uniforms whether alive or not, so runs that
 * differ in who churned still see the same opportunities elsewhere.
 * Imports only src/sim.
 */
import { LABEL, lognormal, subStream } from './rng.js';
import type { AccountState, Opportunity } from './types.js';
import type { World } from './world.js';

/** Opportunities per account are capped so a hostile rate cannot blow up a quarter. */
export const MAX_OPPORTUNITIES_PER_ACCOUNT = 12;

export function generateOpportunities(
  world: World,
  accounts: readonly AccountState[],
  quarterSeed: number,
  quarter: number,
): Opportunity[] {
  const { scenario } = world;
  const m = scenario.model;
  const stream = subStream(quarterSeed, LABEL.opportunities);
  const out: Opportunity[] = [];
  scenario.accounts.forEach((input, ai) => {
    const state = accounts[ai]!;
    const rate = input.opportunitiesPerQuarter;
    // The number of slots depends on the scenario only, and each slot takes a
    // fixed number of draws, which keeps the stream aligned across runs.
    const slots = Math.min(MAX_OPPORTUNITIES_PER_ACCOUNT, Math.ceil(rate));
    const count = Math.min(slots, Math.floor(rate + stream.next()));
    const mix = world.needMix[ai]!;
    for (let k = 0; k < slots; k++) {
      const size = lognormal(stream, m.opportunitySpread);
      const revenueNoise = lognormal(stream, m.opportunitySpread / 2);
      const upsideNoise = lognormal(stream, m.opportunitySpread);
      const jitter = mix.map(() => lognormal(stream, m.opportunitySpread / 2));
      if (k >= count || !state.alive) continue;
      const totalDays = state.wallet * m.opportunityDays * size;
      let mixTotal = 0;
      mix.forEach(([, share], i) => (mixTotal += share * jitter[i]!));
      const needs: Record<string, number> = {};
      mix.forEach(([di, share], i) => {
        needs[scenario.departments[di]!.id] = round2((totalDays * share * jitter[i]!) / mixTotal);
      });
      out.push({
        id: `${input.id}-q${quarter}-${k + 1}`,
        account: input.id,
        needs,
        revenue: round2(state.wallet * m.opportunityRevenue * size * revenueNoise),
        upside: round2(input.growth * state.wallet * input.margin * m.upsideScale * upsideNoise),
      });
    }
  });
  return out;
}

/** Opportunity figures are shown to players; two decimals keep them readable and exact in JSON. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
