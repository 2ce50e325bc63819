/**
 * `--lang nl` on run: everything the command says
 * on the screen, and its errors, in Dutch (with Dutch numbers), and the files
 * it writes byte for byte those of `--lang en` (manifests but for their times).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/cli/table.js';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/two-fronts.js');
const TUTORIAL = join(ROOT, 'scenarios/tutorial.yaml');

function cli(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const read = (p: string) => readFileSync(p, 'utf8');

/** A file as written, with a manifest's times (which differ between any two runs) set aside. */
const content = (path: string) => (path.endsWith('manifest.json') ? read(path).replace(/"(started|finished|at)": "[^"]*"/g, '"$1": "…"') : readFileSync(path).toString('base64'));

/** Every file of folder `a` is in folder `b` with the same bytes, and `b` has no other file. */
function expectSameFiles(a: string, b: string): void {
  const files = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(files);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect(content(join(b, f)), f).toBe(content(join(a, f)));
}

/** English words a Dutch screen must not show (ids, file, column and metric names are data and may). */
function englishIn(text: string, words: readonly string[]): string[] {
  return words.filter((w) => new RegExp(`(^|[^\\w-])${w}([^\\w-]|$)`).test(text));
}

let dir: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/workers/batch.worker.js'))) throw new Error('dist/ is missing: run npm run build first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'tf-lang-'));
});

describe('run --lang nl', () => {
  it('prints the summary in Dutch (title, headings, seats, totals, decimal commas) and writes the files --lang en writes', () => {
    const en = cli(['run', 'scenarios/pnl-trap.yaml', '--seed', '7', '--lang', 'en', '--out', join(dir, 'run-en')], ROOT);
    const nl = cli(['run', 'scenarios/pnl-trap.yaml', '--seed', '7', '--lang', 'nl', '--out', join(dir, 'run-nl')], ROOT);
    expect(en.code).toBe(0);
    expect(nl.code).toBe(0);
    expect(nl.err).toBe('');
    const lines = nl.out.split('\n');
    expect(lines[0]).toBe('De P&L-val (pnl-trap) · seed 7 · departmental-pnl · 12 kwartalen');
    for (const word of ['kwartaal', 'winst k€', 'omzet k€', 'tevredenheid', 'afstemming', 'rol', 'speler (analist)', 'zwaargewicht', 'afdeling', 'bedrijfswinst', 'strategische kloof', 'misallocatie', 'resultaat'])
      expect(nl.out).toContain(word);
    expect(nl.out).toMatch(/ 0,\d\d\b/);
    expect(nl.out).toMatch(/ \d\.\d{3}\b/);
    expect(englishIn(nl.out, ['quarter', 'quarters', 'profit', 'revenue', 'satisfaction', 'fulfilment', 'churned', 'seat', 'player', 'analyst', 'heavyweight', 'department', 'company', 'strategic gap', 'result'])).toEqual([]);
    // The same run: the same numbers, only written the Dutch way.
    expect(nl.out.trimEnd().split('\n').at(-1)).toBe(en.out.trimEnd().split('\n').at(-1)!.replace('result', 'resultaat'));
    expectSameFiles(join(dir, 'run-en'), join(dir, 'run-nl'));
  });

  it('words its errors in Dutch, usage errors with a Dutch hint; a language other than en or nl is a usage error', () => {
    const missing = cli(['run', 'nothere.yaml', '--lang', 'nl']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('two-fronts: nothere.yaml: dit bestand bestaat niet\n');
    const seed = cli(['run', TUTORIAL, '--seed', 'abc', '--lang', 'nl']);
    expect(seed.code).toBe(2);
    expect(seed.err).toBe('two-fronts: --seed moet een geheel getal zijn, niet "abc"\n(two-fronts --help toont het gebruik)\n');
    const regime = cli(['run', TUTORIAL, '--regime', 'matrx', '--lang', 'nl']);
    expect(regime.code).toBe(2);
    expect(regime.err).toContain('(bedoel je "matrix"?)');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, read(TUTORIAL).replace('capacity: 32,', 'capacity: -32,'));
    const invalid = cli(['run', broken, '--lang', 'nl']);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^.*broken\.yaml:\d+:\d+: departments\[\d\]\.capacity: moet minstens 0 zijn/);
    const other = cli(['run', TUTORIAL, '--lang', 'xx']);
    expect(other.code).toBe(2);
    expect(other.err).toContain('--lang must be one of en, nl, not "xx"');
    expect(other.err).toContain('(run two-fronts --help for usage)');
  });

  it('writes numbers in terminal tables the Dutch way: decimal comma, thousands with a dot, mln/mld/bln', () => {
    expect(formatNumber(12.345, 2, 'nl')).toBe('12,35');
    expect(formatNumber(-6509.2, 2, 'nl')).toBe('-6.509');
    expect(formatNumber(1_234_567, 2, 'nl')).toBe('1,23 mln');
    expect(formatNumber(-4.2e9, 2, 'nl')).toBe('-4,20 mld');
    expect(formatNumber(1.234e18, 2, 'nl')).toBe('1.234.000,00 bln');
    expect(formatNumber(1.005, 2, 'nl')).toBe(formatNumber(1.005, 2, 'en').replace('.', ','));
  });
});
