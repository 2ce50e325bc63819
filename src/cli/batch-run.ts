/**
 * Running an experiment's plan into an output folder: the heart of
 * `two-fronts batch` (and of `summarize --target-ci`, which grows the plan).
 *
 * Rows reach the disk in plan order whatever the number of workers, each
 * chunk in one append per file, quarters before runs. After a `kill -9` the
 * files hold a prefix of the plan, maybe with a torn last line; resuming
 * checks that prefix run by run, cuts every file back to the runs complete
 * in all of them, re-checks one run against the engine, and goes on from
 * there. The manifest (written atomically) says which experiment the folder
 * belongs to; another experiment is refused.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pointKey, runSeed, SEED_RULE_TEXT } from '../experiment/seeds.js';
import { levelsOf, type FactorValue } from '../experiment/factors.js';
import { pointScenario, PointError, pointValues, problemText } from '../experiment/load.js';
import { planSize, shardRuns, shardSize, type PlannedRun, type PlanSegment, type Shard } from '../experiment/plan.js';
import { resultHash, simulate, type ScenarioInput } from '../sim/index.js';
import type { ChunkPoint, ChunkRequest, ChunkResult } from './batch-host.js';
import { UserError } from './errors.js';
import type { ExperimentContext } from './experiment-file.js';
import { ensureDir } from './io.js';
import { t, tn, type Lang } from './lang.js';
import type { Params } from '../i18n/index.js';
import { AppendFile, countLines, parseCsvLine, readLines, truncateFile } from './output/files.js';
import { csvHeader, factorColumnType, makeLayout, pointCells, type Layout, type PointCells } from './output/layout.js';
import { BATCH_FORMAT, fileNames, finishCommand, MANIFEST, readManifest, writeManifest, type Manifest, type OutputFormat } from './output/manifest.js';
import { quarterColumnKinds, runColumnKinds, writeParquetFrom } from './output/parquet.js';
import { heapLimitsFor, WorkerPool } from './pool.js';
import { resumeRefusal } from './resume-changes.js';
import { Progress, type ProgressMode, type ProgressStream } from './progress.js';
import { gitCommit, toolVersion } from './version.js';

export interface BatchOptions {
  out: string;
  workers?: number;
  resume?: boolean;
  shard?: Shard | null;
  formats?: OutputFormat[];
  progress?: ProgressMode;
  stream?: ProgressStream;
  /** Label of the progress line. */
  label?: string;
  /** Grown plan (summarize --target-ci); default: the manifest's, else the base plan. */
  plan?: PlanSegment[];
  /** Internal: the folder already holds this experiment and the caller checked it. */
  extend?: boolean;
  /** Internal: when an automatic batch judges the work left, and above what it starts more threads (ms; tests set these). */
  grow?: { checkAfterMs: number; workMs: number };
  /** Called for every chunk delivered: runs in it, the worker's time for it (ms), wall time since the pool started (ms), and threads running. */
  trace?: (chunk: { runs: number; ms: number; at: number; threads: number }) => void;
  /** The language of the progress lines and the messages (default en). */
  lang?: Lang;
  /**
   * The line said on a stop, given the runs written and the runs planned; default the batch's own,
   * `stopped at N of M runs; continue with: two-fronts batch … --resume` (summarize --target-ci says to run it again instead).
   */
  stoppedMessage?: (done: number, total: number) => string;
}

export interface BatchOutcome {
  dir: string;
  manifest: Manifest;
  /** Runs done before this call (resumed). */
  resumedFrom: number;
  ran: number;
  /** Stopped by Ctrl-C or SIGTERM: the folder is left unfinished, even when every run was written. */
  interrupted: boolean;
}

const WARM_UP_POINTS = 8;

