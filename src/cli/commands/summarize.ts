/**
 * `two-fronts summarize DIR`: per design point and metric n, mean, sd, 95 %
 * t interval, min and max; differences between points that differ in one
 * categorical factor (Welch interval, Cohen's d); Sobol' or Morris indices
 * when the design has them. Writes summary.csv, effects.csv,
 * sensitivity.csv and summary.json into DIR and prints the main figures.
 * `--target-ci W --metric M` adds replicates (reusing every run there is)
 * until the half-width of M is at most W at every point, up to a cap.
 */
import { join } from 'node:path';
import { readDocument } from '../../scenario/document.js';
import { buildDesign, type Design } from '../../experiment/design.js';
import { levelsOf, type FactorValue } from '../../experiment/factors.js';
import { closest } from '../../scenario/schema.js';
import { validateExperimentDocument } from '../../experiment/load.js';
import type { Experiment } from '../../experiment/schema.js';
import { replicatesPerPoint, type ListSegment } from '../../experiment/plan.js';
import { effectsBetweenPoints, replicatesNeeded, sensitivity, SummaryBuilder, type Effect, type PointSummary, type Sensitivity } from '../../experiment/summary.js';
import { columnName, csvTable } from '../csv.js';
import { runBatch } from '../batch-run.js';
import { UsageError, UserError } from '../errors.js';
import { experimentFromTexts } from '../experiment-file.js';
import { writeAtomic } from '../io.js';
import { finishCommand, requireManifest, type Manifest } from '../output/manifest.js';
import { readRows, requireRuns, toNumber } from '../output/read.js';
import { Progress } from '../progress.js';
import { parseInteger } from '../scenario-file.js';
import { formatNumber, renderTable } from '../table.js';
import type { Output } from './validate.js';

export interface FolderSummary {
  dir: string;
  manifest: Manifest;
  experiment: Experiment;
  design: Design;
  /** Metric columns summarised (every `_final` and `_cumulative` column). */
  columns: string[];
  summaries: PointSummary[];
  effects: Effect[];
  sensitivity: Sensitivity[];
  sensitivityProblem: string | null;
  runs: number;
}

export function experimentOf(m: Manifest): Experiment {
  return validateExperimentDocument(readDocument(m.experiment.text, m.experiment.path));
}

export function designOf(m: Manifest): Design {
  return buildDesign(experimentOf(m));
}

const METRIC_COLUMN = /_(final|cumulative)$/;

/** The reporter a per-entity reporter belongs to: `departmentPnl.legal` → `departmentPnl`, `align.style` → `align`. */
const baseOf = (reporter: string) => reporter.split('.')[0]!;

/**
 * Resolves a metric given by the user to the runs columns it names: a column
 * name (`companyProfit_final`), a reporter (its cumulative column), or a
 * per-entity base name (`departmentPnl`, `kamScore`, `accountRevenue`,
 * `align`: one column per department, KAM, account or 7S element;
 * `departmentPnl_final` for their final values).
 */
export function metricColumns(m: Pick<Manifest, 'metrics' | 'columns'>, metric: string): string[] {
  const columns = m.columns.runs.filter((c) => METRIC_COLUMN.test(c));
  if (columns.includes(metric)) return [metric];
  const suffix = METRIC_COLUMN.exec(metric)?.[1] ?? 'cumulative';
  const name = metric.replace(METRIC_COLUMN, '');
  const single = `${columnName(name)}_${suffix}`;
  if (columns.includes(single)) return [single];
  const family = m.metrics.filter((r) => r.includes('.') && (baseOf(r) === name || columnName(baseOf(r)) === name)).map((r) => `${columnName(r)}_${suffix}`);
  const found = family.filter((c) => columns.includes(c));
  if (found.length) return found;
  const names = [...new Set(m.metrics.map((r) => (r.includes('.') ? baseOf(r) : r)))];
  const guess = closest(name, [...names, ...m.metrics]);
  throw new UsageError(
    `--metric: this batch has no metric "${metric}"${guess ? ` (did you mean "${guess}"?)` : ''}; its metrics are ${names.join(', ')}` +
      ' (a per-entity name such as departmentPnl means every department; add _final for the last quarter\'s value); the reporters are listed in docs/RESEARCH.md under "The reporters"',
  );
}

/** Several user metrics, each resolved with metricColumns, in the order given, without repeats. */
export function metricsColumns(m: Pick<Manifest, 'metrics' | 'columns'>, metrics: readonly string[]): string[] {
  return [...new Set(metrics.flatMap((x) => metricColumns(m, x)))];
}

