/**
 * An experiment file made ready to run: validated (FileError with
 * `FILE:LINE:COL: path: message` per problem), its factor and fixed-value
 * paths checked against the scenario with "did you mean", every factor's
 * extreme values tried on the scenario (so an out-of-range level is reported
 * at the factor, before anything runs), the metrics resolved to reporter
 * names, and the design built. `pointScenario` gives the scenario of one
 * design point, validated again and resolved for the engine.
 * Pure: the caller reads the files.
 */
import type { Lang } from '../i18n/index.js';
import { checkFormat, FileError, formatPath, issueAt, issueMessage, parsePath, validateDocument, type FileIssue, type PathSegment, type SourceDocument } from '../scenario/document.js';
import { coded } from '../scenario/messages.js';
import { resolveScenario } from '../scenario/resolve.js';
import { closest, SCENARIO_FORMAT, scenarioSchema, type Scenario } from '../scenario/schema.js';
import { reporterNames, type ScenarioInput } from '../sim/index.js';
import { canonicalJson } from './canonical.js';
import { buildDesign, DesignError, type Design, type DesignFactor } from './design.js';
import { factorColumn, levelsOf, parseFactorSpec, RESULT_HASH_COLUMN, RUN_KEY_COLUMNS, type CodedProblem, type FactorSpec, type FactorValue } from './factors.js';
import { hashHex } from './hash.js';
import { applyValue, checkSpecAgainstKind, PathError, placeName, resolvePath, type ResolvedPath } from './paths.js';
import { checkExperiment, EXPERIMENT_FORMAT, experimentSchema, type Experiment, type ExperimentProblem } from './schema.js';

type ExperimentParsed = ReturnType<typeof experimentSchema.parse>;

export interface ExperimentFactor extends DesignFactor {
  resolved: ResolvedPath;
}

export interface LoadedExperiment {
  experiment: Experiment;
  /** The scenario with the experiment's fixed values applied: what every point starts from. */
  scenario: Scenario;
  baseInput: ScenarioInput;
  factors: ExperimentFactor[];
  design: Design;
  /** Reporter names recorded, in canonical order. */
  metrics: string[];
  /** Hash of everything that decides the results (experiment settings and the resolved scenario). */
  contentHash: string;
  /** Warnings: what the design does with what it has no use for as written (a factorial's samples, a range without levels). */
  notes: FileIssue[];
}

/** A problem of a changed scenario: the loader's issue and the place it names in scenario words ("kams.you.charisma"). */
export interface ScenarioProblem {
  place: string;
  issue: FileIssue;
}

/** A problem as the scenario loader words it ("place: message"), in `lang`. */
export function problemText(p: ScenarioProblem, lang: Lang = 'en'): string {
  return `${p.place ? `${p.place}: ` : ''}${issueMessage(p.issue, lang)}`;
}

export class PointError extends Error {
  /** The problems in English. */
  readonly problems: string[];

  constructor(
    readonly point: number,
    readonly issues: ScenarioProblem[],
  ) {
    const problems = issues.map((p) => problemText(p));
    super(`design point ${point + 1}: ${problems.join('; ')}`);
    this.problems = problems;
    this.name = 'PointError';
  }
}

/** Keys only an experiment file has (a scenario file has none of them). */
export const EXPERIMENT_ONLY_KEYS = ['scenario', 'design', 'factors', 'replications', 'set', 'metrics', 'perQuarter'] as const;
const SCENARIO_ONLY_KEYS = ['departments', 'accounts', 'kams', 'company', 'model', 'quarters', 'briefing', 'debrief'];

/** The experiment-only keys of a document without `format` that has no scenario-only keys: it is an experiment that lacks its format line. */
export function experimentKeysOf(doc: SourceDocument): string[] {
  const value = doc.value as Record<string, unknown>;
  if (value.format !== undefined || SCENARIO_ONLY_KEYS.some((k) => k in value)) return [];
  return EXPERIMENT_ONLY_KEYS.filter((k) => k in value);
}

