/**
 * Parquet output (Apache Arrow in JavaScript, parquet-wasm for the file):
 * made from a finished text file (runs.csv or runs.jsonl, the crash-safe
 * record) by streaming it in batches of rows into a Parquet writer, so a
 * file of any length is converted in constant memory. Column types: ids and
 * quarters int32, seeds int64, metrics float64 (null where the CSV cell is
 * empty), factors float64, boolean or string, result_hash string. pandas,
 * polars and R's arrow read the file as it is.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { Bool, Float64, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { readLines, parseCsvLine } from './files.js';
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

type Cell = string | number | boolean | null;

function convert(kind: ColumnKind, v: Cell): unknown {
  if (v === null || v === '') return null;
  switch (kind) {
    case 'int32':
    case 'float64':
      return typeof v === 'number' ? v : Number(v);
    case 'int64':
      return BigInt(typeof v === 'number' ? v : String(v));
    case 'boolean':
      return typeof v === 'boolean' ? v : v === 'true';
    default:
      return String(v);
  }
}

function arrowType(kind: ColumnKind): DataType {
  switch (kind) {
    case 'int32':
      return new Int32();
    case 'int64':
      return new Int64();
    case 'float64':
      return new Float64();
    case 'boolean':
      return new Bool();
    default:
      return new Utf8();
  }
}

const BATCH_ROWS = 16_384;

/** Converts a finished CSV or JSONL table to Parquet at `outPath` (written to a temporary file, then renamed). */
export async function writeParquetFrom(source: string, kind: 'csv' | 'jsonl', columns: readonly string[], kinds: readonly ColumnKind[], outPath: string): Promise<number> {
  const lines = readLines(source);
  if (kind === 'csv') lines.next(); // header
  let rows = 0;
  let pending: parquet.RecordBatch[] = [];
  const nextBatch = (): parquet.RecordBatch[] | null => {
    const cols: unknown[][] = columns.map(() => []);
    let n = 0;
    while (n < BATCH_ROWS) {
      const line = lines.next();
      if (line.done) break;
      if (kind === 'csv') {
        const cells = parseCsvLine(line.value.text);
        cells.forEach((c, i) => cols[i]?.push(convert(kinds[i]!, c)));
      } else {
        const obj = JSON.parse(line.value.text) as Record<string, Cell>;
        columns.forEach((c, i) => cols[i]!.push(convert(kinds[i]!, obj[c] ?? null)));
      }
      n++;
    }
    if (n === 0 && rows > 0) return null;
    rows += n;
    const vectors: Record<string, Vector> = {};
    columns.forEach((c, i) => (vectors[c] = vectorFromArray(cols[i]!, arrowType(kinds[i]!))));
    const table = new Table(vectors);
    return parquet.Table.fromIPCStream(tableToIPC(table, 'stream')).recordBatches();
  };
  const stream = new ReadableStream<parquet.RecordBatch>({
    pull(controller) {
      if (pending.length === 0) {
        const next = nextBatch();
        if (next === null) {
          controller.close();
          return;
        }
        pending = next;
        if (pending.length === 0) {
          controller.close();
          return;
        }
      }
      controller.enqueue(pending.shift()!);
    },
  });
  const props = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setMaxRowGroupSize(65_536)
    .setCreatedBy('two-fronts')
    .build();
  const bytes = await parquet.transformParquetStream(stream, props);
  const tmp = join(dirname(outPath), `.${Date.now().toString(36)}-${process.pid}.parquet.tmp`);
  try {
    await bytes.pipeTo(Writable.toWeb(createWriteStream(tmp)) as WritableStream<Uint8Array>);
    renameSync(tmp, outPath);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return rows;
}
