/**
 * `two-fronts merge DIR... --out DIR`: joins the shards of one experiment into
 * the folder an unsharded batch would have made (the same rows in the same
 * order, byte for byte). Fails loudly, naming what is wrong, when a shard is
 * missing, given twice, unfinished or from another experiment, or when a run
 * is missing or doubled inside a shard. Streams: constant memory.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../experiment/canonical.js';
import { UserError } from '../errors.js';
import { ensureDir } from '../io.js';
import { AppendFile, readLines } from '../output/files.js';
import { csvHeader, factorColumnType } from '../output/layout.js';
import { levelsOf } from '../../experiment/factors.js';
import { fileNames, finishCommand, MANIFEST, requireManifest, writeManifest, type Manifest } from '../output/manifest.js';
import { quarterColumnKinds, runColumnKinds, writeParquetFrom } from '../output/parquet.js';
import type { Layout } from '../output/layout.js';
import type { Output } from './validate.js';

function runIdOf(kind: 'csv' | 'jsonl', text: string): number {
  if (kind === 'csv') {
    const comma = text.indexOf(',');
    return Number(comma < 0 ? text : text.slice(0, comma));
  }
  const m = /^\{"run_id":(\d+)[,}]/.exec(text);
  return m ? Number(m[1]) : NaN;
}

class Buffered {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly file: AppendFile) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    this.file.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    this.file.close();
  }
}

function checkShards(dirs: string[]): { manifests: Manifest[]; count: number } {
  if (dirs.length === 0) throw new UserError('merge: give the shard folders to join');
  const manifests = dirs.map((d) => requireManifest(d));
  const first = manifests[0]!;
  manifests.forEach((m, i) => {
    if (!m.shard) throw new UserError(`merge: ${dirs[i]} holds a whole experiment, not a shard; only folders made with --shard K/N are merged`);
    if (m.experiment.contentHash !== first.experiment.contentHash)
      throw new UserError(`merge: ${dirs[i]} is from another experiment (${m.experiment.id}, content hash ${m.experiment.contentHash}) than ${dirs[0]} (${first.experiment.id}, ${first.experiment.contentHash})`);
    if (canonicalJson(m.plan) !== canonicalJson(first.plan)) throw new UserError(`merge: ${dirs[i]} has another run plan than ${dirs[0]}`);
    if (m.shard.count !== first.shard!.count) throw new UserError(`merge: ${dirs[i]} is shard ${m.shard.index}/${m.shard.count} but ${dirs[0]} is one of ${first.shard!.count} shards`);
    if (m.formats.join(',') !== first.formats.join(',')) throw new UserError(`merge: ${dirs[i]} was written as ${m.formats.join(',')} but ${dirs[0]} as ${first.formats.join(',')}`);
  });
  const count = first.shard!.count;
  const byIndex = new Map<number, string>();
  manifests.forEach((m, i) => {
    const prev = byIndex.get(m.shard!.index);
    if (prev !== undefined) throw new UserError(`merge: shard ${m.shard!.index}/${count} is given twice (${prev} and ${dirs[i]})`);
    byIndex.set(m.shard!.index, dirs[i]!);
  });
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
  if (missing.length) throw new UserError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  manifests.forEach((m, i) => {
    if (m.status !== 'complete')
      throw new UserError(`merge: ${dirs[i]} (shard ${m.shard!.index}/${count}) is unfinished; finish it with ${finishCommand(m.experiment.path, dirs[i]!, m.shard)}`);
  });
  return { manifests, count };
}

function mergeTable(dirs: string[], manifests: Manifest[], out: string, name: string, kind: 'csv' | 'jsonl', header: string | null, planRuns: number, perRun: 'one' | 'many'): number {
  const count = manifests[0]!.shard!.count;
  const byShard: { dir: string; lines: Generator<{ text: string }>; head: { text: string } | null }[] = new Array(count);
  manifests.forEach((m, i) => {
    const path = join(dirs[i]!, name);
    if (!existsSync(path)) throw new UserError(`merge: ${path} is missing`);
    const lines = readLines(path);
    if (header !== null) {
      const h = lines.next();
      if (h.done || h.value.text + '\n' !== header) throw new UserError(`merge: ${path} has other columns than the first shard`);
    }
    const first = lines.next();
    byShard[m.shard!.index - 1] = { dir: dirs[i]!, lines, head: first.done ? null : first.value };
  });
  const file = new Buffered(new AppendFile(join(out, name)));
  if (header !== null) file.write(header);
  let rows = 0;
  for (let run = 1; run <= planRuns; run++) {
    const k = (run - 1) % count;
    const s = byShard[k]!;
    if (!s.head) throw new UserError(`merge: run ${run} is missing: ${s.dir}/${name} (shard ${k + 1}/${count}) ends before it`);
    const got = runIdOf(kind, s.head.text);
    if (got !== run)
      throw new UserError(
        got < run
          ? `merge: run ${got} appears twice in ${s.dir}/${name} (shard ${k + 1}/${count})`
          : `merge: run ${run} is missing from ${s.dir}/${name} (shard ${k + 1}/${count}); found run ${got} in its place`,
      );
    do {
      file.write(s.head!.text + '\n');
      rows++;
      const n = s.lines.next();
      s.head = n.done ? null : n.value;
    } while (perRun === 'many' && s.head && runIdOf(kind, s.head.text) === run);
  }
  for (let k = 0; k < count; k++) {
    const s = byShard[k]!;
    if (s.head) throw new UserError(`merge: ${s.dir}/${name} (shard ${k + 1}/${count}) holds run ${runIdOf(kind, s.head.text)}, which is doubled or not in the plan`);
  }
  file.close();
  return rows;
}

export async function mergeCommand(dirs: string[], opts: { out: string; quiet?: boolean }, io: Output): Promise<number> {
  const { manifests } = checkShards(dirs);
  const out = opts.out;
  if (existsSync(out) && readdirSync(out).some((f) => !f.startsWith('.')))
    throw new UserError(`merge: ${out} is not empty${existsSync(join(out, MANIFEST)) ? ' (it already holds a batch)' : ''}; choose a new --out folder`);
  ensureDir(out);
  const first = manifests[0]!;
  const { text } = fileNames(first.formats, first.perQuarter);
  let runRows = 0;
  let quarterRows = 0;
  for (const kind of text) {
    runRows = mergeTable(dirs, manifests, out, `runs.${kind}`, kind, kind === 'csv' ? csvHeader(first.columns.runs) : null, first.planRuns, 'one');
    if (first.perQuarter) quarterRows = mergeTable(dirs, manifests, out, `quarters.${kind}`, kind, kind === 'csv' ? csvHeader(first.columns.quarters) : null, first.planRuns, 'many');
  }
  if (first.formats.includes('parquet')) {
    const layout = { runColumns: first.columns.runs, quarterColumns: first.columns.quarters, factorColumns: first.design.factors.map((f) => f.column), factorTypes: factorTypesOf(first) } as Layout;
    await writeParquetFrom(join(out, `runs.${text[0]}`), text[0]!, first.columns.runs, runColumnKinds(layout), join(out, 'runs.parquet'));
    if (first.perQuarter) await writeParquetFrom(join(out, `quarters.${text[0]}`), text[0]!, first.columns.quarters, quarterColumnKinds(layout), join(out, 'quarters.parquet'));
  }
  const started = manifests.map((m) => m.started).sort()[0]!;
  const merged: Manifest = {
    ...first,
    command: 'merge',
    status: 'complete',
    started,
    finished: new Date().toISOString(),
    resumes: [],
    shard: null,
    runs: first.planRuns,
    rows: { runs: runRows, quarters: quarterRows },
    mergedFrom: dirs,
  };
  writeManifest(out, merged);
  if (!opts.quiet) io.out(`merged ${dirs.length} shards of ${first.experiment.id}: ${runRows.toLocaleString('en-US')} runs in ${out}`);
  return 0;
}

function factorTypesOf(m: Manifest): Layout['factorTypes'] {
  return m.design.factors.map((f) => factorColumnType(f.spec.kind === 'levels' ? f.spec.levels : levelsOf(f.spec)));
}