/**
 * Checks the `format` key first, as the scenario loader does: another
 * version or kind of file, or an experiment without its format line, is the
 * one problem worth naming (the rest would be symptoms of it).
 */
export function checkExperimentFormat(doc: SourceDocument, command?: string): void {
  const format = (doc.value as Record<string, unknown>).format;
  if (format === SCENARIO_FORMAT && command) {
    const p = doc.positionOf(['format']);
    throw new FileError([issueAt(doc.file, p.line, p.col, 'format.scenario-for-experiment', { format, command, expected: EXPERIMENT_FORMAT }, 'format')]);
  }
  const keys = experimentKeysOf(doc);
  if (keys.length) throw new FileError([issueAt(doc.file, 1, 1, 'format.experiment-missing', { keys: keys.join(', '), expected: EXPERIMENT_FORMAT }, 'format')]);
  checkFormat(doc, EXPERIMENT_FORMAT);
}

/**
 * Validates an experiment document on its own (without the scenario): the
 * schema, every factor specification and what the design needs. Throws
 * FileError with every problem found.
 */
export function validateExperimentDocument(doc: SourceDocument): Experiment {
  return checkDocument(doc).experiment;
}

/**
 * validateExperimentDocument's work, with the notes of a valid file: what its
 * design has no use for as written (see checkExperiment), as warnings placed
 * like problems.
 */
function checkDocument(doc: SourceDocument): { experiment: Experiment; notes: FileIssue[] } {
  checkExperimentFormat(doc);
  let parsed: ReturnType<typeof experimentSchema.parse> | null = null;
  let schemaIssues: FileIssue[] = [];
  try {
    parsed = validateDocument(doc, experimentSchema);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    schemaIssues = e.issues;
  }
  // Problems only in keys the design checks do not read (replications: 2.5): those checks run all the same.
  const checkable = parsed ?? withoutProblems(doc.value, schemaIssues);
  if (!parsed && checkable) {
    const { problems } = checkExperiment(checkable);
    throw mergeIssues(schemaIssues, [...problems, ...bootstrapProblem(doc, checkable)].map((p) => issue(doc, p.path, p, p.key)));
  }
  if (!parsed) {
    // Factor specifications are checked even when other parts of the file failed, so one pass names every problem.
    const raw = (doc.value as { factors?: unknown }).factors;
    const own: FileIssue[] = [];
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw))
      for (const [path, value] of Object.entries(raw)) {
        const r = parseFactorSpec(value);
        if ('issues' in r) own.push(...r.issues.map((i) => issue(doc, ['factors', path, ...i.path], i)));
      }
    throw mergeIssues(schemaIssues, own);
  }
  const { experiment, problems, notes } = checkExperiment(parsed);
  problems.push(...bootstrapProblem(doc, parsed));
  if (problems.length) throw mergeIssues(problems.map((p) => issue(doc, p.path, p, p.key)), []);
  return { experiment, notes: notes.map((n) => issue(doc, n.path, n, n.key)) };
}

/** bootstrap where the design has no use for it; it has a default, so only the written file says whether it was given. */
function bootstrapProblem(doc: SourceDocument, parsed: ExperimentParsed): ExperimentProblem[] {
  const rawDesign = (doc.value as { design?: unknown }).design;
  if (rawDesign !== null && typeof rawDesign === 'object' && 'bootstrap' in rawDesign && parsed.design.type !== 'sobol' && parsed.design.type !== 'morris')
    return [{ path: ['design', 'bootstrap'], code: 'design.bootstrap', params: { type: parsed.design.type }, key: true }];
  return [];
}

/** Stand-ins for required keys that have problems of their own, which no design check reads. */
const STAND_INS: Readonly<Record<string, unknown>> = { id: 'x', scenario: 'x' };

/**
 * The file as the schema would take it without the keys it has problems in,
 * when none of them is one the design checks read (design, factors, set):
 * those keys left out, or a stand-in put for a required one. Null otherwise.
 */
