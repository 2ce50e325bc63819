/**
 * What makes an experiment another one than the one a batch folder was made
 * by, in words: the settings that decide the results (the seed, the
 * replicates, the design, a factor, a fixed value, the metrics), the
 * scenario file named or its contents. `batch --resume` names these when it
 * refuses a folder, and says how to put the experiment back (the folder's
 * manifest.json keeps both files' texts).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { canonicalJson } from '../experiment/canonical.js';
import type { FactorSpec } from '../experiment/factors.js';
import { validateExperimentDocument } from '../experiment/load.js';
import type { Experiment } from '../experiment/schema.js';
import { readDocument } from '../scenario/document.js';
import type { ExperimentContext } from './experiment-file.js';
import { t, type Lang } from './lang.js';
import type { Manifest } from './output/manifest.js';

/** A value as an experiment file could write it, on one line: `[matrix, account-pnl]`, `{ min: 0.5, max: 3 }`. */
export function flowText(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(flowText).join(', ')}]`;
  if (x !== null && typeof x === 'object') {
    const entries = Object.entries(x).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')} }`;
  }
  if (typeof x === 'string') return /^[\w.\-/]+$/.test(x) && !/^(true|false|null|[-+.\d])/.test(x) ? x : JSON.stringify(x);
  return String(x);
}

/** A factor's specification as the file writes it. */
export function specText(spec: FactorSpec): string {
  if (spec.kind === 'levels') return flowText(spec.levels);
  if (spec.kind === 'scale') return flowText({ scale: spec.levels ?? { min: spec.min, max: spec.max } });
  return flowText({ min: spec.min, max: spec.max, steps: spec.steps, step: spec.step, integer: spec.integer || undefined });
}

/** The experiment a manifest keeps the text of, or null when that text no longer reads as one. */
function keptExperiment(m: Manifest): Experiment | null {
  try {
    return validateExperimentDocument(readDocument(m.experiment.text, m.experiment.path));
  } catch {
    return null;
  }
}

/** Where the folder's experiment file is from here: the shorter of its relative and absolute path, else as typed then. */
function keptPath(m: Manifest): string {
  const abs = m.experiment.absolutePath;
  if (!abs || !isAbsolute(abs)) return m.experiment.path;
  const rel = relative(process.cwd(), abs);
  return rel !== '' && rel.length < abs.length ? rel : abs;
}

/** Names listed in a message: the first few, and how many more. */
const SHOWN = 4;
function someOf(names: string[], lang: Lang): string {
  return names.length <= SHOWN + 1 ? names.join(', ') : t('cli.batch.resume.more', { names: names.slice(0, SHOWN).join(', '), count: names.length - SHOWN }, lang);
}

export interface Changes {
  /** What differs, one clause each, in `lang`. */
  changes: string[];
  /** How to resume after all: what to put back. */
  fix: string;
}

/**
 * Why `batch --resume` refuses `dir` (made by the experiment `m` keeps) for `ctx`, whose content hash differs, in
 * `lang`: what differs and what to put back; or, when nothing in the files differs, that the folder was started by
 * a version of two-fronts that reads them into other values, and which version finishes it.
 */
export function resumeRefusal(m: Manifest, ctx: ExperimentContext, dir: string, lang: Lang): string {
  const found = experimentChanges(m, ctx, dir, lang);
  if (found)
    return t('cli.batch.resume.otherExperiment', { dir, id: m.experiment.id, path: m.experiment.path, changes: found.changes.join('; '), fix: found.fix }, lang);
  return t(
    'cli.batch.resume.otherVersion',
    {
      dir,
      version: m.version,
      commit: m.gitCommit ?? t('cli.batch.commit.unknown', {}, lang),
      path: ctx.experimentFile.path,
      scenario: ctx.scenarioFile.path,
      then: m.experiment.contentHash,
      now: ctx.loaded.contentHash,
    },
    lang,
  );
}