export function summarizeFolder(dir: string, opts: { sensitivityColumns?: string[] } = {}): FolderSummary {
  const manifest = requireManifest(dir);
  const experiment = experimentOf(manifest);
  const design = buildDesign(experiment);
  const src = requireRuns(dir, manifest);
  const metricCols = manifest.columns.runs.filter((c) => /_(final|cumulative)$/.test(c));
  const index = metricCols.map((c) => manifest.columns.runs.indexOf(c));
  const pointAt = manifest.columns.runs.indexOf('point_id');
  const builder = new SummaryBuilder(metricCols, design.size);
  const values = new Float64Array(metricCols.length);
  let runs = 0;
  for (const { cells } of readRows(src)) {
    for (let i = 0; i < index.length; i++) values[i] = toNumber(cells[index[i]!]!);
    builder.add(toNumber(cells[pointAt]!) - 1, values);
    runs++;
  }
  const summaries = builder.summaries(design);
  const factors = manifest.design.factors.map((f) => ({ path: f.path, categorical: f.categorical, levels: levelsOf(f.spec), scale: f.spec.kind === 'scale' }));
  // Sobol' and Morris points differ in one factor by design, in pairs of one run each; their indices say what such pairs can.
  const effects = design.type === 'sobol' || design.type === 'morris' ? [] : effectsBetweenPoints(summaries, factors, metricCols);
  const chosen = (opts.sensitivityColumns ?? metricCols.filter((c) => c.endsWith('_cumulative'))).map((c) => metricCols.indexOf(c)).filter((i) => i >= 0);
  const sens = sensitivity(design, summaries, metricCols, chosen, { bootstrap: manifest.design.bootstrap, seed: manifest.seed });
  return { dir, manifest, experiment, design, columns: metricCols, summaries, effects, sensitivity: sens.results, sensitivityProblem: sens.problem, runs };
}

