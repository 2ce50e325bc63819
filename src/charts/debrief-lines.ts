/**
 * A line chart over quarters: one line per series with its palette colour,
 * dash and marker, gaps where a value is missing (a lost account), and an
 * optional highlighted series drawn thicker (the player's own game).
 * Imports d3 and the chart frame.
 */
import { axisBottom, axisLeft, line, max, min, scaleLinear, scalePoint } from 'd3';
import { frame, grid, markerPath, styleAxis } from './frame';
import { seriesStyle, UI } from './palette';

export interface LineSeries {
  name: string;
  values: (number | null)[];
  /** Palette index (colour, dash, marker); default the series' position. */
  style?: number;
}

export interface LineChartOptions {
  title: string;
  description: string;
  /** One label per position on the x axis (e.g. Q1 … Q8). */
  x: string[];
  series: LineSeries[];
  format: (v: number) => string;
  /** Fixed y range; default from the data, including zero. */
  domain?: [number, number];
  /** Index of a series drawn thicker. */
  highlight?: number;
  width?: number;
  height?: number;
}

export function lineChart(o: LineChartOptions): SVGSVGElement {
  const legend = o.series.map((s, i) => ({ name: s.name, style: s.style ?? i }));
  const f = frame({ title: o.title, description: o.description, width: o.width, height: o.height, legend });
  const all = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const lo = o.domain?.[0] ?? Math.min(0, min(all) ?? 0);
  const hi = o.domain?.[1] ?? Math.max(0, max(all) ?? 1);
  const y = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice().range([f.inner.h, 0]);
  const x = scalePoint<string>().domain(o.x).range([0, f.inner.w]).padding(0.3);
  grid(f.plot, y.ticks(5).map((t) => y(t)), f.inner.w);
  if (y.domain()[0]! < 0 && y.domain()[1]! > 0) {
    f.plot.append('line').attr('x1', 0).attr('x2', f.inner.w).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', UI.inkSoft).attr('stroke-width', 1.2);
  }
  const ax = f.plot.append('g').attr('transform', `translate(0,${f.inner.h})`).call(axisBottom(x));
  styleAxis(ax);
  const ay = f.plot.append('g').call(axisLeft(y).ticks(5).tickFormat((v) => o.format(Number(v))));
  styleAxis(ay);
  o.series.forEach((s, i) => {
    const st = seriesStyle(s.style ?? i);
    const points = s.values.map((v, k) => ({ v, k }));
    const path = line<{ v: number | null; k: number }>()
      .defined((d) => d.v !== null && Number.isFinite(d.v))
      .x((d) => x(o.x[d.k]!)!)
      .y((d) => y(d.v!));
    const g = f.plot.append('g').attr('aria-hidden', 'true');
    g.append('path')
      .attr('d', path(points))
      .attr('fill', 'none')
      .attr('stroke', st.color)
      .attr('stroke-width', o.highlight === i ? 4 : 2.5)
      .attr('stroke-dasharray', st.dash)
      .attr('stroke-linejoin', 'round');
    g.selectAll('path.m')
      .data(points.filter((d) => d.v !== null && Number.isFinite(d.v)))
      .join('path')
      .attr('class', 'm')
      .attr('d', markerPath(st, o.highlight === i ? 80 : 48))
      .attr('transform', (d) => `translate(${x(o.x[d.k]!)},${y(d.v!)})`)
      .attr('fill', st.color)
      .attr('stroke', UI.ink)
      .attr('stroke-width', 0.8);
  });
  return f.svg.node()!;
}
