/**
 * The script inside a research report (bundled with d3 into one inline
 * script by vite.report.config.ts): reads the embedded JSON and draws, per
 * metric, its course per quarter with 95 % bands and its distribution per
 * point, and the sensitivity bars. Each chart is an SVG with a title and
 * description, followed by its numbers as a table for screen readers and
 * for copying. Its words and numbers are in the report's language: the
 * embedded data carries the locale and the messages it needs (only those of
 * that language).
 */
import { bandChart } from './report-bands.js';
import { REPORT_WIDTH, type ReportData, type ReportMetric } from './report-data.js';
import { distributionChart } from './report-distribution.js';
import { short } from './frame.js';
import { sensitivityChart } from './report-sensitivity.js';
import { markScrollable } from './scroll.js';

let locale = 'en-US';
let messages: Record<string, string> = {};

/** A number as a short label for the report's locale. */
const fmt = (x: number) => short(x, locale);

/** The embedded message `research.chart.<key>` with its {placeholders} filled (numbers written for the locale). */
function tr(key: string, params: Record<string, string | number> = {}): string {
  const template = messages[`research.chart.${key}`] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
  });
}

const interval = (low: number | undefined, high: number | undefined) => tr('interval', { low: fmt(low ?? NaN), high: fmt(high ?? NaN) });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The width to draw a chart at: the room its container has, at most the
 * report's full width. Drawn at that size, a chart's text shows at its own
 * size in a narrow window instead of shrinking with the picture.
 */
function roomIn(host: Element): number {
  const style = getComputedStyle(host);
  const room = host.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return room > 0 ? Math.round(Math.max(360, Math.min(REPORT_WIDTH, room))) : REPORT_WIDTH;
}

/** Every chart with how to draw it again, so a window resized for good gets charts drawn for its room. */
const charts: { host: Element; draw: (width: number) => SVGSVGElement; svg: SVGSVGElement; width: number }[] = [];

/** Draws a chart for the room in `host` and remembers how, for a later resize. */
function sized(host: Element, draw: (width: number) => SVGSVGElement): SVGSVGElement {
  const width = roomIn(host);
  const svg = draw(width);
  charts.push({ host, draw, svg, width });
  return svg;
}

let redraw: ReturnType<typeof setTimeout> | undefined;
/** After a resize has settled, redraws each chart whose room changed by more than a little. */
function scheduleRedraw(): void {
  clearTimeout(redraw);
  redraw = setTimeout(() => {
    for (const c of charts) {
      const width = roomIn(c.host);
      if (Math.abs(width - c.width) < 24) continue;
      const svg = c.draw(width);
      c.svg.replaceWith(svg);
      Object.assign(c, { svg, width });
    }
  }, 150);
}

let pending = false;
function scheduleMark(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    markScrollable(document.querySelectorAll<HTMLElement>('.scroll'));
  });
}

/** A row name with a line-break opportunity after each dot or underscore inside a path or column name. */
function breakable(text: string): DocumentFragment {
  const f = document.createDocumentFragment();
  text.split(/(?<=[A-Za-z*][._])(?=[A-Za-z*])/).forEach((part, i) => {
    if (i > 0) f.append(el('wbr'));
    f.append(part);
  });
  return f;
}

let tables = 0;

function dataTable(caption: string, head: string[], rows: (string | number)[][]): HTMLElement {
  const details = el('details');
  details.append(el('summary', tr('tableSummary', { caption })));
  const box = el('div');
  box.className = 'scroll';
  const table = el('table');
  const id = `data-table-${++tables}`;
  const cap = el('caption', caption);
  cap.id = id;
  box.setAttribute('aria-labelledby', id);
  table.append(cap);
  const thead = el('thead');
  const headRow = el('tr');
  for (const h of head) {
    const th = el('th', h);
    th.scope = 'col';
    headRow.append(th);
  }
  thead.append(headRow);
  table.append(thead);
  const tbody = el('tbody');
  for (const r of rows) {
    const row = el('tr');
    r.forEach((c, i) => {
      const cell = i === 0 ? el('th') : el('td', typeof c === 'number' ? fmt(c) : c);
      if (i === 0) cell.append(breakable(String(c)));
      if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
      row.append(cell);
    });
    tbody.append(row);
  }
  table.append(tbody);
  box.append(table);
  details.append(box);
  return details;
}

