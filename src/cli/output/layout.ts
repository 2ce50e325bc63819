/**
 * The columns of a batch's output files (INTERFACES.md §4) and how one run
 * becomes rows: runs.csv / runs.jsonl (one row per run) and quarters.csv /
 * quarters.jsonl (one row per run and quarter). The worker threads format
 * rows with this code, so the main thread only writes text; CSV, JSONL and
 * Parquet share the column names. Numbers are written as the shortest text
 * that reads back to the same bits; a non-finite number is an empty CSV cell
 * and null in JSON.
 */
import { csvFormatRows } from 'd3-dsv';
import { RESULT_HASH_COLUMN, RUN_KEY_COLUMNS, type FactorValue } from '../../experiment/factors.js';
import { columnName } from '../csv.js';

export { RESULT_HASH_COLUMN, RUN_KEY_COLUMNS };

export type FactorColumnType = 'number' | 'boolean' | 'text';

/** The column type of a factor from the values it can take. */
export function factorColumnType(values: readonly FactorValue[] | null): FactorColumnType {
  if (!values) return 'number';
  if (values.every((v) => typeof v === 'number')) return 'number';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'text';
}

export interface Layout {
  /** Reporter names recorded. */
  metrics: string[];
  factorColumns: string[];
  /** What a factor column holds: numbers, true/false, or text. */
  factorTypes: FactorColumnType[];
  runColumns: string[];
  quarterColumns: string[];
  /** JSON-quoted metric keys of a runs row: final and cumulative of each metric, interleaved. */
  runMetricKeys: string[];
  /** JSON-quoted metric keys of a quarters row. */
  quarterMetricKeys: string[];
}

export function metricColumns(metrics: readonly string[]): string[] {
  return metrics.flatMap((m) => [`${columnName(m)}_final`, `${columnName(m)}_cumulative`]);
}

export function makeLayout(metrics: string[], factorColumns: string[], factorTypes: FactorColumnType[]): Layout {
  return {
    metrics,
    factorColumns,
    factorTypes,
    runColumns: [...RUN_KEY_COLUMNS, ...factorColumns, ...metricColumns(metrics), RESULT_HASH_COLUMN],
    quarterColumns: ['run_id', 'quarter', ...metrics.map(columnName)],
    runMetricKeys: metricColumns(metrics).map((c) => JSON.stringify(c)),
    quarterMetricKeys: metrics.map((m) => JSON.stringify(columnName(m))),
  };
}

function num(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

function jnum(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

/**
 * The numbers of a plain array as text, joined by commas, a non-finite one
 * written as `empty` (CSV: '', JSON: 'null'). One JSON.stringify call formats
 * the whole row: the standard makes it write a finite number exactly as
 * String() does, and it costs a fraction of one string per number (number
 * formatting is most of a batch thread's work besides the engine). A row
 * holding a non-finite number, null in JSON, goes cell by cell.
 */
export function numberList(xs: readonly number[], empty: '' | 'null'): string {
  const s = JSON.stringify(xs);
  if (!s.includes('null')) return s.slice(1, -1);
  return xs.map(empty === '' ? num : jnum).join(',');
}

/** Final and cumulative values of each metric, interleaved, as runs rows list them. */
function interleaved(r: RunRecord): number[] {
  const out: number[] = new Array<number>(2 * r.final.length);
  for (let i = 0; i < r.final.length; i++) {
    out[2 * i] = r.final[i]!;
    out[2 * i + 1] = r.cumulative[i]!;
  }
  return out;
}

/** A factor value as a CSV cell (quoted by RFC 4180 rules when needed). */
export function factorCell(v: FactorValue): string {
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return csvFormatRows([[v]]);
}

export function factorJson(v: FactorValue): string {
  return typeof v === 'number' ? jnum(v) : JSON.stringify(v);
}

export interface PointCells {
  csv: string;
  /** `"col":value,` pairs for JSON lines, ending with a comma when not empty. */
  json: string;
}

export function pointCells(layout: Layout, values: readonly FactorValue[]): PointCells {
  return {
    csv: values.map(factorCell).join(','),
    json: values.map((v, i) => `${JSON.stringify(layout.factorColumns[i])}:${factorJson(v)},`).join(''),
  };
}

export interface RunRecord {
  runId: number;
  pointId: number;
  replicate: number;
  seed: number;
  final: readonly number[];
  cumulative: readonly number[];
  hash: string;
  /** Per quarter, the metrics' values. */
  quarters: readonly (readonly number[])[];
}

export function runCsv(layout: Layout, cells: PointCells, r: RunRecord): string {
  const factors = layout.factorColumns.length ? `,${cells.csv}` : '';
  const metrics = r.final.length ? `,${numberList(interleaved(r), '')}` : '';
  return `${r.runId},${r.pointId},${r.replicate},${r.seed}${factors}${metrics},${r.hash}\n`;
}

/** `"key":value` pairs of a JSON object, joined by commas, from keys and the numbers' text. */
function jsonPairs(keys: readonly string[], values: readonly number[]): string {
  const text = numberList(values, 'null').split(',');
  const out: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) out[i] = `${keys[i]}:${text[i]}`;
  return out.join(',');
}

export function runJson(layout: Layout, cells: PointCells, r: RunRecord): string {
  const metrics = r.final.length ? `${jsonPairs(layout.runMetricKeys, interleaved(r))},` : '';
  return `{"run_id":${r.runId},"point_id":${r.pointId},"replicate":${r.replicate},"seed":${r.seed},${cells.json}${metrics}"${RESULT_HASH_COLUMN}":"${r.hash}"}\n`;
}

export function quartersCsv(r: RunRecord): string {
  // Joined, not appended: a flat string instead of a tree of small pieces, which
  // matters to the garbage collector while a chunk's text waits to be sent.
  const rows: string[] = new Array<string>(r.quarters.length);
  for (let q = 0; q < r.quarters.length; q++) {
    const values = r.quarters[q]!;
    rows[q] = values.length ? `${r.runId},${q + 1},${numberList(values, '')}\n` : `${r.runId},${q + 1}\n`;
  }
  return rows.join('');
}

export function quartersJson(layout: Layout, r: RunRecord): string {
  const rows: string[] = new Array<string>(r.quarters.length);
  for (let q = 0; q < r.quarters.length; q++) {
    const values = r.quarters[q]!;
    const pairs = values.length ? `,${jsonPairs(layout.quarterMetricKeys, values)}` : '';
    rows[q] = `{"run_id":${r.runId},"quarter":${q + 1}${pairs}}\n`;
  }
  return rows.join('');
}

export function csvHeader(columns: readonly string[]): string {
  return csvFormatRows([columns as string[]]) + '\n';
}
