/**
 * `two-fronts report DIR`: one self-contained HTML file (styles, data, and
 * the chart script with d3 all inline; no network, opens from file://) with
 * each metric's course per quarter with 95 % bands per design point, its
 * distribution per point, the sensitivity bars, the effects between points
 * and the summary table. Tables are plain HTML (readable without script);
 * every chart has a title, a description and its numbers as a table.
 * Every word and number is written in the report's language (`--lang`, en or
 * nl, from the `research.*` messages of src/i18n/report.*.ts); the page
 * script gets the messages it needs in that language only. What the command
 * says on the screen (its note, its errors) is in that language too, from
 * the `cli.*` messages.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportData, ReportMetric, ReportSensitivity, ReportSeries } from '../../charts/report-data.js';
import { shortFactorNames } from '../../experiment/factors.js';
import { shardRuns } from '../../experiment/plan.js';
import { meanInterval, Welford } from '../../experiment/stats.js';
import type { PointSummary } from '../../experiment/summary.js';
import { reporterSpec } from '../../sim/index.js';
import { columnName } from '../csv.js';
import { parseLang } from '../lang.js';
import { EXIT_INTERNAL, UserError } from '../errors.js';
import { writeAtomic } from '../io.js';
import { decimalsBelow1000, largeNumber, type ScaleMessages } from '../table.js';
import { finishCommand } from '../output/manifest.js';
import { numberCell, readRows, requireRuns, tableSource, toNumber } from '../output/read.js';
import { formatNumber, has, locale, register, t, tn, type Lang } from '../../i18n/index.js';
import { en as reportEn } from '../../i18n/report.en.js';
import { nl as reportNl } from '../../i18n/report.nl.js';
import { SEED_RULE_TEXT } from '../../experiment/seeds.js';
import { ROOT, toolVersion } from '../version.js';
import { FACTOR_SEPARATOR, metricsColumns, pointsWithoutRuns, shownValue, summarizeFolder, unfinishedNote, writeSummaryFiles, type FolderSummary } from './summarize.js';
import type { Output } from './validate.js';

export const REPORT_SCRIPT = join(ROOT, 'dist', 'report', 'report-app.js');
const MAX_SERIES = 12;
const BINS = 30;

register(reportEn, reportNl);

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Escaped, with a line-break opportunity after each dot or underscore inside a path or column name (never inside a number). */
const escPath = (s: string) => esc(s).replace(/(?<=[A-Za-z*][._])(?=[A-Za-z*])/g, '<wbr>');

/** Large numbers: two decimals of a million, billion or trillion, the largest that keeps the number below 1,000 where there is one. */
const SCALES: ScaleMessages = { million: 'research.num.million', billion: 'research.num.billion', trillion: 'research.num.trillion' };

/**
 * A number in a report table, written for the language: three decimals below
 * 100, whole numbers up to a million (thousands grouped), then two decimals
 * of a million, billion or trillion (as `summarize` shows them in English).
 */
function num(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  if (Math.round(abs) < 1000) return formatNumber(x, lang, decimalsBelow1000(abs, 3));
  if (Math.round(abs) < 1e6) return formatNumber(Math.round(x), lang, 0);
  return largeNumber(x, lang, SCALES);
}

const interval = (low: number, high: number, lang: Lang) => (Number.isFinite(low) && Number.isFinite(high) ? `${num(low, lang)} – ${num(high, lang)}` : '–');

/** A count with its thousands grouped for the language. */
const count = (n: number, lang: Lang) => formatNumber(n, lang, 0);

function pointName(s: FolderSummary, p: PointSummary, lang: Lang): string {
  const f = s.manifest.design.factors;
  if (f.length === 0) return t('research.point.asIs', {}, lang);
  const names = shortFactorNames(f.map((x) => x.path));
  return `${p.point + 1}: ${f.map((x, i) => `${names[i]}${x.spec.kind === 'scale' ? '\u00a0×' : '='}${shownValue(p.values[i]!, lang)}`).join(FACTOR_SEPARATOR[lang])}`;
}

/** The factors an effect held equal, one `path=value` (or `path ×value` for a scale) each, at the values of its point A. */
function heldEqual(s: FolderSummary, e: FolderSummary['effects'][number], lang: Lang): string[] {
  const values = s.summaries[e.pointA]!.values;
  return s.manifest.design.factors.flatMap((f, j) => (f.path === e.factor ? [] : [`${f.path}${f.spec.kind === 'scale' ? '\u00a0×' : '='}${shownValue(values[j]!, lang)}`]));
}

