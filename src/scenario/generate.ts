/**
 * Synthetic companies of any size, for benchmarks and scaling tests: KAMs,
 * accounts and departments with varied wallets, margins, growth and need
 * mixes, capacity set so demand exceeds it by a chosen factor. Deterministic
 * in its seed. May import src/sim.
 */
import seedrandom from 'seedrandom';
import { defaultModelParams, PERSONAS, type ScenarioInput } from '../sim/index.js';

export interface CompanySize {
  kams: number;
  accounts: number;
  departments: number;
  quarters: number;
  seed?: number;
  /** Demand / capacity; default 1.4. */
  scarcity?: number;
}

export function generateCompany(size: CompanySize): ScenarioInput {
  const rng = seedrandom.alea(`company:${size.seed ?? 1}`);
  const model = defaultModelParams();
  const departments = Array.from({ length: size.departments }, (_, d) => ({
    id: `dept-${d + 1}`,
    name: `Department ${d + 1}`,
    capacity: 0,
    unitCost: 0.6 + 0.6 * rng(),
    transferPrice: 1 + 0.6 * rng(),
    lobbyingSusceptibility: 0.6 + 0.8 * rng(),
    perceptionNoise: 0.1 + 0.3 * rng(),
  }));
  const demand = new Float64Array(size.departments);
  const accounts = Array.from({ length: size.accounts }, (_, a) => {
    const wallet = Math.round(100 + 900 * rng() ** 2);
    const needs: Record<string, number> = {};
    const count = 2 + Math.floor(rng() * 3);
    for (let k = 0; k < count; k++) {
      const d = Math.floor(rng() * size.departments);
      needs[departments[d]!.id] = (needs[departments[d]!.id] ?? 0) + 0.2 + rng();
    }
    const total = Object.values(needs).reduce((s, x) => s + x, 0);
    const rate = 1 + Math.floor(rng() * 3);
    for (const [id, x] of Object.entries(needs)) demand[departments.findIndex((d) => d.id === id)]! += (wallet * model.opportunityDays * rate * x) / total;
    return {
      id: `account-${a + 1}`,
      name: `Account ${a + 1}`,
      wallet,
      maxWallet: null,
      shareOfWallet: 0.15 + 0.3 * rng(),
      margin: 0.12 + 0.25 * rng(),
      growth: Math.round(rng() ** 2 * 0.12 * 1000) / 1000,
      satisfaction: 0.45 + 0.3 * rng(),
      needs,
      opportunitiesPerQuarter: rate,
    };
  });
  const scarcity = size.scarcity ?? 1.4;
  departments.forEach((d, i) => (d.capacity = Math.max(1, Math.round(demand[i]! / scarcity))));
  const fixedPersonas = PERSONAS.filter((p) => p !== 'adaptive');
  const kams = Array.from({ length: size.kams }, (_, k) => {
    const persona = PERSONAS[k % PERSONAS.length]!;
    return {
      id: `kam-${k + 1}`,
      name: `KAM ${k + 1}`,
      accounts: [] as string[],
      control: persona === 'adaptive' ? ('adaptive' as const) : ('persona' as const),
      persona: persona === 'adaptive' ? fixedPersonas[0]! : persona,
      charisma: 0.6 + 0.8 * rng(),
      businessCaseSkill: 0.2 + 0.7 * rng(),
      timeBudget: 60,
      relationships: Object.fromEntries(departments.map((d) => [d.id, 0.1 + 0.3 * rng()])),
    };
  });
  accounts.forEach((a, i) => kams[i % size.kams]!.accounts.push(a.id));
  return {
    id: `generated-${size.kams}-${size.accounts}-${size.departments}`,
    quarters: size.quarters,
    seed: size.seed ?? 1,
    company: {
      regime: 'departmental-pnl',
      matrixWeight: 0.5,
      interventions: { accountPnlMeasurement: false, kaAgendaItem: false, boardAccountPlans: false, priorityAccess: 0, crossFunctionalPool: 0 },
      sponsorship: { maxSponsored: Math.max(1, Math.round(size.accounts / 20)), boost: 1 },
      fixedCostPerQuarter: 0,
    },
    departments,
    accounts,
    kams: kams.map((k) => ({ ...k, persona: k.control === 'adaptive' ? 'adaptive' : k.persona })),
    model,
  };
}
