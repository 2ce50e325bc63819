/**
 * A run summed up: every reporter's final value and its run-level aggregate
 * (money flows summed over quarters, rates averaged, stocks at their last
 * value), following each reporter's `cumulative` rule. What `run` prints and
 * writes to summary.json, and what a batch writes per run.
 * Imports only src/sim.
 */
import { reporterSpec } from './reporters.js';
import type { RunState, ScenarioInput } from './types.js';
import { worldOf } from './world.js';

export interface RunSummary {
  /** Value in the last quarter played, by reporter name. */
  final: Record<string, number>;
  /** Over all quarters played: sum, mean or last value, by the reporter's rule. */
  cumulative: Record<string, number>;
}

const rulesCache = new WeakMap<ScenarioInput, ('sum' | 'mean' | 'last')[]>();

/** Each reporter's cumulative rule, in reporter order. */
function rulesOf(scenario: ScenarioInput): ('sum' | 'mean' | 'last')[] {
  let rules = rulesCache.get(scenario);
  if (!rules) rulesCache.set(scenario, (rules = worldOf(scenario).reporterNames.map((name) => reporterSpec(name)!.cumulative)));
  return rules;
}

/** Final and run-level values in reporter order (the lean form of `summarize`). */
export function summaryValues(run: RunState): { final: number[]; cumulative: number[] } {
  const rules = rulesOf(run.scenario);
  const n = run.history.length;
  const final: number[] = new Array<number>(rules.length);
  const cumulative: number[] = new Array<number>(rules.length);
  for (let i = 0; i < rules.length; i++) {
    let s = 0;
    for (let q = 0; q < n; q++) s += run.history[q]!.values[i]!;
    const last = n > 0 ? run.history[n - 1]!.values[i]! : 0;
    final[i] = last;
    const rule = rules[i];
    cumulative[i] = rule === 'sum' ? s : rule === 'mean' ? (n > 0 ? s / n : 0) : last;
  }
  return { final, cumulative };
}

export function summarize(run: RunState): RunSummary {
  const names = worldOf(run.scenario).reporterNames;
  const { final, cumulative } = summaryValues(run);
  const out: RunSummary = { final: {}, cumulative: {} };
  names.forEach((name, i) => {
    out.final[name] = final[i]!;
    out.cumulative[name] = cumulative[i]!;
  });
  return out;
}
