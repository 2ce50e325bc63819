/**
 * Factor paths: dotted addresses of one value in a scenario, checked against
 * the scenario schema and the scenario itself. List elements are addressed by
 * id (`departments.legal.capacity`), `*` means every element or key
 * (`departments.*.capacity`), record keys by name (`accounts.acme.needs.legal`).
 * A path resolves to the concrete places it names and the kind of value it
 * takes there; applying a point sets (or scales) those places in a copy of
 * the validated scenario, which is then validated again. Problems are
 * message codes with parameters (CodedProblem), worded where they are shown.
 * Pure; imports src/scenario and src/sim (for model parameter defaults).
 */
import type { z } from 'zod';
import { word } from '../scenario/messages.js';
import { DEFAULT_RELATIONSHIP } from '../scenario/resolve.js';
import { closest, scenarioSchema, type Scenario } from '../scenario/schema.js';
import { MODEL_PARAMS } from '../sim/params.js';
import type { CodedProblem, FactorSpec, FactorValue } from './factors.js';

export type Place = (string | number)[];

export type ValueKind =
  | { type: 'number'; integer: boolean; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'enum'; values: string[] }
  | { type: 'string' };

export interface ResolvedPath {
  path: string;
  /** Every concrete place the path names (more than one with `*`). */
  places: Place[];
  kind: ValueKind;
}

/** A path that names no value of the scenario: the problem as a message code and its parameters; its message is English. */
export class PathError extends Error implements CodedProblem {
  constructor(
    readonly code: string,
    readonly params: CodedProblem['params'],
  ) {
    super(word(code, params, 'en'));
    this.name = 'PathError';
  }
}

interface ZodDef {
  type: string;
  innerType?: unknown;
  in?: unknown;
  shape?: Record<string, unknown>;
  element?: unknown;
  valueType?: unknown;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: unknown[];
}

const defOf = (s: unknown): ZodDef => (s as { _zod: { def: ZodDef } })._zod.def;

function unwrap(s: unknown): { schema: unknown; optional: boolean } {
  let optional = false;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional') optional = true;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'catch') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return { schema: s, optional };
  }
}

