/**
 * `two-fronts batch EXPERIMENT --out DIR`: the whole experiment (or one shard
 * of it) on a pool of worker threads, streaming rows to DIR with a progress
 * line; `--resume` finishes an interrupted folder.
 */
import { setFlagsFromString } from 'node:v8';
import { parseShard } from '../../experiment/plan.js';
import { runBatch } from '../batch-run.js';
import { replicatesPerPoint } from '../../experiment/plan.js';
import { UsageError } from '../errors.js';
import { readExperiment } from '../experiment-file.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/manifest.js';
import { Progress } from '../progress.js';
import { parseInteger } from '../scenario-file.js';
import type { Output } from './validate.js';

export interface BatchCliOptions {
  out: string;
  workers?: string;
  resume?: boolean;
  shard?: string;
  format?: string;
  quiet?: boolean;
}

export function parseFormats(text: string | undefined): OutputFormat[] {
  if (text === undefined) return ['csv'];
  const parts = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 0) throw new UsageError('--format needs at least one of csv, jsonl, parquet');
  for (const p of parts) if (!(OUTPUT_FORMATS as readonly string[]).includes(p)) throw new UsageError(`--format: unknown format "${p}"; choose csv, jsonl or parquet (comma-separated for several)`);
  return OUTPUT_FORMATS.filter((f) => parts.includes(f));
}

/** The --workers value; undefined (automatic) when not given. */
export function parseWorkers(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseInteger('--workers', text, 1, 1024);
}

/**
 * The main thread of a batch only puts the workers' text in order and writes
 * it; a small young generation keeps its heap from growing with the number of
 * runs (the workers' heaps are bounded in the pool).
 */
function boundMainHeap(): void {
  setFlagsFromString('--max-semi-space-size=4');
}

export async function batchCommand(path: string, opts: BatchCliOptions, io: Output): Promise<number> {
  boundMainHeap();
  const workers = parseWorkers(opts.workers);
  const shard = opts.shard === undefined ? null : parseShard(opts.shard);
  if (opts.shard !== undefined && !shard) throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N (e.g. --shard 2/8), got "${opts.shard}"`);
  const formats = opts.format === undefined ? undefined : parseFormats(opts.format);
  const ctx = readExperiment(path);
  const outcome = await runBatch(ctx, {
    out: opts.out,
    workers,
    resume: opts.resume ?? false,
    shard,
    formats,
    progress: Progress.modeFor(process.stderr, opts.quiet ?? false),
    stream: process.stderr,
  });
  if (outcome.interrupted) return 130;
  if (!opts.quiet) {
    const m = outcome.manifest;
    // summarize --target-ci may have given some points more replicates than the experiment's own.
    const reps = replicatesPerPoint(m.plan, m.design.points);
    const least = Math.min(...reps);
    const most = Math.max(...reps);
    const replicates = least === most ? `${least} replicates` : `${least}–${most} replicates (more where summarize --target-ci added them)`;
    io.out(
      `${m.experiment.id}: ${m.runs.toLocaleString('en-US')} runs${m.shard ? ` (shard ${m.shard.index}/${m.shard.count} of ${m.planRuns.toLocaleString('en-US')})` : ''}` +
        ` · ${m.design.points.toLocaleString('en-US')} points × ${replicates} · ${m.files.join(', ')} in ${outcome.dir}`,
    );
  }
  return 0;
}
