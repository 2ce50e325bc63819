/**
 * The experiment file format (two-fronts/experiment@1): one zod schema that
 * is the source of the file's types, of its validator and of
 * schema/experiment.schema.json. Factor specifications and the needs of each
 * design are checked by `checkExperiment` (see factors.ts) so that a wrong
 * one gets a precise message at its place instead of a generic "invalid
 * union"; their JSON Schema is attached as metadata so editors still
 * complete and check them.
 * Pure; imports src/scenario for the id rule.
 */
import { z } from 'zod';
import { coded } from '../scenario/messages.js';
import { formatSchema, idSchema } from '../scenario/schema.js';
import { lhsLevel, morrisLevels, morrisLevelsForAll } from './design.js';
import { FACTOR_SPEC_JSON_SCHEMA, levelsOf, parseFactorSpec, SET_VALUE_JSON_SCHEMA, type CodedProblem, type FactorSpec } from './factors.js';

export const EXPERIMENT_FORMAT = 'two-fronts/experiment@1';
export const DESIGN_TYPES = ['factorial', 'lhs', 'sobol', 'morris'] as const;
export type DesignType = (typeof DESIGN_TYPES)[number];

/** A whole number in [min, max]; `unit` names the catalogue message that says what it counts (worded like the scenario's ranges). */
const int = (min: number, max: number, unit: string) => {
  const what = `@${unit}`;
  return z
    .number({
      error: (iss) =>
        coded(iss.input === undefined ? 'number.required' : typeof iss.input === 'number' ? 'number.finite' : 'number.type', { what }),
    })
    .int(coded('number.int', { what }))
    .min(min, coded('number.min', { min, what }))
    .max(max, coded('number.max', { max, what }));
};

export const designSchema = z.strictObject({
  type: z.enum(DESIGN_TYPES).default('factorial').describe('factorial | lhs | sobol | morris'),
  samples: int(1, 1_000_000, 'unit.experiment.samples')
    .optional()
    .describe('lhs: number of points; sobol: base sample size N (the design has N·(k+2) points; a power of 2 is best); morris: number of trajectories r'),
  levels: int(2, 100, 'unit.experiment.levels').optional().describe('morris only: number of grid levels p (even, default 4)'),
  bootstrap: int(0, 100_000, 'unit.experiment.bootstrap').default(1000).describe('sobol and morris: bootstrap resamples for the confidence intervals of the indices (default 1000)'),
});

/**
 * The file as zod checks it. Factor specifications pass through as they are
 * (their JSON Schema is attached for editors) and are checked by
 * `checkExperiment`, which words every problem precisely.
 */
export const experimentSchema = z.strictObject({
  $schema: z.string().optional().describe('Editors: where the JSON Schema of this file is'),
  format: formatSchema(EXPERIMENT_FORMAT, `Always ${EXPERIMENT_FORMAT}`),
  id: idSchema,
  title: z.string().max(500).optional().describe('A title for reports'),
  description: z.string().max(20_000).optional().describe('What the experiment asks; shown in the report'),
  scenario: z.string().min(1).max(4096).describe('The scenario file, relative to this file'),
  replications: int(1, 1_000_000, 'unit.experiment.replications').default(1).describe('Runs per design point, each with its own seed'),
  seed: int(0, 4294967295, 'unit.experiment.seed').default(1).describe('Base of the per-run seeds'),
  design: designSchema.default({ type: 'factorial', bootstrap: 1000 }).describe('How design points are chosen: every combination of the levels (factorial), or a sample of the factors\' ranges (lhs, sobol, morris); default factorial'),
  factors: z
    .record(z.string(), z.unknown().meta(FACTOR_SPEC_JSON_SCHEMA))
    .default({})
    .describe('Dotted paths into the scenario (list elements by id, * for all) → a list of levels, { min, max } or { scale: ... }'),
  set: z
    .record(z.string(), z.union([z.number(), z.string(), z.boolean()]).meta(SET_VALUE_JSON_SCHEMA))
    .default({})
    .describe('Fixed values applied to the scenario before the factors, e.g. { quarters: 4 }'),
  metrics: z
    .array(z.string().min(1).max(200))
    .max(2000)
    .optional()
    .describe('Reporters to record (default: all); a per-entity name such as departmentPnl means every department'),
  perQuarter: z.boolean().default(false).describe('Also write quarters.csv: one row per run and quarter'),
});

type ExperimentParsed = z.output<typeof experimentSchema>;

/** A checked experiment: the file's values with every factor specification parsed. */
export type Experiment = Omit<ExperimentParsed, 'factors'> & { factors: Record<string, FactorSpec> };

/** A problem at `path` in the file, as a message code and its parameters (see CodedProblem). */
export interface ExperimentProblem extends CodedProblem {
  path: (string | number)[];
  /** Point at the key rather than the value. */
  key?: boolean;
}

/** Sobol' indices need at least two base samples to be estimated at all, and their bootstrap intervals mean little below 64. */
export const SOBOL_MIN_SAMPLES = 2;
export const SOBOL_ROUGH_BELOW = 64;

/** Grid levels p of a Morris design that does not give design.levels. */
export const MORRIS_DEFAULT_LEVELS = 4;

/** Levels a factorial design takes of a range or a scale given without any: its ends and its middle. */
export const FACTORIAL_DEFAULT_STEPS = 3;

