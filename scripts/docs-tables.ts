/**
 * The tables of docs/MODEL.md and scenarios/README.md, rendered from the code
 * they describe: the model parameters (MODEL_PARAMS in src/sim/params.ts), the
 * reporters (REPORTERS in src/sim/reporters.ts), the persona time splits
 * (src/sim/personas.ts) and every key of the scenario file (the zod schema in
 * src/scenario/schema.ts, read through its JSON Schema, plus the defaults
 * src/scenario/resolve.ts fills in).
 *
 * A document marks each table with a pair of comments:
 *
 *     <!-- generated:NAME -->
 *     ...
 *     <!-- /generated:NAME -->
 *
 * `npm run docs` (scripts/docs.ts) rewrites what lies between them;
 * test/docs.test.ts fails when a document's table differs from what the code
 * gives now. Numbers are never typed by hand here: only the words that
 * explain a key to a trainer live in this file, and the test checks that
 * every key of the schema has them.
 */
import { z } from 'zod';
import { ADAPTIVE_RULES, ALLOCATION_MECHANISMS, MODEL_PARAMS, MODEL_PARAM_NAMES, defaultModelParams, type ModelParamName } from '../src/sim/params.js';
import { ADAPTIVE_START, PERSONA_SPLITS } from '../src/sim/personas.js';
import { REPORTERS } from '../src/sim/reporters.js';
import { TIME_USES, type TimeUse } from '../src/sim/types.js';
import { DEFAULT_RELATIONSHIP, DEFAULT_STAND_IN } from '../src/scenario/resolve.js';
import { KEY_DOCS } from '../src/scenario/key-docs.js';
import { scenarioSchema } from '../src/scenario/schema.js';

// ---------------------------------------------------------------------------
// Formatting

/** Markdown table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const rule = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [head, rule, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

/** A number as the documents show it: thousands separated in whole numbers of five digits or more. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) >= 10_000) {
    const digits = String(Math.abs(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return x < 0 ? `-${digits}` : digits;
  }
  return String(x);
}

function code(text: string): string {
  return `\`${text}\``;
}

function range(min: number, max: number, integer = false): string {
  return `${formatNumber(min)} … ${formatNumber(max)}${integer ? ', whole number' : ''}`;
}

// ---------------------------------------------------------------------------
// Model parameters (the scenario's `model:` block)

/** The submodel each parameter belongs to, in the order MODEL.md describes them. */
export const PARAM_GROUPS: readonly { title: string; params: readonly ModelParamName[]; categorical?: readonly ('allocation' | 'adaptiveRule')[] }[] = [
  {
    title: 'Allocation: value, head start, influence and contest',
    params: ['decisiveness', 'sizeAdvantage', 'influenceBase', 'lobbyingEffect', 'relationshipWeight', 'horizon', 'matrixSatisfactionWeight'],
    categorical: ['allocation'],
  },
  { title: 'Visibility of strategic upside', params: ['visibilityBase', 'businessCaseRate', 'measurementVisibility', 'boardVisibility'] },
  {
    title: 'Interventions and the board',
    params: ['adoptionRate', 'agendaNoiseFactor', 'agendaRelationshipBoost', 'boardLobbyDamping', 'sponsorPitchEffect', 'boardNoise'],
  },
  { title: 'Opportunities', params: ['opportunityDays', 'capacityElasticity', 'opportunityRevenue', 'opportunitySpread', 'upsideScale'] },
  { title: 'Delivery and joint proposals', params: ['qualityExponent', 'jointScope', 'jointMinDays'] },
  {
    title: 'Customers',
    params: [
      'satisfactionAnchor', 'qualityWeight', 'customerTimeWeight', 'customerDaysNeeded', 'walletShareSensitivity', 'walletShareSpeed',
      'churnBase', 'churnSensitivity', 'walletCap', 'prospectFoothold',
    ],
  },
  { title: 'Accounting', params: ['departmentMarginCredit', 'kamDayCost', 'lobbyingOverhead', 'measurementCost'] },
  {
    title: 'Learning and behaviour',
    params: ['relationshipDecay', 'relationshipRate', 'reciprocity', 'skillLearning', 'adaptiveLearningRate', 'adaptiveExperimentation', 'lobbyingResponse'],
    categorical: ['adaptiveRule'],
  },
  { title: 'The 7S alignment index', params: ['alignmentPenalty', 'styleJointWeight'] },
];

