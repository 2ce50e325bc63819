/**
 * Sensitivity bars: per factor, horizontal bars of one or two indices (Sobol'
 * first-order S1 and total ST; or Morris μ* and σ), each with its confidence
 * interval as an error bar. The two indices differ in fill pattern (solid,
 * hatched) as well as colour.
 * Imports d3 and the report frame.
 */
import { axisBottom, scaleBand, scaleLinear } from 'd3';
import { axisLabel, fitText, frame, patternFill, short, styleAxis, textWidth, writeLines } from './frame.js';
import { REPORT_WIDTH } from './report-data.js';
import { seriesStyle, UI } from './palette.js';

export interface SensitivityBar {
  factor: string;
  values: { value: number; low?: number; high?: number }[];
}

export function sensitivityChart(o: { title: string; description: string; indexNames: string[]; bars: SensitivityBar[]; xLabel: string; width?: number; locale?: string }): SVGSVGElement {
  const width = o.width ?? REPORT_WIDTH;
  // Factor paths get the room they need, up to two fifths of the chart; longer ones wrap at their dots onto two lines, cut at the start beyond that.
  const labels = o.bars.map((b) => fitText(b.factor, Math.round(width * 0.4), { lines: 2, keep: 'end' }));
  const labelW = Math.max(40, ...labels.flatMap((l) => l.lines.map((x) => textWidth(x))));
  const f = frame({
    title: o.title,
    description: o.description,
    width,
    height: Math.max(120, o.bars.length * 44 + 60),
    margin: { top: 10, right: 24, bottom: 44, left: Math.ceil(labelW) + 20 },
    legend: o.indexNames.map((name, i) => ({ name, style: i, kind: 'box' as const })),
  });
  const all = o.bars.flatMap((b) => b.values.flatMap((v) => [v.value, v.low ?? v.value, v.high ?? v.value])).filter(Number.isFinite);
  const lo = Math.min(0, ...all);
  const hi = Math.max(0.0001, ...all);
  const x = scaleLinear().domain([lo, hi]).nice().range([0, f.inner.w]);
  const y = scaleBand<string>().domain(o.bars.map((b) => b.factor)).range([0, f.inner.h]).padding(0.25);
  const inner = scaleBand<number>().domain(o.indexNames.map((_, i) => i)).range([0, y.bandwidth()]).padding(0.1);
  styleAxis(f.plot.append('g').attr('transform', `translate(0,${f.inner.h})`).call(axisBottom(x).ticks(6).tickFormat((v) => short(Number(v), o.locale))));
  axisLabel(f, o.xLabel, 'x');
  f.plot.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', 0).attr('y2', f.inner.h).attr('stroke', UI.inkSoft);
  o.bars.forEach((b, k) => {
    const g = f.plot.append('g').attr('transform', `translate(0,${y(b.factor)})`);
    const label = labels[k]!;
    const lineH = 15;
    writeLines(g.append('text').attr('x', -10).attr('y', y.bandwidth() / 2 + 4 - ((label.lines.length - 1) * lineH) / 2).attr('text-anchor', 'end').attr('fill', UI.ink), label, lineH);
    b.values.forEach((v, i) => {
      if (!Number.isFinite(v.value)) return;
      const st = seriesStyle(i);
      const top = inner(i)!;
      const h = inner.bandwidth();
      g.append('rect')
        .attr('aria-hidden', 'true')
        .attr('x', Math.min(x(0), x(v.value)))
        .attr('width', Math.abs(x(v.value) - x(0)))
        .attr('y', top)
        .attr('height', h)
        .attr('fill', patternFill(f.svg, i))
        .attr('stroke', st.color);
      if (v.low !== undefined && v.high !== undefined && Number.isFinite(v.low) && Number.isFinite(v.high)) {
        const mid = top + h / 2;
        const e = g.append('g').attr('aria-hidden', 'true').attr('stroke', UI.ink).attr('stroke-width', 1.5);
        e.append('line').attr('x1', x(v.low)).attr('x2', x(v.high)).attr('y1', mid).attr('y2', mid);
        e.append('line').attr('x1', x(v.low)).attr('x2', x(v.low)).attr('y1', mid - 4).attr('y2', mid + 4);
        e.append('line').attr('x1', x(v.high)).attr('x2', x(v.high)).attr('y1', mid - 4).attr('y2', mid + 4);
      }
    });
  });
  return f.svg.node()!;
}