/**
 * The checks zod cannot word well: factor specifications and what each design
 * needs. `notes` are what the design does with something it has no use for
 * as written (warnings, not problems): a factorial ignores `samples`, and
 * takes a range or a scale without levels at its ends and its middle (as in
 * the format's own example, a factorial with `{ min, max }`).
 */
export function checkExperiment(e: ExperimentParsed): { experiment: Experiment; problems: ExperimentProblem[]; notes: ExperimentProblem[] } {
  const problems: ExperimentProblem[] = [];
  const notes: ExperimentProblem[] = [];
  const into =
    (list: ExperimentProblem[]) =>
    (path: ExperimentProblem['path'], code: string, params: CodedProblem['params'] = {}, key = false) =>
      list.push({ path, code, params, key });
  const add = into(problems);
  const note = into(notes);
  const factors: Record<string, FactorSpec> = {};
  for (const [path, raw] of Object.entries(e.factors)) {
    const parsed = parseFactorSpec(raw);
    if ('issues' in parsed) for (const i of parsed.issues) add(['factors', path, ...i.path], i.code, i.params);
    else factors[path] = parsed.spec;
  }
  const d = e.design;
  if (d.type === 'factorial') {
    if (d.samples !== undefined) note(['design', 'samples'], 'design.factorial-samples', {}, true);
  } else if (d.samples === undefined) {
    add(['design', 'type'], `design.samples-${d.type}`);
  } else if (d.type === 'sobol' && d.samples < SOBOL_MIN_SAMPLES) {
    add(['design', 'samples'], 'design.sobol-min', { min: String(SOBOL_MIN_SAMPLES), samples: String(d.samples) });
  } else if (d.type === 'sobol' && d.samples < SOBOL_ROUGH_BELOW) {
    note(['design', 'samples'], 'design.sobol-rough', { samples: String(d.samples), enough: String(SOBOL_ROUGH_BELOW) });
  }
  if (d.levels !== undefined && d.type !== 'morris') add(['design', 'levels'], 'design.levels-morris');
  if (d.levels !== undefined && d.levels % 2 !== 0) add(['design', 'levels'], 'design.levels-even', { levels: String(d.levels) });
  const k = Object.keys(e.factors).length;
  if (d.type !== 'factorial' && k === 0) add(['factors'], 'design.no-factors', { type: d.type }, true);
  if (d.type === 'sobol' && k > MAX_SOBOL_FACTORS) add(['factors'], 'design.sobol-factors', { max: String(MAX_SOBOL_FACTORS), count: String(k) }, true);
  for (const [path, given] of Object.entries(factors)) {
    let spec = given;
    if (d.type === 'factorial' && ((spec.kind === 'range' && spec.steps === undefined && spec.step === undefined) || (spec.kind === 'scale' && spec.levels === undefined))) {
      spec = spec.kind === 'range' ? { ...spec, steps: FACTORIAL_DEFAULT_STEPS } : { ...spec, levels: levelsOf({ kind: 'range', min: spec.min, max: spec.max, integer: false, steps: FACTORIAL_DEFAULT_STEPS }) as number[] };
      factors[path] = spec;
      // An integer range may have fewer distinct levels than steps.
      const levels = levelsOf(spec)!;
      note(['factors', path], spec.kind === 'range' ? 'design.factorial-range' : 'design.factorial-scale', { levels: levels.join(', '), steps: String(levels.length) });
    }
    // A Latin hypercube takes each listed level in as many strata as it can: with fewer samples than levels, some in none.
    const listed = spec.kind === 'levels' ? spec.levels : spec.kind === 'scale' ? spec.levels : undefined;
    if (d.type === 'lhs' && d.samples !== undefined && listed && d.samples < listed.length) {
      const samples = d.samples;
      const taken = new Set(Array.from({ length: samples }, (_, stratum) => lhsLevel(stratum, samples, listed.length)));
      const never = listed.filter((_, i) => !taken.has(i));
      note(['factors', path], 'design.lhs-levels', { samples: String(samples), count: String(listed.length), never: never.map(String).join(', ') });
    }
    // A Morris grid of p levels reaches a listed level only where one of its p points falls: 4 grid levels skip one of 5.
    const grid = d.levels ?? MORRIS_DEFAULT_LEVELS;
    if (d.type === 'morris' && listed && grid % 2 === 0) {
      const reached = morrisLevels(grid, listed.length);
      const never = listed.filter((_, i) => !reached.has(i));
      if (never.length)
        note(['factors', path], 'design.morris-levels', { levels: String(grid), count: String(listed.length), reached: String(reached.size), never: never.map(String).join(', '), enough: String(morrisLevelsForAll(listed.length, grid)) });
    }
    if (d.type !== 'factorial' && spec.kind === 'range' && (spec.steps !== undefined || spec.step !== undefined)) {
      const key = spec.steps !== undefined ? 'steps' : 'step';
      add(['factors', path, key], 'design.steps-factorial-only', { key, type: d.type }, true);
    }
  }
  for (const [path, v] of Object.entries(e.set)) if (typeof v === 'string' && /[\r\n]/.test(v)) add(['set', path], 'experiment.set-line-break');
  return { experiment: { ...e, factors }, problems, notes };
}

/** The Sobol sequence shipped has 32 dimensions; Saltelli sampling needs 2k. */
export const MAX_SOBOL_FACTORS = 16;

export type ExperimentFile = z.input<typeof experimentSchema>;
