/**
 * Whole runs on top of `step`: play to the end with AI seats, replay recorded
 * plans, and branch a counterfactual from a saved quarter under another
 * regime. Imports only src/sim.
 */
import { createRun, isFinished, step, type RunOptions } from './step.js';
import type { QuarterPlan, Regime, RunState, ScenarioInput } from './types.js';

/** Plays every remaining quarter; `plansFor(state)` gives the plans of seats someone plays (default: none). */
export function runToEnd(state: RunState, plansFor: (state: RunState) => readonly QuarterPlan[] = () => []): RunState {
  let s = state;
  while (!isFinished(s)) s = step(s, plansFor(s)).state;
  return s;
}

/** One complete run with every seat played by AI. */
export function simulate(scenario: ScenarioInput, options: RunOptions = {}): RunState {
  return runToEnd(createRun(scenario, options));
}

/** The scenario with another regime, everything else equal. */
export function withRegime(scenario: ScenarioInput, regime: Regime): ScenarioInput {
  return { ...scenario, company: { ...scenario.company, regime } };
}

/**
 * A counterfactual starting point: the state `from` (any quarter boundary)
 * under another regime, history up to `from` kept. Continue it with `step`,
 * replaying recorded plans through `fitPlan` where a person played.
 */
export function branch(from: RunState, regime: Regime): RunState {
  return { ...from, scenario: withRegime(from.scenario, regime) };
}

/** The plans the named seats submitted in each quarter of a run, keyed by quarter. */
export function recordedPlans(run: RunState, seats: readonly string[]): Map<number, QuarterPlan[]> {
  const out = new Map<number, QuarterPlan[]>();
  for (const rec of run.history) out.set(rec.quarter, rec.plans.filter((p) => seats.includes(p.kam)));
  return out;
}
