/** Plain-text tables for the terminal: aligned columns, numbers right-aligned. */

export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  if (abs >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(abs >= 100 ? 0 : digits);
}

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((x, c) => (numeric[c] ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
