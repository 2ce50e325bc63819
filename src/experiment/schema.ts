/**
 * The experiment file format (two-fronts/experiment@1): one zod schema that
 * is the source of the file's types, of its validator and of
 * schema/experiment.schema.json. Factor specifications are checked by hand
 * (see factors.ts) so that a wrong one gets a precise message at its place
 * instead of a generic "invalid union"; their JSON Schema is attached as
 * metadata so editors still complete and check them.
 * Pure; imports src/scenario for the id rule.
 */
import { z } from 'zod';
import { idSchema } from '../scenario/schema.js';
import { FACTOR_SPEC_JSON_SCHEMA, parseFactorSpec, SET_VALUE_JSON_SCHEMA, type FactorSpec, type FactorValue } from './factors.js';

export const EXPERIMENT_FORMAT = 'two-fronts/experiment@1';
export const DESIGN_TYPES = ['factorial', 'lhs', 'sobol', 'morris'] as const;
export type DesignType = (typeof DESIGN_TYPES)[number];

const int = (min: number, max: number, what: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `${what} is required` : `expected a whole number (${what})`) })
    .int(`expected a whole number (${what})`)
    .min(min, `must be at least ${min} (${what})`)
    .max(max, `must be at most ${max} (${what})`);

export const designSchema = z
  .strictObject({
    type: z.enum(DESIGN_TYPES).default('factorial').describe('factorial | lhs | sobol | morris'),
    samples: int(1, 1_000_000, 'lhs: points; sobol: base samples N (N·(k+2) points, a power of 2 is best); morris: trajectories r')
      .optional()
      .describe('lhs: number of points; sobol: base sample size N (the design has N·(k+2) points); morris: number of trajectories r'),
    levels: int(2, 100, 'morris: grid levels p, even').optional().describe('morris only: number of grid levels p (even, default 4)'),
    bootstrap: int(0, 100_000, 'bootstrap resamples for index confidence intervals').default(1000).describe('sobol and morris: bootstrap resamples for the confidence intervals of the indices (default 1000)'),
  })
  .superRefine((d, ctx) => {
    if (d.type === 'factorial') {
      if (d.samples !== undefined) ctx.addIssue({ code: 'custom', path: ['samples'], message: 'a factorial design runs every combination of the levels; samples is for lhs, sobol and morris' });
    } else if (d.samples === undefined) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `a ${d.type} design needs "samples" (${d.type === 'lhs' ? 'number of points' : d.type === 'sobol' ? 'base sample size N' : 'number of trajectories r'})` });
    }
    if (d.levels !== undefined && d.type !== 'morris') ctx.addIssue({ code: 'custom', path: ['levels'], message: 'levels is for morris designs only' });
    if (d.levels !== undefined && d.levels % 2 !== 0) ctx.addIssue({ code: 'custom', path: ['levels'], message: `levels must be even (got ${d.levels}); 4 is the usual choice` });
  });

const factorSpecSchema = z
  .unknown()
  .transform((value, ctx): FactorSpec => {
    const parsed = parseFactorSpec(value);
    if ('issues' in parsed) {
      for (const issue of parsed.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return parsed.spec;
  })
  .meta(FACTOR_SPEC_JSON_SCHEMA);

const setValueSchema = z
  .unknown()
  .transform((value, ctx): FactorValue => {
    if (typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' || typeof value === 'boolean') return value as FactorValue;
    ctx.addIssue({ code: 'custom', message: 'a fixed value is a number, a string or true/false' });
    return z.NEVER;
  })
  .meta(SET_VALUE_JSON_SCHEMA);

export const experimentSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editors: where the JSON Schema of this file is'),
    format: z.literal(EXPERIMENT_FORMAT, {
      error: (iss) =>
        iss.input === undefined
          ? `format is required: write "format: ${EXPERIMENT_FORMAT}" at the top`
          : `unknown format ${JSON.stringify(iss.input)}: this version of Two Fronts reads "${EXPERIMENT_FORMAT}"`,
    }),
    id: idSchema,
    title: z.string().max(500).optional().describe('A title for reports'),
    description: z.string().max(20_000).optional().describe('What the experiment asks; shown in the report'),
    scenario: z.string().min(1, 'give the scenario file, relative to this file').max(4096).describe('The scenario file, relative to this file'),
    replications: int(1, 1_000_000, 'runs per design point').default(1).describe('Runs per design point, each with its own seed'),
    seed: int(0, 4294967295, 'experiment seed').default(1).describe('Base of the per-run seeds'),
    design: designSchema.default({ type: 'factorial', bootstrap: 1000 }),
    factors: z
      .record(z.string(), factorSpecSchema)
      .default({})
      .describe('Dotted paths into the scenario (list elements by id, * for all) → a list of levels, { min, max } or { scale: ... }'),
    set: z
      .record(z.string(), setValueSchema)
      .default({})
      .describe('Fixed values applied to the scenario before the factors, e.g. { quarters: 4 }'),
    metrics: z
      .array(z.string().min(1).max(200))
      .max(2000)
      .optional()
      .describe('Reporters to record (default: all); a per-entity name such as departmentPnl means every department'),
    perQuarter: z.boolean().default(false).describe('Also write quarters.csv: one row per run and quarter'),
  })
  .superRefine((e, ctx) => {
    const k = Object.keys(e.factors).length;
    if (e.design.type !== 'factorial' && k === 0)
      ctx.addIssue({ code: 'custom', path: ['factors'], message: `a ${e.design.type} design needs at least one factor` });
    if (e.design.type === 'sobol' && k > MAX_SOBOL_FACTORS)
      ctx.addIssue({
        code: 'custom',
        path: ['factors'],
        message: `a sobol design takes at most ${MAX_SOBOL_FACTORS} factors (got ${k}); screen them first with a morris design`,
      });
    for (const [path, spec] of Object.entries(e.factors)) {
      if (e.design.type === 'factorial' && spec.kind === 'range' && spec.steps === undefined && spec.step === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['factors', path],
          message: 'a factorial design needs levels: give a list, or { min, max, steps } / { min, max, step }',
        });
      if (e.design.type === 'factorial' && spec.kind === 'scale' && spec.levels === undefined)
        ctx.addIssue({ code: 'custom', path: ['factors', path], message: 'a factorial design needs levels: give { scale: [0.8, 1, 1.2] }' });
    }
  });

/** The Sobol sequence shipped has 32 dimensions; Saltelli sampling needs 2k. */
export const MAX_SOBOL_FACTORS = 16;

export type ExperimentFile = z.input<typeof experimentSchema>;
export type Experiment = z.output<typeof experimentSchema>;
