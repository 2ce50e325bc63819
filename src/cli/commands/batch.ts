/**
 * `two-fronts batch EXPERIMENT --out DIR`: the whole experiment (or one shard
 * of it) on a pool of worker threads, streaming rows to DIR with a progress
 * line; `--resume` finishes an interrupted folder.
 */
import { setFlagsFromString } from 'node:v8';
import { parseShard, replicatesPerPoint } from '../../experiment/plan.js';
import { warningLine } from '../../scenario/document.js';
import { runBatch } from '../batch-run.js';
import { UsageError } from '../errors.js';
import { readExperiment } from '../experiment-file.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/manifest.js';
import { Progress } from '../progress.js';
import { parseInteger } from '../scenario-file.js';
import { parseLang, t, tn, type Lang } from '../lang.js';
import type { Output } from './validate.js';

export interface BatchCliOptions {
  out: string;
  workers?: string;
  resume?: boolean;
  shard?: string;
  format?: string;
  quiet?: boolean;
  lang?: string;
}

export function parseFormats(text: string | undefined, lang: Lang = 'en'): OutputFormat[] {
  if (text === undefined) return ['csv'];
  const parts = text.split(',').map((s) => s.trim().toLowerCase());
  if (parts.every((p) => p === '')) throw new UsageError(t('cli.batch.format.none', {}, lang), lang);
  // `csv,,jsonl` or `csv,` is a slip (a format left out?), not a list to tidy up silently.
  if (parts.includes('')) throw new UsageError(t('cli.batch.format.empty', { value: text }, lang), lang);
  for (const p of parts) if (!(OUTPUT_FORMATS as readonly string[]).includes(p)) throw new UsageError(t('cli.batch.format.unknown', { format: p }, lang), lang);
  return OUTPUT_FORMATS.filter((f) => parts.includes(f));
}

/** The --workers value; undefined (automatic) when not given. */
export function parseWorkers(text: string | undefined, lang: Lang = 'en'): number | undefined {
  return text === undefined ? undefined : parseInteger('--workers', text, 1, 1024, lang);
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
  const lang = parseLang(opts.lang);
  const workers = parseWorkers(opts.workers, lang);
  const shard = opts.shard === undefined ? null : parseShard(opts.shard);
  if (opts.shard !== undefined && !shard) throw new UsageError(t('cli.batch.shard', { value: opts.shard }, lang), lang);
  const formats = opts.format === undefined ? undefined : parseFormats(opts.format, lang);
  const ctx = readExperiment(path, lang);
  // What the design does with what it has no use for as written, as validate says it (also with --quiet).
  for (const w of ctx.loaded.notes) io.err(warningLine(w, lang));
  const outcome = await runBatch(ctx, {
    out: opts.out,
    workers,
    resume: opts.resume ?? false,
    shard,
    formats,
    progress: Progress.modeFor(process.stderr, opts.quiet ?? false),
    stream: process.stderr,
    lang,
  });
  if (outcome.interrupted) return 130;
  if (!opts.quiet) {
    const m = outcome.manifest;
    // summarize --target-ci may have given some points more replicates than the experiment's own.
    const reps = replicatesPerPoint(m.plan, m.design.points);
    const least = Math.min(...reps);
    const most = Math.max(...reps);
    const replicates = least === most ? tn('cli.batch.replicates', least, {}, lang) : t('cli.batch.replicates.range', { least, most }, lang);
    const runs = tn('cli.batch.runs', m.runs, {}, lang);
    io.out(
      t('cli.batch.done', {
        id: m.experiment.id,
        runs: m.shard ? t('cli.batch.done.shard', { runs, index: String(m.shard.index), count: String(m.shard.count), total: m.planRuns }, lang) : runs,
        points: tn('cli.batch.points', m.design.points, {}, lang),
        replicates,
        files: m.files.join(', '),
        dir: outcome.dir,
      }, lang),
    );
  }
  return 0;
}