function histograms(s: FolderSummary, cols: string[], pooled: boolean, lang: Lang): ReportMetric['distribution'][] {
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
  const src = requireRuns(s.dir, m, lang);
  const colAt = cols.map((c) => m.columns.runs.indexOf(c));
  const pointAt = m.columns.runs.indexOf('point_id');
  for (const { cells, number } of readRows(src, lang)) {
    const point = toNumber(cells[pointAt]!) - 1;
    colAt.forEach((at, k) => {
      const v = numberCell(cells[at]!, src, number, at, lang);
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
          return { name: t('research.point.allNRuns', { count: w.n }, lang), counts: counts[k]![0]!, mean: w.mean, low: ci.low, high: ci.high };
        })()]
      : s.summaries.map((p, i) => ({ name: pointName(s, p, lang), counts: counts[k]![i]!, mean: p.stats[c]!.mean, low: p.stats[c]!.low, high: p.stats[c]!.high })),
  }));
}

function quarterly(s: FolderSummary, reporters: string[], pooled: boolean, lang: Lang): (ReportSeries[] | null)[] {
  const m = s.manifest;
  const src = tableSource(s.dir, m, 'quarters');
  if (!m.perQuarter || !src) return reporters.map(() => null);
  const at = reporters.map((r) => m.columns.quarters.indexOf(columnName(r)));
  const groups = pooled ? 1 : s.summaries.length;
  const acc: Welford[][][] = reporters.map(() => Array.from({ length: groups }, () => []));
  const runs = shardRuns(m.plan, m.shard);
  let current = runs.next();
  /** The position of `current` among the folder's runs (1 for its first). */
  let position = 1;
  let rows = 0;
  for (const { cells, number } of readRows(src, lang)) {
    const runId = toNumber(cells[0]!);
    while (!current.done && current.value.runId < runId) {
      current = runs.next();
      position++;
    }
    if (current.done || current.value.runId !== runId) throw new UserError(t('cli.report.notInPlan', { path: src.path, run: String(runId) }, lang));
    // A run's quarters are written before its row in runs.csv, so an unfinished batch can hold the quarters of a run that runs.csv does not have yet: the bands leave it out, as the distributions and tables do.
    if (position > s.runs) break;
    rows++;
    const group = pooled ? 0 : current.value.point;
    const q = toNumber(cells[1]!) - 1;
    at.forEach((col, k) => {
      const series = acc[k]![group]!;
      while (series.length <= q) series.push(new Welford());
      series[q]!.add(numberCell(cells[col]!, src, number, col, lang));
    });
  }
  // A finished batch whose quarters file holds other than the rows its manifest lists was cut or edited (a row doubled or lost): its bands would mislead.
  if (m.status === 'complete' && m.rows && rows !== m.rows.quarters) throw new UserError(t('cli.quarters.count', { path: src.path, found: rows, expected: m.rows.quarters }, lang));
  return reporters.map((_, k) =>
    acc[k]!.map((series, g) => {
      const stats = series.map((w) => ({ w, ci: meanInterval(w.n, w.mean, w.sd) }));
      return {
        name: pooled ? t('research.point.allRuns', {}, lang) : pointName(s, s.summaries[g]!, lang),
        mean: stats.map((x) => (x.w.n ? x.w.mean : NaN)),
        low: stats.map((x) => x.ci.low),
        high: stats.map((x) => x.ci.high),
      };
    }),
  );
}

