/**
 * The 7S radar on the canvas: seven axes (strategy, structure, systems,
 * shared values, style, staff, skills), this quarter as a filled shape with
 * round markers, the previous quarter dashed with square markers, values
 * written at each point (radar-layout.ts places the words so that none
 * covers another or a marker). The Report panel holds the same numbers as a
 * table.
 */
import type Phaser from 'phaser';
import { COLORS, label, marker } from './draw';
import { radarLayout, radarPoint } from './radar-layout';

export interface RadarSeries {
  values: number[];
  /** 0: current (filled, solid, circles), 1: previous (dashed, squares). */
  kind: 0 | 1;
}

export function drawRadar(scene: Phaser.Scene, cx: number, cy: number, r: number, axes: string[], series: RadarSeries[], k: number): void {
  const g = scene.add.graphics();
  const n = axes.length;
  const at = (i: number, v: number) => radarPoint({ cx, cy, r }, i, n, v);
  const rings = [0.25, 0.5, 0.75, 1];
  const current = series.find((s) => s.kind === 0);
  const previous = series.find((s) => s.kind === 1);
  const markerRadius = 5.5 * k;
  // The words first, to measure them; the layout then says where each goes.
  const ringTexts = rings.map((ring) => label(scene, 0, 0, `${Math.round(ring * 100)}`, { size: 10 * k, color: '#4a5468', align: 'left' }));
  const nameTexts = axes.map((name) => label(scene, 0, 0, name, { size: 13 * k, bold: true, align: 'left' }));
  const valueTexts = (current?.values ?? []).map((v) => label(scene, 0, 0, `${Math.round(v * 100)}`, { size: 11 * k, bold: true, color: '#0b4f7c', align: 'left' }));
  const size = (t: Phaser.GameObjects.Text) => ({ w: t.width, h: t.height });
  const layout = radarLayout({
    cx,
    cy,
    r,
    k,
    rings,
    ringSizes: ringTexts.map(size),
    nameSizes: nameTexts.map(size),
    values: current?.values ?? [],
    previous: previous?.values ?? null,
    valueSizes: valueTexts.map(size),
    markerRadius,
  });
  ringTexts.forEach((t, j) => t.setPosition(layout.rings[j]!.x, layout.rings[j]!.y));
  nameTexts.forEach((t, i) => t.setPosition(layout.names[i]!.x, layout.names[i]!.y));
  valueTexts.forEach((t, i) => t.setPosition(layout.values[i]!.x, layout.values[i]!.y));
  // Rings at 25 %, 50 %, 75 %, 100 %.
  for (const ring of rings) {
    g.lineStyle(1, COLORS.line, 1);
    g.beginPath();
    for (let i = 0; i <= n; i++) {
      const p = at(i % n, ring);
      if (i === 0) g.moveTo(p.x, p.y);
      else g.lineTo(p.x, p.y);
    }
    g.strokePath();
  }
  axes.forEach((_, i) => {
    const p = at(i, 1);
    g.lineStyle(1, COLORS.line, 1);
    g.lineBetween(cx, cy, p.x, p.y);
  });
  for (const s of [...series].sort((a, b) => b.kind - a.kind)) {
    const pts = s.values.map((v, i) => at(i, v));
    if (s.kind === 0) {
      g.fillStyle(COLORS.focus, 0.18);
      g.beginPath();
      pts.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
      g.closePath();
      g.fillPath();
      g.lineStyle(3, COLORS.focus, 1);
      g.beginPath();
      pts.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
      g.closePath();
      g.strokePath();
    } else {
      g.lineStyle(2, 0xe69f00, 1);
      for (let i = 0; i < n; i++) {
        const a = pts[i]!;
        const b = pts[(i + 1) % n]!;
        const len = Math.hypot(b.x - a.x, b.y - a.y);
        const steps = Math.max(1, Math.floor(len / (8 * k)));
        for (let j = 0; j < steps; j += 2) {
          const t0 = j / steps;
          const t1 = Math.min(1, (j + 1) / steps);
          g.lineBetween(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0, a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1);
        }
      }
    }
    pts.forEach((p) => {
      g.fillStyle(COLORS.ink, 1);
      marker(g, s.kind === 0 ? 'circle' : 'square', p.x, p.y, markerRadius);
      g.fillStyle(s.kind === 0 ? COLORS.focus : 0xe69f00, 1);
      marker(g, s.kind === 0 ? 'circle' : 'square', p.x, p.y, 4 * k);
    });
  }
}
