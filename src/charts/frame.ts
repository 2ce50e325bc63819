/**
 * The frame every chart shares, in the game's debrief and in the research
 * report: an SVG with a fixed viewBox that scales to its container, a title
 * and a description for screen readers (role="img"), a legend that pairs each
 * series' colour with its dash and marker, and plain presentation attributes
 * (no CSS classes), so an exported SVG or PNG, or a report opened offline,
 * looks exactly like the chart on screen.
 * Imports d3 and the shared palette.
 */
import { create, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type Selection } from 'd3';
import { seriesStyle, UI, type SeriesStyle } from './palette';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export interface Frame {
  svg: Selection<SVGSVGElement, undefined, null, undefined>;
  plot: Selection<SVGGElement, undefined, null, undefined>;
  width: number;
  height: number;
  /** Plot area inside the margins. */
  inner: { x: number; y: number; w: number; h: number };
}

export interface FrameOptions {
  /** Read out as the chart's name. */
  title: string;
  /** One or two sentences on what the chart shows (its main message). */
  description: string;
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
  /** Legend entries (series names with their index into the palette); drawn above the plot. */
  legend?: { name: string; style: number; kind?: 'line' | 'box' }[];
}

let counter = 0;

const SYMBOLS = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  star: symbolStar,
  wye: symbolWye,
} as const;

export function markerPath(style: SeriesStyle, area = 48): string {
  return symbol(SYMBOLS[style.marker], area)() ?? '';
}

let measurer: CanvasRenderingContext2D | null | undefined;

/**
 * Width of a text in the chart font at the given size, in px: measured on a
 * canvas where there is a document (so with the fonts of the machine that
 * draws the chart), estimated from the character count elsewhere.
 */
export function textWidth(text: string, size = 13, weight: 'normal' | 'bold' = 'normal'): number {
  if (measurer === undefined) measurer = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * size * 0.62;
  measurer.font = `${weight} ${size}px ${FONT}`;
  return measurer.measureText(text).width;
}

/** A label fitted to a width: its lines, and whether text was left out (then the full text goes in a tooltip). */
export interface FittedText {
  lines: string[];
  full: string;
  cut: boolean;
}

// Where a label may wrap: after a space (not a no-break space), and after a dot or underscore between words (scenario paths, column names), never inside a number.
const BREAK = /(?<= )(?=\S)|(?<=[A-Za-z*][._])(?=[A-Za-z*])/;

function cutEnd(text: string, max: number, size: number): string {
  if (textWidth(text, size) <= max) return text;
  let n = text.length;
  while (n > 1 && textWidth(`${text.slice(0, n).trimEnd()}…`, size) > max) n--;
  return `${text.slice(0, n).trimEnd()}…`;
}

function cutStart(text: string, max: number, size: number): string {
  if (textWidth(text, size) <= max) return text;
  let n = 0;
  while (n < text.length - 1 && textWidth(`…${text.slice(n)}`, size) > max) n++;
  return `…${text.slice(n)}`;
}

/**
 * Writes fitted lines into a text element as tspans `lineHeight` apart, the
 * first at the element's position, with the full text as a tooltip (an SVG
 * title) when some of it was cut.
 */
export function writeLines(text: Selection<SVGTextElement, undefined, null, undefined>, fitted: FittedText, lineHeight: number): void {
  const x = text.attr('x') ?? '0';
  fitted.lines.forEach((l, i) => {
    text.append('tspan').attr('x', x).attr('dy', i === 0 ? 0 : lineHeight).text(l);
  });
  if (fitted.cut) text.append('title').text(fitted.full);
}

/** Legend rows: how many entries fit per row in the given width (the key, the name as measured, a gap); a name wider than a row is cut. */
function legendRows(entries: { name: string }[], width: number): { name: string; fitted: FittedText; index: number; x: number; row: number }[] {
  const out: { name: string; fitted: FittedText; index: number; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  entries.forEach((e, index) => {
    const fitted = fitText(e.name, Math.max(40, width - 32));
    const w = 32 + textWidth(fitted.lines[0]!) + 20;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    out.push({ name: e.name, fitted, index, x, row });
    x += w;
  });
  return out;
}

/**
 * Greedy wrap of tokens into lines no wider than max (a token wider than max
 * gets a line of its own), filled from the start or, for `fromEnd`, from the
 * end. Lines keep their trailing spaces so that joining them gives the text.
 */
function wrap(tokens: string[], max: number, size: number, fromEnd = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const t of fromEnd ? [...tokens].reverse() : tokens) {
    const next = fromEnd ? t + line : line + t;
    if (line && textWidth(next.trim(), size) > max) {
      lines.push(line);
      line = t;
    } else line = next;
  }
  if (line) lines.push(line);
  return fromEnd ? lines.reverse() : lines;
}

