/**
 * The JSON Schemas editors read (schema/*.schema.json): every key of a
 * scenario says what it means when hovered, and both files keep to draft-07,
 * the draft the YAML language server (VS Code's YAML extension) validates.
 */
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/commands/schema.js';
import { KEY_DOCS, keyDescription } from '../../src/scenario/key-docs.js';

type Node = Record<string, unknown>;

/** Every keyword draft-07 defines (core, validation and annotation). */
const DRAFT_07 = new Set([
  '$schema', '$id', '$ref', '$comment', 'definitions', 'title', 'description', 'default', 'readOnly', 'writeOnly', 'examples',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength',
  'pattern', 'format', 'contentMediaType', 'contentEncoding', 'items', 'additionalItems', 'maxItems', 'minItems', 'uniqueItems',
  'contains', 'maxProperties', 'minProperties', 'required', 'properties', 'patternProperties', 'additionalProperties',
  'dependencies', 'propertyNames', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not',
]);

/** Every schema node with its place, following only the keywords whose values are schemas. */
function nodes(root: Node): { at: string; node: Node }[] {
  const out: { at: string; node: Node }[] = [];
  const visit = (node: Node, at: string) => {
    out.push({ at, node });
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'properties' || k === 'patternProperties' || k === 'definitions') && v && typeof v === 'object')
        for (const [name, sub] of Object.entries(v as Record<string, Node>)) visit(sub, `${at}/${k}/${name}`);
      else if ((k === 'anyOf' || k === 'allOf' || k === 'oneOf') && Array.isArray(v)) v.forEach((sub: Node, i) => visit(sub, `${at}/${k}/${i}`));
      else if (['items', 'additionalItems', 'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else'].includes(k) && v && typeof v === 'object' && !Array.isArray(v))
        visit(v as Node, `${at}/${k}`);
    }
  };
  visit(root, '#');
  return out;
}

/** Each key of the scenario file with its schema, list items written `[]`, both forms of a text followed. */
function keys(schema: Node): { path: string; node: Node }[] {
  const out: { path: string; node: Node }[] = [];
  const walk = (s: Node, prefix: string) => {
    for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, Node>)) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.push({ path, node: sub });
      walk(sub, path);
      if (sub.items && typeof sub.items === 'object') walk(sub.items as Node, `${path}[]`);
      for (const branch of (sub.anyOf ?? []) as Node[]) walk(branch, path);
    }
  };
  walk(schema, '');
  return out;
}

const scenario = JSON.parse(schemaText('scenario')) as Node;

describe('the JSON Schemas for editors', () => {
  it('every key of a scenario has a description, so an editor can say what it means', () => {
    const all = keys(scenario);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((k) => typeof k.node.description !== 'string' || k.node.description.trim() === '').map((k) => k.path)).toEqual([]);
    // Keys that once had none.
    const described = new Map(all.map((k) => [k.path, k.node.description]));
    for (const p of ['format', 'company', 'company.interventions', 'company.sponsorship', 'departments', 'accounts', 'kams', 'kams[].accounts', 'model', 'debrief', 'debrief.compareRegimes'])
      expect(described.get(p), p).toMatch(/\w{3,}.*\w{3,}/);
  });

  it('an editor shows the trainer\'s guide\'s words for every key the guide describes, with the unit of measures', () => {
    const described = new Map(keys(scenario).map((k) => [k.path, k.node.description]));
    const paths = Object.keys(KEY_DOCS);
    expect(paths.length).toBeGreaterThan(50);
    for (const p of paths) expect(described.get(p), p).toBe(keyDescription(p));
    for (const p of paths) expect(described.get(p), p).toContain(KEY_DOCS[p]!.meaning);
    expect(described.get('departments[].capacity')).toMatch(/Unit: expert-days per quarter\.$/);
    expect(described.get('title')).toMatch(/\{ en: "…", nl: "…" \}/);
    expect(described.get('kams[].id')).not.toMatch(/Unit:/);
  });

  for (const kind of ['scenario', 'experiment']) {
    it(`the ${kind} schema declares draft-07 and uses no keyword draft-07 lacks`, () => {
      const root = JSON.parse(schemaText(kind)) as Node;
      expect(root.$schema).toBe('http://json-schema.org/draft-07/schema#');
      const foreign = nodes(root).flatMap(({ at, node }) => Object.keys(node).filter((k) => !DRAFT_07.has(k)).map((k) => `${at}: ${k}`));
      expect(foreign).toEqual([]);
      // exclusiveMinimum/exclusiveMaximum are numbers from draft-06 on (booleans in draft-04).
      for (const { at, node } of nodes(root))
        for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) if (k in node) expect(typeof node[k], `${at}: ${k}`).toBe('number');
    });
  }
});
