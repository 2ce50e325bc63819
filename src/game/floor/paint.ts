/**
 * Painting on a plain 2D canvas context, for the floor's baked layers: what
 * never changes is painted once, what changes rarely (gauges, meters, figures
 * under the accounts) is repainted only when it changes. Phaser then shows
 * each layer as one image, so a frame costs a few image draws instead of a
 * thousand shapes and dozens of text objects.
 * Imports the shared palette's types only.
 */
import type { SeriesStyle } from '../../charts/palette';
import { FONT, SERIF } from './draw';
import { breakInTwo } from './spread';

export type Ctx = CanvasRenderingContext2D;

export function css(color: number, alpha = 1): string {
  const r = (color >> 16) & 255;
  const g = (color >> 8) & 255;
  const b = color & 255;
  return alpha >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}

export function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number | [number, number, number, number]): void {
  const [tl, tr, br, bl] = typeof r === 'number' ? [r, r, r, r] : r;
  ctx.beginPath();
  ctx.moveTo(x + tl, y);
  ctx.lineTo(x + w - tr, y);
  ctx.arcTo(x + w, y, x + w, y + tr, tr);
  ctx.lineTo(x + w, y + h - br);
  ctx.arcTo(x + w, y + h, x + w - br, y + h, br);
  ctx.lineTo(x + bl, y + h);
  ctx.arcTo(x, y + h, x, y + h - bl, bl);
  ctx.lineTo(x, y + tl);
  ctx.arcTo(x, y, x + tl, y, tl);
  ctx.closePath();
}

export function starPath(ctx: Ctx, x: number, y: number, outer: number, inner: number, points = 5): void {
  ctx.beginPath();
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    if (i === 0) ctx.moveTo(x + Math.cos(a) * r, y + Math.sin(a) * r);
    else ctx.lineTo(x + Math.cos(a) * r, y + Math.sin(a) * r);
  }
  ctx.closePath();
}

/** The palette's marker shapes as paths (fill them afterwards). */
export function markerPath(ctx: Ctx, shape: SeriesStyle['marker'], x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'square':
      ctx.beginPath();
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      ctx.beginPath();
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y + r * 0.8);
      ctx.lineTo(x - r, y + r * 0.8);
      ctx.closePath();
      break;
    case 'diamond':
      ctx.beginPath();
      ctx.moveTo(x, y - r * 1.1);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r * 1.1);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      break;
    case 'cross': {
      const w = r * 0.42;
      ctx.beginPath();
      ctx.rect(x - r, y - w, 2 * r, 2 * w);
      ctx.rect(x - w, y - r, 2 * w, 2 * r);
      break;
    }
    case 'star':
      starPath(ctx, x, y, r * 1.15, r * 0.5);
      break;
    case 'wye': {
      const w = r * 0.38;
      ctx.beginPath();
      for (const a of [-Math.PI / 2, Math.PI / 6, (5 * Math.PI) / 6]) {
        const dx = Math.cos(a);
        const dy = Math.sin(a);
        ctx.moveTo(x - dy * w, y + dx * w);
        ctx.lineTo(x + dx * r - dy * w, y + dy * r + dx * w);
        ctx.lineTo(x + dx * r + dy * w, y + dy * r - dx * w);
        ctx.lineTo(x + dy * w, y - dx * w);
        ctx.closePath();
      }
      ctx.moveTo(x + w * 1.1, y);
      ctx.arc(x, y, w * 1.1, 0, Math.PI * 2);
      break;
    }
  }
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  serif?: boolean;
  color?: string;
  align?: CanvasTextAlign;
  /** Drawn on a rounded box of this colour. */
  background?: string;
  /** A text wider than its room is first drawn smaller, down to this share of its size (never below 9 px), and only then shortened. */
  shrink?: number;
}

export function font(style: TextStyle): string {
  return `${style.bold ? 'bold ' : ''}${Math.round(style.size)}px ${style.serif ? SERIF : FONT}`;
}

/** Shortens a text to a width with an ellipsis. */
export function fitText(ctx: Ctx, text: string, width: number, style: TextStyle): string {
  ctx.font = font(style);
  if (ctx.measureText(text).width <= width) return text;
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(text.slice(0, mid) + '…').width <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}

/** A line of text with its top at y; returns its width. */
export function text(ctx: Ctx, str: string, x: number, y: number, given: TextStyle, maxWidth?: number): number {
  let style = given;
  if (maxWidth !== undefined && given.shrink !== undefined && given.shrink < 1) {
    ctx.font = font(given);
    const full = ctx.measureText(str).width;
    const least = Math.min(given.size, Math.max(given.size * given.shrink, 9));
    // Whole pixels (as the font is set), rounded down so that the smaller text fits where it can.
    if (full > maxWidth) style = { ...given, size: Math.max(Math.round(least), Math.floor((given.size * maxWidth) / full)) };
  }
  const shown = maxWidth !== undefined ? fitText(ctx, str, maxWidth, style) : str;
  ctx.font = font(style);
  ctx.textAlign = style.align ?? 'center';
  ctx.textBaseline = 'top';
  const w = ctx.measureText(shown).width;
  if (style.background) {
    const pad = style.size * 0.3;
    const left = ctx.textAlign === 'center' ? x - w / 2 : ctx.textAlign === 'right' || ctx.textAlign === 'end' ? x - w : x;
    ctx.fillStyle = style.background;
    roundRect(ctx, left - pad, y - pad * 0.6, w + 2 * pad, style.size * 1.25 + pad * 1.2, pad);
    ctx.fill();
  }
  ctx.fillStyle = style.color ?? '#1d2330';
  ctx.fillText(shown, x, y);
  return w;
}

/**
 * A text with its top at y, on one line if it fits at full size, else on two
 * (`lineHeight` apart, see breakInTwo) before it is drawn smaller or
 * shortened. Returns the number of lines.
 */
export function textLines(ctx: Ctx, str: string, x: number, y: number, style: TextStyle, maxWidth: number, lineHeight: number): number {
  ctx.font = font(style);
  const fits = (line: string) => ctx.measureText(line).width <= maxWidth;
  const lines = fits(str) ? undefined : breakInTwo(str, fits);
  if (!lines) {
    text(ctx, str, x, y, style, maxWidth);
    return 1;
  }
  lines.forEach((line, n) => text(ctx, line, x, y + n * lineHeight, style, maxWidth));
  return 2;
}
