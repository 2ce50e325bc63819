/** Plain-text tables for the terminal: aligned columns, numbers right-aligned. */

/** Scales for large numbers, smallest first: 12.35M, 4.20bn, 19.99tn; beyond, the trillions are grouped (1,234.00tn). */
const SCALES = [
  { size: 1e6, unit: 'M' },
  { size: 1e9, unit: 'bn' },
  { size: 1e12, unit: 'tn' },
] as const;

const grouped2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A number for a terminal table: `digits` decimals below 100, whole numbers
 * up to a million with thousands separated (6,509), then two decimals of a
 * million (M), billion (bn) or trillion (tn), with the largest scale that
 * keeps the number below 1,000 where there is one.
 */
export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  if (Math.round(abs) < 1000) return x.toFixed(abs >= 100 ? 0 : digits);
  if (Math.round(abs) < 1e6) return Math.round(x).toLocaleString('en-US');
  let k = 0;
  while (k + 1 < SCALES.length && Math.round((abs / SCALES[k]!.size) * 100) / 100 >= 1000) k++;
  const { size, unit } = SCALES[k]!;
  return `${x < 0 ? '-' : ''}${grouped2.format(Math.round((abs / size) * 100) / 100)}${unit}`;
}

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((x, c) => (numeric[c] ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
