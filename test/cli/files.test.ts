import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countLines, readLines } from '../../src/cli/output/files.js';
import { finishCommand } from '../../src/cli/output/manifest.js';
import { shellWord } from '../../src/scenario/document.js';
import { makeLevels } from '../../src/cli/io.js';
import { systemRefusal } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'two-fronts-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function both(name: string, text: string): [number, number] {
  const path = join(dir, name);
  writeFileSync(path, text);
  return [countLines(path), [...readLines(path)].length];
}

describe('countLines', () => {
  it('counts complete lines as readLines yields them, a torn last line left out', () => {
    expect(both('a.csv', 'x,y\n1,2\n3,4\n')).toEqual([3, 3]);
    expect(both('b.csv', 'x,y\n1,2\n3,')).toEqual([2, 2]);
    expect(both('c.csv', '')).toEqual([0, 0]);
    expect(both('d.csv', 'a\r\nb\r\n')).toEqual([2, 2]);
  });

  it('counts across read blocks', () => {
    // Lines of 1,000 bytes, some straddling the 1 MiB block boundary, and a torn end.
    const line = `${'9'.repeat(999)}\n`;
    expect(both('big.csv', line.repeat(2500) + '12')).toEqual([2500, 2500]);
  });

  it('is zero for a missing file', () => {
    expect(countLines(join(dir, 'none.csv'))).toBe(0);
  });
});

describe('finishCommand', () => {
  it('names the experiment file from the current folder when it is on this machine, and quotes what a shell would split', () => {
    // The tests run in the project's folder: a file in it is named by its path from there.
    expect(process.cwd()).toBe(ROOT);
    const here = join(ROOT, 'scenarios', 'tutorial.yaml');
    expect(finishCommand({ path: 'elsewhere/typed.yaml', absolutePath: here }, 'out', null)).toBe('two-fronts batch scenarios/tutorial.yaml --out out --resume');
    // One far from here by its absolute path, the shorter; a folder with a space made safe for a shell.
    expect(finishCommand({ path: 'x.yaml', absolutePath: '/dev/null' }, 'out dir', { index: 2, count: 4 })).toBe("two-fronts batch /dev/null --out 'out dir' --shard 2/4 --resume");
    expect(shellWord("my dir/Anna's sweep.yaml")).toBe(`'my dir/Anna'\\''s sweep.yaml'`);
    // Not on this machine (a shard made in a cluster's pod): the path as it was typed there.
    expect(finishCommand({ path: 'experiments/sweep.yaml', absolutePath: '/app/experiments/sweep.yaml' }, 'out', null)).toBe('two-fronts batch experiments/sweep.yaml --out out --resume');
    // A manifest of an earlier version has only the path as typed.
    expect(finishCommand({ path: 'sweep.yaml' }, 'out', null)).toBe('two-fronts batch sweep.yaml --out out --resume');
    expect(shellWord('plain/path-1.yaml')).toBe('plain/path-1.yaml');
  });
});

describe('makeLevels', () => {
  it('takes a folder another process made first as made, and still refuses a file in its place', () => {
    const base = join(dir, 'race');
    const levels = [base, join(base, 'shards'), join(base, 'shards', 'shard-1')];
    // The other process wins every race: each folder exists by the time this one's mkdir runs.
    const late = (p: string) => {
      mkdirSync(p);
      throw Object.assign(new Error(`EEXIST: ${p}`), { code: 'EEXIST' });
    };
    makeLevels(levels, late);
    expect(statSync(levels[2]!).isDirectory()).toBe(true);
    writeFileSync(join(dir, 'a-file'), '');
    expect(() => makeLevels([join(dir, 'a-file')], () => {
      throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
    })).toThrow('EEXIST');
  });
});

describe('systemRefusal', () => {
  const err = (code: string, syscall: string, path = 'out/runs.csv') => Object.assign(new Error(code), { code, syscall, path });
  it('words what the system refused on a named path, without guessing reading or writing where open does both', () => {
    expect(systemRefusal(err('EISDIR', 'read'), 'en')).toBe('out/runs.csv: is a folder, not a file');
    expect(systemRefusal(err('ENOENT', 'open'), 'en')).toBe('out/runs.csv: no such file');
    expect(systemRefusal(err('ENOENT', 'scandir', 'out'), 'en')).toBe('out: no such folder');
    expect(systemRefusal(err('EACCES', 'open'), 'en')).toBe('out/runs.csv: cannot open (EACCES)');
    expect(systemRefusal(err('EACCES', 'read'), 'en')).toBe('out/runs.csv: cannot read (EACCES)');
    expect(systemRefusal(err('ENOSPC', 'write'), 'nl')).toBe('out/runs.csv: kan niet worden geschreven (ENOSPC)');
    // Anything else is not the user's to fix: left to the internal-error report.
    expect(systemRefusal(new TypeError('x is undefined'), 'en')).toBeNull();
    expect(systemRefusal(Object.assign(new Error('no path'), { code: 'EPIPE', syscall: 'write' }), 'en')).toBeNull();
  });
});
