/**
 * Sensitivity bars: per factor, horizontal bars of one or two indices (Sobol'
 * first-order S1 and total ST; or Morris μ* and σ), each with its confidence
 * interval as an error bar. The two indices differ in fill pattern (solid,
 * hatched) as well as colour.
 * Imports d3 and the report frame.
 */
import { axisBottom, scaleBand, scaleLinear } from 'd3';
import { axisLabel, frame, short, styleAxis } from './frame.js';
import { REPORT_WIDTH } from './report-data.js';
import { seriesStyle, UI } from './palette.js';

export interface SensitivityBar {
  factor: string;
  values: { value: number; low?: number; high?: number }[];
}

export function sensitivityChart(o: { title: string; description: string; indexNames: string[]; bars: SensitivityBar[]; xLabel: string; width?: number }): SVGSVGElement {
  const f = frame({
    title: o.title,
    description: o.description,
    width: o.width ?? REPORT_WIDTH,
    height: Math.max(120, o.bars.length * 44 + 60),
    margin: { top: 10, right: 24, bottom: 44, left: 220 },
    legend: o.indexNames.map((name, i) => ({ name, style: i })),
  });
  const all = o.bars.flatMap((b) => b.values.flatMap((v) => [v.value, v.low ?? v.value, v.high ?? v.value])).filter(Number.isFinite);
  const lo = Math.min(0, ...all);
  const hi = Math.max(0.0001, ...all);
  const x = scaleLinear().domain([lo, hi]).nice().range([0, f.inner.w]);
  const y = scaleBand<string>().domain(o.bars.map((b) => b.factor)).range([0, f.inner.h]).padding(0.25);
  const inner = scaleBand<number>().domain(o.indexNames.map((_, i) => i)).range([0, y.bandwidth()]).padding(0.1);
  const id = `hatch-${Math.random().toString(36).slice(2, 8)}`;
  const defs = f.svg.append('defs');
  const pat = defs.append('pattern').attr('id', id).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  pat.append('rect').attr('width', 6).attr('height', 6).attr('fill', seriesStyle(1).color).attr('fill-opacity', 0.35);
  pat.append('line').attr('x1', 0).attr('x2', 0).attr('y1', 0).attr('y2', 6).attr('stroke', seriesStyle(1).color).attr('stroke-width', 3);
  styleAxis(f.plot.append('g').attr('transform', `translate(0,${f.inner.h})`).call(axisBottom(x).ticks(6).tickFormat((v) => short(Number(v)))));
  axisLabel(f, o.xLabel, 'x');
  f.plot.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', 0).attr('y2', f.inner.h).attr('stroke', UI.inkSoft);
  for (const b of o.bars) {
    const g = f.plot.append('g').attr('transform', `translate(0,${y(b.factor)})`);
    g.append('text').attr('x', -8).attr('y', y.bandwidth() / 2 + 4).attr('text-anchor', 'end').attr('fill', UI.ink).text(b.factor.length > 34 ? `${b.factor.slice(0, 33)}…` : b.factor);
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
        .attr('fill', i === 1 ? `url(#${id})` : st.color)
        .attr('stroke', st.color);
      if (v.low !== undefined && v.high !== undefined && Number.isFinite(v.low) && Number.isFinite(v.high)) {
        const mid = top + h / 2;
        const e = g.append('g').attr('aria-hidden', 'true').attr('stroke', UI.ink).attr('stroke-width', 1.5);
        e.append('line').attr('x1', x(v.low)).attr('x2', x(v.high)).attr('y1', mid).attr('y2', mid);
        e.append('line').attr('x1', x(v.low)).attr('x2', x(v.low)).attr('y1', mid - 4).attr('y2', mid + 4);
        e.append('line').attr('x1', x(v.high)).attr('x2', x(v.high)).attr('y1', mid - 4).attr('y2', mid + 4);
      }
    });
  }
  return f.svg.node()!;
}
