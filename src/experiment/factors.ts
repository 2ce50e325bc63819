/**
 * Factor specifications: what an experiment varies and over what. A factor is
 * a list of levels, a continuous range { min, max } (optionally whole numbers,
 * or cut into levels for factorial designs), or a multiplier on the
 * scenario's own value { scale: { min, max } } / { scale: [0.8, 1, 1.2] }.
 * Sampled designs (lhs, sobol, morris) work in the unit cube; `fromUnit`
 * maps a coordinate in [0, 1] to the factor's value.
 * Pure; imports nothing outside src/experiment.
 */

export type FactorValue = number | string | boolean;

export type FactorSpec =
  | { kind: 'levels'; levels: FactorValue[] }
  | { kind: 'range'; min: number; max: number; integer: boolean; steps?: number; step?: number }
  | { kind: 'scale'; min: number; max: number; levels?: number[] };

/**
 * A problem as a message code (an `issue.*` message of src/i18n/issues.*.ts
 * without the prefix) and its parameters, worded in the reader's language
 * where it is shown. A parameter `@key` names another message (see word()).
 */
export interface CodedProblem {
  code: string;
  params: Readonly<Record<string, string | number>>;
}

export interface SpecIssue extends CodedProblem {
  path: (string | number)[];
}

const MAX_LEVELS = 10_000;

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The problem `code` with `params` at `path` inside a factor's specification. */
const problem = (path: (string | number)[], code: string, params: CodedProblem['params'] = {}): SpecIssue => ({ path, code, params });

/** A value from the file as a message shows it: as written, or what it is (a list, a mapping) in the reader's language. */
function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return '@found.list';
  if (typeof x === 'object') return '@found.mapping';
  return JSON.stringify(x);
}

function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[]): SpecIssue[] {
  return Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .map((k) => problem([k], 'factor.unknown-key', { key: k, expected: allowed.join(', ') }));
}

function parseLevels(list: unknown[], numbersOnly: boolean, at: (string | number)[]): { levels: FactorValue[] } | { issues: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  if (list.length === 0) return { issues: [problem(at, 'factor.no-levels')] };
  if (list.length > MAX_LEVELS) return { issues: [problem(at, 'factor.too-many-levels', { max: String(MAX_LEVELS) })] };
  const seen = new Set<string>();
  list.forEach((v, i) => {
    const ok = numbersOnly ? isNumber(v) : isNumber(v) || typeof v === 'string' || typeof v === 'boolean';
    if (!ok) issues.push(problem([...at, i], numbersOnly ? 'factor.not-multiplier' : 'factor.not-level', { value: describe(v) }));
    else if (typeof v === 'string' && /[\r\n]/.test(v)) issues.push(problem([...at, i], 'factor.level-line-break'));
    else {
      const key = JSON.stringify(v);
      if (seen.has(key)) issues.push(problem([...at, i], 'factor.level-twice', { level: key }));
      seen.add(key);
    }
  });
  return issues.length ? { issues } : { levels: list as FactorValue[] };
}

function parseBounds(obj: Record<string, unknown>, at: (string | number)[]): { min: number; max: number } | { issues: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  for (const k of ['min', 'max'] as const) {
    if (obj[k] === undefined) issues.push(problem([...at], 'value.required', { name: k }));
    else if (!isNumber(obj[k])) issues.push(problem([...at, k], 'value.type', { expected: '@type.number', found: describe(obj[k]) }));
  }
  if (issues.length) return { issues };
  const min = obj.min as number;
  const max = obj.max as number;
  if (!(min < max)) return { issues: [problem([...at, 'max'], 'factor.max-not-above-min', { max: String(max), min: String(min) })] };
  return { min, max };
}

