/**
 * A metric per quarter with its 95 % confidence band, one series per design
 * point: the mean as a line (palette colour, dash and marker) over a
 * translucent band from the lower to the upper bound.
 * Imports d3 and the report frame.
 */
import { area, axisBottom, axisLeft, line, scaleLinear } from 'd3';
import { axisLabel, fitYLabel, frame, leftMargin, markerPath, short, styleAxis } from './frame.js';
import { REPORT_WIDTH } from './report-data.js';
import { seriesStyle, UI } from './palette.js';

export interface BandSeries {
  name: string;
  mean: number[];
  low: number[];
  high: number[];
  style?: number;
}

/** Labels and numbers follow `locale` and the given quarter label (default Q1, Q2, … on an axis titled "quarter"). */
export function bandChart(o: {
  title: string;
  description: string;
  yLabel: string;
  series: BandSeries[];
  width?: number;
  height?: number;
  locale?: string;
  xLabel?: string;
  quarterLabel?: (q: number) => string;
}): SVGSVGElement {
  const fmt = (v: number) => short(v, o.locale);
  const quarters = Math.max(1, ...o.series.map((s) => s.mean.length));
  const values = o.series.flatMap((s) => [...s.low, ...s.high, ...s.mean]).filter(Number.isFinite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  // The y ticks do not depend on the plot's size, so the left margin can be made to hold them and the axis title.
  const y = scaleLinear().domain([lo, hi]).nice();
  const yTicks = y.ticks(5);
  const height = o.height ?? 300;
  const margin = { top: 16, right: 24, bottom: 40, left: 0 };
  const yLabel = fitYLabel(o.yLabel, height - margin.top - margin.bottom);
  margin.left = leftMargin(yLabel, yTicks.map(fmt));
  const f = frame({ title: o.title, description: o.description, width: o.width ?? REPORT_WIDTH, height, margin, legend: o.series.map((s, i) => ({ name: s.name, style: s.style ?? i })) });
  const x = scaleLinear().domain([1, Math.max(2, quarters)]).range([0, f.inner.w]);
  y.range([f.inner.h, 0]);
  f.plot
    .append('g')
    .attr('aria-hidden', 'true')
    .selectAll('line')
    .data(yTicks)
    .join('line')
    .attr('x1', 0)
    .attr('x2', f.inner.w)
    .attr('y1', (t) => y(t))
    .attr('y2', (t) => y(t))
    .attr('stroke', UI.line)
    .attr('stroke-opacity', 0.6);
  // Whole quarters only: every quarter up to 12, then evenly spaced whole numbers.
  const ticks = quarters <= 12 ? Array.from({ length: quarters }, (_, q) => q + 1) : x.ticks(10).filter((t) => Number.isInteger(t));
  const ax = f.plot.append('g').attr('transform', `translate(0,${f.inner.h})`).call(axisBottom(x).tickValues(ticks).tickFormat((q) => (o.quarterLabel ?? ((n: number) => `Q${n}`))(Number(q))));
  styleAxis(ax);
  styleAxis(f.plot.append('g').call(axisLeft(y).tickValues(yTicks).tickFormat((v) => fmt(Number(v)))));
  axisLabel(f, o.xLabel ?? 'quarter', 'x');
  axisLabel(f, yLabel, 'y');
  o.series.forEach((s, i) => {
    const st = seriesStyle(s.style ?? i);
    const idx = s.mean.map((_, q) => q);
    const g = f.plot.append('g').attr('aria-hidden', 'true');
    const ok = (q: number) => Number.isFinite(s.low[q]!) && Number.isFinite(s.high[q]!);
    g.append('path')
      .attr('d', area<number>().defined(ok).x((q) => x(q + 1)).y0((q) => y(s.low[q]!)).y1((q) => y(s.high[q]!))(idx) ?? '')
      .attr('fill', st.color)
      .attr('fill-opacity', 0.15)
      .attr('stroke', 'none');
    g.append('path')
      .attr('d', line<number>().defined((q) => Number.isFinite(s.mean[q]!)).x((q) => x(q + 1)).y((q) => y(s.mean[q]!))(idx) ?? '')
      .attr('fill', 'none')
      .attr('stroke', st.color)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', st.dash);
    g.selectAll('path.marker')
      .data(idx.filter((q) => Number.isFinite(s.mean[q]!)))
      .join('path')
      .attr('class', 'marker')
      .attr('d', markerPath(st, 30))
      .attr('transform', (q) => `translate(${x(q + 1)},${y(s.mean[q]!)})`)
      .attr('fill', st.color)
      .attr('stroke', UI.panel);
  });
  return f.svg.node()!;
}