function summaryTable(s: FolderSummary, col: string, lang: Lang): string {
  const c = s.columns.indexOf(col);
  const m = (key: string) => esc(t(`research.col.${key}`, {}, lang));
  const rows = s.summaries
    .map((p) => {
      const st = p.stats[c]!;
      return `<tr><th scope="row">${escPath(pointName(s, p, lang))}</th><td>${count(st.n, lang)}</td><td>${num(st.mean, lang)}</td><td>${interval(st.low, st.high, lang)}</td><td>${num(st.sd, lang)}</td><td>${num(st.min, lang)}</td><td>${num(st.max, lang)}</td></tr>`;
    })
    .join('\n');
  const head = ['point', 'n', 'mean', 'ci', 'sd', 'min', 'max'].map((k) => `<th scope="col">${m(k)}</th>`).join('');
  return `<table class="numbers"><caption>${esc(t('research.summary.caption', { column: col }, lang))}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/**
 * The effects, one row group per metric (so the metric is not a column of its
 * own): the change, the factors held equal (one per line), the difference
 * with its interval, d and the sample sizes.
 */
function effectsTable(s: FolderSummary, cols: string[], lang: Lang): string {
  const eff = s.effects.filter((e) => cols.includes(e.metric)).sort((a, b) => cols.indexOf(a.metric) - cols.indexOf(b.metric));
  if (eff.length === 0) return `<p>${esc(t('research.effects.none', {}, lang))}</p>`;
  const shownRows = eff.slice(0, 400);
  const m = (key: string) => esc(t(`research.col.${key}`, {}, lang));
  const groups = cols
    .map((metric) => ({ metric, rows: shownRows.filter((e) => e.metric === metric) }))
    .filter((g) => g.rows.length > 0)
    .map(
      (g) =>
        `<tbody><tr><th scope="rowgroup" colspan="6" class="group">${escPath(g.metric)}</th></tr>\n${g.rows
          .map(
            (e) =>
              `<tr><th scope="row">${escPath(e.factor)}:<br><span class="nobr">${esc(shownValue(e.levelA, lang))} →</span> <span class="nobr">${esc(shownValue(e.levelB, lang))}</span></th><td class="text">${heldEqual(s, e, lang).map(escPath).join('<br>') || '–'}</td><td>${num(e.difference, lang)}</td><td>${interval(e.low, e.high, lang)}</td><td>${num(e.cohensD, lang)}</td><td>${count(e.nA, lang)} / ${count(e.nB, lang)}</td></tr>`,
          )
          .join('\n')}</tbody>`,
    )
    .join('\n');
  const more = eff.length - shownRows.length;
  return `<div class="scroll" role="region" tabindex="0" aria-labelledby="effects-caption"><table class="numbers"><caption id="effects-caption">${esc(t('research.effects.caption', {}, lang))}</caption><thead><tr><th scope="col">${m('change')}</th><th scope="col" class="text">${m('heldEqual')}</th><th scope="col">${m('difference')}</th><th scope="col">${m('ci')}</th><th scope="col">${m('d')}</th><th scope="col">${m('nAB')}</th></tr></thead>\n${groups}\n</table></div>${more > 0 ? `<p>${esc(tn('research.effects.more', more, {}, lang))}</p>` : ''}`;
}

function sensitivityData(s: FolderSummary, cols: string[], units: string[], lang: Lang): ReportSensitivity[] {
  return s.sensitivity
    .filter((r) => cols.includes(r.metric))
    .map((r) =>
      r.method === 'sobol'
        ? { method: 'sobol', metric: r.metric, unit: units[cols.indexOf(r.metric)]!, indexNames: [t('research.sobol.S1', {}, lang), t('research.sobol.ST', {}, lang)], bars: r.indices.map((i) => ({ factor: i.path, values: [{ value: i.S1, low: i.S1Low, high: i.S1High }, { value: i.ST, low: i.STLow, high: i.STHigh }] })) }
        : { method: 'morris', metric: r.metric, unit: units[cols.indexOf(r.metric)]!, indexNames: ['μ*', 'σ'], bars: r.indices.map((i) => ({ factor: i.path, values: [{ value: i.muStar, low: i.muStarLow, high: i.muStarHigh }, { value: i.sigma }] })) },
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

/** The page script's messages (`research.chart.*`) in one language, to embed in the report. */
function scriptMessages(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.keys(reportEn).filter((k) => k.startsWith('research.chart.')).map((k) => [k, t(k, {}, lang)]));
}

/** The opening of the script element that holds a report's data: also how `--out` tells a report it may replace. */
const DATA_OPENING = '<script type="application/json" id="report-data">';

export function reportHtml(s: FolderSummary, cols: string[], script: string, lang: Lang = 'en'): string {
  const m = s.manifest;
  const tr = (key: string, params: Record<string, string | number> = {}) => t(key, params, lang);
  const reporters = cols.map((c) => c.replace(/_(final|cumulative)$/, ''));
  const names = reporters.map((r) => m.metrics.find((x) => columnName(x) === r) ?? r);
  const pooled = s.summaries.length > MAX_SERIES;
  const hist = histograms(s, cols, pooled, lang);
  const quarters = quarterly(s, names, pooled, lang);
  const metrics: ReportMetric[] = cols.map((col, i) => {
    const spec = reporterSpec(names[i]!);
    const unit = spec?.unit ?? '';
    return {
      column: col,
      reporter: names[i]!,
      unit: has(`research.unit.${unit}`) ? tr(`research.unit.${unit}`) : unit,
      rule: tr(`research.rule.${col.endsWith('_final') ? 'final' : (spec?.cumulative ?? 'sum')}`),
      quarterly: quarters[i]!,
      distribution: hist[i]!,
    };
  });
  const data: ReportData = {
    locale: locale(lang),
    messages: scriptMessages(lang),
    experiment: m.experiment.id,
    pointNames: s.summaries.map((p) => pointName(s, p, lang)),
    pooled,
    metrics,
    sensitivity: sensitivityData(s, cols, metrics.map((x) => x.unit), lang),
  };
  const title = m.experiment.title ?? m.experiment.id;
  const json = JSON.stringify(data, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)).replace(/</g, '\\u003c');
  const description = s.experiment.description ?? '';
  const factors = m.design.factors.length ? m.design.factors.map((f) => `<code>${escPath(f.path)}</code>`).join(', ') : esc(tr('research.factors.none'));
  const metricSections = metrics
    .map(
      (x, i) => `<section id="metric-${i}" aria-labelledby="metric-${i}-h">
<h3 id="metric-${i}-h">${esc(x.reporter)} <span class="note">${esc(tr('research.metric.note', { unit: x.unit, rule: x.rule }))}</span></h3>
<div data-metric-charts="${i}"></div>
<div class="scroll" role="region" tabindex="0" aria-label="${esc(tr('research.summary.region', { column: x.column }))}">${summaryTable(s, x.column, lang)}</div>
</section>`,
    )
    .join('\n');
  const missing = pointsWithoutRuns(s);
  const sensNote = s.sensitivityProblem
    ? `<p>${esc(missing > 0 ? tn('research.sens.missing', missing, {}, lang) : `${s.sensitivityProblem}.`)}</p>`
    : s.sensitivity.length === 0
      ? `<p>${esc(tr('research.sens.none', { type: m.design.type }))}</p>`
      : `<p>${esc(tr(m.design.type === 'sobol' ? 'research.sens.sobol' : 'research.sens.morris'))}</p>`;
  // Sobol' and Morris points differ in one factor by design: their effects are the indices, and the indices are the point of the design.
  const sampledPairs = m.design.type === 'sobol' || m.design.type === 'morris';
  const hasEffects = s.effects.some((e) => cols.includes(e.metric));
  const hasIndices = s.sensitivity.some((r) => cols.includes(r.metric));
  const sensitivitySection = `<h2 id="sensitivity">${esc(tr('research.h.sensitivity'))}</h2>
<section>${sensNote}<div data-sensitivity></div></section>`;
  const effectsSection = sampledPairs ? '' : `<h2 id="effects">${esc(tr('research.h.effects'))}</h2>
<section>${effectsTable(s, cols, lang)}</section>`;
  const metricsSection = `<h2 id="metrics">${esc(tr('research.h.metrics'))}</h2>
<p class="note">${esc(tr('research.metrics.note'))}${pooled ? ` ${esc(tr('research.metrics.pooled', { count: s.summaries.length }))}` : ''}</p>
${metricSections}`;
  // The contents name the sections that hold something (a section that only says why it is empty is left out).
  const sensitivityLink = hasIndices ? [`<li><a href="#sensitivity">${esc(tr('research.h.sensitivity'))}</a></li>`] : [];
  const contents = [
    ...(sampledPairs ? sensitivityLink : []),
    ...metrics.map((x, i) => `<li><a href="#metric-${i}">${escPath(x.reporter)}</a></li>`),
    ...(hasEffects && !sampledPairs ? [`<li><a href="#effects">${esc(tr('research.h.effects'))}</a></li>`] : []),
    ...(sampledPairs ? [] : sensitivityLink),
  ];
  const body = sampledPairs ? [sensitivitySection, metricsSection] : [metricsSection, effectsSection, sensitivitySection];
  const design = [
    m.design.type,
    tn('research.design.points', m.design.points, {}, lang),
    `${tn('research.design.replicates', m.replications, {}, lang)}${m.plan.length > 1 ? ` (${tr('research.design.grown')})` : ''}`,
  ].join(', ');
  const status =
    m.status === 'complete'
      ? esc(tr('research.status.complete'))
      : `<strong>${esc(tr('research.status.unfinished', { done: count(s.runs, lang), total: count(m.runs, lang), command: finishCommand(m.experiment, s.dir, m.shard) }))}</strong>`;
  const runs = m.shard ? tr('research.runs.shard', { runs: count(s.runs, lang), index: String(m.shard.index), count: String(m.shard.count) }) : count(s.runs, lang);
  const seedRule = m.seedRule === SEED_RULE_TEXT ? tr('research.seedRule') : m.seedRule;
  const madeBy = tr('research.madeBy', {
    version: m.version,
    commit: m.gitCommit ? tr('research.madeBy.commit', { commit: m.gitCommit.slice(0, 12) }) : '',
    node: m.node,
    hash: m.experiment.contentHash,
    tool: toolVersion(),
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(tr('research.documentTitle', { title }))}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${esc(title)}</h1>
<p>${esc(description || tr('research.intro'))}</p>
<dl class="meta">
<dt>${esc(tr('research.meta.experiment'))}</dt><dd>${esc(m.experiment.id)} (${esc(m.experiment.path)})</dd>
<dt>${esc(tr('research.meta.scenario'))}</dt><dd>${esc(m.scenario.id)} (${esc(m.scenario.path)})</dd>
<dt>${esc(tr('research.meta.design'))}</dt><dd>${esc(design)}</dd>
<dt>${esc(tr('research.meta.factors'))}</dt><dd>${factors}</dd>
<dt>${esc(tr('research.meta.status'))}</dt><dd>${status}</dd>
<dt>${esc(tr('research.meta.runs'))}</dt><dd>${esc(runs)}</dd>
<dt>${esc(tr('research.meta.seeds'))}</dt><dd>${esc(tr('research.seeds', { rule: seedRule, seed: String(m.seed) }))}</dd>
<dt>${esc(tr('research.meta.madeBy'))}</dt><dd>${esc(madeBy)}</dd>
</dl>
${m.status === 'complete' ? '' : `<p class="warning" role="note"><strong>${esc(tr('research.unfinished.title'))}</strong>: ${esc(tr('research.unfinished.body', { done: count(s.runs, lang), total: count(m.runs, lang) }))}</p>\n`}<noscript><p><strong>${esc(tr('research.noscript.title'))}</strong>; ${esc(tr('research.noscript.body'))}</p></noscript>
<nav aria-label="${esc(tr('research.nav'))}"><ul>
${contents.join('\n')}
</ul></nav>
</header>
${body.join('\n')}
</main>
${DATA_OPENING}${json}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

/**
 * A report replaces an earlier report (the folder's own report.html, or a file
 * holding a report's data), never another file given as --out by mistake: an
 * experiment file, or a web page of one's own.
 */
function refuseToReplace(out: string, ownReport: string, lang: Lang): void {
  if (out === ownReport || !existsSync(out) || !statSync(out).isFile()) return;
  if (!readFileSync(out, 'utf8').includes(DATA_OPENING)) throw new UserError(t('cli.report.notReport', { path: out }, lang));
}

export async function reportCommand(dir: string, opts: { out?: string; metric?: string[]; lang?: string; quiet?: boolean }, io: Output): Promise<number> {
  const lang = parseLang(opts.lang);
  if (!existsSync(REPORT_SCRIPT)) throw new UserError(t('cli.report.notBuilt', { path: REPORT_SCRIPT }, lang), EXIT_INTERNAL);
  const s = summarizeFolder(dir, { lang });
  writeSummaryFiles(s);
  if (s.manifest.status !== 'complete' && !opts.quiet) io.err(t('cli.report.unfinished', { dir, note: unfinishedNote(s.manifest, dir, s.runs, lang) }, lang));
  const cols = opts.metric?.length ? metricsColumns(s.manifest, opts.metric, lang) : s.columns.filter((c) => c.endsWith('_cumulative'));
  const html = reportHtml(s, cols, readFileSync(REPORT_SCRIPT, 'utf8'), lang);
  const own = join(dir, 'report.html');
  const out = opts.out ?? own;
  refuseToReplace(out, own, lang);
  writeAtomic(out, html, lang);
  if (!opts.quiet) io.out(tn('cli.report.wrote', cols.length, { path: out, size: (html.length / 1024).toFixed(0), count: String(cols.length) }, lang));
  return 0;
}
