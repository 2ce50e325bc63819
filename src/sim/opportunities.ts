/**
 * Step 1 of a quarter: opportunities appear for every living account. Every
 * account draws the same number of uniforms whether alive or not, so runs that
 * differ in who churned still see the same opportunities elsewhere.
 * Imports only src/sim.
 */
import { LABEL, normalPair, subStream } from './rng.js';
import type { AccountsState, Opportunity } from './types.js';
import type { World } from './world.js';

/** Opportunities per account are capped so a hostile rate cannot blow up a quarter. */
export const MAX_OPPORTUNITIES_PER_ACCOUNT = 12;

export function generateOpportunities(
  world: World,
  accounts: AccountsState,
  quarterSeed: number,
  quarter: number,
): Opportunity[] {
  const { scenario } = world;
  const m = scenario.model;
  const D = scenario.departments.length;
  const stream = subStream(quarterSeed, LABEL.opportunities);
  const out: Opportunity[] = [];
  scenario.accounts.forEach((input, ai) => {
    const wallet = accounts.wallet[ai]!;
    const rate = input.opportunitiesPerQuarter;
    // The number of slots depends on the scenario only, and each slot takes a
    // fixed number of draws, which keeps the stream aligned across runs.
    const slots = Math.min(MAX_OPPORTUNITIES_PER_ACCOUNT, Math.ceil(rate));
    const count = Math.min(slots, Math.floor(rate + stream.next()));
    const mix = world.needMix[ai]!;
    const jitter = world.scratch.f(mix.length);
    const half = m.opportunitySpread / 2;
    for (let k = 0; k < slots; k++) {
      // A fixed number of draws per slot: two normals, then one per department pair.
      const [zSize, zUpside] = normalPair(stream);
      for (let i = 0; i < mix.length; i += 2) {
        const [x, y] = normalPair(stream);
        jitter[i] = Math.exp(half * x);
        if (i + 1 < mix.length) jitter[i + 1] = Math.exp(half * y);
      }
      if (k >= count || !accounts.alive[ai]) continue;
      const size = Math.exp(m.opportunitySpread * zSize);
      const start = input.wallet > 0 ? input.wallet : 1;
      const totalDays = start * Math.pow(wallet / start, m.capacityElasticity) * m.opportunityDays * size;
      let mixTotal = 0;
      for (let i = 0; i < mix.length; i++) mixTotal += mix[i]![1] * jitter[i]!;
      const needs: number[] = new Array<number>(D).fill(0);
      for (let i = 0; i < mix.length; i++) needs[mix[i]![0]] = round2((totalDays * mix[i]![1] * jitter[i]!) / mixTotal);
      out.push({
        id: `${input.id}-q${quarter}-${k + 1}`,
        account: input.id,
        needs,
        revenue: round2(wallet * m.opportunityRevenue * size),
        upside: round2(input.growth * wallet * input.margin * m.upsideScale * Math.exp(m.opportunitySpread * zUpside)),
      });
    }
  });
  return out;
}

/** Opportunity figures are shown to players; two decimals keep them readable and exact in JSON. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
