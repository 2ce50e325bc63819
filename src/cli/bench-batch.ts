/**
 * The batch part of `two-fronts bench`: an experiment of 500 tutorial runs
 * (five regimes × 100 replicates) through the real batch path (worker pool,
 * ordered writing, CSV on disk) with one worker and with every core,
 * alternating and keeping each setting's best time, so a noisy machine
 * disturbs the figures as little as possible. Also checks that both give
 * the same runs.csv.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch, defaultWorkers } from './batch-run.js';
import { experimentFromTexts, sha256 } from './experiment-file.js';
import { ROOT } from './version.js';

export interface BatchBench {
  runs: number;
  workers: number;
  oneWorker: number;
  manyWorkers: number;
  speedup: number;
  identical: boolean;
}

export async function benchBatch(opts: { quick?: boolean; workers?: number } = {}): Promise<BatchBench> {
  const replications = opts.quick ? 40 : 100;
  const scenarioPath = join(ROOT, 'scenarios', 'tutorial.yaml');
  const scenarioText = readFileSync(scenarioPath, 'utf8');
  const text = `format: two-fronts/experiment@1\nid: bench\nscenario: ${JSON.stringify(scenarioPath)}\nreplications: ${replications}\nseed: 1\nfactors:\n  company.regime: [departmental-pnl, account-pnl, matrix, exec-sponsored, utilization]\nperQuarter: true\n`;
  const ctx = experimentFromTexts({ path: 'bench.yaml', sha256: sha256(text), text }, { path: scenarioPath, sha256: sha256(scenarioText), text: scenarioText });
  const runs = ctx.loaded.design.size * replications;
  const many = Math.max(2, opts.workers ?? defaultWorkers());
  const dir = mkdtempSync(join(tmpdir(), 'two-fronts-bench-'));
  const best = { 1: Infinity, [many]: Infinity } as Record<number, number>;
  const outputs: Record<number, string> = {};
  try {
    const rounds = opts.quick ? 1 : 3;
    for (let r = 0; r < rounds; r++) {
      for (const w of [1, many]) {
        const out = join(dir, `w${w}-${r}`);
        const t0 = performance.now();
        await runBatch(ctx, { out, workers: w, progress: 'quiet' });
        best[w] = Math.min(best[w]!, (performance.now() - t0) / 1000);
        outputs[w] = readFileSync(join(out, 'runs.csv'), 'utf8');
        rmSync(out, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const oneWorker = runs / best[1]!;
  const manyWorkers = runs / best[many]!;
  return { runs, workers: many, oneWorker, manyWorkers, speedup: manyWorkers / oneWorker, identical: outputs[1] === outputs[many] };
}