/**
 * Fits a label into at most `lines` lines of width `max`, wrapping at spaces
 * and between the parts of dotted paths and column names. What still does not
 * fit is cut with an ellipsis: at the end (keep 'start', for names and axis
 * titles) or at the start (keep 'end', for paths, whose last part says most).
 */
export function fitText(text: string, max: number, o: { size?: number; lines?: number; keep?: 'start' | 'end' } = {}): FittedText {
  const size = o.size ?? 13;
  const most = Math.max(1, o.lines ?? 1);
  const fromEnd = o.keep === 'end';
  const all = wrap(text.split(BREAK), max, size, fromEnd);
  const fits = (l: string) => textWidth(l.trim(), size) <= max;
  if (all.length <= most && all.every(fits)) return { lines: all.map((l) => l.trim()), full: text, cut: false };
  const cut = (l: string) => (fromEnd ? cutStart(l.trim(), max, size) : cutEnd(l.trim(), max, size));
  // The lines kept whole, and the rest of the text on one line cut to the width.
  const lines = all.length <= most ? all : fromEnd ? [all.slice(0, all.length - most + 1).join(''), ...all.slice(all.length - most + 1)] : [...all.slice(0, most - 1), all.slice(most - 1).join('')];
  return { lines: lines.map(cut), full: text, cut: true };
}

