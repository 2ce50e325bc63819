/**
 * Loading a scenario: text (YAML or JSON) → validated Scenario → the
 * ScenarioInput the engine runs. Errors are FileError with one
 * `FILE:LINE:COL: path: message` per problem. No Node imports: the game loads
 * a trainer's own file in the browser with the same code.
 */
import { checkFormat, readDocument, validateDocument, type SourceDocument } from './document.js';
import { resolveScenario } from './resolve.js';
import { crossReferences, SCENARIO_FORMAT, scenarioSchema, type Reference, type Scenario } from './schema.js';
import type { ScenarioInput } from '../sim/types.js';

export interface LoadedScenario {
  /** The file as validated, texts and debrief included. */
  scenario: Scenario;
  /** What the engine runs. */
  input: ScenarioInput;
}

export function loadScenario(text: string, file = 'scenario.yaml'): LoadedScenario {
  const scenario = validateScenarioDocument(readDocument(text, file));
  return { scenario, input: resolveScenario(scenario) };
}

/** A parsed scenario file checked: its format first, then the schema and every cross-reference. Throws FileError. */
export function validateScenarioDocument(doc: SourceDocument): Scenario {
  checkFormat(doc, SCENARIO_FORMAT);
  return validateDocument(doc, scenarioSchema, references);
}

/**
 * The cross-references worth reporting while the file has other problems:
 * not those into a list that is missing or no list (the schema names that),
 * and no account "belongs to no KAM" while some KAM's accounts are not a
 * list the file gives (they may be listed there).
 */
export function references(value: unknown): Reference[] {
  const v = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const noList = (kind: string) => !Array.isArray(v[kind === '@kind.department' ? 'departments' : kind === '@kind.account' ? 'accounts' : 'kams']);
  const owners = Array.isArray(v.kams) ? v.kams : [];
  const ownersUnknown =
    !Array.isArray(v.kams) || owners.some((k) => k === null || typeof k !== 'object' || !Array.isArray((k as { accounts?: unknown }).accounts));
  return crossReferences(value).filter((r) => {
    if (r.code.startsWith('ref.unknown-')) return !noList(String(r.params.kind));
    if (r.code === 'ref.unowned') return !ownersUnknown;
    return true;
  });
}
