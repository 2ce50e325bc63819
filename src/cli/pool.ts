/**
 * A pool of worker threads running the batch worker (the engine host plus
 * chunked runs) through comlink. `runOrdered` hands chunks to whichever
 * worker is free, keeps at most two in flight per worker so none idles while
 * the main thread writes, and delivers results strictly in submission order:
 * what reaches the disk never depends on which worker finished first. The
 * window of chunks out of order is bounded, and each worker thread is
 * replaced by a fresh one after a number of runs (its heap and allocator
 * arenas go with it, as with a process pool's max-tasks-per-child), so
 * memory stays flat however many runs there are. Results never depend on
 * which thread ran what.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { releaseProxy, wrap, type Remote } from 'comlink';
import { nodeEndpoint } from '../../workers/node-endpoint.js';
import type { BatchHost, ChunkRequest, ChunkResult } from './batch-host.js';
import { UserError } from './errors.js';
import { t, type Lang } from './lang.js';
import { ROOT } from './version.js';

export const BATCH_WORKER = join(ROOT, 'dist', 'workers', 'batch.worker.js');

interface Slot {
  /** Unique per thread started: a recycled slot gets a new id (its thread knows nothing yet). */
  id: number;
  worker: Worker;
  api: Remote<BatchHost>;
  inFlight: number;
  /** Runs given to this thread so far. */
  runs: number;
  failed: Error | null;
  reject: Set<(e: Error) => void>;
}

/** Runs a worker thread does before it is replaced by a fresh one. */
export const RECYCLE_AFTER_RUNS = 50_000;

/**
 * Heap limits of a worker thread. Without them V8 lets each thread's heap
 * grow with the allocation rate long after the live data stopped growing
 * (a run's live data is a few MB). The young generation is a trade-off: too
 * small and short-lived run data is promoted and collected by costly major
 * collections on background threads (a 6 MB young generation cost a third
 * of the throughput); 16 MB keeps peak memory for 100,000 runs within 1.5×
 * that for 1,000. The old-generation limit grows with the scenario, so large
 * companies still fit.
 */
export interface HeapLimits {
  youngMb: number;
  oldMb: number;
}

export function heapLimitsFor(scenarioJsonBytes: number): HeapLimits {
  return { youngMb: 16, oldMb: Math.ceil(96 + (64 * scenarioJsonBytes) / 1e6) };
}

export class WorkerPool {
  private slots: Slot[] = [];
  private started = 0;

  /**
   * `size` threads at most; `initial` of them start now, the others when
   * `grow` asks for them (a batch too short to repay a thread's start-up
   * never starts it).
   */
  constructor(
    readonly size: number,
    private readonly limits: HeapLimits = heapLimitsFor(0),
    private readonly recycleAfterRuns = RECYCLE_AFTER_RUNS,
    initial = size,
    private readonly lang: Lang = 'en',
  ) {
    if (!existsSync(BATCH_WORKER)) throw new UserError(t('cli.pool.notBuilt', { path: BATCH_WORKER }, lang), 3);
    for (let i = 0; i < Math.max(1, Math.min(size, initial)); i++) this.slots.push(this.spawn());
  }

  /** Threads running now. */
  get threads(): number {
    return this.slots.length;
  }

  /** Starts threads up to `size`; they take chunks from the next one handed out. */
  grow(): void {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(BATCH_WORKER, { resourceLimits: { maxYoungGenerationSizeMb: this.limits.youngMb, maxOldGenerationSizeMb: this.limits.oldMb } });
    const slot: Slot = { id: this.started++, worker, api: wrap<BatchHost>(nodeEndpoint(worker)), inFlight: 0, runs: 0, failed: null, reject: new Set() };
    const fail = (e: Error) => {
      slot.failed = e;
      for (const r of slot.reject) r(e);
      slot.reject.clear();
    };
    worker.on('error', (e) => {
      const err = e instanceof Error ? e : new Error(String(e));
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
        fail(new UserError(t('cli.pool.memory', { mb: String(this.limits.oldMb) }, this.lang), 3));
      else fail(err);
    });
    worker.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)));
    return slot;
  }

  /** Replaces worn threads that have nothing in flight. */
  private recycle(): void {
    this.slots.forEach((s, i) => {
      if (s.inFlight === 0 && !s.failed && s.runs >= this.recycleAfterRuns) {
        s.api[releaseProxy]();
        s.worker.removeAllListeners('exit');
        void s.worker.terminate();
        this.slots[i] = this.spawn();
      }
    });
  }

  private call(slot: Slot, req: ChunkRequest): Promise<ChunkResult> {
    if (slot.failed) return Promise.reject(slot.failed);
    return new Promise<ChunkResult>((resolve, reject) => {
      slot.reject.add(reject);
      slot.api.runChunk(req).then(
        (r) => {
          slot.reject.delete(reject);
          resolve(r);
        },
        (e: unknown) => {
          slot.reject.delete(reject);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /**
   * Runs every chunk `next(thread)` gives (until it returns null or `stop()`
   * says so) and calls `deliver` with the results in the order the chunks
   * were made. `thread` identifies the worker thread the chunk goes to, so
   * the caller can leave out what that thread already has. Resolves when all delivered; rejects on the first failure
   * (a chunk's run, `next` or `deliver` throwing) after delivering everything before it.
   */
  async runOrdered(next: (thread: number) => ChunkRequest | null, deliver: (result: ChunkResult, req: ChunkRequest) => void, stop: () => boolean = () => false): Promise<void> {
    const window = () => this.slots.length * 3;
    const done = new Map<number, { req: ChunkRequest; result: ChunkResult }>();
    let issued = 0;
    let delivered = 0;
    let exhausted = false;
    let failure: Error | null = null;
    let failedAt = Infinity;
    // A failure at chunk `seq` (its run, making it, or writing it): every chunk before it is still delivered, none after.
    const fail = (e: unknown, seq: number) => {
      if (!failure || seq < failedAt) {
        failure = e instanceof Error ? e : new Error(String(e));
        failedAt = seq;
      }
    };
    await new Promise<void>((resolveAll) => {
      const flush = () => {
        while (done.has(delivered)) {
          const { req, result } = done.get(delivered)!;
          done.delete(delivered);
          delivered++;
          if (failure && delivered > failedAt) continue;
          try {
            deliver(result, req);
          } catch (e) {
            fail(e, delivered - 1);
          }
        }
      };
      const pump = () => {
        flush();
        this.recycle();
        while (!failure && !exhausted && issued - delivered < window() && !stop()) {
          const slot = this.slots.filter((s) => !s.failed && s.inFlight < 2 && s.runs < this.recycleAfterRuns).sort((a, b) => a.inFlight - b.inFlight)[0];
          if (!slot) break;
          let req: ChunkRequest | null;
          try {
            req = next(slot.id);
          } catch (e) {
            fail(e, issued);
            break;
          }
          if (!req) {
            exhausted = true;
            break;
          }
          const seq = issued++;
          slot.inFlight++;
          slot.runs += req.runs.length;
          this.call(slot, req).then(
            (result) => {
              slot.inFlight--;
              done.set(seq, { req, result });
              pump();
            },
            (e: Error) => {
              slot.inFlight--;
              fail(e, seq);
              pump();
            },
          );
        }
        const inFlight = this.slots.reduce((n, s) => n + s.inFlight, 0);
        if (inFlight === 0) {
          flush();
          resolveAll();
        }
      };
      pump();
    });
    if (failure) throw failure;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (s) => {
        s.api[releaseProxy]();
        s.worker.removeAllListeners('exit');
        await s.worker.terminate();
      }),
    );
  }
}