function withoutProblems(value: unknown, issues: readonly FileIssue[]): ExperimentParsed | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const i of issues) {
    // A key given twice: the file holds its last value, as checked.
    if (i.code === 'file.duplicate-key') continue;
    const top = parsePath(i.path)[0];
    if (typeof top !== 'string' || ['format', 'design', 'factors', 'set'].includes(top)) return null;
    if (top in STAND_INS) copy[top] = STAND_INS[top];
    else delete copy[top];
  }
  const r = experimentSchema.safeParse(copy);
  return r.success ? r.data : null;
}

function dedupe(issues: FileIssue[]): FileIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.line}:${i.col}:${i.path}:${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The factor and fixed-value paths of a document that failed validation,
 * checked against the scenario anyway, so one `validate` names every problem.
 */
export function rawPathIssues(doc: SourceDocument, scenario: Scenario): FileIssue[] {
  const out: FileIssue[] = [];
  const value = doc.value as { factors?: unknown; set?: unknown; metrics?: unknown };
  for (const block of ['factors', 'set'] as const) {
    const obj = value[block];
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) continue;
    for (const [path, raw] of Object.entries(obj as Record<string, unknown>)) {
      try {
        const resolved = resolvePath(path, scenario);
        // Levels that do not suit the value (an unknown regime, 1 for true or false) are found now too.
        const spec = block === 'set' ? { spec: { kind: 'levels' as const, levels: [raw as FactorValue] } } : parseFactorSpec(raw);
        if (!('spec' in spec)) continue;
        const kindProblems = checkSpecAgainstKind(spec.spec, resolved, scenario);
        out.push(...kindProblems.map((m) => issue(doc, [block, path], m)));
        // And values the scenario cannot take (a negative capacity), as a valid file would be told.
        const broken = block === 'factors' && kindProblems.length === 0 ? probeProblem(spec.spec, resolved, scenario) : null;
        if (broken) out.push(issue(doc, [block, path], broken));
      } catch (e) {
        if (!(e instanceof PathError)) throw e;
        out.push(issue(doc, [block, path], e, true));
      }
    }
  }
  const metrics = value.metrics;
  if (Array.isArray(metrics) && metrics.every((m) => typeof m === 'string'))
    for (const p of resolveMetrics(metrics, resolveScenario(scenario)).problems) out.push(issue(doc, ['metrics', p.index], p));
  return out;
}

/** Combines two lists of problems in file order, without repeats. */
export function mergeIssues(a: FileIssue[], b: FileIssue[]): FileError {
  return new FileError(dedupe([...a, ...b]).sort((x, y) => x.line - y.line || x.col - y.col));
}

/** The problem `code` with its parameters at a place in the file (at its key, with `key`). */
export function issue(doc: SourceDocument, path: PathSegment[], { code, params }: CodedProblem, key = false): FileIssue {
  const p = doc.positionOf(path, key);
  return issueAt(doc.file, p.line, p.col, code, params, formatPath(path));
}

/**
 * What is wrong with a changed scenario, each problem at the place it names,
 * list elements by their ids in `named` (the scenario before the change: a
 * factor on ids should not rename the place it reports).
 */
function scenarioIssues(candidate: unknown, named: unknown = candidate): ScenarioProblem[] {
  if (scenarioSchema.safeParse(candidate).success) return [];
  const doc: SourceDocument = { file: '', value: candidate, positionOf: () => ({ line: 1, col: 1 }) };
  try {
    validateDocument(doc, scenarioSchema);
    return [];
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    return e.issues.map((issue) => ({ place: issue.path ? placeName(named, parsePath(issue.path)) : '', issue }));
  }
}

/**
 * A problem of a changed scenario as a parameter of another message: worded
 * as the scenario loader words it ("place: message"), in the same language
 * (see word()).
 */
function problemParam(p: ScenarioProblem): string {
  const problem = coded(p.issue.code, p.issue.params);
  return p.place ? coded('experiment.place-problem', { place: p.place, problem }) : problem;
}

