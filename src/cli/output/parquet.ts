/**
 * Parquet output (Apache Arrow in JavaScript, parquet-wasm for the file):
 * made from a finished text file (runs.csv or runs.jsonl, the crash-safe
 * record) by streaming it in batches of rows into a Parquet writer, so a
 * file of any length is converted in constant memory. Column types: ids and
 * quarters int32, seeds int64, metrics float64 (null where the CSV cell is
 * empty), factors float64, boolean or string, result_hash string. pandas,
 * polars and R's arrow read the file as it is. The writer (Arrow and the
 * WebAssembly module, a third of a second to load) is loaded only when a
 * Parquet file is written.
 */
import type { Layout } from './layout.js';

export type ColumnKind = 'int32' | 'int64' | 'float64' | 'boolean' | 'string';

export function runColumnKinds(layout: Layout): ColumnKind[] {
  return layout.runColumns.map((c, i) => {
    if (c === 'run_id' || c === 'point_id' || c === 'replicate') return 'int32';
    if (c === 'seed') return 'int64';
    if (c === 'result_hash') return 'string';
    const f = layout.factorColumns.indexOf(c);
    if (f >= 0 && i < 4 + layout.factorColumns.length) {
      const t = layout.factorTypes[f];
      return t === 'number' ? 'float64' : t === 'boolean' ? 'boolean' : 'string';
    }
    return 'float64';
  });
}

export function quarterColumnKinds(layout: Layout): ColumnKind[] {
  return layout.quarterColumns.map((c) => (c === 'run_id' || c === 'quarter' ? 'int32' : 'float64'));
}

/** Converts a finished CSV or JSONL table to Parquet at `outPath` (written to a temporary file, then renamed); the number of rows. */
export async function writeParquetFrom(source: string, kind: 'csv' | 'jsonl', columns: readonly string[], kinds: readonly ColumnKind[], outPath: string): Promise<number> {
  const { writeParquet } = await import('./parquet-writer.js');
  return writeParquet(source, kind, columns, kinds, outPath);
}