/** Checks one factor specification; every problem with its place inside the spec. */
export function parseFactorSpec(value: unknown): { spec: FactorSpec } | { issues: SpecIssue[] } {
  if (Array.isArray(value)) {
    const r = parseLevels(value, false, []);
    return 'issues' in r ? r : { spec: { kind: 'levels', levels: r.levels } };
  }
  if (!isObject(value)) return { issues: [problem([], 'factor.not-a-factor', { value: describe(value) })] };
  if ('scale' in value) {
    const extra = unknownKeys(value, ['scale']);
    if (extra.length) return { issues: extra };
    const s = value.scale;
    if (Array.isArray(s)) {
      const r = parseLevels(s, true, ['scale']);
      if ('issues' in r) return r;
      const levels = r.levels as number[];
      return { spec: { kind: 'scale', min: Math.min(...levels), max: Math.max(...levels), levels } };
    }
    if (!isObject(s)) return { issues: [problem(['scale'], 'factor.scale-form')] };
    const extraS = unknownKeys(s, ['min', 'max']);
    if (extraS.length) return { issues: extraS.map((i) => ({ ...i, path: ['scale', ...i.path] })) };
    const b = parseBounds(s, ['scale']);
    return 'issues' in b ? b : { spec: { kind: 'scale', min: b.min, max: b.max } };
  }
  const extra = unknownKeys(value, ['min', 'max', 'integer', 'steps', 'step']);
  if (extra.length) return { issues: extra };
  const b = parseBounds(value, []);
  if ('issues' in b) return b;
  const issues: SpecIssue[] = [];
  const integer = value.integer ?? false;
  if (typeof integer !== 'boolean') issues.push(problem(['integer'], 'factor.integer-boolean'));
  // At the bound that is not whole (min when both are not).
  if (integer === true && (!Number.isInteger(b.min) || !Number.isInteger(b.max))) issues.push(problem([Number.isInteger(b.min) ? 'max' : 'min'], 'factor.integer-bounds'));
  const spec: FactorSpec = { kind: 'range', min: b.min, max: b.max, integer: integer === true };
  if (value.steps !== undefined && value.step !== undefined) issues.push(problem(['step'], 'factor.steps-and-step'));
  else if (value.steps !== undefined) {
    if (!isNumber(value.steps) || !Number.isInteger(value.steps) || value.steps < 2 || value.steps > MAX_LEVELS)
      issues.push(problem(['steps'], 'factor.steps', { max: String(MAX_LEVELS) }));
    else spec.steps = value.steps;
  } else if (value.step !== undefined) {
    if (!isNumber(value.step) || value.step <= 0) issues.push(problem(['step'], 'factor.step'));
    else if ((b.max - b.min) / value.step + 1 > MAX_LEVELS) issues.push(problem(['step'], 'factor.step-too-many', { max: String(MAX_LEVELS) }));
    else spec.step = value.step;
  }
  return issues.length ? { issues } : { spec };
}

/** Rounds away binary noise from stepped levels (0.1 + 0.2 → 0.3). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** The levels a factorial design crosses, or null for a factor that is only a range. */
export function levelsOf(spec: FactorSpec): FactorValue[] | null {
  if (spec.kind === 'levels') return spec.levels;
  if (spec.kind === 'scale') return spec.levels ?? null;
  if (spec.steps !== undefined) {
    const out: number[] = [];
    for (let i = 0; i < spec.steps; i++) out.push(tidy(spec.min + ((spec.max - spec.min) * i) / (spec.steps - 1)));
    return spec.integer ? [...new Set(out.map(Math.round))] : out;
  }
  if (spec.step !== undefined) {
    const out: number[] = [];
    const n = Math.floor((spec.max - spec.min) / spec.step + 1e-9);
    for (let i = 0; i <= n; i++) out.push(tidy(spec.min + i * spec.step));
    return spec.integer ? [...new Set(out.map(Math.round))] : out;
  }
  return null;
}

/** Whether a factor takes a few named values (not a numeric continuum): lists of levels. */
export function isCategorical(spec: FactorSpec): boolean {
  return spec.kind === 'levels';
}

/**
 * The value at unit coordinate u ∈ [0, 1]. Levels are strata of equal width
 * (u·L, floored), so a Latin hypercube stratifies categorical factors over
 * their levels; integer ranges the same over min..max.
 */
