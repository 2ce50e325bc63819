/**
 * The frame of the research report's charts: a responsive SVG (fixed
 * viewBox) with a title and a description for screen readers (role="img",
 * aria-labelledby), margins, and a legend that pairs each series' colour
 * with its dash pattern and marker, so no series is told apart by colour
 * alone. Imports d3-selection, d3-shape and the shared palette.
 */
import { create, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type Selection } from 'd3';
import { seriesStyle, UI, type SeriesStyle } from './palette.js';

export type Svg = Selection<SVGSVGElement, undefined, null, undefined>;
export type G = Selection<SVGGElement, undefined, null, undefined>;

export interface ChartFrame {
  svg: Svg;
  plot: G;
  inner: { w: number; h: number };
}

let uid = 0;

const SYMBOLS = { circle: symbolCircle, square: symbolSquare, triangle: symbolTriangle, diamond: symbolDiamond, cross: symbolCross, star: symbolStar, wye: symbolWye };

export function markerPath(style: SeriesStyle, size = 36): string {
  return symbol(SYMBOLS[style.marker], size)() ?? '';
}

export function chartFrame(o: {
  title: string;
  description: string;
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
  legend?: { name: string; style: number }[];
}): ChartFrame {
  const width = o.width ?? 720;
  const legendRows = o.legend && o.legend.length > 1 ? Math.ceil(o.legend.length / 3) : 0;
  const height = (o.height ?? 320) + legendRows * 20;
  const m = o.margin ?? { top: 16, right: 20, bottom: 40, left: 72 };
  const id = `chart-${++uid}`;
  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', '100%')
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-title ${id}-desc`)
    .style('max-width', `${width}px`)
    .style('height', 'auto')
    .style('font', '12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif') as Svg;
  svg.append('title').attr('id', `${id}-title`).text(o.title);
  svg.append('desc').attr('id', `${id}-desc`).text(o.description);
  const plotTop = m.top + legendRows * 20;
  if (legendRows) {
    const lg = svg.append('g').attr('transform', `translate(${m.left},${m.top})`).attr('aria-hidden', 'true');
    const colW = (width - m.left - m.right) / 3;
    o.legend!.forEach((item, i) => {
      const st = seriesStyle(item.style);
      const g = lg.append('g').attr('transform', `translate(${(i % 3) * colW},${Math.floor(i / 3) * 20})`);
      g.append('line').attr('x1', 0).attr('x2', 26).attr('y1', 6).attr('y2', 6).attr('stroke', st.color).attr('stroke-width', 2.5).attr('stroke-dasharray', st.dash);
      g.append('path').attr('d', markerPath(st)).attr('transform', 'translate(13,6)').attr('fill', st.color).attr('stroke', UI.panel);
      g.append('text').attr('x', 32).attr('y', 10).attr('fill', UI.ink).text(item.name.length > 44 ? `${item.name.slice(0, 43)}…` : item.name);
    });
  }
  const plot = svg.append('g').attr('transform', `translate(${m.left},${plotTop})`) as G;
  return { svg, plot, inner: { w: width - m.left - m.right, h: height - plotTop - m.bottom } };
}

export function styleAxis(g: G): void {
  g.selectAll('text').attr('fill', UI.inkSoft);
  g.selectAll('path,line').attr('stroke', UI.line);
}

export function axisLabel(f: ChartFrame, text: string, which: 'x' | 'y'): void {
  if (which === 'x') f.plot.append('text').attr('x', f.inner.w / 2).attr('y', f.inner.h + 34).attr('text-anchor', 'middle').attr('fill', UI.inkSoft).text(text);
  else f.plot.append('text').attr('transform', `translate(-58,${f.inner.h / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', UI.inkSoft).text(text);
}

/** A number as a short label: 3 significant digits, thousands grouped. */
export function short(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toPrecision(3)}M`;
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a === 0) return '0';
  return Number(x.toPrecision(3)).toString();
}
