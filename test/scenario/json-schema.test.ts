/**
 * The JSON Schemas editors read (schema/*.schema.json): every key of a
 * scenario says what it means when hovered.
 */
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/commands/schema.js';

type Node = Record<string, unknown>;

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
    // The keys the trainers' review found bare.
    const described = new Map(all.map((k) => [k.path, k.node.description]));
    for (const p of ['format', 'company', 'company.interventions', 'company.sponsorship', 'departments', 'accounts', 'kams', 'kams[].accounts', 'model', 'debrief', 'debrief.compareRegimes'])
      expect(described.get(p), p).toMatch(/\w{3,}.*\w{3,}/);
  });
});