/** The design points a fresh thread warms up on (see batch-host's warmUp): up to eight, spread evenly over the design. */
export function warmUpPoints(size: number): number[] {
  const n = Math.min(size, WARM_UP_POINTS);
  return Array.from({ length: n }, (_, k) => Math.floor((k * size) / n));
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function layoutOf(ctx: ExperimentContext): Layout {
  const { loaded } = ctx;
  return makeLayout(
    loaded.metrics,
    loaded.factors.map((f) => f.column),
    loaded.factors.map((f) => factorColumnType(f.spec.kind === 'levels' ? f.spec.levels : levelsOf(f.spec))),
  );
}

/** Design points' scenarios and cells, computed on demand and kept for the points in use. */
export class PointCache {
  private cache = new Map<number, { scenario: ScenarioInput; cells: PointCells; key: string; values: FactorValue[] }>();

  constructor(
    private readonly ctx: ExperimentContext,
    private readonly layout: Layout,
    private readonly capacity = 256,
    private readonly lang: Lang = 'en',
  ) {}

  get(point: number): { scenario: ScenarioInput; cells: PointCells; key: string; values: FactorValue[] } {
    let hit = this.cache.get(point);
    if (hit) {
      this.cache.delete(point);
      this.cache.set(point, hit);
      return hit;
    }
    const { loaded } = this.ctx;
    const values = loaded.design.values(point);
    let scenario: ScenarioInput;
    try {
      scenario = pointScenario(loaded, point, values);
    } catch (e) {
      if (e instanceof PointError) {
        const shown = pointValues(loaded.factors, values);
        const problems = e.issues.map((p) => problemText(p, this.lang)).join('; ');
        throw new UserError(t('cli.batch.pointInvalid', { file: this.ctx.experimentFile.path, point: String(point + 1), values: shown, problems }, this.lang));
      }
      throw e;
    }
    hit = { scenario, cells: pointCells(this.layout, values), key: pointKey(loaded.factors.map((f) => f.path), values), values };
    this.cache.set(point, hit);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    return hit;
  }
}

export function seedOf(ctx: ExperimentContext, cache: PointCache, run: PlannedRun): number {
  return runSeed(ctx.loaded.experiment.seed, cache.get(run.point).key, run.replicate + 1);
}

function newManifest(ctx: ExperimentContext, layout: Layout, plan: PlanSegment[], shard: Shard | null, formats: OutputFormat[]): Manifest {
  const { loaded } = ctx;
  const e = loaded.experiment;
  return {
    format: BATCH_FORMAT,
    tool: 'two-fronts',
    version: toolVersion(),
    gitCommit: gitCommit(),
    node: process.versions.node,
    command: 'batch',
    status: 'running',
    started: new Date().toISOString(),
    finished: null,
    resumes: [],
    experiment: { id: e.id, title: e.title ?? null, path: ctx.experimentFile.path, absolutePath: resolve(ctx.experimentFile.path), sha256: ctx.experimentFile.sha256, contentHash: loaded.contentHash, text: ctx.experimentFile.text },
    scenario: { id: loaded.scenario.id, path: ctx.scenarioFile.path, sha256: ctx.scenarioFile.sha256, text: ctx.scenarioFile.text },
    design: {
      type: loaded.design.type,
      points: loaded.design.size,
      factors: loaded.factors.map((f) => ({ path: f.path, column: f.column, spec: f.spec, categorical: f.categorical })),
      samples: e.design.samples ?? null,
      levels: e.design.type === 'morris' ? (e.design.levels ?? 4) : null,
      bootstrap: e.design.bootstrap,
    },
    replications: e.replications,
    seed: e.seed,
    seedRule: SEED_RULE_TEXT,
    metrics: loaded.metrics,
    perQuarter: e.perQuarter,
    plan,
    planRuns: planSize(plan),
    shard,
    runs: shardSize(plan, shard),
    formats,
    files: fileNames(formats, e.perQuarter).files,
    columns: { runs: layout.runColumns, quarters: e.perQuarter ? layout.quarterColumns : [] },
    rows: null,
  };
}

const runIdOf = (kind: 'csv' | 'jsonl', text: string): number => {
  if (kind === 'csv') {
    const comma = text.indexOf(',');
    return Number(comma < 0 ? text : text.slice(0, comma));
  }
  const m = /^\{"run_id":(\d+)[,}]/.exec(text);
  return m ? Number(m[1]) : NaN;
};

interface TextFile {
  path: string;
  kind: 'csv' | 'jsonl';
  table: 'runs' | 'quarters';
  header: string;
}

/** Why a folder cannot be resumed, in `lang`. */
const cannotResume = (lang: Lang, key: string, params: Params) => new UserError(t(`cli.batch.resume.${key}`, params, lang));

/**
 * Finds how many of the shard's runs every file holds completely, checks
 * they are the right runs in the right order, and cuts all files back to
 * exactly that many. Returns the count.
 */
function reconcile(files: TextFile[], expected: () => Generator<PlannedRun>, quartersOf: (run: PlannedRun) => number, lang: Lang): number {
  let done = Infinity;
  const headerEnd = new Map<string, number>();
  for (const f of files) {
    if (!existsSync(f.path)) {
      done = 0;
      continue;
    }
    const lines = readLines(f.path);
    let start = 0;
    if (f.kind === 'csv') {
      const first = lines.next();
      if (first.done) {
        done = 0;
        headerEnd.set(f.path, -1);
        continue;
      }
      if (first.value.text + '\n' !== f.header) throw cannotResume(lang, 'columns', { path: f.path });
      start = first.value.end;
    }
    headerEnd.set(f.path, start);
    const runs = expected();
    let count = 0;
    let line = 0;
    if (f.table === 'runs') {
      for (const l of lines) {
        line++;
        const want = runs.next();
        const got = runIdOf(f.kind, l.text);
        if (want.done || got !== want.value.runId) {
          if (want.done) throw cannotResume(lang, 'moreRuns', { path: f.path, count: String(count) });
          throw cannotResume(lang, 'wrongRun', { path: f.path, row: String(line), got: Number.isNaN(got) ? t('cli.batch.resume.unreadable', {}, lang) : String(got), want: String(want.value.runId) });
        }
        count++;
      }
    } else {
      let current = runs.next();
      let rowsOfRun = 0;
      for (const l of lines) {
        line++;
        if (current.done) throw cannotResume(lang, 'moreRows', { path: f.path });
        const got = runIdOf(f.kind, l.text);
        if (got !== current.value.runId) throw cannotResume(lang, 'rowRun', { path: f.path, row: String(line), got: String(got), want: String(current.value.runId) });
        rowsOfRun++;
        if (rowsOfRun === quartersOf(current.value)) {
          count++;
          rowsOfRun = 0;
          current = runs.next();
        }
      }
    }
    done = Math.min(done, count);
  }
  if (!Number.isFinite(done)) done = 0;
  // Cut every file back to `done` runs.
  for (const f of files) {
    if (!existsSync(f.path)) continue;
    const start = headerEnd.get(f.path)!;
    if (start < 0) {
      truncateFile(f.path, 0);
      continue;
    }
    let end = start;
    if (done > 0) {
      const runs = expected();
      let left = done;
      let current = runs.next();
      let rowsOfRun = 0;
      const lines = readLines(f.path, start);
      for (const l of lines) {
        if (f.table === 'runs') {
          end = l.end;
          if (--left === 0) break;
        } else {
          rowsOfRun++;
          if (rowsOfRun === quartersOf(current.value!)) {
            end = l.end;
            rowsOfRun = 0;
            current = runs.next();
            if (--left === 0) break;
          }
        }
      }
    }
    if (statSync(f.path).size !== end) truncateFile(f.path, end);
  }
  return done;
}

function assertFolderUsable(dir: string, lang: Lang): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UserError(t('cli.batch.out.notFolder', { dir }, lang));
  const entries = readdirSync(dir).filter((f) => !f.startsWith('.'));
  if (entries.length > 0 && !entries.includes(MANIFEST)) throw new UserError(t('cli.batch.out.notEmpty', { dir }, lang));
}

