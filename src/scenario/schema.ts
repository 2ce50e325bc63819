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

export const SCENARIO_FORMAT = 'two-fronts/scenario@1';
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const idSchema = z
  .string()
  .max(64, 'an id has at most 64 characters')
  .regex(ID, 'an id is kebab-case: lower-case letters and digits joined by single hyphens, starting with a letter (e.g. "solution-engineering")')
  .describe('kebab-case identifier, unique in its list');

const plainText = z.string().max(20_000, 'text is at most 20,000 characters');

export const textSchema = z
  .union([
    plainText,
    z
      .strictObject({ en: plainText.optional(), nl: plainText.optional() })
      .refine((t) => t.en !== undefined || t.nl !== undefined, 'give the text in at least one language (en or nl)'),
  ])
  .describe('A plain string, or one string per language: { en: "...", nl: "..." }');

const textListSchema = z
  .union([
    z.array(plainText).max(50),
    z
      .strictObject({ en: z.array(plainText).max(50).optional(), nl: z.array(plainText).max(50).optional() })
      .refine((t) => t.en !== undefined || t.nl !== undefined, 'give the list in at least one language (en or nl)'),
  ])
  .describe('A list of strings, or one list per language');

const num = (min: number, max: number, what: string) =>
  z
    .number({
      error: (iss) =>
        iss.input === undefined
          ? `${what} is required`
          : typeof iss.input === 'number'
            ? `expected a finite number (${what})`
            : `expected a number (${what})`,
    })
    .min(min, `must be at least ${min} (${what})`)
    .max(max, `must be at most ${max} (${what})`)
    .describe(what);

const share = (what: string) => num(0, 1, what);

const regimeSchema = z.enum(REGIMES).describe(REGIMES.join(' | '));

export const interventionsSchema = z
  .strictObject({
    accountPnlMeasurement: z.boolean().default(false).describe('Profit and cash flow measured per account.'),
    kaAgendaItem: z.boolean().default(false).describe('A key-account item on every internal meeting agenda about the customer.'),
    boardAccountPlans: z.boolean().default(false).describe('KAMs present account plans to the board; the board sponsors accounts.'),
    priorityAccess: share('share of each department\'s capacity reserved for key accounts, 0..1').default(0),
    crossFunctionalPool: share('share of capacity kept for joint cross-department solutions, 0..1').default(0),
  })
  .refine((i) => i.priorityAccess + i.crossFunctionalPool <= 1, {
    message: 'priorityAccess + crossFunctionalPool can reserve at most all capacity (their sum must be at most 1)',
    path: ['priorityAccess'],
  });

export const companySchema = z.strictObject({
  regime: regimeSchema.default('departmental-pnl'),
  matrixWeight: share('matrix only: weight on account value').default(0.5),
  interventions: interventionsSchema.default({
    accountPnlMeasurement: false,
    kaAgendaItem: false,
    boardAccountPlans: false,
    priorityAccess: 0,
    crossFunctionalPool: 0,
  }),
  sponsorship: z
    .strictObject({
      maxSponsored: num(0, 1000, 'accounts the board sponsors at once').int('maxSponsored is a whole number').default(2),
      boost: num(0, 100, 'head start of a sponsored account: score × (1 + boost)').default(1),
    })
    .default({ maxSponsored: 2, boost: 1 }),
  fixedCostPerQuarter: num(0, 1e9, 'k€ per quarter').default(0),
});

export const departmentSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  capacity: num(0, 1e7, 'expert-days per quarter'),
  unitCost: num(0, 1e4, 'k€ per expert-day').default(1),
  transferPrice: num(0, 1e4, 'k€ per expert-day booked to the department').default(1.2),
  lobbyingSusceptibility: num(0, 5, 'how much the head responds to lobbying').default(1),
  perceptionNoise: num(0, 3, 'log-sd of the head\'s perception noise').default(0.2),
});

const needsSchema = z
  .record(z.string(), num(0, 1e6, 'relative need for the department'))
  .describe('Mix of capabilities the account needs, by department id; normalised to sum 1. Default: every department equally.');

export const accountSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  wallet: num(0, 1e9, 'k€ per quarter the account could spend with us'),
  maxWallet: num(0, 1e10, 'k€ per quarter the wallet can grow to').optional(),
  shareOfWallet: num(0.001, 0.999, 'share of the wallet we win, 0..1').default(0.3),
  margin: num(-1, 1, 'gross margin on revenue').default(0.25),
  growth: num(-0.5, 1, 'strategic growth potential per quarter').default(0.02),
  satisfaction: share('starting satisfaction, 0..1').default(0.6),
  needs: needsSchema.optional(),
  opportunitiesPerQuarter: num(0, 12, 'opportunities per quarter on average').default(2),
});

export const kamSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  accounts: z.array(idSchema).max(10_000),
  control: z.enum(CONTROLS).default('persona').describe(CONTROLS.join(' | ')),
  persona: z
    .enum(PERSONAS)
    .optional()
    .describe(`${PERSONAS.join(' | ')}; for a player seat, who plays it when no one does (default adaptive)`),
  charisma: num(0.5, 1.5, 'charisma, 0.5..1.5').default(1),
  businessCaseSkill: share('business-case skill, 0..1').default(0.5),
  timeBudget: num(0, 365, 'days per quarter').default(60),
  relationships: z
    .record(z.string(), share('starting relationship capital, 0..1'))
    .default({})
    .describe('Starting relationship capital with each department, 0..1; departments not listed start at 0.2.'),
});

