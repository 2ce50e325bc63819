/**
 * Without --workers a batch starts on one thread and starts the others only
 * when the work left would repay their start-up.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChunkRequest } from '../../src/cli/batch-host.js';
import { layoutOf, runBatch } from '../../src/cli/batch-run.js';
import { readExperiment } from '../../src/cli/experiment-file.js';
import { WorkerPool } from '../../src/cli/pool.js';
import { ROOT } from '../helpers.js';

function sweep(dir: string, replications: number): string {
  const file = join(dir, `sweep-${replications}.yaml`);
  writeFileSync(
    file,
    `format: two-fronts/experiment@1\nid: auto\nscenario: ${JSON.stringify(join(ROOT, 'scenarios/tutorial.yaml'))}\nreplications: ${replications}\nset: { quarters: 2 }\nfactors:\n  company.regime: [departmental-pnl, matrix]\n`,
  );
  return file;
}

describe('automatic worker threads', () => {
  it('a pool starts the threads it was asked for now, and the rest when told to grow', async () => {
    const pool = new WorkerPool(3, undefined, undefined, 1);
    try {
      expect(pool.threads).toBe(1);
      pool.grow();
      expect(pool.threads).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('a chunk that cannot be made or written stops the pool cleanly: the chunks before it are delivered, the error is returned, nothing escapes', async () => {
    const ctx = readExperiment(sweep(mkdtempSync(join(tmpdir(), 'tf-pool-')), 4));
    const layout = layoutOf(ctx);
    const point = { point: 0, scenario: ctx.loaded.baseInput, cells: { csv: '', json: '' } };
    const unhandled: unknown[] = [];
    const record = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', record);
    try {
      for (const where of ['next', 'deliver'] as const) {
        const pool = new WorkerPool(1);
        let made = 0;
        const delivered: number[] = [];
        const next = (): ChunkRequest | null => {
          if (made === 6) return null;
          // The fourth chunk's design point turns out invalid (as PointCache.get throws).
          if (where === 'next' && made === 3) throw new Error('design point 4 makes the scenario invalid');
          made++;
          return { layout, points: made === 1 ? [point] : [], runs: [{ runId: made, point: 0, replicate: 1, seed: made }], csv: true, jsonl: false, perQuarter: false };
        };
        const deliver = (_: unknown, req: ChunkRequest) => {
          if (where === 'deliver' && req.runs[0]!.runId === 3) throw new Error('no space left on the disk');
          delivered.push(req.runs[0]!.runId);
        };
        try {
          await expect(pool.runOrdered(next, deliver)).rejects.toThrow(where === 'next' ? 'design point 4' : 'no space left');
          expect(delivered, where).toEqual(where === 'next' ? [1, 2, 3] : [1, 2]);
        } finally {
          await pool.close();
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });

  it('a small batch stays on one thread; one with work enough starts the others, and both write what one thread writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-auto-'));
    const file = sweep(dir, 60);
    const small: number[] = [];
    await runBatch(readExperiment(file), { out: join(dir, 'small'), trace: (c) => small.push(c.threads) });
    expect(small.length).toBeGreaterThan(1);
    expect(new Set(small)).toEqual(new Set([1]));
    // The same batch judged at once and with any work counted as enough.
    const grown: number[] = [];
    await runBatch(readExperiment(file), { out: join(dir, 'grown'), grow: { checkAfterMs: 0, workMs: 0 }, trace: (c) => grown.push(c.threads) });
    expect(Math.max(...grown)).toBe(Math.min(availableParallelism(), 120));
    expect(readFileSync(join(dir, 'grown/runs.csv'), 'utf8')).toBe(readFileSync(join(dir, 'small/runs.csv'), 'utf8'));
  }, 60_000);
});