/** The first of a factor's values that makes the scenario invalid, as a problem for the factor's line; null when none does. */
function probeProblem(spec: FactorSpec, resolved: ResolvedPath, scenario: Scenario): CodedProblem | null {
  for (const value of probes(spec)) {
    const candidate = structuredClone(scenario);
    applyValue(candidate, scenario, resolved, spec, value);
    const problems = scenarioIssues(candidate, scenario);
    if (problems.length)
      return spec.kind === 'scale'
        ? { code: 'factor.scale-invalid', params: { value: String(value), problem: problemParam(problems[0]!) } }
        : { code: 'factor.value-invalid', params: { value: JSON.stringify(value), problem: problemParam(problems[0]!) } };
  }
  return null;
}

/**
 * Design points tried on the scenario at load: all of them up to this many.
 * Trying one costs about a millisecond; a larger design's points are tried
 * as the batch reaches them (a bad one stops the batch with the same message).
 */
export const POINTS_TRIED_AT_LOAD = 10_000;

/** At most this many invalid points are reported, the first in design order. */
const INVALID_POINTS_SHOWN = 3;

/**
 * Problems for the design points whose factor values together make the
 * scenario invalid, at the `factors` key: which point, its values, and the
 * scenario's first problem.
 */
function invalidPoints(doc: SourceDocument, x: Pick<LoadedExperiment, 'scenario' | 'factors'>, design: Design): FileIssue[] {
  const out: FileIssue[] = [];
  const n = Math.min(design.size, POINTS_TRIED_AT_LOAD);
  for (let i = 0; i < n && out.length < INVALID_POINTS_SHOWN; i++) {
    const values = design.values(i);
    const problem = scenarioIssues(applyPoint(x, values), x.scenario)[0];
    if (problem) out.push(issue(doc, ['factors'], { code: 'experiment.point-invalid', params: { point: String(i + 1), values: pointValues(x.factors, values), problem: problemParam(problem) } }, true));
  }
  return out;
}

/** A point's factor values as `path=value, …`, as its messages show them. */
export function pointValues(factors: readonly Pick<ExperimentFactor, 'path'>[], values: readonly FactorValue[]): string {
  return factors.map((f, i) => `${f.path}=${JSON.stringify(values[i])}`).join(', ');
}

/** The scenario of a point with the factors' values applied, unvalidated. */
function applyPoint(x: Pick<LoadedExperiment, 'scenario' | 'factors'>, values: readonly FactorValue[]): Scenario {
  const candidate = structuredClone(x.scenario);
  // Values first, then multipliers: a scale factor multiplies the value a factor gave, in whatever order they are listed.
  x.factors.forEach((f, j) => {
    if (f.spec.kind !== 'scale') applyValue(candidate, x.scenario, f.resolved, f.spec, values[j]!);
  });
  x.factors.forEach((f, j) => {
    if (f.spec.kind === 'scale') applyValue(candidate, x.scenario, f.resolved, f.spec, values[j]!);
  });
  return candidate;
}

/** Values worth trying on the scenario alone: every level, or both ends of a range. */
function probes(spec: FactorSpec): FactorValue[] {
  const levels = levelsOf(spec);
  if (levels) return levels.length > 50 ? [levels[0]!, levels[levels.length - 1]!] : levels;
  if (spec.kind === 'levels') return spec.levels;
  return [spec.min, spec.max];
}

