/**
 * The scenario file format (two-fronts/scenario@1): one zod schema that is the
 * single source of the file's TypeScript types, of the validator and of
 * schema/scenario.schema.json. Cross-references (every id used exists, ids
 * unique, every account with exactly one KAM) are checked here too, so every
 * tool reports them the same way.
 * May import src/sim (for the regimes, personas and model parameter table).
 */
import { z } from 'zod';
import { ADAPTIVE_RULES, ALLOCATION_MECHANISMS, MODEL_PARAMS, MODEL_PARAM_NAMES } from '../sim/params.js';
import { CONTROLS, PERSONAS, REGIMES } from '../sim/types.js';
import { t } from '../i18n/index.js';
import { coded } from './messages.js';

export const SCENARIO_FORMAT = 'two-fronts/scenario@1';
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Words a file may not use as a key (see document.ts), so not as an id either: ids are used as keys in needs and relationships. */
export const RESERVED_IDS: readonly string[] = ['constructor', 'prototype'];

export const idSchema = z
  .string()
  .max(64, coded('id.too-long'))
  .regex(ID, coded('id.format'))
  .refine((id) => !RESERVED_IDS.includes(id), { error: (iss) => coded('id.reserved', { id: String(iss.input) }) })
  .describe('kebab-case identifier, unique in its list');

const plainText = z.string().max(20_000, coded('text.too-long'));

/** A text as plain string or one per language, each form checked with `text`. */
const localized = (text: z.ZodType<string>, description: string) =>
  z
    .union([
      text,
      z
        .strictObject({ en: text.optional().describe('The text in English'), nl: text.optional().describe('The text in Dutch') })
        .refine((x) => x.en !== undefined || x.nl !== undefined, coded('text.no-language')),
    ])
    .describe(description);

export const textSchema = localized(plainText, 'A plain string, or one string per language: { en: "...", nl: "..." }');

/** A text the file must give (the title, every name): not empty or blank, in any language given. */
const filledText = plainText.min(1, coded('text.empty')).refine((x) => x.trim() !== '', coded('text.empty'));
export const requiredTextSchema = localized(filledText, 'A plain string, or one string per language: { en: "...", nl: "..." }; not empty');

const textListSchema = z
  .union([
    z.array(plainText).max(50),
    z
      .strictObject({
        en: z.array(plainText).max(50).optional().describe('The list in English'),
        nl: z.array(plainText).max(50).optional().describe('The list in Dutch, as many items as in English'),
      })
      .refine((x) => x.en !== undefined || x.nl !== undefined, coded('text.no-language'))
      .refine((x) => x.en === undefined || x.nl === undefined || x.en.length === x.nl.length, {
        error: (iss) => {
          const x = iss.input as { en: unknown[]; nl: unknown[] };
          return coded('questions.count-mismatch', { en: x.en.length, nl: x.nl.length });
        },
        path: ['nl'],
      }),
  ])
  .describe('A list of strings, or one list per language');

/**
 * A number in [min, max]; `unit` names the message that says what it measures.
 * `share`: the value is a share, a part of 1 (the guide's unit is "share" or
 * "share of ..."), so a percentage is what the writer likely meant where it is
 * too big or written with a % sign. A scale from 0 to 1 (satisfaction,
 * relationship capital) is not a share: 40 % says nothing on such a scale.
 */
const num = (min: number, max: number, unit: string, share = false) => {
  const what = `@${unit}`;
  return z
    .number({
      error: (iss) =>
        iss.input === undefined
          ? coded('number.required', { what })
          : typeof iss.input === 'number'
            ? coded('number.finite', { what })
            : coded('number.type', share ? { what, share: 1 } : { what }),
    })
    .min(min, coded('number.min', { min, what }))
    .max(max, {
      // A share written as a percentage without its % (shareOfWallet: 30) is told how to write it.
      error: (iss) => {
        const x = iss.input;
        return share && max <= 1 && typeof x === 'number' && x > 1 && x <= 100
          ? coded('number.max-percent', { max, what, percent: x, fixed: String(+(x / 100).toPrecision(12)) })
          : coded('number.max', { max, what });
      },
    })
    .describe(t(unit));
};

const int = (min: number, max: number, unit: string) => num(min, max, unit).int(coded('number.int', { what: `@${unit}` }));

