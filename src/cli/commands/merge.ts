/**
 * `two-fronts merge DIR... --out DIR`: joins the shards of one experiment into
 * the folder an unsharded batch would have made (the same rows in the same
 * order, byte for byte). Fails loudly, naming what is wrong, when a shard is
 * missing, given twice, unfinished or from another experiment, or when a run
 * is missing or doubled inside a shard. Streams: constant memory.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
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
import { parseLang, t, tn, type Lang } from '../lang.js';
import type { Params } from '../../i18n/index.js';
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

/** A refusal of merge, in `lang`. */
const refusal = (lang: Lang) => (key: string, params: Params) => new UserError(t(`cli.merge.${key}`, params, lang));

function checkShards(dirs: string[], lang: Lang): { manifests: Manifest[]; count: number } {
  const refuse = refusal(lang);
  if (dirs.length === 0) throw refuse('noDirs', {});
  const manifests = dirs.map((d) => requireManifest(d, lang));
  const first = manifests[0]!;
  const firstDir = dirs[0]!;
  manifests.forEach((m, i) => {
    const dir = dirs[i]!;
    if (!m.shard) throw refuse('whole', { dir });
    if (m.experiment.contentHash !== first.experiment.contentHash)
      throw refuse('otherExperiment', { dir, id: m.experiment.id, hash: m.experiment.contentHash, first: firstDir, firstId: first.experiment.id, firstHash: first.experiment.contentHash });
    if (canonicalJson(m.plan) !== canonicalJson(first.plan)) throw refuse('otherPlan', { dir, first: firstDir });
    if (m.shard.count !== first.shard!.count)
      throw refuse('otherCount', { dir, index: String(m.shard.index), count: String(m.shard.count), first: firstDir, firstCount: String(first.shard!.count) });
    if (m.formats.join(',') !== first.formats.join(',')) throw refuse('otherFormats', { dir, formats: m.formats.join(','), first: firstDir, firstFormats: first.formats.join(',') });
  });
  const count = first.shard!.count;
  const byIndex = new Map<number, string>();
  manifests.forEach((m, i) => {
    const prev = byIndex.get(m.shard!.index);
    if (prev !== undefined) throw refuse('twice', { shard: `${m.shard!.index}/${count}`, a: prev, b: dirs[i]! });
    byIndex.set(m.shard!.index, dirs[i]!);
  });
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
  if (missing.length) throw new UserError(tn('cli.merge.missing', missing.length, { shards: missing.map((k) => `${k}/${count}`).join(', ') }, lang));
  manifests.forEach((m, i) => {
    if (m.status !== 'complete') throw refuse('unfinished', { dir: dirs[i]!, shard: `${m.shard!.index}/${count}`, command: finishCommand(m.experiment, dirs[i]!, m.shard) });
  });
  return { manifests, count };
}

/** A shard's file as it is copied: its next line, the rows copied so far and the rows its manifest says it holds. */
interface Shard {
  dir: string;
  lines: Generator<{ text: string }>;
  head: { text: string } | null;
  rows: number;
  expected: number | null;
}

interface Table {
  name: string;
  kind: 'csv' | 'jsonl';
  header: string | null;
  perRun: 'one' | 'many';
}

function mergeTable(dirs: string[], manifests: Manifest[], out: string, table: Table, planRuns: number, lang: Lang): number {
  const { name, kind, header, perRun } = table;
  const refuse = refusal(lang);
  const count = manifests[0]!.shard!.count;
  const byShard: Shard[] = new Array(count);
  manifests.forEach((m, i) => {
    const path = join(dirs[i]!, name);
    if (!existsSync(path)) throw refuse('fileMissing', { path });
    const lines = readLines(path);
    if (header !== null) {
      const h = lines.next();
      if (h.done || h.value.text + '\n' !== header) throw refuse('columns', { path });
    }
    const first = lines.next();
    byShard[m.shard!.index - 1] = { dir: dirs[i]!, lines, head: first.done ? null : first.value, rows: 0, expected: m.rows ? (perRun === 'one' ? m.rows.runs : m.rows.quarters) : null };
  });
  const file = new Buffered(new AppendFile(join(out, name)));
  try {
    return copyRuns(byShard, file, { name, kind, header, perRun }, planRuns, count, lang);
  } finally {
    file.close();
  }
}

