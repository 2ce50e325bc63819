/**
 * Bars: vertical bars per category that may go below zero (company profit per
 * quarter), or horizontal bars with their values written at the end (totals
 * compared across regimes). A highlighted bar is outlined and labelled, so it
 * stands out without colour.
 * Imports d3 and the chart frame.
 */
import { axisBottom, axisLeft, max, min, scaleBand, scaleLinear, type ScaleLinear } from 'd3';
import { frame, grid, patternFill, styleAxis } from './frame';
import { UI } from './palette';

export interface BarChartOptions {
  title: string;
  description: string;
  categories: string[];
  values: number[];
  format: (v: number) => string;
  /** Palette index per bar (fill and pattern); default 0 for all. */
  styles?: number[];
  highlight?: number;
  orientation?: 'vertical' | 'horizontal';
  width?: number;
  height?: number;
}

/**
 * How many ticks the value axis of horizontal bars asks for: four, or fewer
 * when the labels (about 7.4 px a character, with a gap) would run into each
 * other, as long figures on a chart two to a row would.
 */
function valueTicks(value: ScaleLinear<number, number>, format: (v: number) => string): number {
  for (let count = 4; count > 2; count--) {
    const ticks = value.ticks(count);
    const spacing = ticks.length > 1 ? Math.abs(value(ticks[1]!) - value(ticks[0]!)) : Infinity;
    const widest = Math.max(...ticks.map((t) => format(t).length)) * 7.4 + 10;
    if (widest <= spacing) return count;
  }
  return 2;
}

export function barChart(o: BarChartOptions): SVGSVGElement {
  const horizontal = o.orientation === 'horizontal';
  const longest = Math.max(...o.categories.map((c) => c.length), 4);
  const f = frame({
    title: o.title,
    description: o.description,
    width: o.width,
    height: o.height ?? (horizontal ? 40 + o.categories.length * 44 : 300),
    margin: horizontal ? { top: 10, right: 90, bottom: 30, left: Math.min(260, 16 + longest * 7.4) } : { top: 20, right: 20, bottom: 40, left: 70 },
  });
  const lo = Math.min(0, min(o.values) ?? 0);
  const hi = Math.max(0, max(o.values) ?? 1);
  const value = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice();
  const band = scaleBand<string>().domain(o.categories).padding(0.28);
  if (horizontal) {
    value.range([0, f.inner.w]);
    band.range([0, f.inner.h]);
  } else {
    value.range([f.inner.h, 0]);
    band.range([0, f.inner.w]);
  }
  if (!horizontal) grid(f.plot, value.ticks(5).map((t) => value(t)), f.inner.w);
  const bars = f.plot.append('g');
  o.categories.forEach((c, i) => {
    const v = o.values[i]!;
    const a = value(Math.min(0, v));
    const b = value(Math.max(0, v));
    const fill = patternFill(f.svg, o.styles?.[i] ?? 0);
    const strong = o.highlight === i;
    const rect = bars.append('rect').attr('fill', fill).attr('stroke', UI.ink).attr('stroke-width', strong ? 3 : 1);
    if (horizontal) {
      rect.attr('x', a).attr('width', Math.max(1, b - a)).attr('y', band(c)!).attr('height', band.bandwidth());
      bars
        .append('text')
        .attr('x', v >= 0 ? b + 6 : a - 6)
        .attr('text-anchor', v >= 0 ? 'start' : 'end')
        .attr('y', band(c)! + band.bandwidth() / 2 + 4)
        .attr('font-weight', strong ? 700 : 400)
        .text(o.format(v));
    } else {
      const top = Math.min(value(v), value(0));
      rect.attr('x', band(c)!).attr('width', band.bandwidth()).attr('y', top).attr('height', Math.max(1, Math.abs(value(v) - value(0))));
      bars
        .append('text')
        .attr('x', band(c)! + band.bandwidth() / 2)
        .attr('text-anchor', 'middle')
        .attr('y', v >= 0 ? value(v) - 5 : value(v) + 14)
        .attr('font-size', 11)
        .text(o.format(v));
    }
  });
  f.plot.append('line').attr('stroke', UI.inkSoft).attr('stroke-width', 1.2).call((l) =>
    horizontal ? l.attr('x1', value(0)).attr('x2', value(0)).attr('y1', 0).attr('y2', f.inner.h) : l.attr('x1', 0).attr('x2', f.inner.w).attr('y1', value(0)).attr('y2', value(0)),
  );
  if (horizontal) {
    styleAxis(f.plot.append('g').call(axisLeft(band).tickSize(0).tickPadding(8)));
    styleAxis(f.plot.append('g').attr('transform', `translate(0,${f.inner.h})`).call(axisBottom(value).ticks(valueTicks(value, o.format)).tickFormat((v) => o.format(Number(v)))));
  } else {
    styleAxis(f.plot.append('g').attr('transform', `translate(0,${f.inner.h})`).call(axisBottom(band)));
    styleAxis(f.plot.append('g').call(axisLeft(value).ticks(5).tickFormat((v) => o.format(Number(v)))));
  }
  return f.svg.node()!;
}