/** A share: a part of 1 (0.3 is 30 %). */
const share = (unit: string) => num(0, 1, unit, true);

/** A value on a scale from 0 to 1 that is no share of anything. */
const scale = (unit: string) => num(0, 1, unit);

const regimeSchema = z.enum(REGIMES).describe(REGIMES.join(' | '));

export const interventionsSchema = z
  .strictObject({
    accountPnlMeasurement: z.boolean().default(false),
    kaAgendaItem: z.boolean().default(false),
    boardAccountPlans: z.boolean().default(false),
    priorityAccess: share('unit.priorityAccess').default(0),
    crossFunctionalPool: share('unit.crossFunctionalPool').default(0),
  })
  .refine((i) => i.priorityAccess + i.crossFunctionalPool <= 1, {
    message: coded('interventions.over-reserved'),
    path: ['priorityAccess'],
  });

export const companySchema = z.strictObject({
  regime: regimeSchema.default('departmental-pnl'),
  matrixWeight: share('unit.matrixWeight').default(0.5),
  interventions: interventionsSchema.default({
    accountPnlMeasurement: false,
    kaAgendaItem: false,
    boardAccountPlans: false,
    priorityAccess: 0,
    crossFunctionalPool: 0,
  }),
  sponsorship: z
    .strictObject({
      maxSponsored: int(0, 1000, 'unit.maxSponsored').default(2),
      boost: num(0, 100, 'unit.boost').default(1),
    })
    .default({ maxSponsored: 2, boost: 1 }),
  fixedCostPerQuarter: num(0, 1e9, 'unit.fixedCost').default(0),
});

export const departmentSchema = z.strictObject({
  id: idSchema,
  name: requiredTextSchema,
  capacity: num(0, 1e7, 'unit.expertDaysPerQuarter'),
  unitCost: num(0, 1e4, 'unit.kEuroPerExpertDay').default(1),
  transferPrice: num(0, 1e4, 'unit.kEuroPerExpertDayBooked').default(1.2),
  lobbyingSusceptibility: num(0, 5, 'unit.lobbyingSusceptibility').default(1),
  perceptionNoise: num(0, 3, 'unit.perceptionNoise').default(0.2),
});

// Needs that name no department, or only zeros, would make an account that needs nothing: refused (crossReferences).
// minProperties lets an editor underline `needs: {}` too.
const needsSchema = z
  .record(z.string(), num(0, 1e6, 'unit.relativeNeed'))
  .meta({ minProperties: 1 });

export const accountSchema = z.strictObject({
  id: idSchema,
  name: requiredTextSchema,
  wallet: num(0, 1e9, 'unit.wallet'),
  maxWallet: num(0, 1e10, 'unit.maxWallet').optional(),
  shareOfWallet: num(0.001, 0.999, 'unit.shareOfWallet', true).default(0.3),
  margin: num(-1, 1, 'unit.margin', true).default(0.25),
  growth: num(-0.5, 1, 'unit.growth', true).default(0.02),
  satisfaction: scale('unit.satisfaction').default(0.6),
  needs: needsSchema.optional(),
  opportunitiesPerQuarter: num(0, 12, 'unit.opportunities').default(2),
});

export const kamSchema = z.strictObject({
  id: idSchema,
  name: requiredTextSchema,
  accounts: z.array(idSchema).max(10_000),
  control: z.enum(CONTROLS).default('persona'),
  persona: z
    .enum(PERSONAS)
    .optional()
    .meta({ default: 'adaptive' }),
  charisma: num(0.5, 1.5, 'unit.charisma').default(1),
  businessCaseSkill: scale('unit.businessCaseSkill').default(0.5),
  timeBudget: num(0, 365, 'unit.timeBudget').default(60),
  relationships: z
    .record(z.string(), scale('unit.relationship'))
    .default({}),
});

const modelShape: Record<string, z.ZodType> = {
  // `default` in the metadata reaches the JSON Schema, so editors offer it; the engine applies it.
  allocation: z.enum(ALLOCATION_MECHANISMS).optional().meta({ description: 'contest | ranking | proportional (default contest)', default: 'contest' }),
  adaptiveRule: z.enum(ADAPTIVE_RULES).optional().meta({ description: 'roth-erev | imitation (default roth-erev)', default: 'roth-erev' }),
};
for (const name of MODEL_PARAM_NAMES) {
  const p = MODEL_PARAMS[name] as { default: number; min: number; max: number; unit: string; doc: string };
  modelShape[name] = num(p.min, p.max, `unit.model.${p.unit}`, p.unit.startsWith('share')).optional().meta({ description: `${p.doc} Default ${p.default}, ${p.unit}.`, default: p.default });
}

