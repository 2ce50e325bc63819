import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { wrap, type Remote } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, resultHash, type RunState } from '../../src/sim/index.js';
import { nodeEndpoint, type NodePort } from '../../workers/node-endpoint.js';
import type { EngineHost } from '../../workers/host.js';
import { ROOT, shipped } from '../helpers.js';

const WORKER = join(ROOT, 'dist/workers/sim.worker.js');
let worker: Worker;
let host: Remote<EngineHost>;

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('dist/ is missing: run npm run build first (npm test does)');
  worker = new Worker(WORKER);
  host = wrap<EngineHost>(nodeEndpoint(worker as unknown as NodePort));
});

afterAll(async () => {
  await worker.terminate();
});

describe('workers/sim.worker.ts in a Node worker thread', () => {
  it('plays a full scenario quarter by quarter with results bit-identical to the in-process run', async () => {
    const { input } = shipped('growth-market');
    let state: RunState = await host.start(input, { seed: 77 });
    while (state.quarter < input.quarters) {
      const out = await host.step(state, []);
      if (!out.ok) throw new Error('step failed');
      state = out.state;
    }
    const local = simulate(input, { seed: 77 });
    expect(resultHash(state)).toBe(resultHash(local));
    expect(JSON.stringify(state.history)).toBe(JSON.stringify(local.history));
  });

  it('runs whole AI-only runs with the same hashes as in-process', async () => {
    const { input } = shipped('tutorial');
    const results = await host.runMany([1, 2, 3].map((seed) => ({ scenario: input, seed })));
    expect(results.map((r) => r.hash)).toEqual([1, 2, 3].map((seed) => resultHash(simulate(input, { seed }))));
  });

  it('returns validation problems of a scenario file as data', async () => {
    const r = await host.load('format: two-fronts/scenario@1\nid: x\n', 'mine.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.file).toBe('mine.yaml');
  });
});
