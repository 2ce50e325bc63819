/**
 * The luck check: a histogram of results from many AI-only runs, with the
 * player's result as a labelled line, the median as a dashed one, and a
 * reference (the stand-in's result on the player's own cards) as a dotted
 * one labelled in a row of its own under the axis.
 * Imports d3 and the chart frame.
 */
import { axisBottom, axisLeft, bin, extent, max, median, scaleLinear } from 'd3';
import { frame, grid, styleAxis } from './frame';
import { seriesStyle, UI } from './palette';

export interface HistogramOptions {
  title: string;
  description: string;
  values: number[];
  /** The player's result and its label. */
  mark: { value: number; label: string };
  /** Another result to place among the values (dotted, labelled under the axis). */
  reference?: { value: number; label: string };
  medianLabel: string;
  countLabel: string;
  format: (v: number) => string;
  width?: number;
  height?: number;
}

/** The x scale (over the values and the marks) and the bins the chart draws. */
function binned(values: number[], marks: number[], width: number) {
  const [lo0, hi0] = extent([...values, ...marks]) as [number, number];
  const pad = (hi0 - lo0) * 0.05 || Math.abs(hi0) * 0.05 || 1;
  const x = scaleLinear().domain([lo0 - pad, hi0 + pad]).nice().range([0, width]);
  return { x, bins: bin().domain(x.domain() as [number, number]).thresholds(x.ticks(16))(values) };
}

/** The histogram's bars as numbers, for its table: each bin's bounds and how many values fall in it (empty bins included). */
export function histogramBins(values: number[], marks: number[]): { from: number; to: number; count: number }[] {
  return binned(values, marks, 1).bins.map((b) => ({ from: b.x0!, to: b.x1!, count: b.length }));
}

export function histogram(o: HistogramOptions): SVGSVGElement {
  const below = o.reference ? 22 : 0;
  const f = frame({ title: o.title, description: o.description, width: o.width, height: (o.height ?? 280) + below, margin: { top: 52, right: 24, bottom: 40 + below, left: 56 } });
  const { x, bins } = binned(o.values, o.reference ? [o.mark.value, o.reference.value] : [o.mark.value], f.inner.w);
  const y = scaleLinear().domain([0, max(bins, (b) => b.length) || 1]).nice().range([f.inner.h, 0]);
  grid(f.plot, y.ticks(4).map((t) => y(t)), f.inner.w);
  const st = seriesStyle(4);
  f.plot
    .append('g')
    .attr('aria-hidden', 'true')
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('x', (b) => x(b.x0!) + 1)
    .attr('width', (b) => Math.max(0, x(b.x1!) - x(b.x0!) - 2))
    .attr('y', (b) => y(b.length))
    .attr('height', (b) => y(0) - y(b.length))
    .attr('fill', st.color)
    .attr('stroke', UI.ink)
    .attr('stroke-width', 0.6);
  const med = median(o.values);
  if (med !== undefined) {
    f.plot.append('line').attr('x1', x(med)).attr('x2', x(med)).attr('y1', 0).attr('y2', f.inner.h).attr('stroke', UI.inkSoft).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
    f.plot.append('text').attr('x', x(med)).attr('y', -6).attr('text-anchor', 'middle').attr('font-size', 12).attr('fill', UI.inkSoft).text(o.medianLabel);
  }
  if (o.reference) {
    // Dotted, over the bars; its label under it in the row below the tick labels, where nothing else is written.
    const rx = x(o.reference.value);
    f.plot.append('line').attr('x1', rx).attr('x2', rx).attr('y1', 0).attr('y2', f.inner.h).attr('stroke', UI.ink).attr('stroke-width', 2).attr('stroke-dasharray', '2 3');
    const side = rx < f.inner.w * 0.3 ? 'start' : rx > f.inner.w * 0.7 ? 'end' : 'middle';
    f.plot
      .append('text')
      .attr('x', side === 'start' ? rx - 4 : side === 'end' ? rx + 4 : rx)
      .attr('y', f.inner.h + 40)
      .attr('text-anchor', side)
      .attr('font-size', 12)
      .attr('fill', UI.ink)
      .text(o.reference.label);
  }
  const mx = x(o.mark.value);
  f.plot.append('line').attr('x1', mx).attr('x2', mx).attr('y1', -14).attr('y2', f.inner.h).attr('stroke', UI.ink).attr('stroke-width', 3.5);
  f.plot.append('path').attr('d', `M${mx - 7},-22 L${mx + 7},-22 L${mx},-12 Z`).attr('fill', UI.ink);
  // The mark's label sits above its arrow, in a row of its own over the median's, never on the bars.
  const side = mx < f.inner.w * 0.3 ? 'start' : mx > f.inner.w * 0.7 ? 'end' : 'middle';
  f.plot
    .append('text')
    .attr('x', side === 'start' ? mx - 7 : side === 'end' ? mx + 7 : mx)
    .attr('y', -28)
    .attr('text-anchor', side)
    .attr('font-weight', 700)
    .attr('paint-order', 'stroke')
    .attr('stroke', UI.panel)
    .attr('stroke-width', 4)
    .text(o.mark.label);
  styleAxis(f.plot.append('g').attr('transform', `translate(0,${f.inner.h})`).call(axisBottom(x).ticks(6).tickFormat((v) => o.format(Number(v)))));
  styleAxis(f.plot.append('g').call(axisLeft(y).ticks(4)));
  f.svg.append('text').attr('x', 12).attr('y', f.inner.y + f.inner.h / 2).attr('transform', `rotate(-90 12 ${f.inner.y + f.inner.h / 2})`).attr('text-anchor', 'middle').attr('font-size', 12).attr('fill', UI.inkSoft).text(o.countLabel);
  return f.svg.node()!;
}
