/**
 * Files made to be hard on the loader, each near the 1 MB limit: the loader
 * answers with its own problems (a FileError, never another exception), shows
 * at most MAX_PROBLEMS_SHOWN of them and counts the rest, and reads the file
 * at most twice. How fast it is, is measured by `two-fronts bench`, not here.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDocument as realParse } from 'yaml';
import { validateExperimentDocument } from '../../src/experiment/load.js';
import { FileError, MAX_FILE_BYTES, MAX_PROBLEMS_SHOWN, readDocument, type FileIssue } from '../../src/scenario/document.js';
import { HOSTILE_FILES } from '../../src/scenario/hostile.js';
import { loadScenario } from '../../src/scenario/load.js';

const reads = vi.hoisted(() => ({ count: 0, docs: [] as { errors: { code: string; pos: [number, number] }[] }[] }));
vi.mock('yaml', async (original) => {
  const yaml = await original<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      reads.count++;
      const doc = yaml.parseDocument(...args);
      reads.docs.push(doc);
      return doc;
    },
  };
});

beforeEach(() => {
  reads.count = 0;
  reads.docs = [];
});

function problemsOf(load: () => unknown): FileIssue[] {
  try {
    load();
  } catch (e) {
    if (e instanceof FileError) return e.issues;
    throw e;
  }
  throw new Error('the file was accepted');
}

const asScenario = (text: string) => () => loadScenario(text, 'hostile.yaml');
const asExperiment = (text: string) => () => validateExperimentDocument(readDocument(text, 'hostile.yaml'));

describe('hostile files near 1 MB', () => {
  for (const { name, text } of HOSTILE_FILES) {
    it(`${name}: its own problems, at most ${MAX_PROBLEMS_SHOWN} and a count of the rest, from at most two reads`, { timeout: 120_000 }, () => {
      expect(new TextEncoder().encode(text).length).toBeGreaterThan(0.8 * MAX_FILE_BYTES);
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_FILE_BYTES);
      const lineCount = text.split('\n').length;
      for (const load of [asScenario(text), asExperiment(text)]) {
        reads.count = 0;
        const issues = problemsOf(load);
        expect(reads.count).toBeLessThanOrEqual(2);
        expect(issues.length).toBeGreaterThan(0);
        expect(issues.length).toBeLessThanOrEqual(MAX_PROBLEMS_SHOWN + 1);
        for (const i of issues) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.line).toBeLessThanOrEqual(lineCount);
          expect(i.message).not.toBe('');
        }
        // Only the last line may count the rest, and it counts them all.
        expect(issues.slice(0, -1).some((i) => i.code === 'file.more-problems')).toBe(false);
        const last = issues[issues.length - 1]!;
        if (last.code === 'file.more-problems') expect(issues).toHaveLength(MAX_PROBLEMS_SHOWN + 1);
        // Shown in the order they are in the file.
        const sorted = [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
        if (last.code !== 'file.more-problems') expect(issues).toEqual(sorted);
      }
    });
  }

  it('thousands of unknown keys: the first fifty shown, every other one counted', { timeout: 120_000 }, () => {
    const keys = 60_000;
    const text = `format: two-fronts/scenario@1\n${Array.from({ length: keys }, (_, i) => `k${i}: 1\n`).join('')}`;
    const issues = problemsOf(asScenario(text));
    const last = issues[MAX_PROBLEMS_SHOWN]!;
    expect(last.code).toBe('file.more-problems');
    // Every unknown key and every required key missing, once.
    expect(MAX_PROBLEMS_SHOWN + Number(last.params.count)).toBeGreaterThanOrEqual(keys);
    expect(issues.filter((i) => i.code.startsWith('key.unknown')).map((i) => i.path)).toEqual(Array.from({ length: 45 }, (_, i) => `k${i}`));
  });

  it('a thousand reserved keys in a list: fifty shown, the rest counted', () => {
    const text = `format: two-fronts/scenario@1\naccounts:\n${'  - __proto__: 1\n'.repeat(1000)}`;
    const issues = problemsOf(asScenario(text));
    expect(issues).toHaveLength(MAX_PROBLEMS_SHOWN + 1);
    expect(issues[0]).toMatchObject({ line: 3, col: 5, path: 'accounts[0].__proto__', code: 'file.forbidden-key' });
    expect(issues[49]).toMatchObject({ path: 'accounts[49].__proto__' });
    expect(issues[50]).toMatchObject({ code: 'file.more-problems', params: { count: 950 } });
  });
});

describe('keys given twice', () => {
  // Keys from a small set, so that some come twice; some keys hold a mapping of their own.
  const mapping = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '"a"', "'b'", '1', '"1"'), fc.option(fc.array(fc.constantFrom('x', 'y', '"x"'), { minLength: 1, maxLength: 3 }))), {
    minLength: 1,
    maxLength: 8,
  });
  const written = (pairs: [string, string[] | null][], flow: boolean) =>
    pairs.map(([k, inner]) => (inner === null ? `${k}: 1\n` : flow ? `${k}: { ${inner.map((x) => `${x}: 2`).join(', ')} }\n` : `${k}:\n${inner.map((x) => `  ${x}: 2\n`).join('')}`)).join('');

  it('are found where the YAML parser\'s own check finds them, among its other errors as it has them', () => {
    fc.assert(
      fc.property(mapping, fc.boolean(), (pairs, flow) => {
        const text = written(pairs, flow);
        // Read as the loader reads (every key a text: 1 and "1" are the same key), with the parser's own check.
        const own = realParse(text, { uniqueKeys: true, stringKeys: true, strict: true, prettyErrors: false });
        reads.docs = [];
        try {
          readDocument(text, 'twice.yaml');
        } catch (e) {
          if (!(e instanceof FileError)) throw e;
        }
        const first = reads.docs[0]!;
        expect(first.errors.map((e) => `${e.code}@${e.pos.join('-')}`)).toEqual(own.errors.map((e) => `${e.code}@${e.pos.join('-')}`));
      }),
      { numRuns: 300 },
    );
  });

  it('a file whose only problem is keys given twice is not read again for its values: they are the last given', () => {
    const doc = readDocument('a: 1\nb:\n  x: 1\n  x: 2\na: 3\n', 'twice.yaml');
    // The file, then the file with each key given twice blanked in turn (to see what else is wrong); not once more for the values.
    expect(reads.count).toBe(3);
    expect(doc.value).toEqual({ a: 3, b: { x: 2 } });
    expect(doc.problems?.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual(['4:3 file.duplicate-key', '5:1 file.duplicate-key']);
  });
});
