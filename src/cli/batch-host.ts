/**
 * What a batch worker thread does besides the engine host's own calls: runs a
 * chunk of an experiment with `engineHost.runMany` (record: 'reporters') and
 * formats the rows right there, so the main thread only puts text in order
 * and writes it. Plain data in, strings out.
 * Imports workers/host and the output layout.
 */
import { createRun, isFinished, reporterNames, resultHash, simulate, step, summaryValues, type ScenarioInput } from '../sim/index.js';
import { engineHost } from '../../workers/host.js';
import { quartersCsv, quartersJson, runCsv, runJson, type Layout, type PointCells, type RunRecord } from './output/layout.js';

export interface ChunkPoint {
  /** 0-based design point. */
  point: number;
  scenario: ScenarioInput;
  cells: PointCells;
}

export interface ChunkRun {
  runId: number;
  point: number;
  /** 1-based, as written. */
  replicate: number;
  seed: number;
}

export interface ChunkRequest {
  layout: Layout;
  points: ChunkPoint[];
  runs: ChunkRun[];
  csv: boolean;
  jsonl: boolean;
  perQuarter: boolean;
  /**
   * Design points whose first quarters this thread plays once, unrecorded,
   * before its first chunk (see warmUp).
   */
  warmUp?: ScenarioInput[];
}

export interface ChunkResult {
  runsCsv: string;
  quartersCsv: string;
  runsJsonl: string;
  quartersJsonl: string;
  /** Wall time in the worker, ms (for sizing chunks). */
  ms: number;
}

/**
 * The design points this thread has been sent, with where each recorded
 * metric sits in the engine's reporter rows. A thread serves one batch, and a
 * point's scenario arrives with the first chunk that needs it.
 */
const known = new Map<number, { point: ChunkPoint; index: number[] }>();

/** Quarters of each design point a thread plays before its first chunk. */
export const WARM_UP_QUARTERS = 3;

/**
 * Plays the first quarters of a few design points and throws the results
 * away. V8 optimises the engine from what it has seen run: a thread that
 * starts on one regime compiles code for that regime only, and discards and
 * recompiles it (about 100 ms of compiler time per large function) when the
 * next design point takes other paths. Seeing several points first, the
 * compiler gets it right the first time. Results are unaffected: runs share
 * no state.
 */
export function warmUp(scenarios: readonly ScenarioInput[]): void {
  for (const scenario of scenarios) {
    let state = createRun(scenario, { seed: 0, record: 'reporters' });
    for (let q = 0; q < WARM_UP_QUARTERS && !isFinished(state); q++) state = step(state).state;
  }
}

export function runChunk(req: ChunkRequest): ChunkResult {
  const t0 = performance.now();
  warmUp(req.warmUp ?? []);
  for (const p of req.points) {
    const names = reporterNames(p.scenario);
    known.set(p.point, { point: p, index: req.layout.metrics.map((m) => names.indexOf(m)) });
  }
  // Each run's text is one flat string; the chunk's are joined once at the end.
  const text = { runsCsv: [] as string[], quartersCsv: [] as string[], runsJsonl: [] as string[], quartersJsonl: [] as string[] };
  const { layout } = req;
  for (const run of req.runs) {
    const entry = known.get(run.point);
    if (!entry) throw new Error(`design point ${run.point + 1} was never sent to this thread`);
    const p = entry.point;
    const sim = simulate(p.scenario, { seed: run.seed, record: 'reporters' });
    const { final, cumulative } = summaryValues(sim);
    const index = entry.index;
    const record: RunRecord = {
      runId: run.runId,
      pointId: run.point + 1,
      replicate: run.replicate,
      seed: run.seed,
      final: index.map((i) => final[i]!),
      cumulative: index.map((i) => cumulative[i]!),
      hash: resultHash(sim),
      quarters: req.perQuarter ? sim.history.map((h) => index.map((i) => h.values[i]!)) : [],
    };
    if (req.csv) {
      text.runsCsv.push(runCsv(layout, p.cells, record));
      if (req.perQuarter) text.quartersCsv.push(quartersCsv(record));
    }
    if (req.jsonl) {
      text.runsJsonl.push(runJson(layout, p.cells, record));
      if (req.perQuarter) text.quartersJsonl.push(quartersJson(layout, record));
    }
  }
  return {
    runsCsv: text.runsCsv.join(''),
    quartersCsv: text.quartersCsv.join(''),
    runsJsonl: text.runsJsonl.join(''),
    quartersJsonl: text.quartersJsonl.join(''),
    ms: performance.now() - t0,
  };
}

export const batchHost = { ...engineHost, runChunk };
export type BatchHost = typeof batchHost;