export function writeSummaryFiles(s: FolderSummary): string[] {
  const factorCols = s.manifest.design.factors.map((f) => f.column);
  const rows = s.summaries.flatMap((p) =>
    s.columns.map((metric, c) => {
      const st = p.stats[c]!;
      return [p.point + 1, ...p.values, metric, st.n, st.mean, st.sd, st.se, st.low, st.high, st.min, st.max];
    }),
  );
  writeAtomic(join(s.dir, 'summary.csv'), csvTable(['point_id', ...factorCols, 'metric', 'n', 'mean', 'sd', 'se', 'ci_low', 'ci_high', 'min', 'max'], rows));
  writeAtomic(
    join(s.dir, 'effects.csv'),
    csvTable(
      ['factor', 'level_a', 'level_b', 'held_equal', 'point_a', 'point_b', 'metric', 'n_a', 'n_b', 'difference', 'ci_low', 'ci_high', 'cohens_d'],
      s.effects.map((e) => [e.factor, e.levelA, e.levelB, e.heldEqual, e.pointA + 1, e.pointB + 1, e.metric, e.nA, e.nB, e.difference, e.low, e.high, e.cohensD]),
    ),
  );
  const sensRows = s.sensitivity.flatMap((r) =>
    r.method === 'sobol'
      ? r.indices.map((i) => ['sobol', r.metric, i.path, i.S1, i.S1Low, i.S1High, i.ST, i.STLow, i.STHigh, '', '', '', '', ''])
      : r.indices.map((i) => ['morris', r.metric, i.path, '', '', '', '', '', '', i.mu, i.muStar, i.muStarLow, i.muStarHigh, i.sigma]),
  );
  writeAtomic(
    join(s.dir, 'sensitivity.csv'),
    csvTable(['method', 'metric', 'factor', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'mu', 'mu_star', 'mu_star_low', 'mu_star_high', 'sigma'], sensRows),
  );
  const json = {
    experiment: s.manifest.experiment.id,
    design: s.manifest.design.type,
    runs: s.runs,
    confidence: 0.95,
    factors: s.manifest.design.factors.map((f) => f.path),
    points: s.summaries.map((p) => ({
      point_id: p.point + 1,
      values: Object.fromEntries(s.manifest.design.factors.map((f, i) => [f.path, p.values[i]])),
      metrics: Object.fromEntries(s.columns.map((c, i) => [c, p.stats[i]])),
    })),
    effects: s.effects.map((e) => ({ ...e, pointA: e.pointA + 1, pointB: e.pointB + 1 })),
    sensitivity: s.sensitivity,
    sensitivityNote: s.sensitivityProblem,
  };
  writeAtomic(join(s.dir, 'summary.json'), JSON.stringify(json, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
  return ['summary.csv', 'effects.csv', 'sensitivity.csv', 'summary.json'];
}

/** Three significant digits below 100 (78.4, 0.0523), whole numbers above (6,509): what a reader compares at a glance. */
const f = (x: number) => (!Number.isFinite(x) || Math.abs(x) >= 100 ? formatNumber(x, 0) : String(Number(x.toPrecision(3))));

/** "unfinished: 56 of 120 runs; finish with …" */
export function unfinishedNote(m: Pick<Manifest, 'experiment' | 'shard' | 'runs'>, dir: string, done: number): string {
  return `unfinished: ${done.toLocaleString('en-US')} of ${m.runs.toLocaleString('en-US')} runs; finish with ${finishCommand(m.experiment.path, dir, m.shard)}`;
}

/** A factor value as shown on screen: sampled designs give values at full precision (kept in summary.csv); four significant digits tell points apart. */
export const shownValue = (v: FactorValue) => (typeof v === 'number' && !Number.isInteger(v) ? String(Number(v.toPrecision(4))) : String(v));

export function renderSummary(s: FolderSummary, shown: string[]): string {
  const out: string[] = [];
  const m = s.manifest;
  out.push(`${m.experiment.id} · ${m.design.type} design · ${s.summaries.length} points · ${s.runs.toLocaleString('en-US')} runs · 95 % t intervals`);
  if (m.status !== 'complete') out.push(`(${unfinishedNote(m, s.dir, s.runs)})`);
  if (m.shard) out.push(`(shard ${m.shard.index}/${m.shard.count} only; merge the shards for the whole experiment)`);
  const factors = m.design.factors;
  const cols = shown.map((c) => s.columns.indexOf(c));
  const label = (p: PointSummary) => (factors.length ? factors.map((fa, i) => `${fa.column}=${shownValue(p.values[i]!)}`).join(' ') : 'scenario as is');
  const maxRows = 40;
  const rows = s.summaries.slice(0, maxRows).map((p) => [String(p.point + 1), label(p), String(p.stats[cols[0]!]!.n), ...cols.map((c) => `${f(p.stats[c]!.mean)} ± ${f(p.stats[c]!.halfWidth)}`)]);
  out.push('', renderTable(['point', 'factors', 'n', ...shown], rows, [true, false, true, ...shown.map(() => true)]));
  if (s.summaries.length > maxRows) out.push(`… ${s.summaries.length - maxRows} more points in summary.csv`);
  const eff = s.effects.filter((e) => shown.includes(e.metric));
  if (eff.length) {
    out.push('', 'Differences between points that differ in one factor (B − A, 95 % Welch interval, Cohen\'s d):');
    const erows = eff.slice(0, 30).map((e) => [e.metric, `${e.factor}: ${String(e.levelA)} → ${String(e.levelB)}`, e.heldEqual || '–', f(e.difference), `[${f(e.low)}, ${f(e.high)}]`, f(e.cohensD)]);
    out.push(renderTable(['metric', 'change', 'held equal', 'difference', '95 % CI', 'd'], erows, [false, false, false, true, true, true]));
    if (eff.length > 30) out.push(`… ${eff.length - 30} more in effects.csv`);
  }
  for (const r of s.sensitivity.filter((x) => shown.includes(x.metric))) {
    out.push('');
    if (r.method === 'sobol') {
      out.push(`Sobol' indices of ${r.metric} (bootstrap 95 % intervals):`);
      out.push(renderTable(['factor', 'S1', 'S1 95 % CI', 'ST', 'ST 95 % CI'], r.indices.map((i) => [i.path, f(i.S1), `[${f(i.S1Low)}, ${f(i.S1High)}]`, f(i.ST), `[${f(i.STLow)}, ${f(i.STHigh)}]`]), [false, true, true, true, true]));
    } else {
      out.push(`Morris elementary effects of ${r.metric} (μ* with bootstrap 95 % interval):`);
      out.push(renderTable(['factor', 'μ', 'μ*', 'μ* 95 % CI', 'σ'], r.indices.map((i) => [i.path, f(i.mu), f(i.muStar), `[${f(i.muStarLow)}, ${f(i.muStarHigh)}]`, f(i.sigma)]), [false, true, true, true, true]));
    }
  }
  if (s.sensitivityProblem) out.push('', `No sensitivity indices: ${s.sensitivityProblem}.`);
  return out.join('\n');
}

export interface SummarizeCliOptions {
  metric?: string[];
  targetCi?: string;
  maxReplicates?: string;
  workers?: string;
  json?: boolean;
  quiet?: boolean;
}

function positive(name: string, text: string): number {
  const x = Number(text);
  if (!Number.isFinite(x) || x <= 0) throw new UsageError(`${name} must be a positive number, got "${text}"`);
  return x;
}

/** Adds replicates until the target holds; resolves to true when Ctrl-C stopped a round (what ran is kept, and the same command goes on from there). */
async function growToTarget(dir: string, columns: string[], target: number, cap: number, workers: number | undefined, quiet: boolean, io: Output): Promise<boolean> {
  for (let round = 1; round <= 25; round++) {
    let manifest = requireManifest(dir);
    if (manifest.shard) throw new UserError(`${dir} holds shard ${manifest.shard.index}/${manifest.shard.count}; merge the shards first, then use --target-ci on the merged folder`);
    const ctx = experimentFromTexts(manifest.experiment, manifest.scenario);
    if (manifest.status !== 'complete') {
      if (!quiet) io.err(`${dir}: the batch is unfinished; finishing it first`);
      const finishing = await runBatch(ctx, { out: dir, resume: true, workers, progress: Progress.modeFor(process.stderr, quiet), label: 'summarize' });
      if (finishing.interrupted) return true;
      manifest = requireManifest(dir);
    }
    const s = summarizeFolder(dir, { sensitivityColumns: [] });
    // Every column must meet the target (a per-entity metric names several): a point needs the most any of them needs.
    const cs = columns.map((column) => s.columns.indexOf(column));
    const have = replicatesPerPoint(manifest.plan, s.design.size);
    const items: ListSegment['items'] = [];
    let capped = 0;
    for (const p of s.summaries) {
      const wide = cs.map((c) => p.stats[c]!).filter((st) => !(Number.isFinite(st.halfWidth) && st.halfWidth <= target));
      if (wide.length === 0) continue;
      const need = Math.max(...wide.map((st) => replicatesNeeded(st, target, cap)));
      if (need > have[p.point]!) items.push({ point: p.point, from: have[p.point]!, to: need });
      else capped++;
    }
    if (items.length === 0) {
      const worst = Math.max(...s.summaries.flatMap((p) => cs.map((c) => p.stats[c]!.halfWidth)));
      const column = columns.length === 1 ? columns[0]! : `each of ${columns.join(', ')}`;
      if (!quiet)
        io.err(
          capped
            ? `--target-ci: ${capped} point(s) stay above ${target} at the cap of ${cap} replicates (largest half-width ${f(worst)}); raise --max-replicates to go on`
            : `--target-ci: every point's 95 % half-width of ${column} is at most ${target} (largest ${f(worst)})`,
        );
      return false;
    }
    const extra = items.reduce((n, it) => n + it.to - it.from, 0);
    if (!quiet) io.err(`--target-ci round ${round}: ${extra.toLocaleString('en-US')} more runs at ${items.length} point(s)`);
    const grown = await runBatch(ctx, { out: dir, extend: true, workers, plan: [...manifest.plan, { kind: 'list', items }], progress: Progress.modeFor(process.stderr, quiet), label: 'summarize' });
    if (grown.interrupted) return true;
  }
  return false;
}

/** The first four cumulative columns in the order of the experiment's `metrics:` list (the recorded order when it has none). */
function defaultShown(m: Manifest): string[] {
  const listed = experimentOf(m).metrics;
  const cols = listed ? metricsColumns(m, listed) : m.columns.runs.filter((c) => c.endsWith('_cumulative'));
  return cols.slice(0, 4);
}

export async function summarizeCommand(dir: string, opts: SummarizeCliOptions, io: Output): Promise<number> {
  const metrics = opts.metric ?? [];
  if (opts.targetCi !== undefined) {
    if (metrics.length !== 1) throw new UsageError('--target-ci needs exactly one --metric M (the metric whose interval must be narrow enough)');
    const target = positive('--target-ci', opts.targetCi);
    const cap = opts.maxReplicates ? parseInteger('--max-replicates', opts.maxReplicates, 2, 10_000_000) : 1000;
    const workers = opts.workers ? parseInteger('--workers', opts.workers, 1, 1024) : undefined;
    const manifest = requireManifest(dir);
    const columns = metricColumns(manifest, metrics[0]!);
    if (await growToTarget(dir, columns, target, cap, workers, opts.quiet ?? false, io)) {
      if (!opts.quiet) io.err(`summarize: stopped; run the same command again to go on from the runs done so far`);
      return 130;
    }
  }
  const manifest = requireManifest(dir);
  const cols = manifest.columns.runs;
  const shown = metrics.length ? metricsColumns(manifest, metrics) : defaultShown(manifest);
  const extraSens = shown.filter((c) => !c.endsWith('_cumulative'));
  const s = summarizeFolder(dir, { sensitivityColumns: [...cols.filter((c) => c.endsWith('_cumulative')), ...extraSens] });
  const files = writeSummaryFiles(s);
  if (opts.json) io.out(JSON.stringify({ files: files.map((x) => join(dir, x)) }));
  else if (!opts.quiet) {
    io.out(renderSummary(s, shown));
    io.out('');
    io.out(`wrote ${files.map((x) => join(dir, x)).join(', ')}`);
  }
  return 0;
}