/** The two model keys that are a choice, not a number. Their values and defaults come from the code. */
const CATEGORICAL = {
  allocation: {
    values: ALLOCATION_MECHANISMS,
    doc: 'How a department divides its capacity: contest (shares s^r / Σ s^r with water-filling), ranking (highest score first, each in full) or proportional (everyone the same fraction of their need, blind to scores).',
    source: 'Tullock (1980); Skaperdas (1996); proportional is the "socialist" baseline',
  },
  adaptiveRule: {
    values: ADAPTIVE_RULES,
    doc: 'How adaptive KAMs learn their time split: Roth–Erev reinforcement against an aspiration level, or imitation of the best-scoring colleague.',
    source: 'Roth & Erev (1995); Erev & Roth (1998)',
  },
} as const;

/** Every model parameter in exactly one group, and no group naming an unknown one. */
export function paramGroupProblems(): string[] {
  const seen = new Map<string, number>();
  for (const g of PARAM_GROUPS) for (const p of g.params) seen.set(p, (seen.get(p) ?? 0) + 1);
  const problems: string[] = [];
  for (const p of MODEL_PARAM_NAMES) if (seen.get(p) !== 1) problems.push(`model.${p} is in ${seen.get(p) ?? 0} groups of PARAM_GROUPS (expected 1)`);
  for (const p of seen.keys()) if (!(p in MODEL_PARAMS)) problems.push(`PARAM_GROUPS names model.${p}, which MODEL_PARAMS does not have`);
  return problems;
}

function checkGroups(): void {
  const problems = paramGroupProblems();
  if (problems.length > 0) throw new Error(`scripts/docs-tables.ts: ${problems.join('; ')}`);
}

function modelRows(withSource: boolean): string[] {
  checkGroups();
  const defaults = defaultModelParams();
  const out: string[] = [];
  for (const g of PARAM_GROUPS) {
    const rows: string[][] = [];
    for (const c of g.categorical ?? []) {
      const spec = CATEGORICAL[c];
      const row = [code(`model.${c}`), spec.doc, 'choice', code(defaults[c]), spec.values.join(' | ')];
      rows.push(withSource ? [...row, spec.source] : row);
    }
    for (const name of g.params) {
      const p = MODEL_PARAMS[name] as { default: number; min: number; max: number; unit: string; doc: string; source: string; integer?: boolean };
      const row = [code(`model.${name}`), p.doc, p.unit, formatNumber(p.default), range(p.min, p.max, p.integer)];
      rows.push(withSource ? [...row, p.source] : row);
    }
    const head = ['Key', withSource ? 'Meaning' : 'What it does', 'Unit', 'Default', 'Range'];
    out.push(`**${g.title}**\n\n${table(withSource ? [...head, 'Source or assumption'] : head, rows)}`);
  }
  return out;
}

/** MODEL.md: every model parameter with its key, meaning, unit, default, range and grounding. */
export function renderModelParams(): string {
  return modelRows(true).join('\n\n');
}

/** The trainer's guide: the same parameters without the literature column. */
export function renderModelKeys(): string {
  return modelRows(false).join('\n\n');
}

// ---------------------------------------------------------------------------
// Reporters

const PER: Record<string, string> = { company: 'company', department: 'each department', account: 'each account', kam: 'each KAM' };
const SUFFIX: Record<string, string> = { company: '', department: '.<department>', account: '.<account>', kam: '.<kam>' };
const AGGREGATE: Record<string, string> = { sum: 'sum', mean: 'mean', last: 'last value' };

export function renderReporters(): string {
  const rows = REPORTERS.map((r) => {
    const name = `${r.name}${SUFFIX[r.per]}`;
    const doc = r.name.startsWith('align.') ? `7S element ${code(r.name.slice('align.'.length))}, 0..1; defined in the 7S submodel.` : r.doc;
    return [code(name), code(name.replaceAll('.', '_')), PER[r.per]!, r.unit, AGGREGATE[r.cumulative]!, doc];
  });
  return table(['Reporter', 'CSV column', 'One value for', 'Unit', 'Over a run', 'Definition'], rows);
}

// ---------------------------------------------------------------------------
// Personas

const USE_NAMES: Record<TimeUse, string> = {
  customer: 'customer',
  lobbying: 'lobbying',
  relationship: 'relationships',
  businessCase: 'business cases',
  boardPitch: 'board pitch',
  joint: 'joint proposals',
};

function percent(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

export function renderPersonas(): string {
  const rows = Object.entries(PERSONA_SPLITS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, split]) => [code(p), ...TIME_USES.map((u) => percent(split[u]))]);
  rows.push([`${code('adaptive')} (starting point)`, ...TIME_USES.map((u) => percent(ADAPTIVE_START[u]))]);
  return table(['Persona', ...TIME_USES.map((u) => USE_NAMES[u])], rows, ['l', ...TIME_USES.map(() => 'r' as const)]);
}

