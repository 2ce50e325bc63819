/**
 * A run summed up: every reporter's final value and its run-level aggregate
 * (money flows summed over quarters, rates averaged, stocks at their last
 * value), following each reporter's `cumulative` rule. What `run` prints and
 * writes to summary.json, and what a batch writes per run.
 * Imports only src/sim.
 */
import { reporterNames, reporterSpec } from './reporters.js';
import type { RunState } from './types.js';

export interface RunSummary {
  /** Value in the last quarter played, by reporter name. */
  final: Record<string, number>;
  /** Over all quarters played: sum, mean or last value, by the reporter's rule. */
  cumulative: Record<string, number>;
}

export function summarize(run: RunState): RunSummary {
  const names = reporterNames(run.scenario);
  const final: Record<string, number> = {};
  const cumulative: Record<string, number> = {};
  const n = run.history.length;
  names.forEach((name, i) => {
    let s = 0;
    for (const rec of run.history) s += rec.values[i]!;
    const last = n > 0 ? run.history[n - 1]!.values[i]! : 0;
    final[name] = last;
    const rule = reporterSpec(name)!.cumulative;
    cumulative[name] = rule === 'sum' ? s : rule === 'mean' ? (n > 0 ? s / n : 0) : last;
  });
  return { final, cumulative };
}
