/**
 * The script inside a research report (bundled with d3 into one inline
 * script by vite.report.config.ts): reads the embedded JSON and draws, per
 * metric, its course per quarter with 95 % bands and its distribution per
 * point, and the sensitivity bars. Each chart is an SVG with a title and
 * description, followed by its numbers as a table for screen readers and
 * for copying.
 */
import { bandChart } from './report-bands.js';
import type { ReportData, ReportMetric } from './report-data.js';
import { distributionChart } from './report-distribution.js';
import { short } from './frame.js';
import { sensitivityChart } from './report-sensitivity.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Wide tables scroll sideways in a container of their own. A container is a
 * keyboard stop and a region named by its table's caption while (and only
 * while) its table is wider than it: on load, on resize and when a details
 * element opens.
 */
function markScrollable(): void {
  for (const box of document.querySelectorAll<HTMLElement>('.scroll')) {
    // The name is kept in a data attribute while the box is no region (a plain div may not carry one).
    for (const name of ['aria-label', 'aria-labelledby']) {
      const v = box.getAttribute(name);
      if (v !== null) box.dataset[name === 'aria-label' ? 'label' : 'labelledby'] = v;
    }
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      if (box.dataset.label) box.setAttribute('aria-label', box.dataset.label);
      if (box.dataset.labelledby) box.setAttribute('aria-labelledby', box.dataset.labelledby);
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      box.removeAttribute('aria-labelledby');
    }
  }
}

let pending = false;
function scheduleMark(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    markScrollable();
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
  details.append(el('summary', `${caption}: the numbers as a table`));
  const box = el('div');
  box.className = 'scroll';
  const table = el('table');
  const id = `data-table-${++tables}`;
  const cap = el('caption', caption);
  cap.id = id;
  box.setAttribute('aria-labelledby', id);
  table.append(cap);
  const thead = el('thead');
  const tr = el('tr');
  for (const h of head) {
    const th = el('th', h);
    th.scope = 'col';
    tr.append(th);
  }
  thead.append(tr);
  table.append(thead);
  const tbody = el('tbody');
  for (const r of rows) {
    const row = el('tr');
    r.forEach((c, i) => {
      const cell = i === 0 ? el('th') : el('td', typeof c === 'number' ? short(c) : c);
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
    const desc =
      m.quarterly.length === 1
        ? `Mean of ${m.reporter} per quarter over all runs, with its 95% confidence band.`
        : `Mean of ${m.reporter} per quarter for each of ${m.quarterly.length} design points, each with its 95% confidence band. Series differ in colour, dash pattern and marker.`;
    host.append(bandChart({ title: `${m.reporter} per quarter`, description: desc, yLabel: label, series: m.quarterly }));
    const quarters = m.quarterly[0]?.mean.length ?? 0;
    host.append(
      dataTable(
        `${m.reporter} per quarter (mean [95% CI])`,
        ['series', ...Array.from({ length: quarters }, (_, q) => `Q${q + 1}`)],
        m.quarterly.map((s) => [s.name, ...s.mean.map((v, q) => `${short(v)} [${short(s.low[q]!)}, ${short(s.high[q]!)}]`)]),
      ),
    );
  }
  const d = m.distribution;
  host.append(
    distributionChart({
      title: `Distribution of ${m.column}`,
      description: `Histogram of ${m.column} (${m.rule} over the quarters of each run) for ${d.rows.length === 1 ? 'all runs' : `each of ${d.rows.length} design points`}; the marker is the mean and the black bar its 95% confidence interval, with an arrowhead where the interval reaches past the range of the runs.`,
      xLabel: `${m.column} (${m.unit})`,
      edges: d.edges,
      rows: d.rows,
    }),
  );
  host.append(
    dataTable(
      `Distribution of ${m.column}`,
      ['series', 'mean', '95% CI', ...d.edges.slice(0, -1).map((e, b) => `${short(e)}–${short(d.edges[b + 1]!)}`)],
      d.rows.map((r) => [r.name, r.mean, `[${short(r.low)}, ${short(r.high)}]`, ...r.counts]),
    ),
  );
}

function render(): void {
  const node = document.getElementById('report-data');
  if (!node?.textContent) return;
  const data = JSON.parse(node.textContent) as ReportData;
  data.metrics.forEach((m, i) => {
    const host = document.querySelector(`[data-metric-charts="${i}"]`);
    if (host) metricCharts(m, host);
  });
  const sens = document.querySelector('[data-sensitivity]');
  if (sens) {
    for (const s of data.sensitivity) {
      const fig = el('figure');
      const isSobol = s.method === 'sobol';
      fig.append(
        sensitivityChart({
          title: `${isSobol ? "Sobol' indices" : 'Morris elementary effects'} of ${s.metric}`,
          description: isSobol
            ? `First-order (S1, solid) and total-order (ST, hatched) Sobol' indices of ${s.metric} per factor, with bootstrap 95% intervals.`
            : `Morris μ* (solid, with bootstrap 95% interval) and σ (hatched) of ${s.metric} per factor.`,
          indexNames: s.indexNames,
          bars: s.bars,
          xLabel: isSobol ? 'share of output variance' : `elementary effect on ${s.metric}`,
        }),
      );
      fig.append(
        dataTable(
          `${s.method} indices of ${s.metric}`,
          ['factor', ...s.indexNames.flatMap((n) => [n, `${n} 95% CI`])],
          s.bars.map((b) => [b.factor, ...b.values.flatMap((v) => [v.value, v.low === undefined ? '–' : `[${short(v.low)}, ${short(v.high!)}]`])]),
        ),
      );
      sens.append(fig);
    }
  }
  markScrollable();
  window.addEventListener('resize', scheduleMark);
  // toggle does not bubble: listen in the capture phase for every details element.
  document.addEventListener('toggle', scheduleMark, true);
  document.documentElement.classList.add('charts-ready');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
else render();
