/**
 * Reading a batch folder's rows back, from runs.csv or runs.jsonl (whichever
 * the folder has; CSV first), one row at a time in constant memory. Used by
 * summarize, report and merge.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { t, type Lang } from '../lang.js';
import { parseCsvLine, readLines, type Line } from './files.js';
import type { Manifest } from './manifest.js';

export type Cell = string | number | boolean | null;

export interface TableSource {
  path: string;
  kind: 'csv' | 'jsonl';
  columns: string[];
}

export function tableSource(dir: string, m: Manifest, table: 'runs' | 'quarters'): TableSource | null {
  const columns = table === 'runs' ? m.columns.runs : m.columns.quarters;
  for (const kind of ['csv', 'jsonl'] as const) {
    const path = join(dir, `${table}.${kind}`);
    if (existsSync(path)) return { path, kind, columns };
  }
  return null;
}

export function requireRuns(dir: string, m: Manifest, lang: Lang = 'en'): TableSource {
  const s = tableSource(dir, m, 'runs');
  if (!s) throw new UserError(t('cli.runs.missing', { dir }, lang));
  return s;
}

/**
 * Rows as cells in `columns` order (numbers from JSON stay numbers; CSV cells
 * are strings), each with its line number in the file (1-based, the CSV
 * header being line 1). A JSON line that is not an object is a damaged file,
 * reported at its line.
 */
export function* readRows(src: TableSource, lang: Lang = 'en'): Generator<{ cells: Cell[]; line: Line; number: number }> {
  const lines = readLines(src.path);
  let number = 0;
  if (src.kind === 'csv') {
    const head = lines.next();
    if (head.done) return;
    number++;
    const found = parseCsvLine(head.value.text);
    if (found.join(',') !== src.columns.join(',')) throw new UserError(t('cli.runs.header', { path: src.path }, lang));
    for (const line of lines) yield { cells: parseCsvLine(line.text), line, number: ++number };
    return;
  }
  for (const line of lines) {
    number++;
    let obj: unknown;
    try {
      obj = JSON.parse(line.text);
    } catch {
      obj = null;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new UserError(t('cli.runs.notObject', { path: src.path, line: number }, lang));
    const row = obj as Record<string, Cell>;
    yield { cells: src.columns.map((c) => row[c] ?? null), line, number };
  }
}

export function toNumber(c: Cell): number {
  if (c === null || c === '') return NaN;
  return typeof c === 'number' ? c : Number(c);
}

/** A number as the batch writes one: JavaScript's shortest decimal form (no spaces, hex or words). */
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A cell of a numeric column: empty for a value that was not finite (NaN),
 * else the number; anything else is an edited or damaged file, named at its
 * line and column rather than left out of the statistics.
 */
export function numberCell(c: Cell, src: TableSource, line: number, column: number, lang: Lang = 'en'): number {
  if (c === null || c === '') return NaN;
  if (typeof c === 'number') return c;
  if (typeof c === 'string' && NUMBER.test(c)) return Number(c);
  throw new UserError(t('cli.runs.notNumber', { path: src.path, line, column: src.columns[column] ?? String(column + 1), value: String(c) }, lang));
}