/** Reporter names for the requested metrics: exact names, `_` for `.`, or a per-entity base name for all its entities. */
export function resolveMetrics(requested: readonly string[] | undefined, input: ScenarioInput): { metrics: string[]; problems: (CodedProblem & { index: number })[] } {
  const all = reporterNames(input);
  if (!requested) return { metrics: all, problems: [] };
  const chosen = new Set<string>();
  const problems: (CodedProblem & { index: number })[] = [];
  requested.forEach((raw, index) => {
    const byUnderscore = all.find((n) => n.replaceAll('.', '_') === raw);
    const name = all.includes(raw) ? raw : byUnderscore;
    if (name) {
      chosen.add(name);
      return;
    }
    const family = all.filter((n) => n.startsWith(`${raw}.`) && !n.startsWith('align.'));
    if (family.length > 0 && raw !== 'align') {
      family.forEach((n) => chosen.add(n));
      return;
    }
    if (raw === 'align') {
      all.filter((n) => n.startsWith('align.')).forEach((n) => chosen.add(n));
      return;
    }
    const bases = [...new Set(all.map((n) => (n.startsWith('align.') ? n : n.split('.')[0]!)))];
    const guess = closest(raw, [...all, ...bases]);
    // No near spelling: the metrics whose name holds the word, as "profit" finds companyProfit.
    const holding = guess || raw.length < 3 ? [] : bases.filter((n) => n.toLowerCase().includes(raw.toLowerCase()));
    if (guess) problems.push({ index, code: 'metric.unknown-guess', params: { metric: raw, guess } });
    else if (holding.length > 0) problems.push({ index, code: 'metric.unknown-holding', params: { metric: raw, metrics: `${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ', …' : ''}` } });
    else problems.push({ index, code: 'metric.unknown', params: { metric: raw } });
  });
  return { metrics: all.filter((n) => chosen.has(n)), problems };
}

/**
 * Everything about an experiment that can be checked before a run: throws
 * FileError (positions in the experiment file) listing every problem found.
 */
export function loadExperiment(doc: SourceDocument, scenario: Scenario): LoadedExperiment {
  const { experiment, notes } = checkDocument(doc);
  const issues: FileIssue[] = [];

  // Fixed values first: they make the scenario every point starts from.
  const base = structuredClone(scenario);
  // Which entry of set: fixes each value, by place.
  const fixedBy = new Map<string, string>();
  for (const [path, value] of Object.entries(experiment.set)) {
    if (path === 'seed') {
      issues.push(issue(doc, ['set', path], SEED_NOT_A_FACTOR, true));
      continue;
    }
    try {
      const resolved = resolvePath(path, scenario);
      for (const place of resolved.places) fixedBy.set(JSON.stringify(place), path);
      const kindProblems = checkSpecAgainstKind({ kind: 'levels', levels: [value] }, resolved, scenario);
      if (kindProblems.length) issues.push(...kindProblems.map((m) => issue(doc, ['set', path], m)));
      else applyValue(base, scenario, resolved, null, value);
    } catch (e) {
      if (!(e instanceof PathError)) throw e;
      issues.push(issue(doc, ['set', path], e, true));
    }
  }
  let baseScenario = base;
  const setOk = issues.length === 0;
  if (setOk) {
    const problems = scenarioIssues(base, scenario);
    // Each problem at the fixed value that made it, where one did; else at set: itself.
    const culprit = (p: ScenarioProblem) => (p.issue.path ? fixedBy.get(JSON.stringify(parsePath(p.issue.path))) : undefined);
    if (problems.length)
      issues.push(
        ...problems.map((p) => {
          const by = culprit(p);
          return issue(doc, by === undefined ? ['set'] : ['set', by], { code: 'experiment.set-invalid', params: { problem: problemParam(p) } }, by === undefined);
        }),
      );
    else baseScenario = scenarioSchema.parse(base);
  }

  const factors: ExperimentFactor[] = [];
  let design: Design | undefined;
  try {
    design = buildDesign(experiment);
  } catch (e) {
    if (!(e instanceof DesignError)) throw e;
    issues.push(issue(doc, e.path, e));
  }
  // Which set-kind factor gives each value, by place: two may not give the same one.
  const setBy = new Map<string, string>();
  // Which factor has each output column: two may not share one (`departments.all.x` and `departments.*.x`, or ids with underscores).
  const columnOf = new Map<string, string>();
  for (const f of design?.factors ?? []) {
    if (f.path === 'seed') {
      issues.push(issue(doc, ['factors', f.path], SEED_NOT_A_FACTOR, true));
      continue;
    }
    const column = factorColumn(f.path, f.spec);
    if ((RUN_KEY_COLUMNS as readonly string[]).includes(column) || column === RESULT_HASH_COLUMN) {
      issues.push(issue(doc, ['factors', f.path], { code: 'factor.column-clash', params: { column } }, true));
      continue;
    }
    const first = columnOf.get(column);
    if (first !== undefined) {
      issues.push(issue(doc, ['factors', f.path], { code: 'factor.column-shared', params: { column, other: first } }, true));
      continue;
    }
    columnOf.set(column, f.path);
    try {
      const resolved = resolvePath(f.path, baseScenario);
      const kindProblems = checkSpecAgainstKind(f.spec, resolved, baseScenario);
      if (kindProblems.length) {
        issues.push(...kindProblems.map((m) => issue(doc, ['factors', f.path], m)));
        continue;
      }
      const clash = overlap(f, resolved, setBy, fixedBy, baseScenario);
      if (clash) {
        issues.push(issue(doc, ['factors', f.path], clash, true));
        continue;
      }
      factors.push({ ...f, resolved });
      if (setOk) {
        const broken = probeProblem(f.spec, resolved, baseScenario);
        if (broken) issues.push(issue(doc, ['factors', f.path], broken));
      }
    } catch (e) {
      if (!(e instanceof PathError)) throw e;
      issues.push(issue(doc, ['factors', f.path], e, true));
    }
  }

  const baseInput = resolveScenario(baseScenario);
  const { metrics, problems } = resolveMetrics(experiment.metrics, baseInput);
  for (const p of problems) issues.push(issue(doc, ['metrics', p.index], p));
  if (metrics.length === 0 && problems.length === 0) issues.push(issue(doc, ['metrics'], { code: 'metric.none', params: {} }));

  // Each factor's values were tried alone; together they may still break a rule across values
  // (priorityAccess + crossFunctionalPool at most 1, maxWallet at least wallet): every point is tried.
  if (issues.length === 0 && design) issues.push(...invalidPoints(doc, { scenario: baseScenario, factors }, design));

  if (issues.length) {
    issues.sort((a, b) => a.line - b.line || a.col - b.col);
    throw new FileError(issues);
  }
  const decisive = {
    replications: experiment.replications,
    seed: experiment.seed,
    design: experiment.design,
    factors: experiment.factors,
    metrics,
    perQuarter: experiment.perQuarter,
    scenario: baseInput,
  };
  return { experiment, scenario: baseScenario, baseInput, factors, design: design!, metrics, contentHash: hashHex(canonicalJson(decisive)), notes };
}

