/**
 * Drawing primitives for the company floor on Phaser's canvas: text labels in
 * the game's type, the marker shapes that tell KAMs apart without colour
 * (the shared palette's circle, square, triangle, ...), stars and people.
 * Imports Phaser and the shared palette only.
 */
import Phaser from 'phaser';
import type { SeriesStyle } from '../../charts/palette';

export const FONT = '"Source Sans 3", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';
export const SERIF = '"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif';

export const COLORS = {
  ink: 0x1d2330,
  inkSoft: 0x4a5468,
  paper: 0xf7f5f0,
  inside: 0xece8df,
  outside: 0xe3ebf0,
  line: 0xd4d0c6,
  facade: 0xfbfaf7,
  window: 0xc9ccd3,
  lit: 0xf3d55b,
  glass: 0xcfdde6,
  glassDark: 0x9fb6c6,
  good: 0x009e73,
  bad: 0xd55e00,
  focus: 0x0072b2,
  track: 0xdedad1,
  skin: 0xe9d3bd,
  white: 0xffffff,
} as const;

export function hex(color: string): number {
  return Number.parseInt(color.replace('#', ''), 16);
}

export interface LabelStyle {
  size: number;
  color?: string;
  bold?: boolean;
  serif?: boolean;
  align?: 'left' | 'center' | 'right';
  wrap?: number;
  background?: string;
}

/** Font metrics per font, measured once: Phaser measures them by reading pixels back, which is slow. */
const metricsCache = new Map<string, { ascent: number; descent: number; fontSize: number }>();
let measurer: CanvasRenderingContext2D | null = null;

function fontOf(style: LabelStyle): string {
  return `${style.bold ? 'bold ' : ''}${Math.round(style.size)}px ${style.serif ? SERIF : FONT}`;
}

/** A text on the canvas, crisp on high-density screens. */
export function label(scene: Phaser.Scene, x: number, y: number, text: string, style: LabelStyle): Phaser.GameObjects.Text {
  const key = fontOf(style);
  const t = scene.add.text(x, y, text, {
    fontFamily: style.serif ? SERIF : FONT,
    fontSize: `${Math.round(style.size)}px`,
    fontStyle: style.bold ? 'bold' : 'normal',
    color: style.color ?? '#1d2330',
    align: style.align ?? 'center',
    backgroundColor: style.background,
    padding: style.background ? { x: 4, y: 2 } : undefined,
    wordWrap: style.wrap ? { width: style.wrap, useAdvancedWrap: true } : undefined,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    metrics: metricsCache.get(key),
  });
  if (!metricsCache.has(key)) metricsCache.set(key, t.getTextMetrics());
  t.setOrigin(style.align === 'left' ? 0 : style.align === 'right' ? 1 : 0.5, 0);
  return t;
}

/** Shortens a label to fit a width (with an ellipsis); the full text is in the DOM panels. Measures off-screen, renders once. */
export function fit(text: Phaser.GameObjects.Text, width: number): void {
  const full = text.text;
  if (text.width <= width) return;
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return;
  const st = text.style;
  measurer.font = `${st.fontStyle === 'bold' ? 'bold ' : ''}${st.fontSize} ${st.fontFamily}`;
  const room = width - (text.width - measurer.measureText(full).width);
  let lo = 1;
  let hi = full.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measurer.measureText(full.slice(0, mid) + '…').width <= room) lo = mid;
    else hi = mid - 1;
  }
  text.setText(full.slice(0, lo) + '…');
}

/** One of the palette's marker shapes, centred on (x, y) with radius r. */
export function marker(g: Phaser.GameObjects.Graphics, shape: SeriesStyle['marker'], x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
      g.fillCircle(x, y, r);
      break;
    case 'square':
      g.fillRect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      g.fillTriangle(x, y - r, x + r, y + r * 0.8, x - r, y + r * 0.8);
      break;
    case 'diamond':
      g.fillPoints(
        [new Phaser.Math.Vector2(x, y - r * 1.1), new Phaser.Math.Vector2(x + r, y), new Phaser.Math.Vector2(x, y + r * 1.1), new Phaser.Math.Vector2(x - r, y)],
        true,
      );
      break;
    case 'cross': {
      const w = r * 0.42;
      g.fillRect(x - r, y - w, 2 * r, 2 * w);
      g.fillRect(x - w, y - r, 2 * w, 2 * r);
      break;
    }
    case 'star':
      star(g, x, y, r * 1.15, r * 0.5, 5);
      break;
    case 'wye': {
      const w = r * 0.38;
      for (const a of [-Math.PI / 2, Math.PI / 6, (5 * Math.PI) / 6]) {
        const dx = Math.cos(a);
        const dy = Math.sin(a);
        g.fillPoints(
          [
            new Phaser.Math.Vector2(x - dy * w, y + dx * w),
            new Phaser.Math.Vector2(x + dx * r - dy * w, y + dy * r + dx * w),
            new Phaser.Math.Vector2(x + dx * r + dy * w, y + dy * r - dx * w),
            new Phaser.Math.Vector2(x + dy * w, y - dx * w),
          ],
          true,
        );
      }
      g.fillCircle(x, y, w * 1.1);
      break;
    }
  }
}

export function star(g: Phaser.GameObjects.Graphics, x: number, y: number, outer: number, inner: number, points: number): void {
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    pts.push(new Phaser.Math.Vector2(x + Math.cos(a) * r, y + Math.sin(a) * r));
  }
  g.fillPoints(pts, true);
}

/** A person standing with their feet at (x, y): body in their colour, their marker on the chest. */
export function person(g: Phaser.GameObjects.Graphics, x: number, y: number, size: number, style: SeriesStyle, highlight: boolean): void {
  const body = hex(style.color);
  const h = size;
  g.fillStyle(COLORS.ink, 0.12);
  g.fillEllipse(x, y, h * 0.62, h * 0.14);
  if (highlight) {
    g.lineStyle(Math.max(2, h * 0.06), COLORS.ink, 1);
    g.strokeCircle(x, y - h * 0.52, h * 0.62);
  }
  // legs
  g.fillStyle(COLORS.ink, 1);
  g.fillRoundedRect(x - h * 0.15, y - h * 0.34, h * 0.12, h * 0.34, h * 0.04);
  g.fillRoundedRect(x + h * 0.03, y - h * 0.34, h * 0.12, h * 0.34, h * 0.04);
  // body
  g.fillStyle(body, 1);
  g.fillRoundedRect(x - h * 0.24, y - h * 0.74, h * 0.48, h * 0.44, { tl: h * 0.2, tr: h * 0.2, bl: h * 0.05, br: h * 0.05 });
  g.lineStyle(Math.max(1, h * 0.035), COLORS.ink, 1);
  g.strokeRoundedRect(x - h * 0.24, y - h * 0.74, h * 0.48, h * 0.44, { tl: h * 0.2, tr: h * 0.2, bl: h * 0.05, br: h * 0.05 });
  g.fillStyle(COLORS.white, 1);
  marker(g, style.marker, x, y - h * 0.53, h * 0.1);
  // head
  g.fillStyle(COLORS.skin, 1);
  g.fillCircle(x, y - h * 0.87, h * 0.14);
  g.lineStyle(Math.max(1, h * 0.035), COLORS.ink, 1);
  g.strokeCircle(x, y - h * 0.87, h * 0.14);
}