function copyRuns(byShard: Shard[], file: Buffered, table: Table, planRuns: number, count: number, lang: Lang): number {
  const { name, kind, header, perRun } = table;
  const refuse = refusal(lang);
  if (header !== null) file.write(header);
  let rows = 0;
  for (let run = 1; run <= planRuns; run++) {
    const k = (run - 1) % count;
    const s = byShard[k]!;
    const where = { file: `${s.dir}/${name}`, shard: `${k + 1}/${count}` };
    if (!s.head) throw refuse('runEnds', { run: String(run), ...where });
    const got = runIdOf(kind, s.head.text);
    if (got !== run) {
      // A run already passed: again in its own shard's file, or one of another shard's copied in.
      const owner = ((got - 1) % count) + 1;
      if (Number.isInteger(got) && got >= 1 && owner !== k + 1) throw refuse('runElsewhere', { run: String(got), owner: `${owner}/${count}`, ...where });
      throw got < run ? refuse('runTwice', { run: String(got), ...where }) : refuse('runMissing', { run: String(run), got: String(got), ...where });
    }
    do {
      file.write(s.head!.text + '\n');
      rows++;
      s.rows++;
      const n = s.lines.next();
      s.head = n.done ? null : n.value;
    } while (perRun === 'many' && s.head && runIdOf(kind, s.head.text) === run);
  }
  for (let k = 0; k < count; k++) {
    const s = byShard[k]!;
    if (s.head) throw refuse('runExtra', { file: `${s.dir}/${name}`, shard: `${k + 1}/${count}`, run: String(runIdOf(kind, s.head.text)) });
    // Every run is there once, but a shard's quarter rows can still be doubled or lost within a run: its manifest says how many it wrote.
    if (s.expected !== null && s.rows !== s.expected) throw refuse('rowCount', { file: `${s.dir}/${name}`, shard: `${k + 1}/${count}`, found: String(s.rows), expected: String(s.expected) });
  }
  return rows;
}

export async function mergeCommand(dirs: string[], opts: { out: string; quiet?: boolean; lang?: string }, io: Output): Promise<number> {
  const lang = parseLang(opts.lang);
  const { manifests } = checkShards(dirs, lang);
  const out = opts.out;
  const created = !existsSync(out);
  ensureDir(out, lang);
  if (readdirSync(out).some((f) => !f.startsWith('.'))) throw refusal(lang)(existsSync(join(out, MANIFEST)) ? 'outBatch' : 'outNotEmpty', { dir: out });
  const first = manifests[0]!;
  try {
    return await mergeInto(dirs, manifests, out, opts, io, lang);
  } catch (e) {
    // A merge that fails leaves nothing behind, so the same command works once the shards are put right.
    for (const f of [...fileNames(first.formats, first.perQuarter).files, MANIFEST]) rmSync(join(out, f), { force: true });
    if (created && readdirSync(out).length === 0) rmSync(out, { recursive: true, force: true });
    throw e;
  }
}

async function mergeInto(dirs: string[], manifests: Manifest[], out: string, opts: { quiet?: boolean }, io: Output, lang: Lang): Promise<number> {
  const first = manifests[0]!;
  const { text } = fileNames(first.formats, first.perQuarter);
  let runRows = 0;
  let quarterRows = 0;
  for (const kind of text) {
    runRows = mergeTable(dirs, manifests, out, { name: `runs.${kind}`, kind, header: kind === 'csv' ? csvHeader(first.columns.runs) : null, perRun: 'one' }, first.planRuns, lang);
    if (first.perQuarter)
      quarterRows = mergeTable(dirs, manifests, out, { name: `quarters.${kind}`, kind, header: kind === 'csv' ? csvHeader(first.columns.quarters) : null, perRun: 'many' }, first.planRuns, lang);
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
  if (!opts.quiet) io.out(tn('cli.merge.done', runRows, { shards: tn('cli.merge.shards', dirs.length, {}, lang), id: first.experiment.id, out }, lang));
  return 0;
}

function factorTypesOf(m: Manifest): Layout['factorTypes'] {
  return m.design.factors.map((f) => factorColumnType(f.spec.kind === 'levels' ? f.spec.levels : levelsOf(f.spec)));
}
