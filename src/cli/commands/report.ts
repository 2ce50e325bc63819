/**
 * `two-fronts report DIR`: one self-contained HTML file (styles, data, and
 * the chart script with d3 all inline; no network, opens from file://) with
 * each metric's course per quarter with 95 % bands per design point, its
 * distribution per point, the sensitivity bars, the effects between points
 * and the summary table. Tables are plain HTML (readable without script);
 * every chart has a title, a description and its numbers as a table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportData, ReportMetric, ReportSensitivity, ReportSeries } from '../../charts/report-data.js';
import { shardRuns } from '../../experiment/plan.js';
import { meanInterval, Welford } from '../../experiment/stats.js';
import type { PointSummary } from '../../experiment/summary.js';
import { reporterSpec } from '../../sim/index.js';
import { columnName } from '../csv.js';
import { UserError } from '../errors.js';
import { writeAtomic } from '../io.js';
import { readRows, requireRuns, tableSource, toNumber } from '../output/read.js';
import { formatNumber } from '../table.js';
import { ROOT, toolVersion } from '../version.js';
import { metricsColumns, shownValue, summarizeFolder, unfinishedNote, writeSummaryFiles, type FolderSummary } from './summarize.js';
import type { Output } from './validate.js';

export const REPORT_SCRIPT = join(ROOT, 'dist', 'report', 'report-app.js');
const MAX_SERIES = 12;
const BINS = 30;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Escaped, with a line-break opportunity after each dot or underscore inside a path or column name (never inside a number). */
const escPath = (s: string) => esc(s).replace(/(?<=[A-Za-z*][._])(?=[A-Za-z*])/g, '<wbr>');
const num = (x: number) => formatNumber(x, 3);
const interval = (low: number, high: number) => (Number.isFinite(low) && Number.isFinite(high) ? `${num(low)} – ${num(high)}` : '–');

function pointName(s: FolderSummary, p: PointSummary): string {
  const f = s.manifest.design.factors;
  if (f.length === 0) return 'scenario as is';
  return `${p.point + 1}: ${f.map((x, i) => `${x.path.split('.').pop()}${x.spec.kind === 'scale' ? '\u00a0×' : '='}${shownValue(p.values[i]!)}`).join(', ')}`;
}

/** The factors an effect held equal, one `path=value` (or `path ×value` for a scale) each, at the values of its point A. */
function heldEqual(s: FolderSummary, e: FolderSummary['effects'][number]): string[] {
  const values = s.summaries[e.pointA]!.values;
  return s.manifest.design.factors.flatMap((f, j) => (f.path === e.factor ? [] : [`${f.path}${f.spec.kind === 'scale' ? '\u00a0×' : '='}${shownValue(values[j]!)}`]));
}

function histograms(s: FolderSummary, cols: string[], pooled: boolean): ReportMetric['distribution'][] {
  const m = s.manifest;
  const idx = cols.map((c) => s.columns.indexOf(c));
  const edges = idx.map((c) => {
    const lo = Math.min(...s.summaries.map((p) => p.stats[c]!.min).filter(Number.isFinite));
    const hi = Math.max(...s.summaries.map((p) => p.stats[c]!.max).filter(Number.isFinite));
    const a = Number.isFinite(lo) ? lo : 0;
    const b = Number.isFinite(hi) && hi > a ? hi : a + 1;
    return Array.from({ length: BINS + 1 }, (_, i) => a + ((b - a) * i) / BINS);
  });
  const rows = pooled ? 1 : s.summaries.length;
  const counts = idx.map(() => Array.from({ length: rows }, () => new Array<number>(BINS).fill(0)));
  const pooledStats = idx.map(() => new Welford());
  const src = requireRuns(s.dir, m);
  const colAt = cols.map((c) => m.columns.runs.indexOf(c));
  const pointAt = m.columns.runs.indexOf('point_id');
  for (const { cells } of readRows(src)) {
    const point = toNumber(cells[pointAt]!) - 1;
    colAt.forEach((at, k) => {
      const v = toNumber(cells[at]!);
      if (!Number.isFinite(v)) return;
      const e = edges[k]!;
      const b = Math.min(BINS - 1, Math.max(0, Math.floor(((v - e[0]!) / (e[BINS]! - e[0]!)) * BINS)));
      counts[k]![pooled ? 0 : point]![b]!++;
      pooledStats[k]!.add(v);
    });
  }
  return idx.map((c, k) => ({
    edges: edges[k]!,
    rows: pooled
      ? [(() => {
          const w = pooledStats[k]!;
          const ci = meanInterval(w.n, w.mean, w.sd);
          return { name: `all ${w.n} runs`, counts: counts[k]![0]!, mean: w.mean, low: ci.low, high: ci.high };
        })()]
      : s.summaries.map((p, i) => ({ name: pointName(s, p), counts: counts[k]![i]!, mean: p.stats[c]!.mean, low: p.stats[c]!.low, high: p.stats[c]!.high })),
  }));
}

