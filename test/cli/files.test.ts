import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countLines, readLines } from '../../src/cli/output/files.js';
import { finishCommand, shellWord } from '../../src/cli/output/manifest.js';

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
  it('names the experiment file from the current folder, and quotes what a shell would split', () => {
    const abs = join(process.cwd(), 'my experiments', "Anna's sweep.yaml");
    expect(finishCommand({ path: 'elsewhere/typed.yaml', absolutePath: abs }, 'out dir', { index: 2, count: 4 })).toBe(
      `two-fronts batch 'my experiments/Anna'\\''s sweep.yaml' --out 'out dir' --shard 2/4 --resume`,
    );
    // Far from here, the absolute path is the shorter.
    expect(finishCommand({ path: 'x.yaml', absolutePath: '/x.yaml' }, 'out', null)).toBe(`two-fronts batch ${relative(process.cwd(), '/x.yaml').length < 7 ? relative(process.cwd(), '/x.yaml') : '/x.yaml'} --out out --resume`);
    // A manifest of an earlier version has only the path as typed.
    expect(finishCommand({ path: 'sweep.yaml' }, 'out', null)).toBe('two-fronts batch sweep.yaml --out out --resume');
    expect(shellWord('plain/path-1.yaml')).toBe('plain/path-1.yaml');
  });
});
