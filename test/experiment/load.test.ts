import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument, FileError, formatIssue, issueLine, issueMessage } from '../../src/scenario/document.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadExperiment, pointScenario, validateExperimentDocument } from '../../src/experiment/load.js';
import { ROOT } from '../helpers.js';

const tutorial = loadScenario(readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8'), 'tutorial.yaml').scenario;

function load(text: string) {
  return loadExperiment(readDocument(text, 'exp.yaml'), tutorial);
}

function problems(text: string): string[] {
  try {
    load(text);
  } catch (e) {
    if (e instanceof FileError) return e.issues.map((i) => formatIssue(i));
    throw e;
  }
  return [];
}

const head = 'format: two-fronts/experiment@1\nid: t\nscenario: tutorial.yaml\n';

describe('experiment files', () => {
  it('loadExperiment() resolves factor paths by id, * and scale, and applies them to each point', () => {
    const x = load(
      head +
        'replications: 2\nset: { quarters: 3 }\nfactors:\n  company.regime: [matrix, utilization]\n  departments.legal.capacity: [10, 50]\n  accounts.*.growth: { scale: [0.5, 2] }\n  model.decisiveness: [1, 3]\n  kams.bram.relationships.legal: [0.9]\n',
    );
    expect(x.design.size).toBe(16);
    expect(x.baseInput.quarters).toBe(3);
    const values = x.design.values(15);
    expect(values).toEqual(['utilization', 50, 2, 3, 0.9]);
    const input = pointScenario(x, 15, values);
    expect(input.company.regime).toBe('utilization');
    expect(input.departments.find((d) => d.id === 'legal')!.capacity).toBe(50);
    expect(input.accounts.map((a) => a.growth)).toEqual(tutorial.accounts.map((a) => a.growth * 2));
    expect(input.model.decisiveness).toBe(3);
    expect(input.kams.find((k) => k.id === 'bram')!.relationships.legal).toBe(0.9);
    expect(input.quarters).toBe(3);
    expect(x.factors.map((f) => f.column)).toEqual(['company_regime', 'departments_legal_capacity', 'accounts_all_growth_scale', 'model_decisiveness', 'kams_bram_relationships_legal']);
  });

  it('a scale factor multiplies the value another factor sets, whichever is listed first', () => {
    const legal = (order: string) => {
      const x = load(head + 'factors:\n' + order);
      return [0, 1, 2, 3].map((i) => pointScenario(x, i, x.design.values(i)).departments.find((d) => d.id === 'legal')!.capacity);
    };
    const setFirst = legal('  departments.legal.capacity: [30, 60]\n  departments.*.capacity: { scale: [0.8, 1.2] }\n');
    const scaleFirst = legal('  departments.*.capacity: { scale: [0.8, 1.2] }\n  departments.legal.capacity: [30, 60]\n');
    expect(setFirst).toEqual([30 * 0.8, 30 * 1.2, 60 * 0.8, 60 * 1.2]);
    expect([...scaleFirst].sort((a, b) => a - b)).toEqual([...setFirst].sort((a, b) => a - b));
    // Two multipliers on one value multiply.
    const both = load(head + 'factors:\n  departments.*.capacity: { scale: [2] }\n  departments.legal.capacity: { scale: [3] }\n');
    const base = tutorial.departments.find((d) => d.id === 'legal')!.capacity;
    expect(pointScenario(both, 0, both.design.values(0)).departments.find((d) => d.id === 'legal')!.capacity).toBe(base * 6);
  });

  it('two factors giving the same value, a factor giving a value set: fixes, and a seed factor are refused at the factor', () => {
    expect(problems(head + 'factors:\n  departments.*.capacity: [10, 20]\n  departments.legal.capacity: [30, 60]\n')).toEqual([
      'exp.yaml:6:3: factors.departments.legal.capacity: gives departments.legal.capacity a value, as factor departments.*.capacity does; a value can be given by one factor only (a scale factor on it multiplies that value)',
    ]);
    expect(problems(head + 'set: { model.decisiveness: 2 }\nfactors:\n  model.decisiveness: [1, 3]\n')).toEqual([
      'exp.yaml:6:3: factors.model.decisiveness: gives model.decisiveness a value that set: already fixes (model.decisiveness); vary it here or fix it there, not both',
    ]);
    const seed = problems(head + 'factors:\n  seed: [1, 2]\n');
    expect(seed).toHaveLength(1);
    expect(seed[0]).toMatch(/^exp\.yaml:5:3: factors\.seed: each run's seed comes from the experiment's seed/);
  });

  it('a typo in a factor path, an unknown id, a bad level and an unknown metric each get FILE:LINE:COL and a suggestion', () => {
    const p = problems(head + 'factors:\n  company.regim: [matrix]\n  departments.risk.capacity: [1]\n  company.interventions.kaAgendaItem: [yes]\nmetrics: [companyProfitt]\n');
    expect(p).toEqual([
      'exp.yaml:5:3: factors.company.regim: company has no key "regim" (did you mean "regime"?)',
      'exp.yaml:6:3: factors.departments.risk.capacity: departments has no element with id "risk" (expected one of: engineering, service, product, legal); address list elements by id, or * for all',
      'exp.yaml:7:39: factors.company.interventions.kaAgendaItem: "yes" is not true or false (company.interventions.kaAgendaItem is true or false)',
      'exp.yaml:8:11: metrics[0]: unknown metric "companyProfitt" (did you mean "companyProfit"?); the reporters are listed in docs/RESEARCH.md under "The reporters"',
    ]);
    // A key of a language of a text, and a key that lives elsewhere in the scenario, are said as such.
    expect(problems(head + 'factors:\n  title.en: ["x"]\n  model.priorityAccess: { min: 0, max: 0.5 }\n  debrief.questions.en: ["x"]\n')).toEqual([
      'exp.yaml:5:3: factors.title.en: title is a text, written once or per language as { en, nl }; a factor cannot vary a text, in any language',
      'exp.yaml:6:3: factors.model.priorityAccess: model has no key "priorityAccess"; the key is company.interventions.priorityAccess: write that path',
      'exp.yaml:7:3: factors.debrief.questions.en: debrief.questions is a group of values, not one value a factor can vary',
    ]);
    // A key of a list element is written with * (or an id); a typo close to a key here is still a typo.
    expect(problems(head + 'factors:\n  model.charisma: [1]\n  model.decisivenes: [1]\n')).toEqual([
      'exp.yaml:5:3: factors.model.charisma: model has no key "charisma"; the key is kams.*.charisma: write that path',
      'exp.yaml:6:3: factors.model.decisivenes: model has no key "decisivenes" (did you mean "decisiveness"?)',
    ]);
    expect(problems(head + 'metrics: [profit]\n')).toEqual([
      'exp.yaml:4:11: metrics[0]: unknown metric "profit" (metrics with "profit" in their name: companyProfit); the reporters are listed in docs/RESEARCH.md under "The reporters"',
    ]);
  });

  it('an unknown design type, a missing samples and a broken factor spec are reported at their place', () => {
    expect(problems(head + 'design: { type: latin }\n')).toEqual([
      'exp.yaml:4:17: design.type: "latin" is not one of factorial | lhs | sobol | morris',
    ]);
    expect(problems(head + 'design: { type: lhs }\nfactors:\n  model.decisiveness: { min: 1, max: 2 }\n')[0]).toMatch(/^exp\.yaml:4:17: design\.type: a lhs design needs "samples"/);
    expect(problems(head + 'factors:\n  model.decisiveness: { min: 3, max: 2, steps: 2 }\n')).toEqual(['exp.yaml:5:38: factors.model.decisiveness.max: max (2) must be greater than min (3)']);
  });

  it('a wrong format version, replications and seed out of range say what is expected, in English and Dutch', () => {
    expect(problems('format: two-fronts/experiment@2\nid: t\nscenario: tutorial.yaml\n')).toEqual([
      'exp.yaml:1:9: format: this file is in format version 2; this version of Two Fronts reads "two-fronts/experiment@1"',
    ]);
    expect(problems(head + 'replications: 0\n')).toEqual(['exp.yaml:4:15: replications: must be at least 1 (runs per design point)']);
    expect(problems(head + 'replications: 2.5\n')).toEqual(['exp.yaml:4:15: replications: must be a whole number (runs per design point)']);
    expect(problems(head + 'seed: -1\n')).toEqual(['exp.yaml:4:7: seed: must be at least 0 (experiment seed, the base of the per-run seeds)']);
    expect(problems(head + 'seed: 4294967296\n')).toEqual(['exp.yaml:4:7: seed: must be at most 4294967295 (experiment seed, the base of the per-run seeds)']);
    expect(problems(head + 'design: { type: morris, samples: 0 }\nfactors:\n  model.decisiveness: { min: 1, max: 2 }\n')).toEqual([
      'exp.yaml:4:34: design.samples: must be at least 1 (lhs: points; sobol: base sample size N; morris: trajectories r)',
    ]);
    try {
      load(head + 'replications: 0\n');
    } catch (e) {
      expect(issueMessage((e as FileError).issues[0]!, 'nl')).toBe('moet minstens 1 zijn (runs per ontwerppunt)');
    }
    expect.assertions(7);
  });

  it('a problem in a key the design does not read hides none of the design\'s own problems', () => {
    const lhs = 'design: { type: lhs, samples: 4, bootstrap: 10 }\nfactors:\n  model.decisiveness: { min: 0.5, max: 3, step: 0.5 }\n';
    expect(problems(head + 'replications: 2.5\nseeds: 3\n' + lhs)).toEqual([
      'exp.yaml:4:15: replications: must be a whole number (runs per design point)',
      'exp.yaml:5:1: seeds: unknown key "seeds" (did you mean "seed"?)',
      'exp.yaml:6:34: design.bootstrap: bootstrap is for sobol and morris designs (resamples for the intervals of their indices); a lhs design has none',
      'exp.yaml:8:43: factors.model.decisiveness.step: step applies to factorial designs only; a lhs design samples the whole range { min, max } (add integer: true for whole numbers): remove "step"',
    ]);
    const dutch = () => {
      try {
        validateExperimentDocument(readDocument(head.replace('id: t', 'id: Two Words') + lhs, 'exp.yaml'));
      } catch (e) {
        if (e instanceof FileError) return e.issues.map((i) => issueLine(i, 'nl'));
        throw e;
      }
      return [];
    };
    expect(dutch()).toEqual([
      'exp.yaml:2:5: id: een id is kebab-case: kleine letters en cijfers verbonden door enkele streepjes, beginnend met een letter; gevonden: "Two Words", schrijf two-words',
      'exp.yaml:4:34: design.bootstrap: bootstrap is voor sobol- en morris-ontwerpen (het aantal herhalingen voor de intervallen van hun indices); een lhs-ontwerp heeft die niet',
      'exp.yaml:6:43: factors.model.decisiveness.step: step geldt alleen voor factorial-ontwerpen; een lhs-ontwerp trekt zijn steekproef uit het hele bereik { min, max } (voeg integer: true toe voor gehele getallen): haal "step" weg',
    ]);
    // A key given twice hides nothing either: the file is checked with its last value.
    expect(problems(head + 'replications: 2\nreplications: 2.5\n' + lhs)).toEqual([
      'exp.yaml:5:1: YAML/JSON syntax: this key is already given above in the same mapping; give each key once',
      'exp.yaml:5:15: replications: must be a whole number (runs per design point)',
      'exp.yaml:6:34: design.bootstrap: bootstrap is for sobol and morris designs (resamples for the intervals of their indices); a lhs design has none',
      'exp.yaml:8:43: factors.model.decisiveness.step: step applies to factorial designs only; a lhs design samples the whole range { min, max } (add integer: true for whole numbers): remove "step"',
    ]);
    // A problem in the design itself: its checks are not run on a guess.
    expect(problems(head + 'design: { type: lhs, samples: 0 }\nfactors:\n  model.decisiveness: { min: 0.5, max: 3, step: 0.5 }\n')).toEqual([
      'exp.yaml:4:31: design.samples: must be at least 1 (lhs: points; sobol: base sample size N; morris: trajectories r)',
    ]);
  });

  it('an experiment without format is told to add it; a scenario file is not taken for an experiment', () => {
    expect(problems('id: t\nscenario: tutorial.yaml\nfactors:\n  company.regime: [matrix]\n')).toEqual([
      'exp.yaml:1:1: format: format is missing: this looks like an experiment file (it has scenario, factors); write "format: two-fronts/experiment@1" at the top',
    ]);
    expect(problems('format: two-fronts/scenario@1\nid: t\n')).toEqual(['exp.yaml:1:9: format: this is a "two-fronts/scenario@1" file, not "two-fronts/experiment@1"']);
  });

  it('bootstrap in a factorial or lhs design is refused at its place, not silently ignored', () => {
    for (const type of ['factorial', 'lhs']) {
      const p = problems(head + `design: { type: ${type},${type === 'lhs' ? ' samples: 4,' : ''} bootstrap: 200 }\nfactors:\n  company.regime: [matrix, utilization]\n`);
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(new RegExp(`^exp\\.yaml:4:\\d+: design\\.bootstrap: bootstrap is for sobol and morris designs .*; a ${type} design has none$`));
    }
    expect(problems(head + 'design: { type: morris, samples: 2, bootstrap: 200 }\nfactors:\n  model.decisiveness: { min: 1, max: 2 }\n')).toEqual([]);
  });

  it('steps or step in a factor of an lhs, sobol or morris design is refused at its place, not silently ignored', () => {
    expect(problems(head + 'design: { type: lhs, samples: 5 }\nfactors:\n  model.decisiveness: { min: 0.5, max: 3, steps: 4 }\n')).toEqual([
      'exp.yaml:6:43: factors.model.decisiveness.steps: steps applies to factorial designs only; a lhs design samples the whole range { min, max } (add integer: true for whole numbers): remove "steps"',
    ]);
    for (const type of ['sobol', 'morris'])
      expect(problems(head + `design: { type: ${type}, samples: 4 }\nfactors:\n  model.decisiveness: { min: 0.5, max: 3, step: 0.5 }\n`)).toEqual([
        `exp.yaml:6:43: factors.model.decisiveness.step: step applies to factorial designs only; a ${type} design samples the whole range { min, max } (add integer: true for whole numbers): remove "step"`,
      ]);
    expect(load(head + 'factors:\n  model.decisiveness: { min: 0.5, max: 3, steps: 4 }\n').design.size).toBe(4);
  });

  it('a level outside the scenario\'s allowed range is reported at the factor before anything runs', () => {
    expect(problems(head + 'factors:\n  model.decisiveness: [1, 50]\n')).toEqual([
      'exp.yaml:5:23: factors.model.decisiveness: value 50 makes the scenario invalid: model.decisiveness: must be at most 10 (exponent)',
    ]);
    // A factor on ids names the place by the id it has in the scenario, not by the value tried.
    expect(problems(head + 'factors:\n  departments.*.id: ["a"]\n')).toEqual([
      'exp.yaml:5:21: factors.departments.*.id: value "a" makes the scenario invalid: departments.service.id: duplicate department id "a" (already used by departments[0])',
    ]);
    expect(problems(head + 'factors:\n  departments.legal.id: [engineering]\n')).toEqual([
      'exp.yaml:5:25: factors.departments.legal.id: value "engineering" makes the scenario invalid: departments.legal.id: duplicate department id "engineering" (already used by departments[0])',
    ]);
    expect(problems(head + 'factors:\n  quarters: { min: 2, max: 6 }\ndesign: { type: lhs, samples: 4 }\n')[0]).toContain('quarters takes whole numbers: add "integer: true"');
    // A bound that is not whole is named where it stands.
    const bound = (min: number, max: number) => problems(head + `factors:\n  quarters: { min: ${min}, max: ${max}, integer: true }\ndesign: { type: lhs, samples: 4 }\n`)[0];
    expect(bound(2, 6.5)).toMatch(/^exp\.yaml:5:\d+: factors\.quarters\.max: /);
    expect(bound(2.5, 6)).toMatch(/^exp\.yaml:5:\d+: factors\.quarters\.min: /);
  });

  it('points whose values are valid alone but not together are reported at factors: before anything runs, the first three', () => {
    // priorityAccess + crossFunctionalPool may not exceed 1: each level is fine, 0.5 + 0.55 is not.
    const text = head + 'factors:\n  company.interventions.priorityAccess: [0, 0.3, 0.5]\n  company.interventions.crossFunctionalPool: [0, 0.55]\n';
    expect(problems(text)).toEqual([
      'exp.yaml:4:1: factors: design point 6 (company.interventions.priorityAccess=0.5, company.interventions.crossFunctionalPool=0.55) makes the scenario invalid: company.interventions.priorityAccess: priorityAccess + crossFunctionalPool can reserve at most all capacity (their sum must be at most 1); each value is valid alone, not together with the others',
    ]);
    const many = head + 'factors:\n  company.interventions.priorityAccess: { min: 0, max: 0.9 }\n  company.interventions.crossFunctionalPool: { min: 0, max: 0.9 }\ndesign: { type: lhs, samples: 40 }\n';
    const found = problems(many);
    expect(found).toHaveLength(3);
    for (const line of found) expect(line).toMatch(/^exp\.yaml:4:1: factors: design point \d+ \(company\.interventions\.priorityAccess=[\d.]+, company\.interventions\.crossFunctionalPool=[\d.]+\) makes the scenario invalid: /);
    // Every point is tried: a valid design loads, and each of its points gives a scenario.
    const ok = load(head + 'factors:\n  company.interventions.priorityAccess: [0, 0.4]\n  company.interventions.crossFunctionalPool: [0, 0.55]\n');
    for (let i = 0; i < ok.design.size; i++) expect(() => pointScenario(ok, i, ok.design.values(i))).not.toThrow();
  });

  it('a scale factor on a value that cannot be scaled is told so, without advice on its levels that could not work', () => {
    expect(problems(head + 'factors:\n  kams.bram.persona: { scale: { min: 0.8, max: 1.2 } }\n')).toEqual(['exp.yaml:5:22: factors.kams.bram.persona: kams.bram.persona is not a number, so it cannot be scaled']);
    // On a number, a factorial takes the scale at its ends and middle, and says so.
    const text = head + 'factors:\n  kams.bram.charisma: { scale: { min: 0.8, max: 1.2 } }\n';
    expect(problems(text)).toEqual([]);
    expect(load(text).design.size).toBe(3);
    expect(load(text).notes.map((i) => formatIssue(i))).toEqual([
      'exp.yaml:5:23: factors.kams.bram.charisma: a factorial design takes a scale without levels at 3 multipliers: 0.8, 1, 1.2 (give { scale: [0.8, 1, 1.2] } for others)',
    ]);
  });

  it('the example of the experiment format runs as written: a factorial ignores samples and takes a bare range at its ends and middle, with a warning for each', () => {
    const example = [
      'format: two-fronts/experiment@1',
      'id: regime-sweep',
      'scenario: tutorial.yaml',
      'replications: 50',
      'seed: 1',
      'design:',
      '  type: factorial',
      '  samples: 256',
      'factors:',
      '  company.regime: [departmental-pnl, account-pnl, matrix]',
      '  model.decisiveness: { min: 0.5, max: 3 }',
      '  company.interventions.kaAgendaItem: [false, true]',
      'metrics: [companyProfit, strategicGap, fulfilmentGini, alignmentIndex]',
      'perQuarter: true',
      '',
    ].join('\n');
    const x = load(example);
    expect(x.design.size).toBe(3 * 3 * 2);
    expect([0, 2, 4].map((i) => x.design.values(i)[1])).toEqual([0.5, 1.75, 3]);
    const notes = x.notes;
    expect(notes.map((i) => formatIssue(i))).toEqual([
      'exp.yaml:8:3: design.samples: a factorial design runs every combination of the levels and does not use samples (it is for lhs, sobol and morris)',
      'exp.yaml:11:23: factors.model.decisiveness: a factorial design takes a range without steps at 3 levels: 0.5, 1.75, 3 (give steps or step, or a list, for others)',
    ]);
    expect(notes.map((i) => issueMessage(i, 'nl'))[1]).toBe('een factorial-ontwerp neemt een bereik zonder steps op 3 niveaus: 0.5, 1.75, 3 (geef steps of step, of een lijst, voor andere)');
    // Given levels, nothing to say.
    expect(load(head + 'factors:\n  model.decisiveness: { min: 0.5, max: 3, steps: 6 }\n').notes).toEqual([]);
  });

  const FIVE_REGIMES = '[matrix, account-pnl, utilization, exec-sponsored, departmental-pnl]';
  /** The values a design gives its first factor, over all its points. */
  const firstLevels = (design: { size: number; values: (i: number) => readonly unknown[] }) => new Set(Array.from({ length: design.size }, (_, i) => design.values(i)[0]));

  it('a Latin hypercube with fewer samples than a factor has levels warns at the factor, naming the levels that never run', () => {
    const x = load(head + `design: { type: lhs, samples: 4 }\nfactors:\n  company.regime: ${FIVE_REGIMES}\n  model.decisiveness: { min: 1, max: 2 }\n`);
    expect(x.notes.map((i) => formatIssue(i))).toEqual([
      'exp.yaml:6:19: factors.company.regime: a Latin hypercube of 4 samples runs only 4 of these 5 levels, one each; never run: utilization (give samples of at least 5 to run every level)',
    ]);
    expect(issueMessage(x.notes[0]!, 'nl')).toBe('een Latin hypercube van 4 samples draait maar 4 van deze 5 niveaus, elk één keer; nooit gedraaid: utilization (geef samples van minstens 5 om elk niveau te draaien)');
    // The levels it names are the ones the design leaves out.
    expect([...firstLevels(x.design)].sort()).toEqual(['account-pnl', 'departmental-pnl', 'exec-sponsored', 'matrix']);
    // Listed multipliers too; a range, and as many samples as levels, have nothing to say.
    const scaled = load(head + 'design: { type: lhs, samples: 2 }\nfactors:\n  accounts.*.growth: { scale: [0.5, 0.75, 1, 1.25, 1.5] }\n');
    expect(scaled.notes.map((i) => issueMessage(i, 'en'))).toEqual(['a Latin hypercube of 2 samples runs only 2 of these 5 levels, one each; never run: 0.5, 1, 1.5 (give samples of at least 5 to run every level)']);
    expect(load(head + `design: { type: lhs, samples: 5 }\nfactors:\n  company.regime: ${FIVE_REGIMES}\n`).notes).toEqual([]);
    expect(load(head + 'design: { type: lhs, samples: 2 }\nfactors:\n  quarters: { min: 2, max: 6, integer: true }\n').notes).toEqual([]);
  });

  it('a Morris grid that skips a listed level warns at the factor, naming the levels that never run and the grid that runs them all', () => {
    const x = load(head + `design: { type: morris, samples: 50 }\nfactors:\n  company.regime: ${FIVE_REGIMES}\n  model.decisiveness: { min: 1, max: 2 }\n`);
    expect(x.notes.map((i) => formatIssue(i))).toEqual([
      'exp.yaml:6:19: factors.company.regime: a Morris grid of 4 levels runs only 4 of these 5 levels, whatever the number of trajectories; never run: utilization (set "design.levels: 6" to run every level)',
    ]);
    expect(issueMessage(x.notes[0]!, 'nl')).toBe('een Morris-rooster van 4 niveaus draait maar 4 van deze 5 niveaus, hoeveel trajecten er ook zijn; nooit gedraaid: utilization (zet "design.levels: 6" om elk niveau te draaien)');
    // The levels it names are the ones 50 trajectories leave out.
    expect([...firstLevels(x.design)].sort()).toEqual(['account-pnl', 'departmental-pnl', 'exec-sponsored', 'matrix']);
    // The grid it suggests runs every level.
    const six = load(head + `design: { type: morris, samples: 50, levels: 6 }\nfactors:\n  company.regime: ${FIVE_REGIMES}\n`);
    expect(six.notes).toEqual([]);
    expect(firstLevels(six.design).size).toBe(5);
    // Listed multipliers too (two grid levels skip the middle one of three); a range, and levels the grid reaches, have nothing to say.
    const scaled = load(head + 'design: { type: morris, samples: 4, levels: 2 }\nfactors:\n  accounts.*.growth: { scale: [0.5, 1, 1.5] }\n');
    expect(scaled.notes.map((i) => issueMessage(i, 'en'))).toEqual(['a Morris grid of 2 levels runs only 2 of these 3 levels, whatever the number of trajectories; never run: 1 (set "design.levels: 4" to run every level)']);
    expect(load(head + 'design: { type: morris, samples: 4 }\nfactors:\n  company.regime: [matrix, account-pnl, utilization, exec-sponsored]\n').notes).toEqual([]);
    expect(load(head + 'design: { type: morris, samples: 4 }\nfactors:\n  quarters: { min: 2, max: 8, integer: true }\n').notes).toEqual([]);
  });

  it('the content hash changes with what decides results and not with titles', () => {
    const a = load(head + 'factors:\n  company.regime: [matrix]\n').contentHash;
    expect(load(head + 'title: other\nfactors:\n  company.regime: [matrix]\n').contentHash).toBe(a);
    expect(load(head + 'replications: 2\nfactors:\n  company.regime: [matrix]\n').contentHash).not.toBe(a);
    expect(load(head + 'factors:\n  company.regime: [utilization]\n').contentHash).not.toBe(a);
  });
});

describe('limits without a message of their own', () => {
  const issuesOf = (text: string, lang: 'en' | 'nl' = 'en') => {
    try {
      validateExperimentDocument(readDocument(text, 'e.yaml'));
    } catch (e) {
      if (e instanceof FileError) return e.issues.map((i) => `${i.line}:${i.col}: ${i.path}: ${issueMessage(i, lang)}`);
      throw e;
    }
    return [];
  };

  it('an empty scenario path and a too long title say what is expected, in English and Dutch', () => {
    const text = `format: two-fronts/experiment@1\nid: e\ntitle: "${'x'.repeat(501)}"\nscenario: ""\n`;
    expect(issuesOf(text)).toEqual(['3:8: title: text is at most 500 characters', '4:11: scenario: this text is required, so it cannot be empty']);
    expect(issuesOf(text, 'nl')).toEqual(['3:8: title: een tekst mag hoogstens 500 tekens hebben', '4:11: scenario: deze tekst is verplicht en mag dus niet leeg zijn']);
  });
});

describe('experiment problems in Dutch (validate --lang nl, batch --lang nl)', () => {
  /** The problems of an experiment (on the tutorial) in one language: `FILE:LINE:COL: path: message`. */
  function lines(text: string, lang: 'en' | 'nl'): string[] {
    try {
      load(text);
    } catch (e) {
      if (e instanceof FileError) return e.issues.map((i) => issueLine(i, lang));
      throw e;
    }
    return [];
  }
  /** English words a Dutch message must not hold; quoted texts, { } and [ ] examples and docs/… are data. */
  const ENGLISH = ['the', 'is not', 'must', 'give', 'and', 'with', 'makes', 'invalid', 'did you mean', 'expected', 'unknown', 'has no', 'needs', 'at most', 'at least', 'value', 'values', 'a list', 'gives', 'does', 'every', 'design', 'number', 'level', 'choose', 'already', 'whole'];
  const englishIn = (line: string) => {
    const message = line.replace(/"[^"]*"|\{[^{}]*\}|\[[^\]]*\]|docs\/\S+/g, ' ');
    return ENGLISH.filter((w) => new RegExp(`(^|[^\\w-])${w}([^\\w-]|$)`, 'i').test(message));
  };

  /** Each case: the Dutch lines; each at the place its English line names, and with no English prose in it. */
  function expectDutch(text: string, expected: string[]): void {
    const nl = lines(text, 'nl');
    expect(nl).toEqual(expected);
    const place = (l: string) => /^[^:]+:\d+:\d+: [^ ]+: /.exec(l)?.[0];
    expect(nl.map(place)).toEqual(lines(text, 'en').map(place));
    for (const l of nl) expect(englishIn(l.slice(place(l)!.length)), l).toEqual([]);
  }

  it('factor specifications: a range upside down, a level that is not one', () => {
    expectDutch(head + 'factors:\n  model.decisiveness: { min: 3, max: 2, steps: 2 }\n  model.horizon: [1, [2], 1]\n  model.lambda: 5\n', [
      'exp.yaml:5:38: factors.model.decisiveness.max: max (2) moet groter zijn dan min (3)',
      'exp.yaml:6:22: factors.model.horizon[1]: geen geldig niveau (gevonden: een lijst): een niveau is een getal, een tekst of true/false',
      'exp.yaml:6:27: factors.model.horizon[2]: niveau 1 staat er twee keer in',
      'exp.yaml:7:17: factors.model.lambda: geen geldige factor (gevonden: 5): geef een lijst niveaus [a, b], een bereik { min, max } of een vermenigvuldiger { scale: { min, max } }',
    ]);
  });

  it('designs: samples missing, bootstrap and steps where the design has no use for them, too many points', () => {
    expectDutch(head + 'design: { type: lhs, bootstrap: 200 }\nfactors:\n  model.decisiveness: { min: 1, max: 2, steps: 3 }\n', [
      'exp.yaml:4:17: design.type: een lhs-ontwerp heeft "samples" nodig (het aantal punten)',
      'exp.yaml:4:22: design.bootstrap: bootstrap is voor sobol- en morris-ontwerpen (het aantal herhalingen voor de intervallen van hun indices); een lhs-ontwerp heeft die niet',
      'exp.yaml:6:41: factors.model.decisiveness.steps: steps geldt alleen voor factorial-ontwerpen; een lhs-ontwerp trekt zijn steekproef uit het hele bereik { min, max } (voeg integer: true toe voor gehele getallen): haal "steps" weg',
    ]);
    expectDutch(head + 'design: { type: morris, samples: 2, levels: 3 }\nfactors:\n  model.decisiveness: { min: 1, max: 2 }\n', [
      'exp.yaml:4:45: design.levels: levels moet even zijn (nu 3); 4 is de gebruikelijke keuze',
    ]);
    const ten = `[${Array.from({ length: 10 }, (_, i) => i + 1).join(', ')}]`;
    expectDutch(head + `factors:\n${['decisiveness', 'horizon', 'lobbyingEfficacy', 'relationshipGain', 'businessCaseEffect', 'sponsorshipBoost', 'perceptionNoise', 'churnSensitivity'].map((p) => `  model.${p}: ${ten}\n`).join('')}`, [
      'exp.yaml:5:3: factors: dit factorial-ontwerp heeft 100.000.000 punten; het maximum is 10.000.000',
    ]);
  });

  it('factor paths: a typo with its suggestion, "*" on named keys (the scenario itself named in Dutch), an unknown id', () => {
    expectDutch(head + 'factors:\n  company.regim: [matrix]\n  "*.x": [1]\n  departments.risk.capacity: [1]\n  title: [1]\n', [
      'exp.yaml:5:3: factors.company.regim: company heeft geen sleutel "regim" (bedoel je "regime"?)',
      'exp.yaml:6:3: factors.*.x: het scenario: "*" staat voor elk element van een lijst; het scenario heeft sleutels met een naam: format, id, title, summary, briefing, quarters, seed, company, departments, accounts, kams, model, debrief',
      'exp.yaml:7:3: factors.departments.risk.capacity: departments heeft geen element met id "risk" (verwacht een van: engineering, service, product, legal); wijs lijstelementen aan met hun id, of met * voor alle',
      'exp.yaml:8:3: factors.title: title is een tekst, geen losse waarde die een factor kan variëren',
    ]);
    expectDutch(head + 'factors:\n  title.nl: ["x"]\n  model.priorityAccess: [0.2]\n', [
      'exp.yaml:5:3: factors.title.nl: title is een tekst, één keer geschreven of per taal als { en, nl }; een factor kan een tekst niet variëren, in geen enkele taal',
      'exp.yaml:6:3: factors.model.priorityAccess: model heeft geen sleutel "priorityAccess"; die sleutel is company.interventions.priorityAccess: schrijf dat pad',
    ]);
  });

  it('levels that do not suit the value, and what cannot be scaled', () => {
    expectDutch(head + 'factors:\n  company.interventions.kaAgendaItem: [yes]\n  quarters: { scale: [1, 2] }\n  company.regime: [matrx]\n', [
      'exp.yaml:5:39: factors.company.interventions.kaAgendaItem: "yes" is niet true of false (company.interventions.kaAgendaItem moet true of false zijn)',
      'exp.yaml:6:13: factors.quarters: quarters moet een geheel getal zijn en kan dus niet geschaald worden; geef niveaus of { min, max, integer: true }',
      'exp.yaml:7:19: factors.company.regime: "matrx" is niet een van departmental-pnl | account-pnl | matrix | exec-sponsored | utilization (bedoel je "matrix"?)',
    ]);
  });

  it('metrics: a near spelling, the metrics holding the word, no match at all', () => {
    expectDutch(head + 'metrics: [companyProfitt, profit, zzzzzz]\n', [
      'exp.yaml:4:11: metrics[0]: onbekende metriek "companyProfitt" (bedoel je "companyProfit"?); de reporters staan in docs/RESEARCH.md onder "The reporters"',
      'exp.yaml:4:27: metrics[1]: onbekende metriek "profit" (metrieken met "profit" in hun naam: companyProfit); de reporters staan in docs/RESEARCH.md onder "The reporters"',
      'exp.yaml:4:35: metrics[2]: onbekende metriek "zzzzzz"; de reporters staan in docs/RESEARCH.md onder "The reporters"',
    ]);
    expectDutch(head + 'metrics: []\n', ['exp.yaml:4:10: metrics: kies minstens één metriek']);
  });

  it('overlapping factors, a factor on a value set: fixes, an output column that clashes, the seed', () => {
    expectDutch(head + 'set: { model.decisiveness: 2 }\nfactors:\n  departments.*.capacity: [10, 20]\n  departments.legal.capacity: [30, 60]\n  model.decisiveness: [1, 3]\n  run_id: [1]\n  seed: [1]\n', [
      'exp.yaml:7:3: factors.departments.legal.capacity: geeft departments.legal.capacity een waarde, net als factor departments.*.capacity; een waarde kan maar door één factor gegeven worden (een scale-factor erop vermenigvuldigt die waarde)',
      'exp.yaml:8:3: factors.model.decisiveness: geeft model.decisiveness een waarde die set: al vastlegt (model.decisiveness); varieer hem hier of leg hem daar vast, niet allebei',
      'exp.yaml:9:3: factors.run_id: de uitvoerkolom van deze factor zou "run_id" heten, en die kolom staat al in elke rij van een run',
      'exp.yaml:10:3: factors.seed: de seed van elke run komt uit de seed van het experiment, het ontwerppunt en de replicatie (zie de handleiding voor onderzoekers, Seeds); de eigen seed van het scenario wordt in een batch niet gebruikt, dus varieer liever het aantal replicaties (replications)',
    ]);
  });

  it('a Sobol\' design with fewer than two base samples is refused, and one with few is warned about', () => {
    const sobol = (n: number) => head + `design: { type: sobol, samples: ${n} }\nfactors:\n  model.decisiveness: { min: 1, max: 3 }\n`;
    expect(problems(sobol(1))).toEqual(['exp.yaml:4:33: design.samples: a sobol design needs samples of at least 2 (found 1): with fewer base samples the indices cannot be estimated']);
    expect(problems(sobol(16))).toEqual([]);
    expect(load(sobol(16)).notes.map((i) => formatIssue(i))).toEqual([
      "exp.yaml:4:33: design.samples: samples 16 gives rough Sobol' indices: wide intervals, and a first-order index can come out above its total; 64 or more is usual",
    ]);
    expect(load(sobol(64)).notes).toEqual([]);
  });

  it('two factors whose output columns would share a name are refused at the second (a department with the id "all")', () => {
    const withAll = loadScenario(readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8').replaceAll('legal', 'all'), 'tutorial.yaml').scenario;
    const text = head + 'factors:\n  departments.all.capacity: { scale: [1, 2] }\n  departments.*.capacity: { scale: [1, 3] }\n';
    const found = (lang: 'en' | 'nl') => {
      try {
        loadExperiment(readDocument(text, 'exp.yaml'), withAll);
      } catch (e) {
        if (e instanceof FileError) return e.issues.map((i) => issueLine(i, lang));
        throw e;
      }
      return [];
    };
    expect(found('en')).toEqual([
      'exp.yaml:6:3: factors.departments.*.capacity: its output column would be named "departments_all_capacity_scale", as that of the factor departments.all.capacity; the two could not be told apart in runs.csv (name an element by its id, or change an id)',
    ]);
    expect(found('nl')[0]).toContain('net als die van de factor departments.all.capacity');
  });

  it('a value that makes the scenario invalid: the scenario\'s own problem is in Dutch too', () => {
    expectDutch(head + 'factors:\n  model.decisiveness: [1, 50]\n  kams.*.charisma: { scale: [0.5, 2] }\n', [
      'exp.yaml:5:23: factors.model.decisiveness: waarde 50 maakt het scenario ongeldig: model.decisiveness: mag hoogstens 10 zijn (exponent)',
      'exp.yaml:6:20: factors.kams.*.charisma: vermenigvuldiger 0.5 maakt het scenario ongeldig: kams.daan.charisma: moet minstens 0.5 zijn (charisma, 0.5..1.5)',
    ]);
    expectDutch(head + 'factors:\n  company.interventions.priorityAccess: [0.5]\n  company.interventions.crossFunctionalPool: [0.55]\n', [
      'exp.yaml:4:1: factors: ontwerppunt 1 (company.interventions.priorityAccess=0.5, company.interventions.crossFunctionalPool=0.55) maakt het scenario ongeldig: company.interventions.priorityAccess: priorityAccess + crossFunctionalPool kunnen samen hoogstens alle capaciteit reserveren (de som is hoogstens 1); elke waarde is alleen wel geldig, maar niet samen met de andere',
    ]);
    // At the fixed value that makes it, not at set: itself.
    expectDutch(head + 'set: { departments.legal.capacity: -5 }\n', [
      'exp.yaml:4:36: set.departments.legal.capacity: met deze vaste waarden is het scenario ongeldig: departments.legal.capacity: moet minstens 0 zijn (expertdagen per kwartaal)',
    ]);
    expectDutch(head + 'set:\n  quarters: 0\n', ['exp.yaml:5:13: set.quarters: met deze vaste waarden is het scenario ongeldig: quarters: moet minstens 1 zijn (kwartalen in een run)']);
  });

  it('a document that fails the schema still has its factor specifications worded in Dutch', () => {
    const text = head + 'replications: 0\nfactors:\n  model.decisiveness: { min: 1, maks: 2 }\n';
    const dutch = () => {
      try {
        validateExperimentDocument(readDocument(text, 'exp.yaml'));
      } catch (e) {
        if (e instanceof FileError) return e.issues.map((i) => issueLine(i, 'nl'));
        throw e;
      }
      return [];
    };
    expect(dutch()).toEqual([
      'exp.yaml:4:15: replications: moet minstens 1 zijn (runs per ontwerppunt)',
      'exp.yaml:6:39: factors.model.decisiveness.maks: onbekende sleutel "maks" (verwacht: min, max, integer, steps, step)',
    ]);
  });
});
