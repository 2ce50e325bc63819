/**
 * Derived, read-only lookups over a scenario: id → index maps, which KAM owns
 * which account, whether the board and account measurement are active. Built
 * once per scenario object and cached, never stored in the run state.
 * Imports only src/sim.
 */
import type { Adoption } from './adoption.js';
import { reporterNames } from './reporters.js';
import { hash32 } from './rng.js';
import { Scratch } from './scratch.js';
import { doubles, integers, sparseList, values } from './shapes.js';
import { ADAPTIVE_RULES, ALLOCATION_MECHANISMS, MODEL_PARAM_NAMES, type AdaptiveRule, type AllocationMechanism, type ModelParams } from './params.js';
import { PERSONAS, REGIMES, type Persona, type Regime, type ScenarioInput } from './types.js';


/**
 * Every world's parameter object is a copy of this one, so all share one
 * hidden class with every number stored as a double. Copied straight from
 * the scenario, a parameter that is a whole number in one scenario and a
 * fraction in the next would give each its own class, and code optimised
 * for the first would be thrown away at the second.
 */
const MODEL_TEMPLATE: ModelParams = (() => {
  const t = { allocation: 'contest', adaptiveRule: 'roth-erev' } as ModelParams;
  for (const name of MODEL_PARAM_NAMES) t[name] = 0.5;
  return t;
})();

function modelOf(params: ModelParams): ModelParams {
  const out = { ...MODEL_TEMPLATE };
  for (const name of MODEL_PARAM_NAMES) out[name] = params[name];
  out.allocation = params.allocation;
  out.adaptiveRule = params.adaptiveRule;
  return out;
}

export interface World {
  readonly scenario: ScenarioInput;
  readonly deptIndex: ReadonlyMap<string, number>;
  readonly accountIndex: ReadonlyMap<string, number>;
  readonly kamIndex: ReadonlyMap<string, number>;
  /** Owner KAM index of each account. */
  readonly ownerOf: Int32Array;
  /** Account indices from the highest strategic growth potential down (ties in scenario order). */
  readonly byGrowth: readonly number[];
  /** Account indices of each KAM's portfolio. */
  readonly accountsOf: readonly (readonly number[])[];
  /** Each account's need mix normalised to sum 1, as [deptIndex, share] pairs in scenario department order. */
  readonly needMix: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Label hash of each department's perception noise. */
  readonly deptLabel: Uint32Array;
  /** Reporter names in canonical order. */
  readonly reporterNames: readonly string[];
  /**
   * The model parameters as an object with fast properties: a parameter
   * table filled key by key, or one that came from another thread, may be a
   * hash table inside V8, and every parameter read would be a lookup.
   */
  readonly model: ModelParams;
  /**
   * The scenario's choices as the engine's own string constants. Hot code
   * compares these; strings that arrived from a file or another thread would
   * be compared character by character.
   */
  readonly regime: Regime;
  readonly allocation: AllocationMechanism;
  readonly adaptiveRule: AdaptiveRule;
  /** Each seat's behaviour (adaptive for adaptive seats). */
  readonly personas: readonly Persona[];
  /** Working memory for the quarter being computed. */
  readonly scratch: Scratch;
  /**
   * Opportunity ids already written, per account, at quarter × 12 + slot:
   * every run of a scenario names its opportunities alike, so each id string
   * is built once per scenario rather than once per run.
   */
  readonly opportunityIds: string[][];
  /** Each quarter's adoption of the interventions, once worked out (see adoption.ts). */
  readonly adoptionByQuarter: Adoption[];
  /** The board reviews account plans and can sponsor accounts. */
  readonly boardActive: boolean;
}

const cache = new WeakMap<ScenarioInput, World>();

export function boardIsActive(regime: Regime, boardAccountPlans: boolean): boolean {
  return regime === 'exec-sponsored' || boardAccountPlans;
}

function indexOf(list: readonly { id: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < list.length; i++) out.set(list[i]!.id, i);
  return out;
}

export function worldOf(scenario: ScenarioInput): World {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const deptIndex = indexOf(scenario.departments);
  const accountIndex = indexOf(scenario.accounts);
  const kamIndex = indexOf(scenario.kams);
  const ownerOf = new Int32Array(scenario.accounts.length).fill(-1);
  scenario.kams.forEach((k, ki) => {
    for (const a of k.accounts) {
      const ai = accountIndex.get(a);
      if (ai !== undefined) ownerOf[ai] = ki;
    }
  });
  // Every list below is built by the shape builders: made with `map`, a list's
  // internal shape would depend on whether this function was running
  // optimised, and code compiled for one world's lists would be thrown away
  // at the next world's.
  const needMix = values(scenario.accounts.length, (ai) => {
    const needs = scenario.accounts[ai]!.needs;
    const need = (di: number) => needs[scenario.departments[di]!.id] ?? 0;
    // The departments it needs, in scenario order (a temporary list: only the pairs below are kept).
    const used = scenario.departments.map((_, di) => di).filter((di) => need(di) > 0);
    let total = 0;
    for (const di of used) total += need(di);
    return values(used.length, (k) => doubles(2, (j) => (j === 0 ? used[k]! : need(used[k]!) / total)) as unknown as readonly [number, number]);
  });
  const { regime, interventions } = scenario.company;
  const canonical = <T extends string>(list: readonly T[], value: T): T => list[list.indexOf(value)] ?? value;
  const world: World = {
    model: modelOf(scenario.model),
    regime: canonical(REGIMES, regime),
    allocation: canonical(ALLOCATION_MECHANISMS, scenario.model.allocation),
    adaptiveRule: canonical(ADAPTIVE_RULES, scenario.model.adaptiveRule),
    personas: values(scenario.kams.length, (ki) => {
      const k = scenario.kams[ki]!;
      return k.control === 'adaptive' ? 'adaptive' : canonical(PERSONAS, k.persona);
    }),
    scenario,
    deptIndex,
    accountIndex,
    kamIndex,
    ownerOf,
    byGrowth: integers(scenario.accounts.length, (i) => i).sort((a, b) => scenario.accounts[b]!.growth - scenario.accounts[a]!.growth || a - b),
    accountsOf: values(scenario.kams.length, (ki) => {
      const mine = scenario.kams[ki]!.accounts.map((a) => accountIndex.get(a)).filter((ai) => ai !== undefined);
      return integers(mine.length, (k) => mine[k]!);
    }),
    needMix,
    deptLabel: Uint32Array.from(scenario.departments, (d) => hash32(`noise:${d.id}`)),
    reporterNames: reporterNames(scenario),
    scratch: new Scratch(),
    opportunityIds: values(scenario.accounts.length, () => sparseList<string>()),
    adoptionByQuarter: sparseList<Adoption>(),
    boardActive: boardIsActive(regime, interventions.boardAccountPlans),
  };
  cache.set(scenario, world);
  return world;
}
