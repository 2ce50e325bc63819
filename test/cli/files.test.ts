import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countLines, readLines } from '../../src/cli/output/files.js';

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
