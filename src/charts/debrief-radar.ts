/**
 * A radar (spider) chart for the 7S elements, 0 to 1 on every axis: one
 * polygon per series with the series' colour, dash and marker. The ring
 * labels stand beside the upward axis, clear of its markers and of the top
 * element's name.
 * Imports d3 and the chart frame.
 */
import { lineRadial, curveLinearClosed } from 'd3';
import { frame, markerPath } from './frame';
import { seriesStyle, UI } from './palette';

export interface RadarChartOptions {
  title: string;
  description: string;
  axes: string[];
  series: { name: string; values: number[]; style?: number }[];
  format: (v: number) => string;
  width?: number;
  height?: number;
}

export function radarChart(o: RadarChartOptions): SVGSVGElement {
  const legend = o.series.map((s, i) => ({ name: s.name, style: s.style ?? i }));
  const f = frame({ title: o.title, description: o.description, width: o.width ?? 520, height: o.height ?? 400, legend, margin: { top: 24, right: 24, bottom: 24, left: 24 } });
  const r = Math.min(f.inner.w, f.inner.h) / 2 - 46;
  const g = f.plot.append('g').attr('transform', `translate(${f.inner.w / 2},${f.inner.h / 2})`);
  const n = o.axes.length;
  const angle = (i: number) => (i * 2 * Math.PI) / n;
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    const pts = o.axes.map((_, i) => [Math.sin(angle(i)) * r * ring, -Math.cos(angle(i)) * r * ring]);
    g.append('polygon').attr('points', pts.map((p) => p.join(',')).join(' ')).attr('fill', 'none').attr('stroke', UI.line);
    // Beside the upward axis, clear of a marker on it.
    g.append('text').attr('x', 8).attr('y', -r * ring - 2).attr('font-size', 10).attr('fill', UI.inkSoft).text(o.format(ring));
  }
  o.axes.forEach((name, i) => {
    const x = Math.sin(angle(i));
    const y = -Math.cos(angle(i));
    g.append('line').attr('x1', 0).attr('y1', 0).attr('x2', x * r).attr('y2', y * r).attr('stroke', UI.line);
    // Far enough out that the top name stands clear above the outer ring's label.
    g.append('text')
      .attr('x', x * (r + 20))
      .attr('y', y * (r + 20) + 4)
      .attr('text-anchor', Math.abs(x) < 0.2 ? 'middle' : x > 0 ? 'start' : 'end')
      .attr('font-weight', 600)
      .text(name);
  });
  o.series.forEach((s, si) => {
    const st = seriesStyle(s.style ?? si);
    const radial = lineRadial<number>()
      .angle((_, i) => angle(i))
      .radius((v) => Math.max(0, Math.min(1, v)) * r)
      .curve(curveLinearClosed);
    g.append('path').attr('d', radial(s.values)).attr('fill', st.color).attr('fill-opacity', 0.12).attr('stroke', st.color).attr('stroke-width', 2.5).attr('stroke-dasharray', st.dash);
    s.values.forEach((v, i) => {
      const rr = Math.max(0, Math.min(1, v)) * r;
      g.append('path').attr('d', markerPath(st)).attr('transform', `translate(${Math.sin(angle(i)) * rr},${-Math.cos(angle(i)) * rr})`).attr('fill', st.color).attr('stroke', UI.ink).attr('stroke-width', 0.8);
    });
  });
  return f.svg.node()!;
}
