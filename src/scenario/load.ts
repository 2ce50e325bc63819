/**
 * Loading a scenario: text (YAML or JSON) → validated Scenario → the
 * ScenarioInput the engine runs. Errors are FileError with one
 * `FILE:LINE:COL: path: message` per problem. No Node imports: the game loads
 * a trainer's own file in the browser with the same code.
 */
import { checkFormat, readDocument, validateDocument, type FileIssue, type SourceDocument } from './document.js';
import { scenarioWarnings } from './warnings.js';
import { resolveScenario } from './resolve.js';
import { crossReferences, idSchema, SCENARIO_FORMAT, scenarioSchema, type Scenario } from './schema.js';
import type { Params } from '../i18n/index.js';
import type { ScenarioInput } from '../sim/types.js';

export interface LoadedScenario {
  /** The file as validated, texts and debrief included. */
  scenario: Scenario;
  /** What the engine runs. */
  input: ScenarioInput;
  /** What is allowed but probably not meant: a text in one language only in a bilingual file. */
  warnings: FileIssue[];
}

export function loadScenario(text: string, file = 'scenario.yaml'): LoadedScenario {
  const doc = readDocument(text, file);
  const scenario = validateScenarioDocument(doc);
  return { scenario, input: resolveScenario(scenario), warnings: scenarioWarnings(doc) };
}

/** A parsed scenario file checked: its format first, then the schema and every cross-reference. Throws FileError. */
export function validateScenarioDocument(doc: SourceDocument): Scenario {
  checkFormat(doc, SCENARIO_FORMAT);
  return validateDocument(doc, scenarioSchema, crossReferences, followsFromOther(doc.value));
}

/**
 * The cross-references not worth reporting while the file has other problems:
 * those into a list that is missing or no list (the schema names that), and
 * "belongs to no KAM" while some KAM's accounts are not a list of ids (the
 * account may be meant there).
 */
export function followsFromOther(value: unknown): (code: string, params: Params) => boolean {
  const v = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const listOf: Record<string, unknown> = { '@kind.department': v.departments, '@kind.account': v.accounts, '@kind.kam': v.kams };
  const ownersUnknown =
    !Array.isArray(v.kams) ||
    v.kams.some((k) => {
      const accounts = (k as { accounts?: unknown } | null)?.accounts;
      return !Array.isArray(accounts) || accounts.some((a) => !idSchema.safeParse(a).success);
    });
  return (code, params) => (code.startsWith('ref.unknown-') && !Array.isArray(listOf[String(params.kind)])) || (code === 'ref.unowned' && ownersUnknown);
}