function quarterly(s: FolderSummary, reporters: string[], pooled: boolean): (ReportSeries[] | null)[] {
  const m = s.manifest;
  const src = tableSource(s.dir, m, 'quarters');
  if (!m.perQuarter || !src) return reporters.map(() => null);
  const at = reporters.map((r) => m.columns.quarters.indexOf(columnName(r)));
  const groups = pooled ? 1 : s.summaries.length;
  const acc: Welford[][][] = reporters.map(() => Array.from({ length: groups }, () => []));
  const runs = shardRuns(m.plan, m.shard);
  let current = runs.next();
  for (const { cells } of readRows(src)) {
    const runId = toNumber(cells[0]!);
    while (!current.done && current.value.runId < runId) current = runs.next();
    if (current.done || current.value.runId !== runId) throw new UserError(`${src.path}: run ${runId} is not in this folder's plan; the folder is damaged`);
    const group = pooled ? 0 : current.value.point;
    const q = toNumber(cells[1]!) - 1;
    at.forEach((col, k) => {
      const series = acc[k]![group]!;
      while (series.length <= q) series.push(new Welford());
      series[q]!.add(toNumber(cells[col]!));
    });
  }
  return reporters.map((_, k) =>
    acc[k]!.map((series, g) => {
      const stats = series.map((w) => ({ w, ci: meanInterval(w.n, w.mean, w.sd) }));
      return {
        name: pooled ? 'all runs' : pointName(s, s.summaries[g]!),
        mean: stats.map((x) => (x.w.n ? x.w.mean : NaN)),
        low: stats.map((x) => x.ci.low),
        high: stats.map((x) => x.ci.high),
      };
    }),
  );
}

