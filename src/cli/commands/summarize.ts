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
import { levelsOf, shortFactorNames, type FactorValue } from '../../experiment/factors.js';
import { closest } from '../../scenario/schema.js';
import { validateExperimentDocument } from '../../experiment/load.js';
import type { Experiment } from '../../experiment/schema.js';
import { replicatesPerPoint, type ListSegment } from '../../experiment/plan.js';
import { effectsBetweenPoints, runsNeeded, sensitivity, SummaryBuilder, type Effect, type PointSummary, type Sensitivity } from '../../experiment/summary.js';
import { columnName, csvTable } from '../csv.js';
import { runBatch } from '../batch-run.js';
import { UsageError, UserError } from '../errors.js';
import { experimentFromTexts } from '../experiment-file.js';
import { writeAtomic } from '../io.js';
import { finishCommand, requireManifest, type Manifest } from '../output/manifest.js';
import { numberCell, readRows, requireRuns, toNumber } from '../output/read.js';
import { Progress } from '../progress.js';
import { parseInteger, parsePositive } from '../scenario-file.js';
import { parseLang, readIn, t, tn, type Lang } from '../lang.js';
import { formatNumber, renderTable, shortNumber } from '../table.js';
import type { Params } from '../../i18n/index.js';
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

/** The experiment a manifest keeps; problems in its text (an edited manifest) are worded in `lang`. */
export function experimentOf(m: Manifest, lang: Lang = 'en'): Experiment {
  return readIn(lang, () => validateExperimentDocument(readDocument(m.experiment.text, m.experiment.path)));
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
export function metricColumns(m: Pick<Manifest, 'metrics' | 'columns'>, metric: string, lang: Lang = 'en'): string[] {
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
  throw new UsageError(t(guess ? 'cli.summarize.metric.guess' : 'cli.summarize.metric', { metric, guess: guess ?? '', metrics: names.join(', ') }, lang), lang);
}

/** Several user metrics, each resolved with metricColumns, in the order given, without repeats. */
export function metricsColumns(m: Pick<Manifest, 'metrics' | 'columns'>, metrics: readonly string[], lang: Lang = 'en'): string[] {
  return [...new Set(metrics.flatMap((x) => metricColumns(m, x, lang)))];
}

export function summarizeFolder(dir: string, opts: { sensitivityColumns?: string[]; lang?: Lang } = {}): FolderSummary {
  const lang = opts.lang ?? 'en';
  const manifest = requireManifest(dir, lang);
  const experiment = experimentOf(manifest, lang);
  const design = buildDesign(experiment);
  const src = requireRuns(dir, manifest, lang);
  const metricCols = manifest.columns.runs.filter((c) => /_(final|cumulative)$/.test(c));
  const index = metricCols.map((c) => manifest.columns.runs.indexOf(c));
  const pointAt = manifest.columns.runs.indexOf('point_id');
  const builder = new SummaryBuilder(metricCols, design.size);
  const values = new Float64Array(metricCols.length);
  let runs = 0;
  for (const { cells, number } of readRows(src, lang)) {
    const point = toNumber(cells[pointAt]!);
    if (!Number.isInteger(point) || point < 1 || point > design.size)
      throw new UserError(t('cli.runs.badPoint', { path: src.path, line: number, value: String(cells[pointAt] ?? ''), size: design.size }, lang));
    for (let i = 0; i < index.length; i++) values[i] = numberCell(cells[index[i]!]!, src, number, index[i]!, lang);
    builder.add(point - 1, values);
    runs++;
  }
  // A finished batch whose file holds other than the runs its manifest lists was cut or edited: its summary would mislead.
  if (manifest.status === 'complete' && manifest.rows && runs !== manifest.rows.runs)
    throw new UserError(t('cli.runs.count', { path: src.path, found: runs, expected: manifest.rows.runs }, lang));
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
  writeAtomic(join(s.dir, 'summary.json'), jsonText(summaryJson(s)));
  return ['summary.csv', 'effects.csv', 'sensitivity.csv', 'summary.json'];
}

/**
 * What summary.json holds: per point its factor values and, per metric
 * column, n, mean, sd, se, the 95 % interval, min and max; the effects and
 * the sensitivity indices. With `columns`, only those metric columns (as
 * `summarize --metric` names them).
 */
export function summaryJson(s: FolderSummary, columns: readonly string[] = s.columns): Record<string, unknown> {
  const kept = columns.map((c) => s.columns.indexOf(c)).filter((i) => i >= 0);
  const wanted = new Set(kept.map((i) => s.columns[i]!));
  return {
    experiment: s.manifest.experiment.id,
    design: s.manifest.design.type,
    runs: s.runs,
    confidence: 0.95,
    factors: s.manifest.design.factors.map((f) => f.path),
    points: s.summaries.map((p) => ({
      point_id: p.point + 1,
      values: Object.fromEntries(s.manifest.design.factors.map((f, i) => [f.path, p.values[i]])),
      metrics: Object.fromEntries(kept.map((i) => [s.columns[i]!, p.stats[i]])),
    })),
    effects: s.effects.filter((e) => wanted.has(e.metric)).map((e) => ({ ...e, pointA: e.pointA + 1, pointB: e.pointB + 1 })),
    sensitivity: s.sensitivity.filter((r) => wanted.has(r.metric)),
    sensitivityNote: s.sensitivityProblem,
  };
}

/** JSON as summary.json is written: two-space indents, a number that is not finite as null. */
const jsonText = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';

/** Three significant digits below 100 (78.4, 0.0523), whole numbers above (6,509): what a reader compares at a glance. */
const f = (x: number, lang: Lang) => (!Number.isFinite(x) || Math.abs(x) >= 100 ? formatNumber(x, 0, lang) : shortNumber(Number(x.toPrecision(3)), lang));

/** "unfinished: 56 of 120 runs; finish with …" */
export function unfinishedNote(m: Pick<Manifest, 'experiment' | 'shard' | 'runs'>, dir: string, done: number, lang: Lang = 'en'): string {
  return t('cli.summarize.unfinished', { done, total: m.runs, command: finishCommand(m.experiment, dir, m.shard) }, lang);
}

/** A value's text with the language's decimal sign (numbers only). */
const decimalSign = (text: string, v: FactorValue, lang: Lang) => (typeof v === 'number' && lang !== 'en' ? text.replace('.', ',') : text);

/** A factor value as shown: sampled designs give values at full precision (kept in summary.csv); four significant digits tell points apart. */
export const shownValue = (v: FactorValue, lang: Lang = 'en') => decimalSign(typeof v === 'number' && !Number.isInteger(v) ? String(Number(v.toPrecision(4))) : String(v), v, lang);

/** Design points without a run yet (a shard alone, an unfinished batch). */
export const pointsWithoutRuns = (s: Pick<FolderSummary, 'summaries'>) => s.summaries.filter((p) => p.stats[0] === undefined || p.stats[0].n === 0).length;

/** Between the factors of a point: a comma in English, a semicolon in Dutch (whose decimal sign is a comma). */
export const FACTOR_SEPARATOR: Record<Lang, string> = { en: ', ', nl: '; ' };

export function renderSummary(s: FolderSummary, shown: string[], lang: Lang = 'en'): string {
  const out: string[] = [];
  const m = s.manifest;
  const say = (key: string, params: Params = {}) => t(`cli.summarize.${key}`, params, lang);
  const n = (x: number) => f(x, lang);
  const ci = (low: number, high: number) => say('interval', { low: n(low), high: n(high) });
  out.push(say('head', { id: m.experiment.id, type: m.design.type, points: tn('cli.summarize.points', s.summaries.length, {}, lang), runs: tn('cli.summarize.runs', s.runs, {}, lang) }));
  if (m.status !== 'complete') out.push(`(${unfinishedNote(m, s.dir, s.runs, lang)})`);
  if (m.shard) out.push(say('shard', { index: String(m.shard.index), count: String(m.shard.count) }));
  const factors = m.design.factors;
  const cols = shown.map((c) => s.columns.indexOf(c));
  // Each factor by its short name (the table's wide enough for the metrics beside it), a multiplier as ×0.8;
  // in Dutch, where a comma is the decimal sign, the factors are kept apart by semicolons.
  const names = shortFactorNames(factors.map((fa) => fa.path));
  const label = (p: PointSummary) => (factors.length ? factors.map((fa, i) => `${names[i]}${fa.spec.kind === 'scale' ? ' ×' : '='}${shownValue(p.values[i]!, lang)}`).join(FACTOR_SEPARATOR[lang]) : say('asIs'));
  const maxRows = 40;
  const rows = s.summaries.slice(0, maxRows).map((p) => [String(p.point + 1), label(p), String(p.stats[cols[0]!]!.n), ...cols.map((c) => `${n(p.stats[c]!.mean)} ± ${n(p.stats[c]!.halfWidth)}`)]);
  out.push('', renderTable([say('col.point'), say('col.factors'), 'n', ...shown], rows, [true, false, true, ...shown.map(() => true)]));
  if (s.summaries.length > maxRows) out.push(tn('cli.summarize.morePoints', s.summaries.length - maxRows, {}, lang));
  const eff = s.effects.filter((e) => shown.includes(e.metric));
  if (eff.length) {
    out.push('', say('effects'));
    const level = (v: FactorValue) => decimalSign(String(v), v, lang);
    const erows = eff.slice(0, 30).map((e) => [e.metric, `${e.factor}: ${level(e.levelA)} → ${level(e.levelB)}`, e.heldEqual || '–', n(e.difference), ci(e.low, e.high), n(e.cohensD)]);
    out.push(renderTable(['metric', 'change', 'heldEqual', 'difference', 'ci', 'd'].map((c) => say(`col.${c}`)), erows, [false, false, false, true, true, true]));
    if (eff.length > 30) out.push(tn('cli.summarize.moreEffects', eff.length - 30, {}, lang));
  }
  for (const r of s.sensitivity.filter((x) => shown.includes(x.metric))) {
    out.push('', say(r.method, { metric: r.metric }));
    if (r.method === 'sobol') {
      out.push(renderTable(['factor', 'S1', 'S1ci', 'ST', 'STci'].map((c) => say(`col.${c}`)), r.indices.map((i) => [i.path, n(i.S1), ci(i.S1Low, i.S1High), n(i.ST), ci(i.STLow, i.STHigh)]), [false, true, true, true, true]));
    } else {
      out.push(renderTable(['factor', 'mu', 'muStar', 'muStarCi', 'sigma'].map((c) => say(`col.${c}`)), r.indices.map((i) => [i.path, n(i.mu), n(i.muStar), ci(i.muStarLow, i.muStarHigh), n(i.sigma)]), [false, true, true, true, true]));
    }
  }
  if (s.sensitivityProblem) out.push('', tn('cli.summarize.noIndices', pointsWithoutRuns(s), {}, lang));
  return out.join('\n');
}

export interface SummarizeCliOptions {
  metric?: string[];
  targetCi?: string;
  maxReplicates?: string;
  workers?: string;
  json?: boolean;
  quiet?: boolean;
  lang?: string;
}

interface Target {
  /** The widest 95 % half-width allowed. */
  width: number;
  /** Most replicates per point. */
  cap: number;
  workers: number | undefined;
  quiet: boolean;
  lang: Lang;
}

/** Adds replicates until the target holds; resolves to true when Ctrl-C stopped a round (what ran is kept, and the same command goes on from there). */
async function growToTarget(dir: string, columns: string[], target: Target, io: Output): Promise<boolean> {
  const { width, cap, workers, quiet, lang } = target;
  const progress = Progress.modeFor(process.stderr, quiet);
  // A stop names the way to go on that fits summarize: the same command again (it finishes the folder and goes on growing it).
  const stoppedMessage = (done: number, total: number) => t('cli.summarize.stopped', { done, total }, lang);
  for (let round = 1; round <= 25; round++) {
    let manifest = requireManifest(dir, lang);
    if (manifest.shard) throw new UserError(t('cli.summarize.tci.shard', { dir, index: String(manifest.shard.index), count: String(manifest.shard.count) }, lang));
    const ctx = readIn(lang, () => experimentFromTexts(manifest.experiment, manifest.scenario));
    if (manifest.status !== 'complete') {
      if (!quiet) io.err(t('cli.summarize.tci.finishing', { dir }, lang));
      const finishing = await runBatch(ctx, { out: dir, resume: true, workers, progress, label: 'summarize', lang, stoppedMessage });
      if (finishing.interrupted) return true;
      manifest = requireManifest(dir, lang);
    }
    const s = summarizeFolder(dir, { sensitivityColumns: [], lang });
    // Every column must meet the target (a per-entity metric names several): a point needs the most any of them needs.
    const cs = columns.map((column) => s.columns.indexOf(column));
    const have = replicatesPerPoint(manifest.plan, s.design.size);
    const items: ListSegment['items'] = [];
    let capped = 0;
    // Points whose runs give no value of a column at all (every cell empty): more runs would give none either.
    let empty = 0;
    // The most replicates a capped point already has: above the cap when an earlier round or the batch gave more.
    let most = 0;
    for (const p of s.summaries) {
      const columnStats = cs.map((c) => p.stats[c]!);
      if (columnStats.every((st) => Number.isFinite(st.halfWidth) && st.halfWidth <= width)) continue;
      if (have[p.point]! >= 3 && columnStats.some((st) => st.n === 0)) {
        empty++;
        continue;
      }
      const need = runsNeeded(columnStats, have[p.point]!, width, cap);
      if (need > have[p.point]!) items.push({ point: p.point, from: have[p.point]!, to: need });
      else {
        capped++;
        most = Math.max(most, have[p.point]!);
      }
    }
    if (items.length === 0) {
      const largest = f(Math.max(...s.summaries.flatMap((p) => cs.map((c) => p.stats[c]!.halfWidth))), lang);
      const column = columns.length === 1 ? columns[0]! : t('cli.summarize.tci.each', { columns: columns.join(', ') }, lang);
      const shownWidth = shortNumber(width, lang);
      if (!quiet) {
        if (empty) io.err(tn('cli.summarize.tci.empty', empty, { column }, lang));
        if (capped) io.err(tn(most > cap ? 'cli.summarize.tci.over' : 'cli.summarize.tci.capped', capped, { width: shownWidth, cap, have: most, largest }, lang));
        else if (!empty) io.err(t('cli.summarize.tci.met', { column, width: shownWidth, largest }, lang));
      }
      return false;
    }
    const extra = items.reduce((n, it) => n + it.to - it.from, 0);
    if (!quiet) io.err(tn('cli.summarize.tci.round', items.length, { round: String(round), runs: tn('cli.summarize.tci.runs', extra, {}, lang) }, lang));
    const grown = await runBatch(ctx, { out: dir, extend: true, workers, plan: [...manifest.plan, { kind: 'list', items }], progress, label: 'summarize', lang, stoppedMessage });
    if (grown.interrupted) return true;
  }
  return false;
}

/** The first four cumulative columns in the order of the experiment's `metrics:` list (the recorded order when it has none). */
function defaultShown(m: Manifest, lang: Lang): string[] {
  const listed = experimentOf(m, lang).metrics;
  const cols = listed ? metricsColumns(m, listed, lang) : m.columns.runs.filter((c) => c.endsWith('_cumulative'));
  return cols.slice(0, 4);
}

export async function summarizeCommand(dir: string, opts: SummarizeCliOptions, io: Output): Promise<number> {
  const lang = parseLang(opts.lang);
  const metrics = opts.metric ?? [];
  if (opts.targetCi === undefined) {
    // Flags that only steer --target-ci are a mistake without it, not silently ignored.
    for (const [flag, given] of [['--max-replicates', opts.maxReplicates], ['--workers', opts.workers]] as const)
      if (given !== undefined) throw new UsageError(t('cli.summarize.tci.only', { flag }, lang), lang);
  } else {
    if (metrics.length !== 1) throw new UsageError(t('cli.summarize.tci.metric', {}, lang), lang);
    const width = parsePositive('--target-ci', opts.targetCi, lang);
    const cap = opts.maxReplicates ? parseInteger('--max-replicates', opts.maxReplicates, 2, 10_000_000, lang) : 1000;
    const workers = opts.workers ? parseInteger('--workers', opts.workers, 1, 1024, lang) : undefined;
    const manifest = requireManifest(dir, lang);
    const columns = metricColumns(manifest, metrics[0]!, lang);
    // Stopped: the round has said where it stopped and to run the same command again (also with --quiet).
    if (await growToTarget(dir, columns, { width, cap, workers, quiet: opts.quiet ?? false, lang }, io)) return 130;
  }
  const manifest = requireManifest(dir, lang);
  const cols = manifest.columns.runs;
  const shown = metrics.length ? metricsColumns(manifest, metrics, lang) : defaultShown(manifest, lang);
  const extraSens = shown.filter((c) => !c.endsWith('_cumulative'));
  const s = summarizeFolder(dir, { sensitivityColumns: [...cols.filter((c) => c.endsWith('_cumulative')), ...extraSens], lang });
  const files = writeSummaryFiles(s);
  if (opts.json) {
    // The figures for a script on stdout (every metric column unless --metric chose some); what is unfinished goes to stderr.
    if (manifest.status !== 'complete' && !opts.quiet) io.err(unfinishedNote(manifest, dir, s.runs, lang));
    io.out(jsonText({ ...summaryJson(s, metrics.length ? shown : s.columns), status: manifest.status, files: files.map((x) => join(dir, x)) }).trimEnd());
  } else if (!opts.quiet) {
    io.out(renderSummary(s, shown, lang));
    io.out('');
    io.out(t('cli.summarize.wrote', { files: files.map((x) => join(dir, x)).join(', ') }, lang));
  }
  return 0;
}