/** Runs (or finishes) the plan into `opts.out`. */
/**
 * Fewest runs in a chunk: the first chunks of a fresh thread run before its
 * code is compiled and would otherwise talk the estimate down to one run per
 * message.
 */
const MIN_CHUNK = 8;

/** Single-thread work left (ms, at the latest chunk's pace) above which an automatic batch starts its other threads. */
export const GROW_AFTER_MS = 3000;
/** How long an automatic batch runs on one thread before it judges the work left (ms). */
const GROW_CHECK_AFTER_MS = 1000;

export async function runBatch(ctx: ExperimentContext, opts: BatchOptions): Promise<BatchOutcome> {
  const dir = opts.out;
  const lang = opts.lang ?? 'en';
  const { loaded } = ctx;
  const e = loaded.experiment;
  const layout = layoutOf(ctx);
  assertFolderUsable(dir, lang);
  const existing = readManifest(dir, lang);
  let manifest: Manifest;
  if (existing) {
    if (!opts.resume && !opts.extend) throw new UserError(t('cli.batch.exists', { dir, id: existing.experiment.id, status: t(`cli.status.${existing.status}`, {}, lang) }, lang));
    if (existing.experiment.contentHash !== loaded.contentHash) throw new UserError(resumeRefusal(existing, ctx, dir, lang));
    const shard = opts.shard ?? null;
    const same = (a: Shard | null, b: Shard | null) => (a === null && b === null) || (a !== null && b !== null && a.index === b.index && a.count === b.count);
    const shardName = (x: Shard) => t('cli.batch.shardName', { index: String(x.index), count: String(x.count) }, lang);
    if (!same(existing.shard, shard))
      throw cannotResume(lang, 'shard', {
        dir,
        holds: existing.shard ? shardName(existing.shard) : t('cli.batch.whole.noShard', {}, lang),
        wanted: shard ? shardName(shard) : t('cli.batch.whole', {}, lang),
      });
    if (opts.formats && opts.formats.join(',') !== existing.formats.join(',')) throw cannotResume(lang, 'formats', { dir, formats: existing.formats.join(',') });
    manifest = { ...existing, status: 'running', finished: null, rows: null };
    if (opts.plan) {
      manifest.plan = opts.plan;
      manifest.planRuns = planSize(opts.plan);
      manifest.runs = shardSize(opts.plan, existing.shard);
    }
  } else {
    const plan = opts.plan ?? [{ kind: 'grid' as const, points: loaded.design.size, from: 0, to: e.replications }];
    manifest = newManifest(ctx, layout, plan, opts.shard ?? null, opts.formats ?? ['csv']);
  }
  ensureDir(dir, lang);
  const shard = manifest.shard;
  const { text } = fileNames(manifest.formats, manifest.perQuarter);
  const files: TextFile[] = [];
  for (const kind of text) {
    files.push({ path: join(dir, `runs.${kind}`), kind, table: 'runs', header: csvHeader(layout.runColumns) });
    if (manifest.perQuarter) files.push({ path: join(dir, `quarters.${kind}`), kind, table: 'quarters', header: csvHeader(layout.quarterColumns) });
  }

  const cache = new PointCache(ctx, layout, undefined, lang);
  const quartersTouched = loaded.factors.some((f) => f.path === 'quarters');
  const quartersOf = (run: PlannedRun) => (quartersTouched ? cache.get(run.point).scenario.quarters : loaded.baseInput.quarters);
  const plan = manifest.plan;
  const total = manifest.runs;

  const done = existing ? reconcile(files, () => shardRuns(plan, shard), quartersOf, lang) : 0;
  if (existing && done > 0) {
    // The engine must still give the same results as when the folder was started.
    const first = shardRuns(plan, shard).next().value!;
    const csvRuns = files.find((f) => f.table === 'runs')!;
    const row = readLines(csvRuns.path, 0);
    if (csvRuns.kind === 'csv') row.next();
    const line = row.next().value!.text;
    const recorded = csvRuns.kind === 'csv' ? parseCsvLine(line).at(-1) : (JSON.parse(line) as { result_hash: string }).result_hash;
    const again = resultHash(simulate(cache.get(first.point).scenario, { seed: seedOf(ctx, cache, first), record: 'reporters' }));
    if (again !== recorded)
      throw cannotResume(lang, 'engine', {
        dir,
        run: String(first.runId),
        now: again,
        then: String(recorded),
        version: manifest.version,
        commit: manifest.gitCommit ?? t('cli.batch.commit.unknown', {}, lang),
      });
  }
  if (existing) manifest.resumes = [...manifest.resumes, { at: new Date().toISOString(), doneBefore: done }];

  const mode = opts.progress ?? 'quiet';
  const label = opts.label ?? 'batch';
  const progress = new Progress(label, total, done, mode, lang, opts.stream ?? process.stderr);
  let written = done;
  let stopRequested = false;
  const command = finishCommand({ path: ctx.experimentFile.path, absolutePath: resolve(ctx.experimentFile.path) }, dir, shard);
  // Said on every stop, also with --quiet and at a second Ctrl-C: the runs written so far and how to go on.
  const stoppedMessage = opts.stoppedMessage ?? ((n: number, m: number) => t('cli.batch.stopped', { done: n, total: m, command }, lang));
  const sayStopped = () => progress.stopped(stoppedMessage(written, total));
  const onSignal = () => {
    if (stopRequested) {
      sayStopped();
      process.exit(130);
    }
    stopRequested = true;
    if (mode !== 'quiet') (opts.stream ?? process.stderr).write(`\n${t('cli.batch.stopping', { label }, lang)}\n`);
  };
  // From the manifest's first write to the complete manifest (runs, closing the threads, the Parquet conversion),
  // a stop says how to go on and leaves the folder resumable: the handlers stay until the command's work is done.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    writeManifest(dir, manifest);
    return await runPlan();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  async function runPlan(): Promise<BatchOutcome> {
    const sinks = files.map((f) => {
      const sink = new AppendFile(f.path);
      if (f.kind === 'csv' && sink.size === 0) sink.write(f.header);
      return { f, sink };
    });

    const remaining = total - done;
    const runs = shardRuns(plan, shard, done);
    let chunkSize = MIN_CHUNK;
    let msPerRun = 0;
    // Without --workers, a batch starts on one thread and starts the others once it shows more work than they
    // would take to start (each thread compiles the engine for a second or two before it runs at full speed).
    const auto = opts.workers === undefined;
    const grow = opts.grow ?? { checkAfterMs: GROW_CHECK_AFTER_MS, workMs: GROW_AFTER_MS };
    const workers = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), remaining));
    let pool: WorkerPool | null = null;
    let ran = 0;
    try {
      if (remaining > 0) {
        pool = new WorkerPool(workers, heapLimitsFor(JSON.stringify(loaded.baseInput).length), undefined, auto ? 1 : workers, lang);
        const started = pool;
        // Each thread is sent a design point's scenario once; later chunks name the point only.
        const sentTo = new Map<number, Set<number>>();
        const next = (thread: number): ChunkRequest | null => {
          const batch: PlannedRun[] = [];
          const size = Math.max(1, Math.min(chunkSize, Math.ceil((total - written) / (started.threads * 2)) || 1));
          for (let i = 0; i < size; i++) {
            const r = runs.next();
            if (r.done) break;
            batch.push(r.value);
          }
          if (batch.length === 0) return null;
          let sent = sentTo.get(thread);
          let warmUp: ScenarioInput[] | undefined;
          if (!sent) {
            sentTo.set(thread, (sent = new Set()));
            warmUp = warmUpPoints(loaded.design.size).map((point) => cache.get(point).scenario);
          }
          const points = new Map<number, ChunkPoint>();
          const chunkRuns = batch.map((run) => {
            const p = cache.get(run.point);
            if (!sent.has(run.point) && !points.has(run.point)) points.set(run.point, { point: run.point, scenario: p.scenario, cells: p.cells });
            return { runId: run.runId, point: run.point, replicate: run.replicate + 1, seed: runSeed(e.seed, p.key, run.replicate + 1) };
          });
          for (const point of points.keys()) sent.add(point);
          return { layout, points: [...points.values()], runs: chunkRuns, csv: text.includes('csv'), jsonl: text.includes('jsonl'), perQuarter: manifest.perQuarter, warmUp };
        };
        const deliver = (result: ChunkResult, req: ChunkRequest) => {
          for (const { f, sink } of sinks) if (f.table === 'quarters') sink.write(f.kind === 'csv' ? result.quartersCsv : result.quartersJsonl);
          for (const { f, sink } of sinks) if (f.table === 'runs') sink.write(f.kind === 'csv' ? result.runsCsv : result.runsJsonl);
          written += req.runs.length;
          ran += req.runs.length;
          const per = result.ms / req.runs.length;
          msPerRun = msPerRun === 0 ? per : 0.8 * msPerRun + 0.2 * per;
          // About 100 ms of work per chunk: messaging stays a small share, and stopping stays quick.
          chunkSize = Math.max(MIN_CHUNK, Math.min(2000, Math.round(100 / Math.max(msPerRun, 0.001))));
          // Judged after the first second, when the thread runs compiled code, from its latest chunk: a batch that
          // finishes within that second or has little work left never pays for starting more threads.
          if (auto && started.threads < started.size && performance.now() - poolStart > grow.checkAfterMs && (total - written) * per > grow.workMs) started.grow();
          progress.update(written);
          opts.trace?.({ runs: req.runs.length, ms: result.ms, at: performance.now() - poolStart, threads: started.threads });
        };
        const poolStart = performance.now();
        await pool.runOrdered(next, deliver, () => stopRequested);
      }
    } finally {
      for (const { sink } of sinks) sink.close();
      if (pool) await pool.close();
    }

    // A stop asked for ends the command even when the runs in progress were the last: the folder is left for the
    // command the line names (`--resume` marks it complete), and summarize --target-ci starts no further round.
    if (stopRequested || written < total) {
      sayStopped();
      return { dir, manifest, resumedFrom: done, ran, interrupted: true };
    }

    if (manifest.formats.includes('parquet')) {
      const source = text[0]!;
      await writeParquetFrom(join(dir, `runs.${source}`), source, layout.runColumns, runColumnKinds(layout), join(dir, 'runs.parquet'));
      if (manifest.perQuarter) await writeParquetFrom(join(dir, `quarters.${source}`), source, layout.quarterColumns, quarterColumnKinds(layout), join(dir, 'quarters.parquet'));
    }
    let quarterRows = manifest.perQuarter ? countLines(join(dir, `quarters.${text[0]}`)) : 0;
    if (manifest.perQuarter && text[0] === 'csv') quarterRows--;
    // A stop during the Parquet conversion leaves the folder unfinished too: `--resume` converts again and completes it.
    if (stopRequested) {
      sayStopped();
      return { dir, manifest, resumedFrom: done, ran, interrupted: true };
    }
    manifest = { ...manifest, status: 'complete', finished: new Date().toISOString(), rows: { runs: total, quarters: quarterRows } };
    writeManifest(dir, manifest);
    progress.finish(tn('cli.batch.finished', total, { dir }, lang));
    return { dir, manifest, resumedFrom: done, ran, interrupted: false };
  }
}
