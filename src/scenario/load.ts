/**
 * Loading a scenario: text (YAML or JSON) → validated Scenario → the
 * ScenarioInput the engine runs. Errors are FileError with one
 * `FILE:LINE:COL: path: message` per problem. No Node imports: the game loads
 * a trainer's own file in the browser with the same code.
 */
import { checkFormat, readDocument, validateDocument } from './document.js';
import { resolveScenario } from './resolve.js';
import { crossReferences, SCENARIO_FORMAT, scenarioSchema, type Scenario } from './schema.js';
import type { ScenarioInput } from '../sim/types.js';

export interface LoadedScenario {
  /** The file as validated, texts and debrief included. */
  scenario: Scenario;
  /** What the engine runs. */
  input: ScenarioInput;
}

export function loadScenario(text: string, file = 'scenario.yaml'): LoadedScenario {
  const doc = readDocument(text, file);
  checkFormat(doc, SCENARIO_FORMAT);
  const scenario = validateDocument(doc, scenarioSchema, crossReferences);
  return { scenario, input: resolveScenario(scenario) };
}