export function fromUnit(spec: FactorSpec, u: number): FactorValue {
  if (spec.kind === 'levels' || (spec.kind === 'scale' && spec.levels)) {
    const levels = spec.kind === 'levels' ? spec.levels : spec.levels!;
    return levels[Math.min(levels.length - 1, Math.floor(u * levels.length))]!;
  }
  if (spec.kind === 'range' && spec.integer) {
    const n = spec.max - spec.min + 1;
    return spec.min + Math.min(n - 1, Math.floor(u * n));
  }
  return spec.min + u * (spec.max - spec.min);
}

/**
 * Where the value at unit coordinate u sits in the factor's range, as a
 * share from 0 to 1, for factors that take a few values (levels, listed
 * multipliers, integer ranges): level index / (levels − 1). Null for a
 * continuous factor, whose position is u itself.
 */
export function levelPosition(spec: FactorSpec, u: number): number | null {
  if (spec.kind === 'levels' || (spec.kind === 'scale' && spec.levels)) {
    const n = spec.kind === 'levels' ? spec.levels.length : spec.levels!.length;
    return n > 1 ? Math.min(n - 1, Math.floor(u * n)) / (n - 1) : 0;
  }
  if (spec.kind === 'range' && spec.integer) {
    const n = spec.max - spec.min + 1;
    return n > 1 ? Math.min(n - 1, Math.floor(u * n)) / (n - 1) : 0;
  }
  return null;
}

/** Columns every run row starts with, and the one it ends with: no factor column may take these names. */
export const RUN_KEY_COLUMNS = ['run_id', 'point_id', 'replicate', 'seed'] as const;
export const RESULT_HASH_COLUMN = 'result_hash';

/** CSV column of a factor: dots become underscores, `*` becomes `all`, scale factors end in `_scale`. */
export function factorColumn(path: string, spec: FactorSpec): string {
  const base = path.replaceAll('*', 'all').replaceAll('.', '_');
  return spec.kind === 'scale' ? `${base}_scale` : base;
}

/**
 * Short names of factors for tables and charts: each path's last part
 * (`company.regime` → `regime`), or as many parts from the end as it takes to
 * tell two factors apart (`legal.capacity` and `*.capacity`).
 */
export function shortFactorNames(paths: readonly string[]): string[] {
  const parts = paths.map((p) => p.split('.'));
  return parts.map((mine, i) => {
    for (let k = 1; k < mine.length; k++) {
      const tail = mine.slice(-k).join('.');
      if (parts.every((other, j) => j === i || other.slice(-k).join('.') !== tail)) return tail;
    }
    return paths[i]!;
  });
}

const scalarSchema = { type: ['number', 'string', 'boolean'] };
const bounds = {
  min: { type: 'number', description: 'lowest value' },
  max: { type: 'number', description: 'highest value' },
};

/** JSON Schema of a factor specification (for editors; validation is parseFactorSpec). */
export const FACTOR_SPEC_JSON_SCHEMA = {
  description: 'A list of levels, a range { min, max } (with steps or step for factorial designs), or a multiplier of the scenario value { scale: { min, max } } or { scale: [..] }',
  anyOf: [
    { type: 'array', minItems: 1, items: scalarSchema, description: 'levels' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['min', 'max'],
      properties: {
        ...bounds,
        integer: { type: 'boolean', description: 'whole numbers only' },
        steps: { type: 'integer', minimum: 2, description: 'factorial: number of evenly spaced levels' },
        step: { type: 'number', exclusiveMinimum: 0, description: 'factorial: increment between levels' },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['scale'],
      properties: {
        scale: {
          anyOf: [
            { type: 'object', additionalProperties: false, required: ['min', 'max'], properties: bounds },
            { type: 'array', minItems: 1, items: { type: 'number' } },
          ],
        },
      },
    },
  ],
};

export const SET_VALUE_JSON_SCHEMA = { description: 'A fixed value', ...scalarSchema };
