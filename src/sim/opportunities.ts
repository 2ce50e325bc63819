/**
 * Step 1 of a quarter: opportunities appear for every living account. Every
 * account draws the same number of uniforms whether alive or not, so runs that
 * differ in who churned still see the same opportunities elsewhere.
 * Imports only src/sim.
 */
import { fillNormals, LABEL, subStream } from './rng.js';
import { doubles } from './shapes.js';
import type { AccountsState, Opportunity } from './types.js';
import type { World } from './world.js';
import { exp, pow } from './math.js';
import { footing } from './value.js';

/** Opportunities per account are capped so a hostile rate cannot blow up a quarter. */
export const MAX_OPPORTUNITIES_PER_ACCOUNT = 12;

export function generateOpportunities(
  world: World,
  accounts: AccountsState,
  quarterSeed: number,
  quarter: number,
): Opportunity[] {
  const { scenario } = world;
  const m = world.model;
  const D = scenario.departments.length;
  const stream = subStream(quarterSeed, LABEL.opportunities);
  const out: Opportunity[] = [];
  const spread = m.opportunitySpread;
  const half = spread / 2;
  // z[0] sizes the opportunity, z[1] its upside, z[2..] jitter each needed department.
  const z = world.scratch.fcap(D + 4);
  // Each opportunity's needs start as a copy of these zeros: one allocation of the exact size, unboxed doubles.
  const noNeeds = doubles(D, () => 0);
  for (let ai = 0; ai < scenario.accounts.length; ai++) {
    const input = scenario.accounts[ai]!;
    // A prospect's opportunities are sized by its foothold: pilots, not nothing.
    const ceiling = accounts.maxWallet[ai]!;
    const wallet = footing(m, accounts.wallet[ai]!, ceiling);
    const rate = input.opportunitiesPerQuarter;
    // The number of slots depends on the scenario only, and each slot takes a
    // fixed number of draws, which keeps the stream aligned across runs.
    const slots = Math.min(MAX_OPPORTUNITIES_PER_ACCOUNT, Math.ceil(rate));
    const count = Math.min(slots, Math.floor(rate + stream.next()));
    const mix = world.needMix[ai]!;
    const ids = world.opportunityIds[ai]!;
    const draws = 2 + mix.length;
    const opening = input.wallet > 0 ? input.wallet : m.prospectFoothold * ceiling;
    const start = opening > 0 ? opening : 1;
    // Capacity needs grow with the wallet, less than proportionally (scope economies).
    const baseDays = start * pow(wallet / start, m.capacityElasticity) * m.opportunityDays;
    for (let k = 0; k < slots; k++) {
      if (k >= count || !accounts.alive[ai]) {
        // An empty slot takes its draws all the same; only their values are not needed.
        for (let i = 0; i < draws; i++) stream.next();
        continue;
      }
      fillNormals(stream, z, draws);
      const size = exp(spread * z[0]!);
      const totalDays = baseDays * size;
      let mixTotal = 0;
      for (let i = 0; i < mix.length; i++) {
        z[2 + i] = mix[i]![1] * exp(half * z[2 + i]!);
        mixTotal += z[2 + i]!;
      }
      const needs = noNeeds.slice();
      for (let i = 0; i < mix.length; i++) needs[mix[i]![0]] = round2((totalDays * z[2 + i]!) / mixTotal);
      out.push({
        id: (ids[quarter * MAX_OPPORTUNITIES_PER_ACCOUNT + k] ??= `${input.id}-q${quarter}-${k + 1}`),
        account: input.id,
        slot: k + 1,
        needs,
        revenue: round2(wallet * m.opportunityRevenue * size),
        upside: round2(input.growth * wallet * input.margin * m.upsideScale * exp(spread * z[1]!)),
      });
    }
  }
  return out;
}

/** Opportunity figures are shown to players; two decimals keep them readable and exact in JSON. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
