/** Loading a scenario file for a command, with the overrides every command offers. */
import { closest } from '../scenario/schema.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { REGIMES, type Regime, type ScenarioInput } from '../sim/index.js';
import { UsageError } from './errors.js';
import { readUserFile, type UserFile } from './io.js';
import { readIn, t, type Lang } from './lang.js';

export interface ScenarioFile extends LoadedScenario {
  file: UserFile;
}

/** The scenario in `path`; its problems are worded in `lang`. */
export function readScenario(path: string, lang: Lang = 'en'): ScenarioFile {
  return readIn(lang, () => {
    const file = readUserFile(path, lang);
    return { file, ...loadScenario(file.text, path) };
  });
}

export function parseInteger(name: string, value: string, min: number, max: number, lang: Lang = 'en'): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(t('cli.option.integer', { name, value }, lang), lang);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(t('cli.option.range', { name, min: String(min), max: String(max), n: String(n) }, lang), lang);
  return n;
}

/** A number above zero given on the command line (a usage error otherwise). */
export function parsePositive(name: string, value: string, lang: Lang = 'en'): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x <= 0) throw new UsageError(t('cli.option.positive', { name, value }, lang), lang);
  return x;
}

export function parseRegime(value: string, lang: Lang = 'en'): Regime {
  if ((REGIMES as readonly string[]).includes(value)) return value as Regime;
  const guess = closest(value, REGIMES);
  const regimes = REGIMES.join(', ');
  throw new UsageError(guess ? t('cli.option.regime.guess', { regimes, guess }, lang) : t('cli.option.regime', { regimes }, lang), lang);
}

export function applyOverrides(input: ScenarioInput, o: { quarters?: number; regime?: Regime }): ScenarioInput {
  let out = input;
  if (o.quarters !== undefined) out = { ...out, quarters: o.quarters };
  if (o.regime !== undefined) out = { ...out, company: { ...out.company, regime: o.regime } };
  return out;
}
