/** Plain-text tables for the terminal: aligned columns, numbers right-aligned, written in the command's language. */
import { formatNumber as grouped } from '../i18n/index.js';
import { t, type Lang } from './lang.js';

/** Scales for large numbers, smallest first: 12.35M, 4.20bn, 19.99tn; beyond, the trillions are grouped (1,234.00tn). */
const SCALES = [
  { size: 1e6, name: 'million' },
  { size: 1e9, name: 'billion' },
  { size: 1e12, name: 'trillion' },
] as const;

/** The message of each scale, with the number as {value}. */
export type ScaleMessages = Record<(typeof SCALES)[number]['name'], string>;

const TABLE_SCALES: ScaleMessages = { million: 'cli.num.million', billion: 'cli.num.billion', trillion: 'cli.num.trillion' };

/** `x` with `digits` decimals, rounded as toFixed rounds it, with the language's decimal sign (0.45, 0,45). */
export function fixed(x: number, digits: number, lang: Lang): string {
  // A value that rounds to zero is written 0.00, not -0.00.
  const r = Number(x.toFixed(digits)) === 0 ? 0 : x;
  return lang === 'en' ? r.toFixed(digits) : grouped(Number(r.toFixed(digits)), lang, digits);
}

/** `x` as JavaScript writes it shortest (0.0523, 78.4, 50000), in the language's way (0,0523; 78,4; 50.000 in Dutch). */
export function shortNumber(x: number, lang: Lang): string {
  const text = String(x);
  if (lang === 'en') return text;
  return /^-?\d+(\.\d+)?$/.test(text) ? grouped(x, lang, text.split('.')[1]?.length ?? 0) : text.replace('.', ',');
}

/**
 * A number of a million or more: two decimals of a million, billion or
 * trillion, the largest scale that keeps the number below 1,000 where there
 * is one, worded by that scale's message.
 */
export function largeNumber(x: number, lang: Lang, messages: ScaleMessages): string {
  const abs = Math.abs(x);
  let k = 0;
  while (k + 1 < SCALES.length && Math.round((abs / SCALES[k]!.size) * 100) / 100 >= 1000) k++;
  const { size, name } = SCALES[k]!;
  return t(messages[name], { value: `${x < 0 ? '-' : ''}${grouped(Math.round((abs / size) * 100) / 100, lang, 2)}` }, lang);
}

/**
 * Decimals for a number below 1,000 in a table: `digits` below 100, none
 * from 100 on, judged by the number as it would be written (99.9996 with two
 * decimals is 100.00, so it is written 100).
 */
export function decimalsBelow1000(abs: number, digits: number): number {
  return Number(abs.toFixed(digits)) >= 100 ? 0 : digits;
}

/**
 * A number for a terminal table: `digits` decimals below 100, whole numbers
 * up to a million with thousands separated (6,509), then two decimals of a
 * million (M), billion (bn) or trillion (tn), with the largest scale that
 * keeps the number below 1,000 where there is one. In Dutch: 6.509, 0,45,
 * 12,35 mln.
 */
export function formatNumber(x: number, digits = 2, lang: Lang = 'en'): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  if (Math.round(abs) < 1000) return fixed(x, decimalsBelow1000(abs, digits), lang);
  if (Math.round(abs) < 1e6) return grouped(Math.round(x), lang, 0);
  return largeNumber(x, lang, TABLE_SCALES);
}

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((x, c) => (numeric[c] ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
