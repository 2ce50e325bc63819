/**
 * The documents' tables are generated from the code (scripts/docs-tables.ts):
 * these tests fail when a table in docs/MODEL.md or scenarios/README.md no
 * longer matches what the code gives, so a parameter, reporter or scenario
 * key cannot change without its documentation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS, generatedBlocks, keyDocProblems, paramGroupProblems, renderBlock } from '../scripts/docs-tables.js';
import { FileError, formatIssue } from '../src/scenario/document.js';
import { loadScenario } from '../src/scenario/load.js';
import { ROOT } from './helpers.js';

describe('generated documentation', () => {
  for (const doc of DOCUMENTS) {
    it(`${doc.file} holds every generated table it should`, () => {
      const names = generatedBlocks(readFileSync(join(ROOT, doc.file), 'utf8')).map((b) => b.name);
      expect(doc.blocks.filter((b) => !names.includes(b)), `${doc.file} lacks generated blocks`).toEqual([]);
    });

    it(`${doc.file}: every generated table is what the code gives now (run npm run docs)`, () => {
      for (const block of generatedBlocks(readFileSync(join(ROOT, doc.file), 'utf8'))) {
        expect(block.body, `${doc.file}: the table "${block.name}" is out of date; run npm run docs`).toBe(renderBlock(block.name));
      }
    });
  }

  it('every scenario key has a plain-words meaning, and no meaning is left for a key that is gone', () => {
    expect(keyDocProblems()).toEqual([]);
  });

  it('every model parameter is in exactly one group of the parameter tables', () => {
    expect(paramGroupProblems()).toEqual([]);
  });

  it('the minimal scenario of the trainer\'s guide is a valid scenario', () => {
    const guide = readFileSync(join(ROOT, 'scenarios/README.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## A minimal scenario'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example, 'scenarios/README.md has a yaml example under "A minimal scenario"').toBeDefined();
    expect(() => loadScenario(example!, 'minimal.yaml')).not.toThrow();
  });

  it('the guide\'s example of a file with typing mistakes gets the very answer the guide shows', () => {
    const guide = readFileSync(join(ROOT, 'scenarios/README.md'), 'utf8');
    const section = guide.slice(guide.indexOf('### Check the file'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    const answer = /the validator answers:\n\n```text\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example, 'scenarios/README.md has a yaml example under "Check the file"').toBeDefined();
    expect(answer, 'scenarios/README.md shows the validator\'s answer under "Check the file"').toBeDefined();
    let said: string[] = [];
    try {
      loadScenario(example!, 'my-scenario.yaml');
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      said = e.issues.map(formatIssue);
    }
    expect(said).toEqual(answer!.trimEnd().split('\n'));
  });

  it('the minimal scenario\'s schema line points at the schema from where the guide says to save the file', () => {
    const guide = readFileSync(join(ROOT, 'scenarios/README.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## A minimal scenario'), guide.indexOf('## How the file is written'));
    const schema = /\$schema=(\S+)/.exec(section)?.[1];
    const saved = /Save it as `([^`]+)`/.exec(section)?.[1];
    expect(schema).toBeDefined();
    expect(saved).toBeDefined();
    expect(existsSync(join(ROOT, dirname(saved!), schema!)), `${schema} from ${saved}`).toBe(true);
  });
});
