/**
 * What a batch worker thread does besides the engine host's own calls: runs a
 * chunk of an experiment with `engineHost.runMany` (record: 'reporters') and
 * formats the rows right there, so the main thread only puts text in order
 * and writes it. Plain data in, strings out.
 * Imports workers/host and the output layout.
 */
import { reporterNames, type ScenarioInput } from '../sim/index.js';
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

export function runChunk(req: ChunkRequest): ChunkResult {
  const t0 = performance.now();
  const points = new Map(req.points.map((p) => [p.point, p]));
  // Where each recorded metric sits in the engine's reporter rows, per point.
  const indexOf = new Map(req.points.map((p) => {
    const names = reporterNames(p.scenario);
    return [p.point, req.layout.metrics.map((m) => names.indexOf(m))];
  }));
  const out: ChunkResult = { runsCsv: '', quartersCsv: '', runsJsonl: '', quartersJsonl: '', ms: 0 };
  const { layout } = req;
  for (const run of req.runs) {
    const p = points.get(run.point)!;
    const [result] = engineHost.runMany([{ scenario: p.scenario, seed: run.seed }]);
    const index = indexOf.get(run.point)!;
    const record: RunRecord = {
      runId: run.runId,
      pointId: run.point + 1,
      replicate: run.replicate,
      seed: run.seed,
      final: layout.metrics.map((m) => result!.summary.final[m]!),
      cumulative: layout.metrics.map((m) => result!.summary.cumulative[m]!),
      hash: result!.hash,
      quarters: req.perQuarter ? result!.quarters.map((row) => index.map((i) => row[i]!)) : [],
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
