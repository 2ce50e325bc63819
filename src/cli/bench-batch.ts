/**
 * The batch part of `two-fronts bench`: an experiment of 2,000 runs of the
 * P&L-trap scenario (five regimes × 400 replicates; 400 runs with --quick) through the real batch
 * path (worker pool, ordered writing, CSV on disk) with one worker and with
 * every core, alternating and keeping each setting's best time, so a noisy
 * machine disturbs the figures as little as possible. Also checks that both
 * give the same runs.csv, and measures the machine's own parallel capacity
 * (pure arithmetic on N threads against one), since on a shared machine
 * that, not the program, bounds the speed-up.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import { nodeEndpoint, type NodePort } from '../../workers/node-endpoint.js';
import type { BatchHost, ChunkPoint, ChunkRequest } from './batch-host.js';
import { runBatch, defaultWorkers, layoutOf } from './batch-run.js';
import { experimentFromTexts, sha256, type ExperimentContext } from './experiment-file.js';
import { BATCH_WORKER } from './pool.js';
import { ROOT } from './version.js';

export interface BatchBench {
  scenario: string;
  runs: number;
  workers: number;
  oneWorker: number;
  manyWorkers: number;
  speedup: number;
  /**
   * The same speed-up over the second half of each batch only, when every
   * thread is past its start and its compiler's warm-up: what a long sweep
   * gets. The gap between the two is the threads' warm-up.
   */
  steadySpeedup: number;
  identical: boolean;
  /** How much faster N threads of pure arithmetic finish N units of work than one thread: what the machine can give. */
  capacity: number;
  /**
   * The same for the engine itself: N warmed-up batch worker threads running
   * runs with no output (no pool, no files, no text), against one. Memory-bound work gets
   * less from shared or hyper-threaded cores than arithmetic does; this is the
   * ceiling any batch can reach on this machine now.
   */
  engineCapacity: number;
}

/**
 * N bare engine threads against one: batch worker threads running chunks of
 * the experiment's first design point with no output, so neither text nor
 * files nor ordering is measured. The threads are started and warmed up
 * first (about two seconds, until the optimising compiler is done), then one
 * thread and all N run the same number of runs in turn, five times; the
 * median of the five ratios. Measuring both sides moments apart keeps a
 * machine whose speed drifts from tilting the figure either way.
 */
export async function engineCapacity(threads: number, ctx: ExperimentContext, runs: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(BATCH_WORKER));
  try {
    const hosts = workers.map((w) => wrap<BatchHost>(nodeEndpoint(w as unknown as NodePort)));
    const layout = layoutOf(ctx);
    const point: ChunkPoint = { point: 0, scenario: ctx.loaded.baseInput, cells: { csv: '', json: '' } };
    let seed = 1;
    const chunk = (n: number, first: boolean): ChunkRequest => ({
      layout,
      points: first ? [point] : [],
      runs: Array.from({ length: n }, (_, i) => ({ runId: seed, point: 0, replicate: i + 1, seed: seed++ })),
      csv: false,
      jsonl: false,
      perQuarter: false,
    });
    await Promise.all(
      hosts.map(async (h) => {
        const t = performance.now();
        for (let first = true; performance.now() - t < 2000; first = false) await h.runChunk(chunk(50, first));
      }),
    );
    const ratios: number[] = [];
    for (let r = 0; r < 5; r++) {
      let t0 = performance.now();
      await hosts[r % threads]!.runChunk(chunk(runs, false));
      const one = performance.now() - t0;
      t0 = performance.now();
      await Promise.all(hosts.map((h) => h.runChunk(chunk(runs, false))));
      ratios.push((threads * one) / (performance.now() - t0));
    }
    return ratios.sort((a, b) => a - b)[2]!;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Wall time (ms) for `threads` threads each doing the same fixed loop of integer arithmetic. */
async function spin(threads: number): Promise<number> {
  const code = `const { parentPort } = require('node:worker_threads'); let x = 0; for (let i = 0; i < 1.5e8; i++) x = (x * 1664525 + 1013904223) | 0; parentPort.postMessage(x);`;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
      const w = new Worker(code, { eval: true });
      w.once('message', () => void w.terminate().then(() => resolve()));
      w.once('error', reject);
    })),
  );
  return performance.now() - t0;
}

