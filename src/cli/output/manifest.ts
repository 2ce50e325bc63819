/**
 * manifest.json of a batch folder: what made it (tool, version, commit, Node),
 * what it is (experiment and scenario with their texts and hashes, the
 * design, the seed rule, the run plan, the shard), how far it got, and when.
 * Written atomically at the start, on every resume and at the end, so it is
 * never torn and always tells whether the folder is complete.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { shellWord } from '../../scenario/document.js';
import { z } from 'zod';
import type { FactorSpec } from '../../experiment/factors.js';
import type { PlanSegment, Shard } from '../../experiment/plan.js';
import { UserError } from '../errors.js';
import { writeAtomic } from '../io.js';
import { t, type Lang } from '../lang.js';

export const BATCH_FORMAT = 'two-fronts/batch@1';
export const MANIFEST = 'manifest.json';

export type OutputFormat = 'csv' | 'jsonl' | 'parquet';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'jsonl', 'parquet'];

export interface Manifest {
  format: typeof BATCH_FORMAT;
  tool: 'two-fronts';
  version: string;
  gitCommit: string | null;
  node: string;
  command: string;
  status: 'running' | 'complete';
  started: string;
  finished: string | null;
  resumes: { at: string; doneBefore: number }[];
  /** `path` as typed when the batch started; `absolutePath` the same made absolute (manifests of earlier versions have none). */
  experiment: { id: string; title: string | null; path: string; absolutePath?: string; sha256: string; contentHash: string; text: string };
  scenario: { id: string; path: string; sha256: string; text: string };
  design: {
    type: string;
    points: number;
    factors: { path: string; column: string; spec: FactorSpec; categorical: boolean }[];
    samples: number | null;
    levels: number | null;
    bootstrap: number;
  };
  replications: number;
  seed: number;
  seedRule: string;
  metrics: string[];
  perQuarter: boolean;
  plan: PlanSegment[];
  /** Runs in the whole plan (all shards). */
  planRuns: number;
  shard: Shard | null;
  /** Runs this folder holds when complete. */
  runs: number;
  formats: OutputFormat[];
  files: string[];
  columns: { runs: string[]; quarters: string[] };
  /** Rows written when complete. */
  rows: { runs: number; quarters: number } | null;
  /** Folders merged into this one (merge only). */
  mergedFrom?: string[];
}

/** Where a manifest says its experiment file is: the path as typed when the batch started, and that path made absolute. */
export interface ExperimentPlace {
  path: string;
  absolutePath?: string | undefined;
}

/**
 * The command that finishes an unfinished batch, to be typed in the current
 * folder: the experiment file by the shorter of its relative and absolute
 * paths from here when it is on this machine (the path typed when the batch
 * started only works from the folder it was typed in), else as it was typed;
 * `dir` as the user named it now; with its shard, which resume requires.
 */
export function finishCommand(place: ExperimentPlace, dir: string, shard: Shard | null | undefined): string {
  let file = place.path;
  // Only a file that is here: a manifest from another machine (a cluster's shard) keeps the path as typed there.
  if (place.absolutePath && isAbsolute(place.absolutePath) && existsSync(place.absolutePath)) {
    const rel = relative(process.cwd(), place.absolutePath);
    file = rel !== '' && rel.length < place.absolutePath.length ? rel : place.absolutePath;
  }
  return `two-fronts batch ${shellWord(file)} --out ${shellWord(dir)}${shard ? ` --shard ${shard.index}/${shard.count}` : ''} --resume`;
}

export function manifestPath(dir: string): string {
  return join(dir, MANIFEST);
}

/**
 * The parts of a manifest the commands read, checked before they are used: a
 * manifest edited by hand or written by something else is named as such,
 * never read into a crash. Other keys are let through.
 */
const text = z.string();
const count = z.number().int().min(0);
const manifestShape = z.looseObject({
  status: z.enum(['running', 'complete']),
  experiment: z.looseObject({ id: text, path: text, absolutePath: text.optional(), sha256: text, contentHash: text, text }),
  scenario: z.looseObject({ id: text, path: text, sha256: text, text }),
  design: z.looseObject({ type: text, points: count, factors: z.array(z.looseObject({ path: text, column: text, categorical: z.boolean(), spec: z.looseObject({ kind: z.enum(['levels', 'range', 'scale']) }) })) }),
  resumes: z.array(z.looseObject({ at: text, doneBefore: count })),
  replications: count,
  seed: z.number(),
  metrics: z.array(text),
  perQuarter: z.boolean(),
  plan: z.array(
    z.union([
      z.looseObject({ kind: z.literal('grid'), points: count, from: count, to: count }),
      z.looseObject({ kind: z.literal('list'), items: z.array(z.looseObject({ point: count, from: count, to: count })) }),
    ]),
  ),
  planRuns: count,
  shard: z.looseObject({ index: count, count }).nullable(),
  runs: count,
  formats: z.array(z.enum(['csv', 'jsonl', 'parquet'])),
  files: z.array(text),
  columns: z.looseObject({ runs: z.array(text), quarters: z.array(text) }),
});

export function readManifest(dir: string, lang: Lang = 'en'): Manifest | null {
  const path = manifestPath(dir);
  if (!existsSync(path)) return null;
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (e) {
    throw new UserError(t('cli.manifest.unreadable', { path, detail: (e as Error).message }, lang));
  }
  if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new UserError(t('cli.manifest.notObject', { path }, lang));
  if (m.format !== BATCH_FORMAT) throw new UserError(t('cli.manifest.format', { path, format: JSON.stringify(m.format) ?? 'undefined', expected: BATCH_FORMAT }, lang));
  const shape = manifestShape.safeParse(m);
  if (!shape.success) {
    const first = shape.error.issues[0]!;
    throw new UserError(t('cli.manifest.shape', { path, key: first.path.join('.') || 'format' }, lang));
  }
  return m;
}

/** The manifest of a folder that must hold batch output. */
export function requireManifest(dir: string, lang: Lang = 'en'): Manifest {
  if (!existsSync(dir)) throw new UserError(t('cli.folder.missing', { dir }, lang));
  if (statSync(dir).isFile()) throw new UserError(t('cli.folder.file', { dir }, lang));
  const m = readManifest(dir, lang);
  if (!m) throw new UserError(t('cli.folder.noManifest', { dir }, lang));
  return m;
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(manifestPath(dir), JSON.stringify(m, null, 2) + '\n');
}

export function fileNames(formats: readonly OutputFormat[], perQuarter: boolean): { text: ('csv' | 'jsonl')[]; files: string[] } {
  const text: ('csv' | 'jsonl')[] = [];
  if (formats.includes('csv') || (formats.includes('parquet') && !formats.includes('jsonl'))) text.push('csv');
  if (formats.includes('jsonl')) text.push('jsonl');
  const files: string[] = [];
  for (const ext of text) files.push(`runs.${ext}`, ...(perQuarter ? [`quarters.${ext}`] : []));
  if (formats.includes('parquet')) files.push('runs.parquet', ...(perQuarter ? ['quarters.parquet'] : []));
  return { text, files };
}