function leafKind(schema: unknown): ValueKind | null {
  const def = defOf(schema);
  if (def.type === 'number') {
    const n = schema as { isInt?: boolean; minValue?: number | null; maxValue?: number | null };
    return { type: 'number', integer: n.isInt === true, min: n.minValue ?? undefined, max: n.maxValue ?? undefined };
  }
  if (def.type === 'boolean') return { type: 'boolean' };
  if (def.type === 'enum') return { type: 'enum', values: Object.values(def.entries ?? {}) };
  if (def.type === 'literal') return { type: 'enum', values: (def.values ?? []).map(String) };
  if (def.type === 'string') return { type: 'string' };
  return null;
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * What to suggest for an unknown name: the close spelling (code `${code}-guess`),
 * else every name when there are few (`${code}-list`), else nothing (`code`).
 */
function suggestion(code: string, name: string, known: readonly string[]): { code: string; params: Record<string, string> } {
  const guess = closest(name, known);
  if (guess) return { code: `${code}-guess`, params: { guess } };
  if (known.length && known.length <= 30) return { code: `${code}-list`, params: { known: known.join(', ') } };
  return { code, params: {} };
}

/** The error for an unknown name at `here`, with its suggestion. */
function unknownName(code: string, params: Record<string, string>, name: string, known: readonly string[]): PathError {
  const s = suggestion(code, name, known);
  return new PathError(s.code, { ...params, ...s.params });
}

/** Resolves a factor path against the scenario schema and a validated scenario. */
export function resolvePath(path: string, scenario: Scenario, schema: z.ZodType = scenarioSchema): ResolvedPath {
  const segments = path.split('.');
  if (path.trim() === '' || segments.some((s) => s === '')) throw new PathError('path.not-a-path', { path });
  type Cursor = { schema: unknown; value: unknown; place: Place; optional: boolean };
  let cursors: Cursor[] = [{ schema, value: scenario, place: [], optional: false }];
  const walked: string[] = [];
  for (const seg of segments) {
    const next: Cursor[] = [];
    // The scenario itself is named in the reader's language (see word()).
    const here = walked.length ? walked.join('.') : '@place.scenario';
    for (const c of cursors) {
      const { schema: s } = unwrap(c.schema);
      const def = defOf(s);
      if (def.type === 'object' && def.shape) {
        const keys = Object.keys(def.shape).filter((k) => k !== '$schema');
        if (seg === '*') throw new PathError('path.star-on-keys', { here, keys: keys.join(', ') });
        if (!keys.includes(seg)) {
          // Not a typo of a key here, but the one key of that name elsewhere (model.priorityAccess): that path.
          const elsewhere = closest(seg, keys) ? [] : pathsOfKey(schema, seg);
          if (elsewhere.length === 1) throw new PathError('path.no-key-elsewhere', { here, key: seg, place: elsewhere[0]! });
          throw unknownName('path.no-key', { here, key: seg }, seg, keys);
        }
        const inner = unwrap(def.shape[seg]);
        next.push({ schema: def.shape[seg], value: isRecord(c.value) ? c.value[seg] : undefined, place: [...c.place, seg], optional: inner.optional });
      } else if (def.type === 'array') {
        const list = Array.isArray(c.value) ? c.value : [];
        const elementDef = defOf(unwrap(def.element).schema);
        if (elementDef.type !== 'object') throw new PathError('path.plain-list', { here });
        const ids = list.map((x) => (isRecord(x) ? String(x.id) : ''));
        if (seg === '*') {
          if (list.length === 0) throw new PathError('path.empty-list', { here });
          list.forEach((item, i) => next.push({ schema: def.element, value: item, place: [...c.place, i], optional: false }));
        } else {
          const i = ids.indexOf(seg);
          if (i < 0) throw unknownName('path.no-id', { here, id: seg }, seg, ids);
          next.push({ schema: def.element, value: list[i], place: [...c.place, i], optional: false });
        }
      } else if (def.type === 'record') {
        const obj = isRecord(c.value) ? c.value : {};
        if (seg === '*') {
          const keys = Object.keys(obj).sort();
          if (keys.length === 0) throw new PathError('path.no-keys', { here });
          for (const k of keys) next.push({ schema: def.valueType, value: obj[k], place: [...c.place, k], optional: false });
        } else next.push({ schema: def.valueType, value: obj[seg], place: [...c.place, seg], optional: true });
      } else if (def.type === 'union') {
        // A text (one, or { en, nl }) or a list of texts: what it is, rather than "a single value".
        if ((def.options ?? []).some((o) => defOf(unwrap(o).schema).type === 'string')) throw new PathError('path.text-part', { here });
        throw new PathError('path.group', { path: here });
      } else {
        throw new PathError('path.single-value', { here, key: seg });
      }
    }
    cursors = next;
    walked.push(seg);
  }
  const first = cursors[0]!;
  const kind = leafKind(unwrap(first.schema).schema);
  if (!kind) {
    const def = defOf(unwrap(first.schema).schema);
    const keys = def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    if (def.type === 'union') throw new PathError('path.text', { path });
    if (keys.length) throw new PathError('path.group-keys', { path, keys: keys.join(', ') });
    throw new PathError(def.type === 'array' ? 'path.group-list' : 'path.group', { path });
  }
  return { path, places: cursors.map((c) => c.place), kind };
}

/**
 * The factor paths (list elements as `*`) of every key named `key` in the
 * scenario's schema, outside texts and id-keyed records.
 */
function pathsOfKey(schema: unknown, key: string): string[] {
  const out: string[] = [];
  const walk = (s: unknown, at: string[], depth: number) => {
    const def = defOf(unwrap(s).schema);
    if (depth > 8) return;
    if (def.type === 'object' && def.shape) {
      for (const [k, inner] of Object.entries(def.shape)) {
        if (k === key) out.push([...at, k].join('.'));
        walk(inner, [...at, k], depth + 1);
      }
    } else if (def.type === 'array') walk(def.element, [...at, '*'], depth + 1);
  };
  walk(schema, [], 0);
  return out;
}

function getAt(root: unknown, place: Place): unknown {
  let v = root;
  for (const seg of place) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function setAt(root: unknown, place: Place, value: unknown): void {
  let v = root as Record<string | number, unknown>;
  for (let i = 0; i < place.length - 1; i++) {
    const seg = place[i]!;
    if (v[seg] === undefined || v[seg] === null) v[seg] = typeof place[i + 1] === 'number' ? [] : {};
    v = v[seg] as Record<string | number, unknown>;
  }
  v[place[place.length - 1]!] = value;
}

/** An account's needs as the model reads them when the scenario does not write them out: every department equally. */
function defaultNeeds(scenario: Scenario): Record<string, number> {
  return Object.fromEntries(scenario.departments.map((d) => [d.id, 1]));
}

const isNeeds = (place: Place) => place.length === 4 && place[0] === 'accounts' && place[2] === 'needs';
const isRelationship = (place: Place) => place.length === 4 && place[0] === 'kams' && place[2] === 'relationships';

/**
 * The value a scale factor multiplies: the scenario's, or what the model uses
 * where the scenario leaves it out (a model parameter's default; a
 * relationship not listed; a department missing from written-out needs, 0;
 * needs not written out, every department 1).
 */
export function baseValue(scenario: Scenario, place: Place): number | undefined {
  const v = getAt(scenario, place);
  if (typeof v === 'number') return v;
  if (place.length === 2 && place[0] === 'model') {
    const p = (MODEL_PARAMS as Record<string, { default: number }>)[String(place[1])];
    if (p) return p.default;
  }
  if (isRelationship(place)) return DEFAULT_RELATIONSHIP;
  if (isNeeds(place)) return isRecord(getAt(scenario, place.slice(0, 3))) ? 0 : 1;
  return undefined;
}

/** A place named the way factor paths write it, list elements by id: ['kams', 2, 'charisma'] → kams.carol.charisma. */
export function placeName(scenario: unknown, place: readonly (string | number)[]): string {
  let out = '';
  let v: unknown = scenario;
  for (const seg of place) {
    v = isRecord(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[seg] : undefined;
    const id = typeof seg === 'number' && isRecord(v) ? v.id : undefined;
    out += typeof seg === 'number' && typeof id !== 'string' ? `[${seg}]` : `${out ? '.' : ''}${typeof id === 'string' ? id : seg}`;
  }
  return out;
}

/** Checks that a factor's values suit the value kind at its path; the problems name the offending level. */
export function checkSpecAgainstKind(spec: FactorSpec, resolved: ResolvedPath, scenario: Scenario): CodedProblem[] {
  const { kind, path } = resolved;
  const out: CodedProblem[] = [];
  const add = (code: string, params: CodedProblem['params'] = {}) => out.push({ code, params: { path, ...params } });
  if (spec.kind === 'scale') {
    if (kind.type !== 'number') add('factor.scale-not-number');
    else if (kind.integer) add('factor.scale-integer');
    else {
      const missing = resolved.places.filter((place) => baseValue(scenario, place) === undefined).map((place) => placeName(scenario, place));
      const places = missing.slice(0, 5).join(', ');
      if (missing.length === 0) return out;
      if (resolved.places.length === 1) add('factor.scale-missing');
      else if (missing.length <= 5) add('factor.scale-missing-at', { places });
      else add('factor.scale-missing-at-more', { places, count: String(missing.length), total: String(resolved.places.length) });
    }
    return out;
  }
  if (spec.kind === 'range') {
    if (kind.type === 'enum') add('factor.range-enum', { values: kind.values.join(' | ') });
    else if (kind.type === 'boolean') add('factor.range-boolean');
    else if (kind.type !== 'number') add('factor.range-text');
    else if (kind.integer && !spec.integer) add('factor.range-integer');
    return out;
  }
  for (const level of spec.levels) {
    const shown = JSON.stringify(level);
    if (kind.type === 'number' && typeof level !== 'number') add('factor.level-not-number', { level: shown });
    else if (kind.type === 'number' && kind.integer && !Number.isInteger(level)) add('factor.level-not-integer', { level: String(level) });
    else if (kind.type === 'boolean' && typeof level !== 'boolean') add('factor.level-not-boolean', { level: shown });
    else if (kind.type === 'enum' && (typeof level !== 'string' || !kind.values.includes(level))) {
      const guess = typeof level === 'string' ? closest(level, kind.values) : undefined;
      // The message of a scenario's own value that is not one of its options.
      out.push({ code: guess ? 'value.not-one-of-guess' : 'value.not-one-of', params: { value: shown, options: kind.values.join(' | '), ...(guess ? { guess } : {}) } });
    } else if (kind.type === 'string' && typeof level !== 'string') add('factor.level-not-text', { level: shown });
  }
  return out;
}

/** Sets (or, for scale factors, multiplies) every place of a path in `target`, reading base values from `base`. */
export function applyValue(target: Scenario, base: Scenario, resolved: ResolvedPath, spec: FactorSpec | null, value: FactorValue): void {
  for (const place of resolved.places) {
    // Needs the scenario leaves out mean every department equally: written out first, so one department changes and not the mix.
    if (isNeeds(place) && !isRecord(getAt(target, place.slice(0, 3)))) setAt(target, place.slice(0, 3), defaultNeeds(base));
    // A scale multiplies the value at hand: the scenario's, or what a factor set before it.
    if (spec?.kind === 'scale') {
      const current = getAt(target, place);
      setAt(target, place, (typeof current === 'number' ? current : baseValue(base, place)!) * (value as number));
    }
    else setAt(target, place, value);
  }
}
