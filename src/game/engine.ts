/**
 * The game's only way to the engine: a Web Worker running workers/sim.worker.ts
 * behind comlink. The host is stateless, so every call carries the run state;
 * calls that only need the coming quarter send the state without its history
 * (the engine never reads it), which keeps messages small however long the
 * game has run.
 * Imports engine types only.
 */
import { wrap, type Remote } from 'comlink';
import type { EngineHost } from '../../workers/host';
import type { RunState } from '../sim/types';

export type Engine = Remote<EngineHost>;

let worker: Worker | null = null;
let engine: Engine | null = null;
const failures = new Set<(message: string) => void>();

export function startEngine(): Engine {
  if (engine) return engine;
  worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'two-fronts-engine' });
  worker.addEventListener('error', (e) => {
    for (const f of failures) f(e.message || 'worker error');
  });
  engine = wrap<EngineHost>(worker);
  return engine;
}

/** Called when the worker itself fails (not for illegal plans, which come back as data). */
export function onEngineFailure(f: (message: string) => void): void {
  failures.add(f);
}

/** The state at the quarter boundary without the record of past quarters. */
export function head(state: RunState): RunState {
  return { ...state, history: [] };
}
