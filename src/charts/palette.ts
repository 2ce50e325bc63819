/**
 * The one palette of Two Fronts, shared by the game, its debrief and the
 * research report: Okabe–Ito colours (safe for the common colour-vision
 * deficiencies), each paired with a dash pattern and a marker shape so that a
 * series is never told apart by colour alone. Imports nothing.
 */

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray ('' for solid). */
  dash: string;
  /** d3.symbol type name: circle, square, triangle, diamond, cross, star, wye. */
  marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye';
}

/** Okabe–Ito's yellow (#F0E442) is darkened to #A08A00: a line or bar in it stands out on white at 3.4 : 1 rather than 1.3 : 1. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#A08A00', '#000000'] as const;

const DASHES = ['', '6 3', '2 2', '8 3 2 3', '4 4', '1 3', '10 2', '3 6'];
const MARKERS: SeriesStyle['marker'][] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye', 'circle'];

/** Style of the i-th series (cycles after eight). */
export function seriesStyle(i: number): SeriesStyle {
  const k = ((i % 8) + 8) % 8;
  return { color: OKABE_ITO[k]!, dash: DASHES[k]!, marker: MARKERS[k]! };
}

/** Interface colours: ink, paper and the states every view shares. */
export const UI = {
  ink: '#1d2330',
  inkSoft: '#4a5468',
  paper: '#f7f5f0',
  panel: '#ffffff',
  line: '#d4d0c6',
  focus: '#0072B2',
  good: '#009E73',
  bad: '#D55E00',
  neutral: '#8a8f99',
} as const;
