/**
 * The 7S radar on the canvas: seven axes (strategy, structure, systems,
 * shared values, style, staff, skills), this quarter as a filled shape with
 * round markers, the previous quarter dashed with square markers, values
 * written at each point. The Report panel holds the same numbers as a table.
 */
import type Phaser from 'phaser';
import { COLORS, label, marker } from './draw';

export interface RadarSeries {
  values: number[];
  /** 0: current (filled, solid, circles), 1: previous (dashed, squares). */
  kind: 0 | 1;
}

export function drawRadar(scene: Phaser.Scene, cx: number, cy: number, r: number, axes: string[], series: RadarSeries[], k: number): void {
  const g = scene.add.graphics();
  const n = axes.length;
  const angle = (i: number) => -Math.PI / 2 + (i * 2 * Math.PI) / n;
  const at = (i: number, v: number) => ({ x: cx + Math.cos(angle(i)) * r * v, y: cy + Math.sin(angle(i)) * r * v });
  // Rings at 25 %, 50 %, 75 %, 100 %.
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    g.lineStyle(1, COLORS.line, 1);
    g.beginPath();
    for (let i = 0; i <= n; i++) {
      const p = at(i % n, ring);
      if (i === 0) g.moveTo(p.x, p.y);
      else g.lineTo(p.x, p.y);
    }
    g.strokePath();
    label(scene, cx + 4, cy - r * ring - 14 * k, `${Math.round(ring * 100)}`, { size: 10 * k, color: '#4a5468', align: 'left' });
  }
  axes.forEach((name, i) => {
    const p = at(i, 1);
    g.lineStyle(1, COLORS.line, 1);
    g.lineBetween(cx, cy, p.x, p.y);
    const lp = at(i, 1.16);
    const t = label(scene, lp.x, lp.y - 8 * k, name, { size: 13 * k, bold: true });
    if (Math.cos(angle(i)) > 0.3) t.setOrigin(0, 0);
    else if (Math.cos(angle(i)) < -0.3) t.setOrigin(1, 0);
  });
  for (const s of [...series].sort((a, b) => b.kind - a.kind)) {
    const pts = s.values.map((v, i) => at(i, Math.max(0, Math.min(1, v))));
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
    pts.forEach((p, i) => {
      g.fillStyle(COLORS.ink, 1);
      marker(g, s.kind === 0 ? 'circle' : 'square', p.x, p.y, 5.5 * k);
      g.fillStyle(s.kind === 0 ? COLORS.focus : 0xe69f00, 1);
      marker(g, s.kind === 0 ? 'circle' : 'square', p.x, p.y, 4 * k);
      if (s.kind === 0) label(scene, p.x, p.y + 7 * k, `${Math.round(s.values[i]! * 100)}`, { size: 11 * k, bold: true, color: '#0b4f7c' });
    });
  }
}