/** What differs between the experiment `m` was made by and `ctx`, worded in `lang`; null when nothing in the files does. */
export function experimentChanges(m: Manifest, ctx: ExperimentContext, dir: string, lang: Lang): Changes | null {
  const { loaded } = ctx;
  const e = loaded.experiment;
  const changes: string[] = [];
  const value = (key: string, then: unknown, now: unknown) => {
    if (canonicalJson(then) !== canonicalJson(now)) changes.push(t('cli.batch.resume.change.value', { key, then: flowText(then), now: flowText(now) }, lang));
  };
  const old = keptExperiment(m);
  // The scenario's contents decide the results; the path it is named by only when another file is named.
  const scenarioChanged = m.scenario.sha256 !== ctx.scenarioFile.sha256;
  if (scenarioChanged && old) value('scenario', old.scenario, e.scenario);
  const scenarioEdited = scenarioChanged && (!old || old.scenario === e.scenario);
  value('seed', m.seed, e.seed);
  value('replications', m.replications, e.replications);
  value('design.type', m.design.type, loaded.design.type);
  value('design.samples', m.design.samples ?? null, e.design.samples ?? null);
  if (m.design.type === 'morris' && loaded.design.type === 'morris') value('design.levels', m.design.levels ?? 4, e.design.levels ?? 4);
  if (m.design.bootstrap !== undefined) value('design.bootstrap', m.design.bootstrap, e.design.bootstrap);

  const thenFactors = new Map(m.design.factors.map((f) => [f.path, f.spec]));
  const nowFactors = new Map(loaded.factors.map((f) => [f.path, f.spec]));
  for (const [path, spec] of thenFactors) {
    const now = nowFactors.get(path);
    if (!now) changes.push(t('cli.batch.resume.change.removed', { key: `factors.${path}`, then: specText(spec) }, lang));
    else if (canonicalJson(now) !== canonicalJson(spec)) changes.push(t('cli.batch.resume.change.value', { key: `factors.${path}`, then: specText(spec), now: specText(now) }, lang));
  }
  for (const [path, spec] of nowFactors) if (!thenFactors.has(path)) changes.push(t('cli.batch.resume.change.added', { key: `factors.${path}`, now: specText(spec) }, lang));

  if (old) {
    for (const [path, then] of Object.entries(old.set)) {
      if (!(path in e.set)) changes.push(t('cli.batch.resume.change.removed', { key: `set.${path}`, then: flowText(then) }, lang));
      else value(`set.${path}`, then, e.set[path]);
    }
    for (const [path, now] of Object.entries(e.set)) if (!(path in old.set)) changes.push(t('cli.batch.resume.change.added', { key: `set.${path}`, now: flowText(now) }, lang));
  }

  const added = loaded.metrics.filter((x) => !m.metrics.includes(x));
  const dropped = m.metrics.filter((x) => !loaded.metrics.includes(x));
  if (added.length) changes.push(t('cli.batch.resume.change.metricsAdded', { names: someOf(added, lang) }, lang));
  if (dropped.length) changes.push(t('cli.batch.resume.change.metricsDropped', { names: someOf(dropped, lang) }, lang));
  value('perQuarter', m.perQuarter, e.perQuarter);
  const experimentChanged = changes.length > 0;
  if (scenarioEdited) changes.push(t('cli.batch.resume.change.scenarioFile', { path: ctx.scenarioFile.path }, lang));

  // Both files as they were: this version of the tool reads them into other values (a default of the model changed).
  if (changes.length === 0) return null;

  const sameFile = m.experiment.absolutePath ? resolve(m.experiment.absolutePath) === resolve(ctx.experimentFile.path) : m.experiment.path === ctx.experimentFile.path;
  const fixes: string[] = [];
  if (experimentChanged && !sameFile) fixes.push(t('cli.batch.resume.fix.file', { path: keptPath(m) }, lang));
  const restore = [...(experimentChanged && sameFile ? [ctx.experimentFile.path] : []), ...(scenarioEdited ? [ctx.scenarioFile.path] : [])];
  if (restore.length === 2) fixes.push(t('cli.batch.resume.fix.restoreBoth', { file: restore[0]!, other: restore[1]!, dir }, lang));
  else if (restore.length === 1) fixes.push(t('cli.batch.resume.fix.restore', { file: restore[0]!, dir }, lang));
  return { changes, fix: fixes.length === 2 ? t('cli.batch.resume.fix.and', { a: fixes[0]!, b: fixes[1]! }, lang) : fixes[0]! };
}
