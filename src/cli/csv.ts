/**
 * CSV as INTERFACES.md §4 asks: RFC 4180 (d3-dsv does the quoting), a header
 * row, `.` decimals, numbers printed as the shortest text that reads back to
 * the same bits, and column names with `_` for `.`.
 */
import { csvFormatRows } from 'd3-dsv';

export type Cell = string | number | boolean | null | undefined;

export function columnName(reporter: string): string {
  return reporter.replaceAll('.', '_');
}

export function cell(x: Cell): string {
  if (x === null || x === undefined) return '';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : '';
  return x;
}

export function csvLine(cells: readonly Cell[]): string {
  return csvFormatRows([cells.map(cell)]) + '\n';
}

export function csvTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvFormatRows([header as string[], ...rows.map((r) => r.map(cell))]) + '\n';
}