// ---------------------------------------------------------------------------
// Scenario keys

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  pattern?: string;
  description?: string;
}

/** The scenario format as its editors and validator see it (input side: defaults are what a file may leave out). */
export function scenarioJsonSchema(): JsonSchema {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

interface KeyRow {
  path: string;
  schema: JsonSchema;
  required: boolean;
}

/** Every key of the scenario file, depth first; `[]` stands for "each item of the list". The model block has its own table. */
export function scenarioKeys(schema: JsonSchema = scenarioJsonSchema()): KeyRow[] {
  const out: KeyRow[] = [];
  const walk = (s: JsonSchema, prefix: string) => {
    for (const [k, sub] of Object.entries(s.properties ?? {})) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.push({ path, schema: sub, required: s.required?.includes(k) ?? false });
      if (path === 'model') continue;
      if (sub.type === 'object' && sub.properties) walk(sub, path);
      else if (sub.type === 'array' && sub.items?.type === 'object' && sub.items.properties) walk(sub.items, `${path}[]`);
    }
  };
  walk(schema, '');
  return out;
}


/** Defaults that the schema leaves to resolve.ts or to the model, rendered from the code that applies them. */
const DERIVED_DEFAULTS: Readonly<Record<string, () => string>> = {
  $schema: () => '—',
  'accounts[].maxWallet': () => `${formatNumber(MODEL_PARAMS.walletCap.default)} × wallet (${code('model.walletCap')})`,
  'accounts[].needs': () => 'every department equally',
  'kams[].persona': () => `${code(DEFAULT_STAND_IN)}`,
  'kams[].relationships': () => `${formatNumber(DEFAULT_RELATIONSHIP)} for each department not listed`,
  model: () => 'every parameter at its default',
};

/** Keys whose meaning is missing from KEY_DOCS, or KEY_DOCS entries the schema no longer has. */
export function keyDocProblems(): string[] {
  const paths = scenarioKeys().map((k) => k.path);
  const problems: string[] = [];
  for (const p of paths) if (!KEY_DOCS[p]) problems.push(`scenario key ${p} has no entry in KEY_DOCS`);
  for (const p of Object.keys(KEY_DOCS)) if (!paths.includes(p)) problems.push(`KEY_DOCS describes ${p}, which the scenario schema does not have`);
  for (const p of Object.keys(DERIVED_DEFAULTS)) if (!paths.includes(p)) problems.push(`DERIVED_DEFAULTS names ${p}, which the scenario schema does not have`);
  return problems;
}

function isText(s: JsonSchema): boolean {
  return s.anyOf?.[0]?.type === 'string';
}

function isTextList(s: JsonSchema): boolean {
  return s.anyOf?.[0]?.type === 'array';
}

function valuesOf(s: JsonSchema, path: string): string {
  if (isText(s)) return 'text, or { en: ..., nl: ... }';
  if (isTextList(s)) return `list of texts (at most ${s.anyOf![0]!.maxItems}), or { en: [...], nl: [...] }`;
  if (s.const !== undefined) return code(String(s.const));
  if (s.enum) return s.enum.map(String).join(' | ');
  switch (s.type) {
    case 'boolean':
      return 'true | false';
    case 'number':
      return range(s.minimum ?? -Infinity, s.maximum ?? Infinity);
    case 'integer':
      return range(s.minimum ?? -Infinity, s.maximum ?? Infinity, true);
    case 'string':
      if (s.pattern) return `kebab-case id (letters, digits, single hyphens), at most ${s.maxLength} characters`;
      return 'text';
    case 'array': {
      const n = `${formatNumber(s.minItems ?? 0)} … ${formatNumber(s.maxItems ?? Infinity)}`;
      const item = s.items ?? {};
      if (item.enum) return `list of: ${item.enum.map(String).join(' | ')} (at most ${s.maxItems})`;
      if (item.type === 'string') return `list of ids (${n})`;
      return `list of ${n} items, keys below`;
    }
    case 'object': {
      if (s.properties) return path === 'model' ? 'keys in the model table' : 'keys below';
      const v = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
      return `department id → number ${range(v.minimum ?? -Infinity, v.maximum ?? Infinity)}`;
    }
    default:
      return '—';
  }
}

