/**
 * Where the words of the 7S radar go: the ring labels (25 to 100) beside the
 * upward axis, the element names outside the chart, and each of this
 * quarter's values beside its marker, in the first place near it that covers
 * no other word and no marker (under the marker when there is room, as
 * before). Pure geometry: the sizes come from the texts as drawn.
 */

export interface Size {
  w: number;
  h: number;
}

/** A rectangle by its top left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RadarGeometry {
  cx: number;
  cy: number;
  r: number;
  /** The scene's scale (text sizes and gaps grow with it). */
  k: number;
  /** The rings, as shares of the radius, and their labels' sizes. */
  rings: readonly number[];
  ringSizes: readonly Size[];
  /** One name per axis, clockwise from the top. */
  nameSizes: readonly Size[];
  /** This quarter (labelled) and the one before (markers only), 0 to 1 per axis. */
  values: readonly number[];
  previous: readonly number[] | null;
  valueSizes: readonly Size[];
  /** Half the width of a marker. */
  markerRadius: number;
}

export interface RadarLayout {
  rings: Box[];
  names: Box[];
  markers: Box[];
  values: Box[];
}

/** Two boxes closer than `gap`. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Does the segment from a to b pass through the box? */
export function crosses(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  // Liang–Barsky: clip the segment to the box; it crosses if anything is left.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - box.x],
    [dx, box.x + box.w - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.h - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

export function radarAngle(i: number, n: number): number {
  return -Math.PI / 2 + (i * 2 * Math.PI) / n;
}

export function radarPoint(g: Pick<RadarGeometry, 'cx' | 'cy' | 'r'>, i: number, n: number, v: number): { x: number; y: number } {
  const a = radarAngle(i, n);
  const s = Math.max(0, Math.min(1, v));
  return { x: g.cx + Math.cos(a) * g.r * s, y: g.cy + Math.sin(a) * g.r * s };
}

export function radarLayout(g: RadarGeometry): RadarLayout {
  const n = g.nameSizes.length;
  const gap = 2 * g.k;
  const m = g.markerRadius;
  // Beside the upward axis, clear of a marker on it.
  const rings = g.rings.map((ring, j) => ({ x: g.cx + m + gap, y: g.cy - g.r * ring - 14 * g.k, ...g.ringSizes[j]! }));
  const names = g.nameSizes.map((size, i) => {
    const a = radarAngle(i, n);
    const x = g.cx + Math.cos(a) * g.r * 1.16;
    const y = g.cy + Math.sin(a) * g.r * 1.16 - 8 * g.k;
    const c = Math.cos(a);
    return { x: c > 0.3 ? x : c < -0.3 ? x - size.w : x - size.w / 2, y, ...size };
  });
  const markerAt = (i: number, v: number) => {
    const p = radarPoint(g, i, n, v);
    return { x: p.x - m, y: p.y - m, w: 2 * m, h: 2 * m };
  };
  const markers = [...g.values.map((v, i) => markerAt(i, v)), ...(g.previous ?? []).map((v, i) => markerAt(i, v))];

  // The outlines of both quarters: a value may be written across one, but only where no place near its marker is clear.
  const outline = (vs: readonly number[]) => vs.map((v, i) => [radarPoint(g, i, n, v), radarPoint(g, (i + 1) % n, n, vs[(i + 1) % n]!)] as const);
  const edges = [...outline(g.values), ...outline(g.previous ?? [])];

  const values: Box[] = [];
  g.values.forEach((v, i) => {
    const size = g.valueSizes[i]!;
    const p = radarPoint(g, i, n, v);
    const a = radarAngle(i, n);
    const out = { x: Math.cos(a), y: Math.sin(a) };
    const d = Math.SQRT1_2;
    // Under the marker first, as the radar always wrote its values; then outward, sideways, inward, above, the corners.
    const directions = [
      { x: 0, y: 1 },
      out,
      { x: -1, y: 0 },
      { x: 1, y: 0 },
      { x: -out.x, y: -out.y },
      { x: 0, y: -1 },
      { x: -d, y: d },
      { x: d, y: d },
      { x: -d, y: -d },
      { x: d, y: -d },
    ];
    const words = [...rings, ...names, ...markers, ...values];
    let clear: Box | null = null;
    let acrossLine: Box | null = null;
    let least: { box: Box; covered: number } | null = null;
    for (let step = 0; step < 6 && clear === null; step++) {
      for (const dir of directions) {
        // The distance at which the label's box just clears the marker's, then a few steps further.
        const sx = Math.abs(dir.x) > 1e-9 ? (m + size.w / 2 + gap) / Math.abs(dir.x) : Infinity;
        const sy = Math.abs(dir.y) > 1e-9 ? (m + size.h / 2 + gap) / Math.abs(dir.y) : Infinity;
        const s = Math.min(sx, sy) + step * 3 * g.k;
        const box = { x: p.x + dir.x * s - size.w / 2, y: p.y + dir.y * s - size.h / 2, ...size };
        const covered = words.reduce((sum, o) => sum + (overlaps(box, o, 1) ? overlapArea(box, o) + 1 : 0), 0);
        if (least === null || covered < least.covered) least = { box, covered };
        if (covered > 0) continue;
        if (!edges.some(([e0, e1]) => crosses(e0, e1, box))) {
          clear = box;
          break;
        }
        // Across an outline, but only near the marker.
        if (step < 2) acrossLine ??= box;
      }
    }
    values.push(clear ?? acrossLine ?? least!.box);
  });
  return { rings, names, markers, values };
}
