import { describe, expect, it } from 'vitest';
import { FileError, formatIssue, readDocument } from '../../src/scenario/document.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadExperiment, pointScenario } from '../../src/experiment/load.js';
import { SMALL_SCENARIO } from '../helpers.js';

const scenario = loadScenario(SMALL_SCENARIO, 'small.yaml').scenario;

const head = 'format: two-fronts/experiment@1\nid: t\nscenario: small.yaml\nfactors:\n';

function point(factors: string, index = 0) {
  const x = loadExperiment(readDocument(head + factors, 'exp.yaml'), scenario);
  return pointScenario(x, index, x.design.values(index));
}

function problems(factors: string): string[] {
  try {
    loadExperiment(readDocument(head + factors, 'exp.yaml'), scenario);
  } catch (e) {
    if (e instanceof FileError) return e.issues.map((i) => formatIssue(i));
    throw e;
  }
  return [];
}

describe('factor paths on values the scenario leaves out', () => {
  it('setting one department of needs that are not written out keeps every other department in the mix', () => {
    const input = point('  accounts.*.needs.service: [3]\n');
    // acme needed engineering only and now also service; globex needed both equally and now service three times as much.
    expect(input.accounts.find((a) => a.id === 'acme')!.needs).toEqual({ engineering: 0.25, service: 0.75 });
    expect(input.accounts.find((a) => a.id === 'globex')!.needs).toEqual({ engineering: 0.25, service: 0.75 });
  });

  it('scaling reads what the model uses where the scenario is silent: 0 for a missing department, 1 each for unwritten needs, the default relationship', () => {
    const input = point('  accounts.*.needs.engineering: { scale: [2] }\n  accounts.*.needs.service: { scale: [2] }\n  kams.*.relationships.service: { scale: [2] }\n');
    // acme: engineering 1 → 2, service absent (0) → 0; globex: both 1 → 2, still equal.
    expect(input.accounts.find((a) => a.id === 'acme')!.needs).toEqual({ engineering: 1 });
    expect(input.accounts.find((a) => a.id === 'globex')!.needs).toEqual({ engineering: 0.5, service: 0.5 });
    for (const k of input.kams) expect(k.relationships.service).toBeCloseTo(0.4, 12);
  });

  it('a factor value that breaks a range of the scenario names the element by id, as factor paths do', () => {
    expect(problems('  kams.*.charisma: { scale: [0.5, 2] }\n')).toEqual([
      'exp.yaml:5:20: factors.kams.*.charisma: scale 2 makes the scenario invalid: kams.you.charisma: must be at most 1.5 (charisma, 0.5..1.5)',
    ]);
  });

  it('a value with nothing to scale is named by element id', () => {
    expect(problems('  accounts.*.maxWallet: { scale: [0.5, 1] }\n')).toEqual([
      'exp.yaml:5:25: factors.accounts.*.maxWallet: accounts.*.maxWallet has no value in the scenario to scale at accounts.acme.maxWallet, accounts.globex.maxWallet; set it with levels or { min, max }',
    ]);
  });
});
