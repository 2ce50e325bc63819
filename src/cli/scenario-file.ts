/** Loading a scenario file for a command, with the overrides every command offers. */
import { closest } from '../scenario/schema.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { REGIMES, type Regime, type ScenarioInput } from '../sim/index.js';
import { UsageError } from './errors.js';
import { readUserFile, type UserFile } from './io.js';

export interface ScenarioFile extends LoadedScenario {
  file: UserFile;
}

export function readScenario(path: string): ScenarioFile {
  const file = readUserFile(path);
  return { file, ...loadScenario(file.text, path) };
}

export function parseInteger(name: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${name} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseRegime(value: string): Regime {
  if ((REGIMES as readonly string[]).includes(value)) return value as Regime;
  const guess = closest(value, REGIMES);
  throw new UsageError(`--regime must be one of ${REGIMES.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`);
}

export function applyOverrides(input: ScenarioInput, o: { quarters?: number; regime?: Regime }): ScenarioInput {
  let out = input;
  if (o.quarters !== undefined) out = { ...out, quarters: o.quarters };
  if (o.regime !== undefined) out = { ...out, company: { ...out.company, regime: o.regime } };
  return out;
}
