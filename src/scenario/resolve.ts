/**
 * From a validated scenario file to what the engine runs: every default
 * applied (relationship capital, need mix, model parameters), nothing left
 * optional. Also picks a scenario's text in a language.
 * May import src/sim.
 */
import { defaultModelParams, MODEL_PARAM_NAMES } from '../sim/params.js';
import type { ModelParams, ScenarioInput, Text } from '../sim/types.js';
import type { Language, Scenario } from './schema.js';

export const DEFAULT_RELATIONSHIP = 0.2;
export const DEFAULT_STAND_IN = 'adaptive';

export function resolveScenario(s: Scenario): ScenarioInput {
  const model: ModelParams = defaultModelParams();
  for (const name of MODEL_PARAM_NAMES) {
    const v = s.model[name];
    if (v !== undefined) model[name] = v;
  }
  if (s.model.allocation) model.allocation = s.model.allocation;
  if (s.model.adaptiveRule) model.adaptiveRule = s.model.adaptiveRule;
  const deptIds = s.departments.map((d) => d.id);
  return {
    id: s.id,
    quarters: s.quarters,
    seed: s.seed,
    company: {
      regime: s.company.regime,
      matrixWeight: s.company.matrixWeight,
      interventions: { ...s.company.interventions },
      sponsorship: { ...s.company.sponsorship },
      fixedCostPerQuarter: s.company.fixedCostPerQuarter,
    },
    departments: s.departments.map((d) => ({ ...d })),
    accounts: s.accounts.map((a) => {
      const raw = a.needs ?? Object.fromEntries(deptIds.map((d) => [d, 1]));
      const total = deptIds.reduce((sum, d) => sum + (raw[d] ?? 0), 0);
      const needs: Record<string, number> = {};
      for (const d of deptIds) if ((raw[d] ?? 0) > 0) needs[d] = raw[d]! / total;
      return {
        id: a.id,
        name: a.name,
        wallet: a.wallet,
        maxWallet: a.maxWallet ?? null,
        shareOfWallet: a.shareOfWallet,
        margin: a.margin,
        growth: a.growth,
        satisfaction: a.satisfaction,
        needs,
        opportunitiesPerQuarter: a.opportunitiesPerQuarter,
      };
    }),
    kams: s.kams.map((k) => {
      const relationships: Record<string, number> = {};
      for (const d of deptIds) relationships[d] = k.relationships[d] ?? DEFAULT_RELATIONSHIP;
      return {
        id: k.id,
        name: k.name,
        accounts: [...k.accounts],
        control: k.control,
        persona: k.control === 'adaptive' ? 'adaptive' : (k.persona ?? DEFAULT_STAND_IN),
        charisma: k.charisma,
        businessCaseSkill: k.businessCaseSkill,
        timeBudget: k.timeBudget,
        relationships,
      };
    }),
    model,
  };
}

/** Text in the wanted language, falling back to the other one where it is missing or blank. */
export function textIn(text: Text | undefined, lang: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const given = (x: string | undefined) => x !== undefined && x.trim() !== '';
  return [text[lang], text.en, text.nl].find(given) ?? text[lang] ?? text.en ?? text.nl ?? '';
}
