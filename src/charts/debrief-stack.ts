/**
 * Stacked bars: who got what. One bar per quarter, one segment per KAM (or
 * department), each with its palette colour and fill pattern, and the
 * segment's value written inside when it fits.
 * Imports d3 and the chart frame.
 */
import { axisBottom, axisLeft, max, scaleBand, scaleLinear } from 'd3';
import { frame, grid, patternFill, styleAxis } from './frame';
import { UI } from './palette';

export interface StackChartOptions {
  title: string;
  description: string;
  x: string[];
  /** One series per stack layer; values aligned with x. */
  series: { name: string; values: number[]; style?: number }[];
  format: (v: number) => string;
  width?: number;
  height?: number;
}

export function stackChart(o: StackChartOptions): SVGSVGElement {
  const legend = o.series.map((s, i) => ({ name: s.name, style: s.style ?? i, kind: 'box' as const }));
  const f = frame({ title: o.title, description: o.description, width: o.width, height: o.height, legend });
  const totals = o.x.map((_, k) => o.series.reduce((sum, s) => sum + Math.max(0, s.values[k] ?? 0), 0));
  const y = scaleLinear().domain([0, max(totals) || 1]).nice().range([f.inner.h, 0]);
  const x = scaleBand<string>().domain(o.x).range([0, f.inner.w]).padding(0.25);
  grid(f.plot, y.ticks(5).map((t) => y(t)), f.inner.w);
  o.x.forEach((label, k) => {
    let base = 0;
    o.series.forEach((s, i) => {
      const v = Math.max(0, s.values[k] ?? 0);
      if (v <= 0) return;
      const top = y(base + v);
      const h = y(base) - top;
      f.plot
        .append('rect')
        .attr('x', x(label)!)
        .attr('width', x.bandwidth())
        .attr('y', top)
        .attr('height', Math.max(0.5, h))
        .attr('fill', patternFill(f.svg, s.style ?? i))
        .attr('stroke', UI.panel)
        .attr('stroke-width', 1);
      if (h > 16 && x.bandwidth() > 28) {
        f.plot
          .append('text')
          .attr('x', x(label)! + x.bandwidth() / 2)
          .attr('y', top + h / 2 + 4)
          .attr('text-anchor', 'middle')
          .attr('font-size', 11)
          .attr('font-weight', 600)
          .attr('fill', UI.ink)
          .attr('paint-order', 'stroke')
          .attr('stroke', UI.panel)
          .attr('stroke-width', 3)
          .text(o.format(v));
      }
      base += v;
    });
  });
  styleAxis(f.plot.append('g').attr('transform', `translate(0,${f.inner.h})`).call(axisBottom(x)));
  styleAxis(f.plot.append('g').call(axisLeft(y).ticks(5).tickFormat((v) => o.format(Number(v)))));
  return f.svg.node()!;
}
