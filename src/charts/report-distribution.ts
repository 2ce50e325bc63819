/**
 * Distributions per design point as small multiples: one histogram row per
 * point on a shared x axis, with the point's mean (a marker) and its 95 %
 * confidence interval (a bar) drawn over the histogram.
 * Imports d3 and the report frame.
 */
import { axisBottom, scaleLinear } from 'd3';
import { axisLabel, fitText, frame, markerPath, short, styleAxis, textWidth, writeLines } from './frame.js';
import { REPORT_WIDTH } from './report-data.js';
import { seriesStyle, UI } from './palette.js';

export interface DistributionRow {
  name: string;
  counts: number[];
  mean: number;
  low: number;
  high: number;
  style?: number;
}

export function distributionChart(o: { title: string; description: string; xLabel: string; edges: number[]; rows: DistributionRow[]; width?: number; locale?: string }): SVGSVGElement {
  const rowH = 46;
  const width = o.width ?? REPORT_WIDTH;
  // Point names get the room they need, up to a third of the chart; longer ones wrap between factors onto two lines, cut at the end beyond that.
  const labels = o.rows.map((r) => fitText(r.name, Math.round(width / 3), { lines: 2 }));
  const labelW = Math.max(40, ...labels.flatMap((l) => l.lines.map((x) => textWidth(x))));
  const f = frame({ title: o.title, description: o.description, width, height: o.rows.length * rowH + 56, margin: { top: 10, right: 24, bottom: 44, left: Math.ceil(labelW) + 20 } });
  const lo = o.edges[0] ?? 0;
  const hi = o.edges[o.edges.length - 1] ?? 1;
  const x = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).range([0, f.inner.w]);
  styleAxis(f.plot.append('g').attr('transform', `translate(0,${o.rows.length * rowH})`).call(axisBottom(x).ticks(6).tickFormat((v) => short(Number(v), o.locale))));
  axisLabel(f, o.xLabel, 'x');
  o.rows.forEach((r, i) => {
    const st = seriesStyle(r.style ?? i);
    const top = i * rowH;
    const peak = Math.max(1, ...r.counts);
    const g = f.plot.append('g').attr('transform', `translate(0,${top})`);
    const label = labels[i]!;
    writeLines(g.append('text').attr('x', -10).attr('y', rowH / 2 - ((label.lines.length - 1) * 15) / 2).attr('text-anchor', 'end').attr('fill', UI.ink), label, 15);
    const bars = g.append('g').attr('aria-hidden', 'true');
    r.counts.forEach((c, b) => {
      if (c === 0) return;
      const h = ((rowH - 12) * c) / peak;
      bars
        .append('rect')
        .attr('x', x(o.edges[b]!))
        .attr('width', Math.max(0.5, x(o.edges[b + 1]!) - x(o.edges[b]!) - 0.5))
        .attr('y', rowH - 4 - h)
        .attr('height', h)
        .attr('fill', st.color)
        .attr('fill-opacity', 0.45);
    });
    const marks = g.append('g').attr('aria-hidden', 'true');
    if (Number.isFinite(r.low) && Number.isFinite(r.high)) {
      // An interval wider than the runs' range (few replicates) stops at the axis' ends with an arrowhead.
      const [d0, d1] = x.domain() as [number, number];
      marks.append('line').attr('x1', x(Math.max(r.low, d0))).attr('x2', x(Math.min(r.high, d1))).attr('y1', 8).attr('y2', 8).attr('stroke', UI.ink).attr('stroke-width', 2.5);
      if (r.low < d0) marks.append('path').attr('d', `M${x(d0)},8l7,-5v10z`).attr('fill', UI.ink);
      if (r.high > d1) marks.append('path').attr('d', `M${x(d1)},8l-7,-5v10z`).attr('fill', UI.ink);
    }
    if (Number.isFinite(r.mean)) marks.append('path').attr('d', markerPath(st, 50)).attr('transform', `translate(${x(r.mean)},8)`).attr('fill', st.color).attr('stroke', UI.ink);
    g.append('line').attr('x1', 0).attr('x2', f.inner.w).attr('y1', rowH - 4).attr('y2', rowH - 4).attr('stroke', UI.line);
  });
  return f.svg.node()!;
}
