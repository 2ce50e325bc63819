/**
 * What a batch worker thread does besides the engine host's own calls: runs a
 * chunk of an experiment with `engineHost.runMany` (record: 'reporters') and
 * formats the rows right there, so the main thread only puts text in order
 * and writes it. Plain data in, strings out.
 * Imports workers/host and the output layout.
 */
import { reporterNames, resultHash, simulate, summaryValues, type ScenarioInput } from '../sim/index.js';
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

export function runChunk(req: ChunkRequest): ChunkResult {
  const t0 = performance.now();
  for (const p of req.points) {
    const names = reporterNames(p.scenario);
    known.set(p.point, { point: p, index: req.layout.metrics.map((m) => names.indexOf(m)) });
  }
  const out: ChunkResult = { runsCsv: '', quartersCsv: '', runsJsonl: '', quartersJsonl: '', ms: 0 };
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
      out.runsCsv += runCsv(layout, p.cells, record);
      if (req.perQuarter) out.quartersCsv += quartersCsv(record);
    }
    if (req.jsonl) {
      out.runsJsonl += runJson(layout, p.cells, record);
      if (req.perQuarter) out.quartersJsonl += quartersJson(layout, record);
    }
  }
  out.ms = performance.now() - t0;
  return out;
}

export const batchHost = { ...engineHost, runChunk };
export type BatchHost = typeof batchHost;