export const modelSchema = z.strictObject(modelShape as {
  [K in (typeof MODEL_PARAM_NAMES)[number]]: z.ZodOptional<z.ZodNumber>;
} & {
  allocation: z.ZodOptional<z.ZodEnum<{ [K in (typeof ALLOCATION_MECHANISMS)[number]]: K }>>;
  adaptiveRule: z.ZodOptional<z.ZodEnum<{ [K in (typeof ADAPTIVE_RULES)[number]]: K }>>;
});

export const debriefSchema = z.strictObject({
  // Duplicates are refused in crossReferences; uniqueItems lets an editor underline them too.
  compareRegimes: z
    .array(regimeSchema)
    .max(REGIMES.length, coded('debrief.too-many-regimes', { max: REGIMES.length }))
    .default([])
    .meta({ uniqueItems: true }),
  questions: textListSchema.default([]),
});

/** The `format` key of a file kind: exactly `format`, with the messages for a missing or another one. */
export function formatSchema<F extends string>(format: F, description: string) {
  return z
    .literal(format, {
      error: (iss) =>
        iss.input === undefined ? coded('format.required', { expected: format }) : coded('format.other', { format: String(iss.input), expected: format }),
    })
    .describe(description);
}

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: formatSchema(SCENARIO_FORMAT, `What kind of file this is: always "${SCENARIO_FORMAT}". Required.`),
    id: idSchema,
    title: requiredTextSchema,
    summary: textSchema.default(''),
    briefing: textSchema.default(''),
    quarters: int(1, 200, 'unit.quarters').default(8),
    seed: int(0, 4294967295, 'unit.seed').default(1),
    company: companySchema.default({
      regime: 'departmental-pnl',
      matrixWeight: 0.5,
      interventions: { accountPnlMeasurement: false, kaAgendaItem: false, boardAccountPlans: false, priorityAccess: 0, crossFunctionalPool: 0 },
      sponsorship: { maxSponsored: 2, boost: 1 },
      fixedCostPerQuarter: 0,
    }),
    departments: z
      .array(departmentSchema)
      .min(1, coded('list.departments'))
      .max(200),
    accounts: z
      .array(accountSchema)
      .min(1, coded('list.accounts'))
      .max(20_000),
    kams: z
      .array(kamSchema)
      .min(1, coded('list.kams'))
      .max(5_000),
    model: modelSchema.default({}),
    debrief: debriefSchema
      .default({ compareRegimes: [], questions: [] }),
  })
  .superRefine((s, ctx) => {
    for (const r of crossReferences(s)) ctx.addIssue({ code: 'custom', path: r.path, message: coded(r.code, r.params), ...(r.at ? { params: { at: r.at } } : {}) });
  });

export interface Reference {
  path: (string | number)[];
  code: string;
  params: Record<string, string | number>;
  at?: 'key';
}

const idsOf = (list: unknown): (string | undefined)[] =>
  Array.isArray(list) ? list.map((x) => (x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : undefined)) : [];

const recordOf = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});

/**
 * Cross-references: ids unique per list, every id used exists, every account
 * with exactly one KAM. Works on validated data and, defensively, on a file
 * that still has other problems, so a trainer sees every problem at once.
 */