function summaryTable(s: FolderSummary, col: string): string {
  const c = s.columns.indexOf(col);
  const rows = s.summaries
    .map((p) => {
      const st = p.stats[c]!;
      return `<tr><th scope="row">${escPath(pointName(s, p))}</th><td>${st.n}</td><td>${num(st.mean)}</td><td>${interval(st.low, st.high)}</td><td>${num(st.sd)}</td><td>${num(st.min)}</td><td>${num(st.max)}</td></tr>`;
    })
    .join('\n');
  return `<table class="numbers"><caption>${esc(col)}: per design point (95&nbsp;% t interval)</caption><thead><tr><th scope="col">point</th><th scope="col">n</th><th scope="col">mean</th><th scope="col">95&nbsp;% CI</th><th scope="col">sd</th><th scope="col">min</th><th scope="col">max</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/**
 * The effects, one row group per metric (so the metric is not a column of its
 * own): the change, the factors held equal (one per line), the difference
 * with its interval, d and the sample sizes.
 */
function effectsTable(s: FolderSummary, cols: string[]): string {
  const eff = s.effects.filter((e) => cols.includes(e.metric)).sort((a, b) => cols.indexOf(a.metric) - cols.indexOf(b.metric));
  if (eff.length === 0) return '<p>No pairs of design points differ in exactly one categorical factor, so there are no effects to compare.</p>';
  const shown = eff.slice(0, 400);
  const groups = cols
    .map((metric) => ({ metric, rows: shown.filter((e) => e.metric === metric) }))
    .filter((g) => g.rows.length > 0)
    .map(
      (g) =>
        `<tbody><tr><th scope="rowgroup" colspan="6" class="group">${escPath(g.metric)}</th></tr>\n${g.rows
          .map(
            (e) =>
              `<tr><th scope="row">${escPath(e.factor)}:<br><span class="nobr">${esc(shownValue(e.levelA))} →</span> <span class="nobr">${esc(shownValue(e.levelB))}</span></th><td class="text">${heldEqual(s, e).map(escPath).join('<br>') || '–'}</td><td>${num(e.difference)}</td><td>${interval(e.low, e.high)}</td><td>${num(e.cohensD)}</td><td>${e.nA} / ${e.nB}</td></tr>`,
          )
          .join('\n')}</tbody>`,
    )
    .join('\n');
  return `<div class="scroll" role="region" tabindex="0" aria-labelledby="effects-caption"><table class="numbers"><caption id="effects-caption">Difference of means B − A between design points that differ in one factor, per metric (Welch 95&nbsp;% interval; Cohen's d with the pooled sd)</caption><thead><tr><th scope="col">change A → B</th><th scope="col" class="text">held equal</th><th scope="col">difference</th><th scope="col">95&nbsp;% CI</th><th scope="col">d</th><th scope="col">n&nbsp;A&nbsp;/&nbsp;B</th></tr></thead>\n${groups}\n</table></div>${eff.length > shown.length ? `<p>${eff.length - shown.length} more rows in effects.csv.</p>` : ''}`;
}

function sensitivityData(s: FolderSummary, cols: string[]): ReportSensitivity[] {
  return s.sensitivity
    .filter((r) => cols.includes(r.metric))
    .map((r) =>
      r.method === 'sobol'
        ? { method: 'sobol', metric: r.metric, indexNames: ['S1 (first order)', 'ST (total order)'], bars: r.indices.map((i) => ({ factor: i.path, values: [{ value: i.S1, low: i.S1Low, high: i.S1High }, { value: i.ST, low: i.STLow, high: i.STHigh }] })) }
        : { method: 'morris', metric: r.metric, indexNames: ['μ*', 'σ'], bars: r.indices.map((i) => ({ factor: i.path, values: [{ value: i.muStar, low: i.muStarLow, high: i.muStarHigh }, { value: i.sigma }] })) },
    );
}

const CSS = `
:root{--ink:#1d2330;--soft:#4a5468;--paper:#f7f5f0;--panel:#fff;--line:#d4d0c6;--focus:#0072B2}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px}
header{margin-bottom:16px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.25rem;margin:32px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:1.05rem;margin:20px 0 6px}
section,figure{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:12px 0}
figure{margin:12px 0}
dl.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 16px;margin:8px 0}
dl.meta dt{color:var(--soft)}
dl.meta dd{margin:0;overflow-wrap:anywhere}
nav ul{columns:3;padding-left:18px}
a{color:var(--focus)}
a:focus,summary:focus,select:focus{outline:3px solid var(--focus);outline-offset:2px}
table.numbers,details table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:right;vertical-align:top;white-space:nowrap}
th[scope=row],td:first-child,.text{text-align:left}
th[scope=row],.text,caption{white-space:normal}
th[scope=row]{min-width:12em}
thead th{text-align:right;background:#efece5}
thead th:first-child,thead th.text{text-align:left}
span.nobr{white-space:nowrap}
th.group{text-align:left;background:var(--paper);padding-top:8px}
details{margin:6px 0 14px}
summary{cursor:pointer;color:var(--soft)}
.scroll{overflow-x:auto;background:linear-gradient(to right,var(--panel) 30%,rgba(255,255,255,0)) left/24px 100% no-repeat local,linear-gradient(to left,var(--panel) 30%,rgba(255,255,255,0)) right/24px 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(29,35,48,.22),rgba(29,35,48,0)) left/10px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(29,35,48,.22),rgba(29,35,48,0)) right/10px 100% no-repeat scroll}
.scroll:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.note{color:var(--soft);font-size:13px}
.warning{border-left:4px solid #D55E00;padding:4px 10px;background:#fff}
@media print{details{display:none}section,figure{break-inside:avoid}}
`;

export function reportHtml(s: FolderSummary, cols: string[], script: string): string {
  const m = s.manifest;
  const reporters = cols.map((c) => c.replace(/_(final|cumulative)$/, ''));
  const names = reporters.map((r) => m.metrics.find((x) => columnName(x) === r) ?? r);
  const pooled = s.summaries.length > MAX_SERIES;
  const hist = histograms(s, cols, pooled);
  const quarters = quarterly(s, names, pooled);
  const metrics: ReportMetric[] = cols.map((col, i) => {
    const spec = reporterSpec(names[i]!);
    return { column: col, reporter: names[i]!, unit: spec?.unit ?? '', rule: col.endsWith('_final') ? 'value in the last quarter' : (spec?.cumulative ?? 'sum'), quarterly: quarters[i]!, distribution: hist[i]! };
  });
  const data: ReportData = { experiment: m.experiment.id, pointNames: s.summaries.map((p) => pointName(s, p)), pooled, metrics, sensitivity: sensitivityData(s, cols) };
  const title = m.experiment.title ?? m.experiment.id;
  const json = JSON.stringify(data, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)).replace(/</g, '\\u003c');
  const description = s.experiment.description ?? '';
  const factors = m.design.factors.length ? m.design.factors.map((f) => `<code>${escPath(f.path)}</code>`).join(', ') : 'none (the scenario as it is, replicated)';
  const metricSections = metrics
    .map(
      (x, i) => `<section id="metric-${i}" aria-labelledby="metric-${i}-h">
<h3 id="metric-${i}-h">${esc(x.reporter)} <span class="note">(${esc(x.unit)}; run value: ${esc(x.rule)})</span></h3>
<div data-metric-charts="${i}"></div>
<div class="scroll" role="region" tabindex="0" aria-label="${esc(x.column)}: per design point">${summaryTable(s, x.column)}</div>
</section>`,
    )
    .join('\n');
  const sensNote = s.sensitivityProblem
    ? `<p>${esc(s.sensitivityProblem)}.</p>`
    : s.sensitivity.length === 0
      ? `<p>This is a ${esc(m.design.type)} design; Sobol' and Morris indices come with sobol and morris designs.</p>`
      : `<p>${m.design.type === 'sobol' ? "Sobol' indices from the Saltelli design (first order: Saltelli et al. 2010; total order: Jansen 1999), computed on each point's mean over its replicates, with percentile bootstrap 95 % intervals." : 'Morris elementary effects (μ*: Campolongo et al. 2007) on each point\'s mean over its replicates, with bootstrap 95 % intervals.'}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Two Fronts experiment report</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${esc(title)}</h1>
<p>${description ? esc(description) : 'Two Fronts experiment report.'}</p>
<dl class="meta">
<dt>experiment</dt><dd>${esc(m.experiment.id)} (${esc(m.experiment.path)})</dd>
<dt>scenario</dt><dd>${esc(m.scenario.id)} (${esc(m.scenario.path)})</dd>
<dt>design</dt><dd>${esc(m.design.type)}, ${m.design.points.toLocaleString('en-US')} points, ${m.replications} replicates per point${m.plan.length > 1 ? ' (more where --target-ci added them)' : ''}</dd>
<dt>factors</dt><dd>${factors}</dd>
<dt>status</dt><dd>${m.status === 'complete' ? 'complete' : `<strong>${esc(unfinishedNote(m, s.dir, s.runs))}</strong>`}</dd>
<dt>runs</dt><dd>${s.runs.toLocaleString('en-US')}${m.shard ? ` (shard ${m.shard.index}/${m.shard.count} only)` : ''}</dd>
<dt>seeds</dt><dd>${esc(m.seedRule)}; experiment seed ${m.seed}</dd>
<dt>made by</dt><dd>two-fronts ${esc(m.version)}${m.gitCommit ? `, commit ${esc(m.gitCommit.slice(0, 12))}` : ''}, Node ${esc(m.node)}; experiment content hash ${esc(m.experiment.contentHash)}; report by two-fronts ${esc(toolVersion())}</dd>
</dl>
${m.status === 'complete' ? '' : `<p class="warning" role="note"><strong>This batch is unfinished</strong>: the report covers the ${s.runs.toLocaleString('en-US')} of ${m.runs.toLocaleString('en-US')} runs done so far.</p>\n`}<noscript><p><strong>The charts need JavaScript</strong>; every table below is complete without it.</p></noscript>
<nav aria-label="Contents"><ul>
${metrics.map((x, i) => `<li><a href="#metric-${i}">${escPath(x.reporter)}</a></li>`).join('\n')}
<li><a href="#effects">Effects between points</a></li>
<li><a href="#sensitivity">Sensitivity</a></li>
</ul></nav>
</header>
<h2 id="metrics">Metrics</h2>
<p class="note">Intervals are 95 % t intervals of the mean over replicates.${pooled ? ` With ${s.summaries.length} design points the charts pool all runs; the tables keep every point.` : ''}</p>
${metricSections}
<h2 id="effects">Effects between points</h2>
<section>${effectsTable(s, cols)}</section>
<h2 id="sensitivity">Sensitivity</h2>
<section>${sensNote}<div data-sensitivity></div></section>
</main>
<script type="application/json" id="report-data">${json}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

export async function reportCommand(dir: string, opts: { out?: string; metric?: string[]; quiet?: boolean }, io: Output): Promise<number> {
  if (!existsSync(REPORT_SCRIPT)) throw new UserError(`the report script is not built (${REPORT_SCRIPT}); run \`npm run build\` in the project folder`, 3);
  const s = summarizeFolder(dir);
  writeSummaryFiles(s);
  if (s.manifest.status !== 'complete' && !opts.quiet) io.err(`${dir}: the batch is ${unfinishedNote(s.manifest, dir, s.runs)}; the report covers only the runs done so far`);
  const cols = opts.metric?.length ? metricsColumns(s.manifest, opts.metric) : s.columns.filter((c) => c.endsWith('_cumulative'));
  const html = reportHtml(s, cols, readFileSync(REPORT_SCRIPT, 'utf8'));
  const out = opts.out ?? join(dir, 'report.html');
  writeAtomic(out, html);
  if (!opts.quiet) io.out(`wrote ${out} (${(html.length / 1024).toFixed(0)} kB, ${cols.length} metrics, opens offline)`);
  return 0;
}