function metricCharts(m: ReportMetric, host: Element): void {
  const label = `${m.reporter} (${m.unit})`;
  if (m.quarterly) {
    const desc = m.quarterly.length === 1 ? tr('band.descPooled', { reporter: m.reporter }) : tr('band.descPoints', { reporter: m.reporter, count: m.quarterly.length });
    const quarterLabel = (q: number) => tr('q', { q: String(q) });
    const series = m.quarterly;
    host.append(sized(host, (width) => bandChart({ title: tr('band.title', { reporter: m.reporter }), description: desc, yLabel: label, series, locale, xLabel: tr('quarter'), quarterLabel, width })));
    const quarters = m.quarterly[0]?.mean.length ?? 0;
    host.append(
      dataTable(
        tr('band.table', { reporter: m.reporter }),
        [tr('series'), ...Array.from({ length: quarters }, (_, q) => quarterLabel(q + 1))],
        m.quarterly.map((s) => [s.name, ...s.mean.map((v, q) => `${fmt(v)} ${interval(s.low[q], s.high[q])}`)]),
      ),
    );
  }
  const d = m.distribution;
  host.append(
    sized(host, (width) =>
      distributionChart({
        title: tr('dist.title', { column: m.column }),
        description: tr('dist.desc', { column: m.column, rule: m.rule, which: d.rows.length === 1 ? tr('dist.allRuns') : tr('dist.points', { count: d.rows.length }) }),
        xLabel: `${m.column} (${m.unit})`,
        edges: d.edges,
        rows: d.rows,
        locale,
        width,
      }),
    ),
  );
  host.append(
    dataTable(
      tr('dist.title', { column: m.column }),
      [tr('series'), tr('mean'), tr('ci'), ...d.edges.slice(0, -1).map((e, b) => `${fmt(e)}–${fmt(d.edges[b + 1]!)}`)],
      d.rows.map((r) => [r.name, r.mean, interval(r.low, r.high), ...r.counts]),
    ),
  );
}

function render(): void {
  const node = document.getElementById('report-data');
  if (!node?.textContent) return;
  const data = JSON.parse(node.textContent) as ReportData;
  locale = data.locale;
  messages = data.messages;
  data.metrics.forEach((m, i) => {
    const host = document.querySelector(`[data-metric-charts="${i}"]`);
    if (host) metricCharts(m, host);
  });
  const sens = document.querySelector('[data-sensitivity]');
  if (sens) {
    for (const s of data.sensitivity) {
      const fig = el('figure');
      sens.append(fig);
      const method = s.method === 'sobol' ? 'sobol' : 'morris';
      fig.append(
        sized(fig, (width) =>
          sensitivityChart({
            title: tr(`${method}.title`, { metric: s.metric }),
            description: tr(`${method}.desc`, { metric: s.metric }),
            indexNames: s.indexNames,
            bars: s.bars,
            // A unit that is a range (0..1) or none says nothing an effect "per full range" needs.
            xLabel: tr(method === 'morris' && (s.unit === '' || s.unit.includes('..')) ? 'morris.axis.plain' : `${method}.axis`, { metric: s.metric, unit: s.unit }),
            locale,
            width,
          }),
        ),
      );
      fig.append(
        dataTable(
          tr(method === 'sobol' ? 'sobol.title' : 'morris.table', { metric: s.metric }),
          [tr('factor'), ...s.indexNames.flatMap((n) => [n, tr('indexCi', { index: n })])],
          s.bars.map((b) => [b.factor, ...b.values.flatMap((v) => [v.value, v.low === undefined ? '–' : interval(v.low, v.high)])]),
        ),
      );
    }
  }
  markScrollable(document.querySelectorAll<HTMLElement>('.scroll'));
  window.addEventListener('resize', scheduleMark);
  window.addEventListener('resize', scheduleRedraw);
  // toggle does not bubble: listen in the capture phase for every details element.
  document.addEventListener('toggle', scheduleMark, true);
  document.documentElement.classList.add('charts-ready');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
else render();
