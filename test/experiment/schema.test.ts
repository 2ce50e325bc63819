import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/commands/schema.js';
import { readDocument } from '../../src/scenario/document.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadExperiment, validateExperimentDocument } from '../../src/experiment/load.js';
import { REPORTERS } from '../../src/sim/reporters.js';
import { ROOT } from '../helpers.js';

describe('experiment format', () => {
  it('schema/experiment.schema.json is generated from the current zod schema (run npm run schema when this fails)', () => {
    expect(readFileSync(join(ROOT, 'schema/experiment.schema.json'), 'utf8')).toBe(schemaText('experiment'));
  });

  const shipped = readdirSync(join(ROOT, 'experiments')).filter((f) => f.endsWith('.yaml'));
  for (const f of shipped) {
    it(`experiments/${f} is valid against its scenario and names the schema for editors`, () => {
      const file = join(ROOT, 'experiments', f);
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=../schema/experiment.schema.json')).toBe(true);
      const doc = readDocument(text, file);
      const scenarioPath = resolve(dirname(file), validateExperimentDocument(doc).scenario);
      const x = loadExperiment(doc, loadScenario(readFileSync(scenarioPath, 'utf8'), scenarioPath).scenario);
      expect(x.design.size).toBeGreaterThan(0);
    });
  }

  it('docs/RESEARCH.md has a dictionary row for every reporter and shows the cluster scripts it ships', () => {
    const doc = readFileSync(join(ROOT, 'docs/RESEARCH.md'), 'utf8');
    for (const r of REPORTERS) {
      const name = r.per === 'company' ? r.name : `${r.name}.<${r.per}>`;
      expect(doc, name).toContain(`| \`${name}\` |`);
    }
    for (const f of ['docs/cluster/slurm-array.sh', 'docs/cluster/k8s-indexed-job.yaml']) expect(readFileSync(join(ROOT, f), 'utf8')).toContain('--shard');
  });
});
