import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/commands/schema.js';
import { textIn } from '../../src/scenario/resolve.js';
import { resultHash, simulate, worldOf } from '../../src/sim/index.js';
import { ROOT, shipped, shippedIds } from '../helpers.js';
import golden from './golden.json';

describe('the scenario library', () => {
  it('ships at least six scenarios, each teaching its own lesson', () => {
    expect(shippedIds().length).toBeGreaterThanOrEqual(6);
    for (const id of ['tutorial', 'pnl-trap', 'growth-market', 'mature-market', 'board-sponsorship', 'arms-race']) expect(shippedIds()).toContain(id);
  });

  it('asks 1.3 to 1.8 times the capacity there is, the arms race most, as the trainer\'s guide says', () => {
    // The guide's rule of thumb: opportunitiesPerQuarter × wallet × model.opportunityDays expert-days a quarter per account.
    const ratio = (id: string) => {
      const input = shipped(id).input;
      const m = worldOf(input).model;
      const ask = input.accounts.reduce((s, a) => s + a.opportunitiesPerQuarter * a.wallet * m.opportunityDays, 0);
      return ask / input.departments.reduce((s, d) => s + d.capacity, 0);
    };
    const ratios = Object.fromEntries(shippedIds().map((id) => [id, ratio(id)]));
    for (const [id, r] of Object.entries(ratios)) {
      expect(r, id).toBeGreaterThanOrEqual(1.25);
      expect(r, id).toBeLessThan(1.85);
    }
    expect(Math.max(...Object.values(ratios))).toBe(ratios['arms-race']);
    expect(Math.min(...Object.values(ratios))).toBe(ratios['growth-market']);
  });

  for (const id of shippedIds()) {
    it(`${id}.yaml is valid, complete in English and Dutch, and has debrief questions and regimes to compare`, () => {
      const { scenario } = shipped(id);
      expect(scenario.id).toBe(id);
      for (const text of [scenario.title, scenario.summary, scenario.briefing]) {
        expect(typeof text).toBe('object');
        expect(textIn(text, 'en').length).toBeGreaterThan(3);
        expect(textIn(text, 'nl').length).toBeGreaterThan(3);
        expect(textIn(text, 'nl')).not.toBe(textIn(text, 'en'));
      }
      const q = scenario.debrief.questions as { en: string[]; nl: string[] };
      expect(q.en.length).toBeGreaterThanOrEqual(2);
      expect(q.nl.length).toBe(q.en.length);
      expect(scenario.debrief.compareRegimes.length).toBeGreaterThan(0);
      expect(scenario.debrief.compareRegimes).not.toContain(scenario.company.regime);
      expect(scenario.kams.filter((k) => k.control === 'player')).toHaveLength(1);
      const text = readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=../schema/scenario.schema.json')).toBe(true);
    });
  }

  it('every shipped scenario gives its golden result (update test/scenario/golden.json only for intended model changes)', () => {
    const now = Object.fromEntries(shippedIds().map((id) => [id, resultHash(simulate(shipped(id).input))]));
    expect(now).toEqual(golden);
  });

  it('schema/scenario.schema.json is generated from the current zod schema (run npm run schema when this fails)', () => {
    expect(readFileSync(join(ROOT, 'schema/scenario.schema.json'), 'utf8')).toBe(schemaText('scenario'));
  });
});