const SEED_NOT_A_FACTOR: CodedProblem = { code: 'experiment.seed', params: {} };

/**
 * Why a factor may not give the values it names, or null. A value can be
 * given by one list or range only (by a factor, or fixed under set:); scale
 * factors multiply whatever value the others gave, so they may overlap
 * anything. Records the factor's places when it gives values.
 */
function overlap(f: DesignFactor, resolved: ResolvedPath, setBy: Map<string, string>, fixedBy: Map<string, string>, scenario: Scenario): CodedProblem | null {
  if (f.spec.kind === 'scale') return null;
  for (const place of resolved.places) {
    const key = JSON.stringify(place);
    const other = setBy.get(key);
    if (other !== undefined) return { code: 'factor.overlap', params: { place: placeName(scenario, place), other } };
    const fixed = fixedBy.get(key);
    if (fixed !== undefined) return { code: 'factor.overlap-set', params: { place: placeName(scenario, place), fixed } };
  }
  for (const place of resolved.places) setBy.set(JSON.stringify(place), f.path);
  return null;
}

/** The engine input of design point `i`: factor values applied, validated again, resolved. Throws PointError. */
export function pointScenario(x: Pick<LoadedExperiment, 'scenario' | 'factors'>, i: number, values: readonly FactorValue[]): ScenarioInput {
  const candidate = applyPoint(x, values);
  const r = scenarioSchema.safeParse(candidate);
  if (!r.success) throw new PointError(i, scenarioIssues(candidate, x.scenario));
  return resolveScenario(r.data);
}
