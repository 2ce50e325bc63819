/**
 * The Parquet writer behind `writeParquetFrom` (see parquet.ts): Apache Arrow
 * builds each batch of rows, parquet-wasm streams them into the file.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { Bool, Float64, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { readLines, parseCsvLine } from './files.js';
import type { ColumnKind } from './parquet.js';

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

export async function writeParquet(source: string, kind: 'csv' | 'jsonl', columns: readonly string[], kinds: readonly ColumnKind[], outPath: string): Promise<number> {
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