export function frame(opts: FrameOptions): Frame {
  const width = opts.width ?? 640;
  const legend = opts.legend ?? [];
  const m = opts.margin ?? { top: 16, right: 20, bottom: 40, left: 64 };
  const rows = legendRows(legend, width - m.left - m.right);
  const legendH = legend.length > 0 ? (Math.max(...rows.map((r) => r.row)) + 1) * 22 + 6 : 0;
  const height = (opts.height ?? 300) + legendH;
  counter++;
  const id = `chart-${counter}`;
  const svg = create('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-title ${id}-desc`)
    .attr('font-family', FONT)
    .attr('font-size', 13)
    .attr('fill', UI.ink)
    .style('max-width', '100%')
    .style('height', 'auto');
  svg.append('title').attr('id', `${id}-title`).text(opts.title);
  svg.append('desc').attr('id', `${id}-desc`).text(opts.description);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', UI.panel);
  if (legend.length > 0) {
    const lg = svg.append('g').attr('transform', `translate(${m.left},8)`).attr('aria-hidden', 'true');
    for (const r of rows) {
      const e = legend[r.index]!;
      const st = seriesStyle(e.style);
      const g = lg.append('g').attr('transform', `translate(${r.x},${r.row * 22})`);
      if (e.kind === 'box') {
        g.append('rect').attr('x', 0).attr('y', 3).attr('width', 26).attr('height', 12).attr('fill', patternFill(svg, e.style)).attr('stroke', UI.ink).attr('stroke-width', 1);
      } else {
        g.append('line').attr('x1', 0).attr('x2', 26).attr('y1', 9).attr('y2', 9).attr('stroke', st.color).attr('stroke-width', 3).attr('stroke-dasharray', st.dash);
        g.append('path').attr('d', markerPath(st)).attr('transform', 'translate(13,9)').attr('fill', st.color).attr('stroke', UI.ink).attr('stroke-width', 0.8);
      }
      writeLines(g.append('text').attr('x', 32).attr('y', 14), r.fitted, 0);
    }
  }
  const inner = { x: m.left, y: m.top + legendH, w: width - m.left - m.right, h: height - legendH - m.top - m.bottom };
  const plot = svg.append('g').attr('transform', `translate(${inner.x},${inner.y})`);
  return { svg, plot, width, height, inner };
}

/** Styles an axis drawn by d3-axis with attributes (exports keep them). */
export function styleAxis(g: Selection<SVGGElement, undefined, null, undefined>): void {
  g.attr('font-family', FONT).attr('font-size', 12);
  g.selectAll('text').attr('fill', UI.inkSoft);
  g.selectAll('line').attr('stroke', UI.line);
  g.selectAll('path.domain').attr('stroke', UI.inkSoft);
}

/** Horizontal grid lines at the given values. */
export function grid(plot: Frame['plot'], ys: number[], width: number): void {
  plot
    .append('g')
    .attr('aria-hidden', 'true')
    .selectAll('line')
    .data(ys)
    .join('line')
    .attr('x1', 0)
    .attr('x2', width)
    .attr('y1', (d) => d)
    .attr('y2', (d) => d)
    .attr('stroke', UI.line)
    .attr('stroke-dasharray', '2 3');
}

/**
 * A fill that carries the series without colour: solid, hatched, dotted or
 * cross-hatched by series index, each in the series' colour. Patterns are
 * defined once per chart.
 */
export function patternFill(svg: Frame['svg'], index: number): string {
  const st = seriesStyle(index);
  const kind = index % 4;
  if (kind === 0) return st.color;
  const id = `${svg.attr('aria-labelledby').split(' ')[0]!.replace('-title', '')}-pat-${index}`;
  if (svg.select(`#${id}`).empty()) {
    let defs = svg.select<SVGDefsElement>('defs');
    if (defs.empty()) defs = svg.insert<SVGDefsElement>('defs', ':first-child');
    const p = defs.append('pattern').attr('id', id).attr('patternUnits', 'userSpaceOnUse').attr('width', 8).attr('height', 8);
    p.append('rect').attr('width', 8).attr('height', 8).attr('fill', st.color).attr('opacity', 0.35);
    if (kind === 1) p.append('path').attr('d', 'M-2,10 L10,-2 M-2,2 L2,-2 M6,10 L10,6').attr('stroke', st.color).attr('stroke-width', 2.2);
    else if (kind === 2) p.append('circle').attr('cx', 4).attr('cy', 4).attr('r', 2).attr('fill', st.color);
    else p.append('path').attr('d', 'M0,4 H8 M4,0 V8').attr('stroke', st.color).attr('stroke-width', 2);
  }
  return `url(#${id})`;
}

/** Space between the SVG's left edge and a y-axis title, and between the lines of a two-line title. */
const EDGE = 6;
export const AXIS_LINE = 15;

/** A y-axis title fitted along a plot of the given height: wrapped to two lines at most, cut (with a tooltip) beyond. */
export function fitYLabel(text: string, plotHeight: number): FittedText {
  return fitText(text, plotHeight, { lines: 2 });
}

/**
 * The left margin a plot needs for its y-axis title and its tick labels
 * (d3 draws ticks 6 px long with labels 3 px beyond, at 12 px).
 */
export function leftMargin(yLabel: FittedText, tickLabels: string[]): number {
  const ticks = Math.max(0, ...tickLabels.map((t) => textWidth(t, 12)));
  return Math.ceil(EDGE + yLabel.lines.length * AXIS_LINE + 6 + ticks + 9);
}

/**
 * An axis title below the plot (x, cut to the plot's width) or turned along
 * the SVG's left edge (y, in the room leftMargin made for it).
 */
export function axisLabel(f: Frame, text: string | FittedText, which: 'x' | 'y'): void {
  if (which === 'x') {
    const fitted = typeof text === 'string' ? fitText(text, f.inner.w) : text;
    writeLines(f.plot.append('text').attr('x', f.inner.w / 2).attr('y', f.inner.h + 34).attr('text-anchor', 'middle').attr('fill', UI.inkSoft), fitted, AXIS_LINE);
    return;
  }
  const fitted = typeof text === 'string' ? fitYLabel(text, f.inner.h) : text;
  const t = f.plot
    .append('text')
    .attr('transform', `translate(${EDGE - f.inner.x},${f.inner.h / 2}) rotate(-90)`)
    .attr('x', 0)
    .attr('text-anchor', 'middle')
    .attr('dominant-baseline', 'hanging')
    .attr('fill', UI.inkSoft);
  writeLines(t, fitted, AXIS_LINE);
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, o: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(o)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, o)));
  return f;
}

/** A number as a short label in the locale's way of writing numbers: 3 significant digits, thousands grouped, millions and more compact (1.20M, 1,20 mln.). */
export function short(x: number, locale = 'en-US'): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1e6) return numberFormat(locale, { notation: 'compact', minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(x);
  if (a >= 1000) return numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(x));
  if (a === 0) return '0';
  return numberFormat(locale, { maximumSignificantDigits: 3 }).format(Number(x.toPrecision(3)));
}