const modelShape: Record<string, z.ZodType> = {
  allocation: z.enum(ALLOCATION_MECHANISMS).optional().describe('contest | ranking | proportional (default contest)'),
  adaptiveRule: z.enum(ADAPTIVE_RULES).optional().describe('roth-erev | imitation (default roth-erev)'),
};
for (const name of MODEL_PARAM_NAMES) {
  const p = MODEL_PARAMS[name] as { default: number; min: number; max: number; unit: string; doc: string };
  modelShape[name] = num(p.min, p.max, p.unit).optional().describe(`${p.doc} Default ${p.default}, ${p.unit}.`);
}

export const modelSchema = z.strictObject(modelShape as {
  [K in (typeof MODEL_PARAM_NAMES)[number]]: z.ZodOptional<z.ZodNumber>;
} & {
  allocation: z.ZodOptional<z.ZodEnum<{ [K in (typeof ALLOCATION_MECHANISMS)[number]]: K }>>;
  adaptiveRule: z.ZodOptional<z.ZodEnum<{ [K in (typeof ADAPTIVE_RULES)[number]]: K }>>;
});

export const debriefSchema = z.strictObject({
  compareRegimes: z.array(regimeSchema).max(REGIMES.length).default([]),
  questions: textListSchema.default([]),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editors: where the JSON Schema of this file is'),
    format: z.literal(SCENARIO_FORMAT, {
      error: (iss) =>
        iss.input === undefined
          ? `format is required: write "format: ${SCENARIO_FORMAT}" at the top`
          : `unknown format ${JSON.stringify(iss.input)}: this version of Two Fronts reads "${SCENARIO_FORMAT}"`,
    }),
    id: idSchema,
    title: textSchema,
    summary: textSchema.default(''),
    briefing: textSchema.default(''),
    quarters: num(1, 200, 'quarters in a run').int('quarters is a whole number').default(8),
    seed: num(0, 4294967295, 'default seed').int('seed is a whole number').default(1),
    company: companySchema.default({
      regime: 'departmental-pnl',
      matrixWeight: 0.5,
      interventions: { accountPnlMeasurement: false, kaAgendaItem: false, boardAccountPlans: false, priorityAccess: 0, crossFunctionalPool: 0 },
      sponsorship: { maxSponsored: 2, boost: 1 },
      fixedCostPerQuarter: 0,
    }),
    departments: z.array(departmentSchema).min(1, 'a scenario needs at least one department').max(200),
    accounts: z.array(accountSchema).min(1, 'a scenario needs at least one account').max(20_000),
    kams: z.array(kamSchema).min(1, 'a scenario needs at least one KAM').max(5_000),
    model: modelSchema.default({}),
    debrief: debriefSchema.default({ compareRegimes: [], questions: [] }),
  })
  .superRefine((s, ctx) => {
    const unique = (list: { id: string }[], key: string, what: string) => {
      const seen = new Map<string, number>();
      list.forEach((item, i) => {
        const first = seen.get(item.id);
        if (first !== undefined)
          ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate ${what} id "${item.id}" (already used by ${key}[${first}])` });
        else seen.set(item.id, i);
      });
      return seen;
    };
    const depts = unique(s.departments, 'departments', 'department');
    const accounts = unique(s.accounts, 'accounts', 'account');
    unique(s.kams, 'kams', 'KAM');
    const suggest = (id: string, known: Iterable<string>) => {
      const list = [...known];
      const best = closest(id, list);
      return best ? ` (did you mean "${best}"?)` : ` (known: ${list.join(', ')})`;
    };
    s.accounts.forEach((a, i) => {
      for (const d of Object.keys(a.needs ?? {})) {
        if (!depts.has(d))
          ctx.addIssue({ code: 'custom', path: ['accounts', i, 'needs', d], message: `unknown department "${d}"${suggest(d, depts.keys())}`, params: { at: 'key' } });
      }
      if (a.needs && Object.values(a.needs).every((v) => v === 0))
        ctx.addIssue({ code: 'custom', path: ['accounts', i, 'needs'], message: 'an account needs at least one department (all needs are 0)' });
      if (a.maxWallet !== undefined && a.maxWallet < a.wallet)
        ctx.addIssue({ code: 'custom', path: ['accounts', i, 'maxWallet'], message: `maxWallet (${a.maxWallet}) must be at least the wallet (${a.wallet})` });
    });
    const owner = new Map<string, number>();
    s.kams.forEach((k, i) => {
      k.accounts.forEach((a, j) => {
        if (!accounts.has(a)) {
          ctx.addIssue({ code: 'custom', path: ['kams', i, 'accounts', j], message: `unknown account "${a}"${suggest(a, accounts.keys())}` });
          return;
        }
        const prev = owner.get(a);
        if (prev !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['kams', i, 'accounts', j],
            message: `account "${a}" already belongs to KAM "${s.kams[prev]!.id}"; every account belongs to exactly one KAM`,
          });
        else owner.set(a, i);
      });
      for (const d of Object.keys(k.relationships)) {
        if (!depts.has(d))
          ctx.addIssue({ code: 'custom', path: ['kams', i, 'relationships', d], message: `unknown department "${d}"${suggest(d, depts.keys())}`, params: { at: 'key' } });
      }
      if (k.control === 'adaptive' && k.persona !== undefined && k.persona !== 'adaptive')
        ctx.addIssue({ code: 'custom', path: ['kams', i, 'persona'], message: 'an adaptive seat learns its own behaviour: leave persona out or set it to adaptive' });
    });
    s.accounts.forEach((a, i) => {
      if (!owner.has(a.id))
        ctx.addIssue({ code: 'custom', path: ['accounts', i, 'id'], message: `account "${a.id}" belongs to no KAM; list it under one KAM's accounts` });
    });
  });

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

/** The closest known name, if it is close enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