function defaultOf(row: KeyRow): string {
  const derived = DERIVED_DEFAULTS[row.path];
  if (derived) return derived();
  if (row.required) return 'required';
  const d = row.schema.default;
  if (d === undefined) return '—';
  if (typeof d === 'number') return formatNumber(d);
  if (typeof d === 'boolean') return String(d);
  if (typeof d === 'string') return d === '' ? '(empty)' : code(d);
  if (Array.isArray(d)) return d.length === 0 ? '(none)' : code(JSON.stringify(d));
  return 'each key\'s default';
}

/** The sections of the scenario file, each a table of its own. */
export const KEY_SECTIONS = ['top', 'company', 'departments', 'accounts', 'kams', 'debrief'] as const;
export type KeySection = (typeof KEY_SECTIONS)[number];

function sectionOf(path: string): KeySection | 'model' {
  if (!/[.[]/.test(path)) return 'top';
  const head = path.split(/[.[]/)[0]!;
  return head as KeySection;
}

export function renderScenarioKeys(section: KeySection): string {
  const problems = keyDocProblems();
  if (problems.length > 0) throw new Error(`scripts/docs-tables.ts: ${problems.join('; ')}`);
  const rows = scenarioKeys()
    .filter((k) => sectionOf(k.path) === section)
    .map((k) => {
      const doc = KEY_DOCS[k.path]!;
      return [code(k.path), doc.meaning, doc.unit, defaultOf(k), valuesOf(k.schema, k.path)];
    });
  return table(['Key', 'Meaning', 'Unit', 'Default', 'Range or values'], rows);
}

// ---------------------------------------------------------------------------
// Blocks and documents

const NOTE = '<!-- Generated by `npm run docs` from the code; edit the code or scripts/docs-tables.ts, not this table. -->';

/** The body of a generated block, by name. Throws for a name it does not know. */
export function renderBlock(name: string): string {
  let body: string;
  if (name === 'model-params') body = renderModelParams();
  else if (name === 'model-keys') body = renderModelKeys();
  else if (name === 'reporters') body = renderReporters();
  else if (name === 'personas') body = renderPersonas();
  else if (name.startsWith('scenario-keys/') && (KEY_SECTIONS as readonly string[]).includes(name.slice('scenario-keys/'.length)))
    body = renderScenarioKeys(name.slice('scenario-keys/'.length) as KeySection);
  else throw new Error(`unknown generated block "${name}"`);
  return `${NOTE}\n\n${body}\n`;
}

export interface GeneratedDocument {
  /** Path from the project root. */
  file: string;
  /** Blocks the document must hold. */
  blocks: readonly string[];
}

export const DOCUMENTS: readonly GeneratedDocument[] = [
  {
    file: 'docs/MODEL.md',
    blocks: [
      'scenario-keys/company', 'scenario-keys/departments', 'scenario-keys/accounts', 'scenario-keys/kams',
      'model-params', 'personas', 'reporters',
    ],
  },
  {
    file: 'scenarios/README.md',
    blocks: [...KEY_SECTIONS.map((s) => `scenario-keys/${s}`), 'model-keys', 'personas'],
  },
];

const BLOCK = /<!-- generated:([a-z0-9/-]+) -->\n([\s\S]*?)<!-- \/generated:\1 -->/g;
const OPENING = /<!-- generated:([a-z0-9/-]+) -->/g;

export interface FoundBlock {
  name: string;
  body: string;
}

/** The generated blocks of a document, in order. Throws when a marker is left open. */
export function generatedBlocks(text: string): FoundBlock[] {
  const found = [...text.matchAll(BLOCK)].map((m) => ({ name: m[1]!, body: m[2]! }));
  const opened = [...text.matchAll(OPENING)].map((m) => m[1]!);
  if (opened.length !== found.length) {
    const closed = new Set(found.map((b) => b.name));
    const open = opened.filter((n) => !closed.has(n));
    throw new Error(`generated block(s) without a matching <!-- /generated:NAME --> line: ${open.join(', ')}`);
  }
  return found;
}

/** The document with every generated block rendered afresh. Throws when a required block is missing. */
export function updateDocument(text: string, doc: GeneratedDocument): string {
  const names = generatedBlocks(text).map((b) => b.name);
  const missing = doc.blocks.filter((b) => !names.includes(b));
  if (missing.length > 0) throw new Error(`${doc.file} lacks the generated block(s) ${missing.join(', ')}: add <!-- generated:NAME --> and <!-- /generated:NAME --> lines`);
  return text.replace(BLOCK, (_, name: string) => `<!-- generated:${name} -->\n${renderBlock(name)}<!-- /generated:${name} -->`);
}