/**
 * The machine's parallel capacity right now: N threads of pure arithmetic
 * against one (best of three each). On an idle N-core machine this is close
 * to N; on a shared or oversubscribed one it is what any program can get.
 */
export async function parallelCapacity(threads: number): Promise<number> {
  let one = Infinity;
  let many = Infinity;
  for (let r = 0; r < 3; r++) {
    one = Math.min(one, await spin(1));
    many = Math.min(many, await spin(threads));
  }
  return (threads * one) / many;
}

/** Runs per second delivered over the second half of a batch (chunk delivery times in ms from the pool's start). */
export function secondHalfRate(chunks: readonly { runs: number; at: number }[]): number {
  const end = chunks.at(-1)?.at ?? 0;
  let runs = 0;
  for (const c of chunks) if (c.at > end / 2) runs += c.runs;
  return end > 0 ? runs / (end / 2000) : 0;
}

export async function benchBatch(opts: { quick?: boolean; workers?: number } = {}): Promise<BatchBench> {
  const replications = opts.quick ? 80 : 400;
  // A 12-quarter company (the P&L trap) when shipped: runs long enough that each thread's start and JIT warm-up
  // (about half a second) do not dominate; the tutorial otherwise.
  const preferred = join(ROOT, 'scenarios', 'pnl-trap.yaml');
  const scenarioPath = existsSync(preferred) ? preferred : join(ROOT, 'scenarios', 'tutorial.yaml');
  const scenarioText = readFileSync(scenarioPath, 'utf8');
  const text = `format: two-fronts/experiment@1\nid: bench\nscenario: ${JSON.stringify(scenarioPath)}\nreplications: ${replications}\nseed: 1\nfactors:\n  company.regime: [departmental-pnl, account-pnl, matrix, exec-sponsored, utilization]\nperQuarter: true\n`;
  const ctx = experimentFromTexts({ path: 'bench.yaml', sha256: sha256(text), text }, { path: scenarioPath, sha256: sha256(scenarioText), text: scenarioText });
  const runs = ctx.loaded.design.size * replications;
  const many = Math.max(2, opts.workers ?? defaultWorkers());
  const dir = mkdtempSync(join(tmpdir(), 'two-fronts-bench-'));
  const best = { 1: Infinity, [many]: Infinity } as Record<number, number>;
  const steady = { 1: 0, [many]: 0 } as Record<number, number>;
  const outputs: Record<number, string> = {};
  try {
    const rounds = opts.quick ? 1 : 3;
    for (let r = 0; r < rounds; r++) {
      for (const w of [1, many]) {
        const out = join(dir, `w${w}-${r}`);
        const chunks: { runs: number; at: number }[] = [];
        const t0 = performance.now();
        await runBatch(ctx, { out, workers: w, progress: 'quiet', trace: (c) => chunks.push(c) });
        best[w] = Math.min(best[w]!, (performance.now() - t0) / 1000);
        steady[w] = Math.max(steady[w]!, secondHalfRate(chunks));
        outputs[w] = readFileSync(join(out, 'runs.csv'), 'utf8');
        rmSync(out, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const oneWorker = runs / best[1]!;
  const manyWorkers = runs / best[many]!;
  const capacity = await parallelCapacity(many);
  const engine = await engineCapacity(many, ctx, opts.quick ? 150 : 300);
  return {
    scenario: ctx.loaded.scenario.id,
    runs,
    workers: many,
    oneWorker,
    manyWorkers,
    speedup: manyWorkers / oneWorker,
    steadySpeedup: steady[many]! / steady[1]!,
    identical: outputs[1] === outputs[many],
    capacity,
    engineCapacity: engine,
  };
}