export function crossReferences(value: unknown): Reference[] {
  const out: Reference[] = [];
  const v = recordOf(value);
  const issue = (path: (string | number)[], code: string, params: Record<string, string | number> = {}, at?: 'key') =>
    out.push({ path, code, params, ...(at ? { at } : {}) });
  const unique = (key: string, kind: string) => {
    const seen = new Map<string, number>();
    idsOf(v[key]).forEach((id, i) => {
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined) issue([key, i, 'id'], 'ref.duplicate', { kind: `@kind.${kind}`, id, first: `${key}[${first}]` });
      else seen.set(id, i);
    });
    return seen;
  };
  const depts = unique('departments', 'department');
  const accounts = unique('accounts', 'account');
  unique('kams', 'kam');
  const unknown = (path: (string | number)[], kind: string, id: string, known: Iterable<string>, at?: 'key') => {
    // Ids that are not ids themselves ("Zeeland Water") are reported where they stand, never suggested.
    const list = [...known].filter((x) => ID.test(x));
    const guess = closest(id, list);
    if (guess) issue(path, 'ref.unknown-guess', { kind: `@kind.${kind}`, id, guess }, at);
    else if (list.length === 0) issue(path, 'ref.unknown-none', { kind: `@kind.${kind}`, id }, at);
    else issue(path, 'ref.unknown-list', { kind: `@kind.${kind}`, id, known: list.join(', ') }, at);
  };
  const accountList = Array.isArray(v.accounts) ? v.accounts : [];
  accountList.forEach((raw, i) => {
    const a = recordOf(raw);
    const needs = recordOf(a.needs);
    for (const d of Object.keys(needs)) if (!depts.has(d)) unknown(['accounts', i, 'needs', d], 'department', d, depts.keys(), 'key');
    const values = Object.values(needs);
    const needsGiven = a.needs !== null && typeof a.needs === 'object' && !Array.isArray(a.needs);
    if (needsGiven && values.length === 0) issue(['accounts', i, 'needs'], 'needs.empty');
    if (needsGiven && values.length > 0 && values.every((x) => x === 0)) issue(['accounts', i, 'needs'], 'needs.all-zero');
    if (typeof a.maxWallet === 'number' && typeof a.wallet === 'number' && a.maxWallet < a.wallet)
      issue(['accounts', i, 'maxWallet'], 'wallet.max-below', { max: a.maxWallet, wallet: a.wallet });
  });
  const owner = new Map<string, { kam: string; index: number }>();
  const kams = Array.isArray(v.kams) ? v.kams : [];
  kams.forEach((raw, i) => {
    const k = recordOf(raw);
    const kamId = typeof k.id === 'string' ? k.id : `kams[${i}]`;
    (Array.isArray(k.accounts) ? k.accounts : []).forEach((a, j) => {
      if (typeof a !== 'string') return;
      if (!accounts.has(a)) return unknown(['kams', i, 'accounts', j], 'account', a, accounts.keys());
      const prev = owner.get(a);
      if (prev?.index === i) issue(['kams', i, 'accounts', j], 'ref.listed-twice', { account: a, kam: kamId });
      else if (prev !== undefined) issue(['kams', i, 'accounts', j], 'ref.owned-twice', { account: a, kam: prev.kam });
      else owner.set(a, { kam: kamId, index: i });
    });
    for (const d of Object.keys(recordOf(k.relationships))) if (!depts.has(d)) unknown(['kams', i, 'relationships', d], 'department', d, depts.keys(), 'key');
    if (k.control === 'adaptive' && k.persona !== undefined && k.persona !== 'adaptive') issue(['kams', i, 'persona'], 'kam.adaptive-persona');
  });
  idsOf(v.accounts).forEach((id, i) => {
    if (id !== undefined && !owner.has(id)) issue(['accounts', i, 'id'], 'ref.unowned', { account: id });
  });
  const compare = recordOf(v.debrief).compareRegimes;
  const regimeAt = new Map<string, number>();
  (Array.isArray(compare) ? compare : []).forEach((r, j) => {
    if (typeof r !== 'string') return;
    const first = regimeAt.get(r);
    if (first !== undefined) issue(['debrief', 'compareRegimes', j], 'debrief.duplicate-regime', { regime: r, first: `debrief.compareRegimes[${first}]` });
    else regimeAt.set(r, j);
  });
  return out;
}

export type ScenarioFile = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The closest known name, if it is close enough to be a likely typo (an edit
 * distance short of rewriting the whole name), or else the one known name
 * that the name begins (`share` for `shareOfWallet`).
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  // A name longer or shorter by more than the distance allowed is never close enough: not measured.
  const allowed = Math.max(2, Math.floor(name.length / 3));
  for (const k of known) {
    const other = k.toLowerCase();
    if (Math.abs(other.length - lower.length) > allowed) continue;
    const d = editDistance(lower, other);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  if (best !== undefined && bestD <= allowed && bestD < name.length) return best;
  const starts = lower.length >= 3 ? known.filter((k) => k.toLowerCase().startsWith(lower)) : [];
  return starts.length === 1 ? starts[0] : undefined;
}
