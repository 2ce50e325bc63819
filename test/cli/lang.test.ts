/**
 * `--lang nl` on validate, run, batch, merge, summarize and report:
 * everything the command says on the screen, and its errors, in Dutch (with
 * Dutch numbers), and the files it writes byte for byte those of `--lang en`
 * (manifests but for their times).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Progress, type ProgressStream } from '../../src/cli/progress.js';
import { formatNumber } from '../../src/cli/table.js';
import { BIN, cli as runCli, exitOf } from '../cli-process.js';
import { ROOT } from '../helpers.js';

const TUTORIAL = join(ROOT, 'scenarios/tutorial.yaml');

const cli = (args: string[], cwd = dir) => runCli(args, cwd);

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
let tiny: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/workers/batch.worker.js'))) throw new Error('dist/ is missing: run npm run build first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'tf-lang-'));
  // Five regimes × two replicates of the tutorial, three quarters each: ten quick runs.
  tiny = join(dir, 'tiny.yaml');
  writeFileSync(
    tiny,
    `format: two-fronts/experiment@1\nid: tiny\nscenario: ${JSON.stringify(TUTORIAL)}\nreplications: 2\nseed: 3\nset: { quarters: 3 }\nfactors:\n  company.regime: [departmental-pnl, account-pnl, matrix, exec-sponsored, utilization]\nperQuarter: true\n`,
  );
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

describe('batch --lang nl', () => {
  it('says its summary line and progress in Dutch and writes the files --lang en writes (every format)', () => {
    const en = cli(['batch', tiny, '--out', 'b-en', '--format', 'csv,jsonl,parquet', '--lang', 'en']);
    const nl = cli(['batch', tiny, '--out', 'b-nl', '--format', 'csv,jsonl,parquet', '--lang', 'nl']);
    expect(en.code).toBe(0);
    expect(nl.code).toBe(0);
    expect(nl.out).toBe('tiny: 10 runs · 5 ontwerppunten × 2 replicaties · runs.csv, quarters.csv, runs.jsonl, quarters.jsonl, runs.parquet, quarters.parquet in b-nl\n');
    expect(nl.err).toMatch(/batch: 10 runs in b-nl \(10 runs in \d+:\d\d, \d+ runs\/s\)\n$/);
    expect(englishIn(nl.err, ['resuming', 'ETA', 'stopping'])).toEqual([]);
    expectSameFiles(join(dir, 'b-en'), join(dir, 'b-nl'));
    const resumed = cli(['batch', tiny, '--out', 'b-nl', '--resume', '--lang', 'nl']);
    expect(resumed.code).toBe(0);
    expect(resumed.err.split('\n')[0]).toBe('batch: hervat bij 10 van 10 runs');
  });

  it('groups counts of a thousand and more as Dutch writes them (1.200 replicaties, 1.200 runs)', () => {
    const many = join(dir, 'many.yaml');
    writeFileSync(many, `format: two-fronts/experiment@1\nid: many\nscenario: ${JSON.stringify(TUTORIAL)}\nreplications: 1200\nset: { quarters: 1 }\nmetrics: [companyProfit]\n`);
    const nl = cli(['batch', many, '--out', 'many-nl', '--lang', 'nl']);
    expect(nl.code).toBe(0);
    expect(nl.out).toBe('many: 1.200 runs · 1 ontwerppunt × 1.200 replicaties · runs.csv in many-nl\n');
    expect(nl.err).toMatch(/batch: 1\.200 runs in many-nl \(1\.200 runs in \d+:\d\d, (\d{1,3}|\d\.\d{3}) runs\/s\)\n$/);
  });

  it('refuses in Dutch: a folder with a batch, another experiment, a damaged folder, an invalid design point, a bad option, a missing scenario', () => {
    const again = cli(['batch', tiny, '--out', 'b-nl', '--lang', 'nl']);
    expect(again.code).toBe(1);
    expect(again.err).toBe('two-fronts: b-nl bevat al een batch (tiny, voltooid); voeg --resume toe om die af te maken, of kies een andere map voor --out\n');
    const other = join(dir, 'other.yaml');
    writeFileSync(other, read(tiny).replace('seed: 3', 'seed: 4'));
    const mixed = cli(['batch', other, '--out', 'b-nl', '--resume', '--lang', 'nl']);
    expect(mixed.code).toBe(1);
    expect(mixed.err).toContain('kan niet hervatten: b-nl is gemaakt door een ander experiment');
    expect(mixed.err).toContain(': seed is hier 4, in de map 3. Resultaten van twee experimenten worden nooit gemengd: hervat met ');

    cpSync(join(dir, 'b-en'), join(dir, 'damaged'), { recursive: true });
    const manifest = JSON.parse(read(join(dir, 'damaged/manifest.json')));
    writeFileSync(join(dir, 'damaged/manifest.json'), JSON.stringify({ ...manifest, status: 'running' }));
    writeFileSync(join(dir, 'damaged/runs.csv'), read(join(dir, 'damaged/runs.csv')).replace(/\n2,/, '\n7,'));
    const damaged = cli(['batch', tiny, '--out', 'damaged', '--resume', '--format', 'csv,jsonl,parquet', '--lang', 'nl']);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toBe('two-fronts: kan niet hervatten: rij 2 van damaged/runs.csv bevat run 7 waar run 2 hoort; de map is beschadigd\n');

    // Each share is valid alone; together they reserve more than all capacity.
    const point = join(dir, 'point.yaml');
    writeFileSync(
      point,
      `format: two-fronts/experiment@1\nid: point\nscenario: ${JSON.stringify(TUTORIAL)}\nreplications: 1\nseed: 3\ndesign: { type: factorial }\nfactors:\n  company.interventions.priorityAccess: [0.2, 0.7]\n  company.interventions.crossFunctionalPool: [0.2, 0.7]\n`,
    );
    const invalid = cli(['batch', point, '--out', 'point', '--lang', 'nl']);
    expect(invalid.code).toBe(1);
    // Found when the experiment is loaded, at factors:, before the folder is made.
    expect(invalid.err).toMatch(/^[^\n]*point\.yaml:7:1: factors: ontwerppunt 4 \(.*\) maakt het scenario ongeldig: company\.interventions\.priorityAccess: .*hoogstens.*niet samen met de andere\n$/);
    expect(existsSync(join(dir, 'point'))).toBe(false);
    expect(englishIn(invalid.err, ['design point', 'makes the scenario invalid', 'at most'])).toEqual([]);

    const format = cli(['batch', tiny, '--out', 'x', '--format', 'xml', '--lang', 'nl']);
    expect(format.code).toBe(2);
    expect(format.err).toBe('two-fronts: --format: onbekend formaat "xml"; kies csv, jsonl of parquet (meerdere gescheiden door komma\'s)\n(two-fronts --help toont het gebruik)\n');
    const lost = join(dir, 'lost.yaml');
    writeFileSync(lost, read(tiny).replace(JSON.stringify(TUTORIAL), 'nowhere.yaml'));
    const noScenario = cli(['batch', lost, '--out', 'x', '--lang', 'nl']);
    expect(noScenario.code).toBe(1);
    expect(noScenario.err).toMatch(/lost\.yaml:\d+:\d+: scenario: dit scenariobestand bestaat niet: .*nowhere\.yaml/);
    expect(cli(['batch', tiny, '--out', 'x', '--lang', 'xx']).code).toBe(2);
  });

  it('Ctrl-C: the stopping line and the command to go on are in Dutch', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, read(tiny).replace('id: tiny', 'id: big').replace('replications: 2', 'replications: 200000').replace('set: { quarters: 3 }', 'set: { quarters: 8 }'));
    const child = spawn(process.execPath, [BIN, 'batch', big, '--out', 'stopped', '--workers', '1', '--lang', 'nl'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += String(b)));
    const runsFile = join(dir, 'stopped/runs.csv');
    const t0 = Date.now();
    // A million runs: the batch is far from done when the signal comes, however slow the machine.
    while (!(existsSync(runsFile) && read(runsFile).split('\n').length > 3) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 5));
    expect(read(runsFile).split('\n').length, err).toBeGreaterThan(3);
    child.kill('SIGINT');
    const code = await exitOf(child);
    expect(code).toBe(130);
    expect(err).toContain('batch: stopt na de runs die nu lopen (nog een keer Ctrl-C om meteen te stoppen)');
    expect(err).toMatch(/batch: gestopt bij [\d.]+ van 1\.000\.000 runs; ga verder met: two-fronts batch .*big\.yaml --out stopped --resume \([\d.]+ runs? in /);
  });

  it('draws the progress bar and writes the plain progress lines in Dutch, with Dutch numbers', () => {
    let clock = 0;
    const written: string[] = [];
    const stream: ProgressStream = { write: (s: string) => written.push(s), isTTY: true, columns: 100 };
    const bar = new Progress('batch', 2000, 0, 'tty', 'nl', stream, 5000, () => clock);
    clock = 2000;
    bar.update(15);
    const redraw = '\r\x1b[2Kbatch ';
    expect(written.at(-1)!.startsWith(redraw)).toBe(true);
    expect(written.at(-1)!.slice(redraw.length)).toMatch(/^[█░]+ 15\/2\.000 runs \(0,8%\) · 7,5 runs\/s · nog 4:25$/);
    clock = 4000;
    bar.update(1250);
    bar.finish('1.250 runs in out');
    expect(written.at(-1)).toBe('\r\x1b[2Kbatch: 1.250 runs in out (1.250 runs in 0:04, 313 runs/s)\n');
    const plain: string[] = [];
    const lines = new Progress('summarize', 1500, 1200, 'plain', 'nl', { write: (s: string) => plain.push(s) }, 0, () => clock);
    clock = 4500;
    lines.update(1201);
    expect(plain).toEqual(['summarize: hervat bij 1.200 van 1.500 runs\n', 'summarize: 1.201/1.500 runs (80,1%) · 2,0 runs/s · nog 2:30\n']);
  });
});

describe('merge --lang nl', () => {
  beforeAll(() => {
    for (const k of [1, 2]) expect(cli(['batch', tiny, '--out', `shard${k}`, '--shard', `${k}/2`, '--quiet']).code).toBe(0);
  });

  it('says what it merged in Dutch and writes the files --lang en writes', () => {
    const en = cli(['merge', 'shard1', 'shard2', '--out', 'm-en', '--lang', 'en']);
    const nl = cli(['merge', 'shard1', 'shard2', '--out', 'm-nl', '--lang', 'nl']);
    expect(en.code).toBe(0);
    expect(en.out).toBe('merged 2 shards of tiny: 10 runs in m-en\n');
    expect(nl.code).toBe(0);
    expect(nl.out).toBe('2 shards van tiny samengevoegd: 10 runs in m-nl\n');
    expect(englishIn(nl.out, ['merged', 'of'])).toEqual([]);
    expectSameFiles(join(dir, 'm-en'), join(dir, 'm-nl'));
  });

  it('refuses in Dutch: a shard given twice, a missing shard, a whole experiment, a folder that is not empty', () => {
    const twice = cli(['merge', 'shard1', 'shard1', '--out', 'm2', '--lang', 'nl']);
    expect(twice.code).toBe(1);
    expect(twice.err).toBe('two-fronts: merge: shard 1/2 is twee keer opgegeven (shard1 en shard1)\n');
    expect(cli(['merge', 'shard2', '--out', 'm3', '--lang', 'nl']).err).toBe('two-fronts: merge: shard 1/2 ontbreekt\n');
    expect(cli(['merge', 'shard1', 'm-en', '--out', 'm4', '--lang', 'nl']).err).toContain('bevat een heel experiment, geen shard');
    const full = cli(['merge', 'shard1', 'shard2', '--out', 'm-nl', '--lang', 'nl']);
    expect(full.code).toBe(1);
    expect(full.err).toBe('two-fronts: merge: m-nl is niet leeg (er staat al een batch in); kies een nieuwe map voor --out\n');
    expect(cli(['merge', 'shard1', 'nowhere', '--out', 'm5', '--lang', 'nl']).err).toBe('two-fronts: nowhere: deze map bestaat niet\n');
    expect(cli(['merge', 'shard1', 'shard2', '--out', 'm6', '--lang', 'xx']).code).toBe(2);
  });
});

describe('summarize --lang nl', () => {
  beforeAll(() => {
    expect(cli(['batch', tiny, '--out', 's', '--quiet']).code).toBe(0);
    for (const copy of ['s-en', 's-nl', 't-en', 't-nl']) cpSync(join(dir, 's'), join(dir, copy), { recursive: true });
  });

  it('prints its tables in Dutch, with Dutch numbers, and writes the files --lang en writes', () => {
    const en = cli(['summarize', 's-en', '--lang', 'en']);
    const nl = cli(['summarize', 's-nl', '--lang', 'nl']);
    expect(en.code).toBe(0);
    expect(nl.code).toBe(0);
    const lines = nl.out.split('\n');
    expect(lines[0]).toBe('tiny · factorial-ontwerp · 5 ontwerppunten · 10 runs · 95%-t-intervallen');
    for (const word of ['punt', 'factoren', 'Verschillen tussen punten die in één factor verschillen', 'metriek', 'wijziging', 'gelijk gehouden', 'verschil', '95%-BI'])
      expect(nl.out).toContain(word);
    expect(nl.out).toMatch(/ \d,\d+ ± \d/);
    expect(nl.out).toMatch(/\[-?[\d.,]+; -?[\d.,]+\]/);
    expect(lines.at(-2)).toBe('geschreven: s-nl/summary.csv, s-nl/effects.csv, s-nl/sensitivity.csv, s-nl/summary.json');
    expect(englishIn(nl.out, ['points', 'design', 'factors', 'Differences', 'change', 'held equal', 'difference', 'CI', 'intervals', 'wrote', 'more in'])).toEqual([]);
    expectSameFiles(join(dir, 's-en'), join(dir, 's-nl'));
  });

  it('--target-ci says its rounds and its verdict in Dutch, and grows the folder exactly as --lang en does', () => {
    const args = ['--metric', 'companyProfit', '--target-ci', '10', '--max-replicates', '3', '--quiet'];
    expect(cli(['summarize', 't-en', ...args, '--lang', 'en']).code).toBe(0);
    const quietNl = cli(['summarize', 't-nl', ...args, '--lang', 'nl']);
    expect(quietNl.code).toBe(0);
    expectSameFiles(join(dir, 't-en'), join(dir, 't-nl'));
    const nl = cli(['summarize', 't-nl', '--metric', 'companyProfit', '--target-ci', '10', '--max-replicates', '4', '--lang', 'nl']);
    expect(nl.code).toBe(0);
    expect(nl.err).toMatch(/^--target-ci ronde 1: \d+ runs? erbij op \d+ punt(en)?\nsummarize: hervat bij 1\d van \d+ runs\n/);
    expect(nl.err).toMatch(/--target-ci: \d+ (punt blijft|punten blijven) boven 10 bij het maximum van 4 replicaties \(grootste halve breedte [\d.,]+\); verhoog --max-replicates om door te gaan\n$/);
    // Points that already have more replicates than the cap are told so, not "at the cap of 2".
    const over = cli(['summarize', 't-nl', '--metric', 'companyProfit', '--target-ci', '10', '--max-replicates', '2', '--lang', 'nl']);
    expect(over.err).toMatch(/^--target-ci: \d+ (punt blijft|punten blijven) boven 10 met (tot )?4 replicaties, meer dan --max-replicates 2 toestaat \(grootste halve breedte [\d.,]+\); zet --max-replicates hoger dan 4 om door te gaan\n$/);
    const overEn = cli(['summarize', 't-nl', '--metric', 'companyProfit', '--target-ci', '10', '--max-replicates', '2']);
    expect(overEn.err).toMatch(/^--target-ci: \d+ points? stays? above 10 with (up to )?4 replicates, more than --max-replicates 2 allows /);
    const met = cli(['summarize', 't-nl', '--metric', 'companyProfit', '--target-ci', '2500.5', '--lang', 'nl', '--json']);
    expect(met.err).toMatch(/^--target-ci: op elk punt is de halve breedte van het 95%-interval van companyProfit_cumulative hoogstens 2\.500,5 \(grootste [\d.,]+\)\n$/);
  });

  it('notes a shard and its missing sensitivity indices in Dutch', () => {
    const sobol = join(dir, 'sobol.yaml');
    writeFileSync(sobol, `format: two-fronts/experiment@1\nid: sobol\nscenario: ${JSON.stringify(TUTORIAL)}\nreplications: 1\nseed: 3\nset: { quarters: 2 }\ndesign: { type: sobol, samples: 4 }\nfactors:\n  model.decisiveness: { min: 0.5, max: 4 }\n  model.horizon: { min: 2, max: 16 }\n`);
    expect(cli(['batch', sobol, '--out', 'sobol1', '--shard', '1/2', '--quiet']).code).toBe(0);
    const nl = cli(['summarize', 'sobol1', '--lang', 'nl']);
    expect(nl.code).toBe(0);
    expect(nl.out).toContain('(alleen shard 1/2; voeg de shards samen voor het hele experiment)');
    expect(nl.out).toMatch(/Geen gevoeligheidsindices: \d+ ontwerppunten hebben nog geen runs \(alleen een shard, of een onvoltooide batch\); de indices hebben elk punt nodig\./);
    expect(nl.out).toMatch(/ decisiveness=\d+,\d+; horizon=\d+,\d+ /);
    expect(englishIn(nl.out, ['only', 'No sensitivity indices', 'design points'])).toEqual([]);
  });

  it('words its errors in Dutch', () => {
    const metric = cli(['summarize', 's', '--metric', 'companyProfitt', '--lang', 'nl']);
    expect(metric.code).toBe(2);
    expect(metric.err).toMatch(/^two-fronts: --metric: deze batch heeft geen metriek "companyProfitt" \(bedoel je "companyProfit"\?\); de metrieken zijn companyProfit, /);
    expect(metric.err).toContain('(two-fronts --help toont het gebruik)');
    expect(cli(['summarize', 's', '--target-ci', '5', '--lang', 'nl']).err).toContain('--target-ci heeft precies één --metric M nodig');
    expect(cli(['summarize', 's', '--metric', 'companyProfit', '--target-ci', '-1', '--lang', 'nl']).err).toContain('--target-ci moet een positief getal zijn, niet "-1"');
    expect(cli(['summarize', 'nowhere', '--lang', 'nl']).err).toBe('two-fronts: nowhere: deze map bestaat niet\n');
    expect(cli(['summarize', 'tiny.yaml', '--lang', 'nl']).err).toContain('tiny.yaml is een bestand; summarize, report en merge werken op de uitvoermap van two-fronts batch');
    expect(cli(['summarize', 'shard1', '--metric', 'companyProfit', '--target-ci', '5', '--lang', 'nl']).err).toBe(
      'two-fronts: shard1 bevat shard 1/2; voeg eerst de shards samen en gebruik --target-ci dan op de samengevoegde map\n',
    );
    expect(cli(['summarize', 's', '--lang', 'xx']).code).toBe(2);
  });
});

describe('validate --lang nl on experiment files', () => {
  it('words every problem of an experiment in Dutch, at the FILE:LINE:COL of its English line', () => {
    const broken = join(dir, 'broken-exp.yaml');
    writeFileSync(
      broken,
      `format: two-fronts/experiment@1\nid: broken\nscenario: ${JSON.stringify(TUTORIAL)}\ndesign: { type: lhs, samples: 4 }\nset: { quarters: 3 }\nfactors:\n  company.regim: [matrix]\n  departments.*.capacity: [10, 20]\n  departments.legal.capacity: [30, 60]\n  model.decisiveness: { min: 0.5, max: 50 }\n  seed: [1, 2]\nmetrics: [profit]\n`,
    );
    const design = join(dir, 'design-exp.yaml');
    writeFileSync(design, `format: two-fronts/experiment@1\nid: design\nscenario: ${JSON.stringify(TUTORIAL)}\ndesign: { type: sobol }\nfactors:\n  model.horizon: { min: 3, max: 1 }\n  model.decisiveness: [1, 2, 1]\n`);
    const en = cli(['validate', 'broken-exp.yaml', 'design-exp.yaml']);
    const nl = cli(['validate', 'broken-exp.yaml', 'design-exp.yaml', '--lang', 'nl']);
    expect(nl.code).toBe(1);
    expect(nl.out).toBe('0 van 2 bestanden geldig\n');
    const lines = nl.err.trimEnd().split('\n');
    expect(lines).toEqual([
      'broken-exp.yaml:7:3: factors.company.regim: company heeft geen sleutel "regim" (bedoel je "regime"?)',
      'broken-exp.yaml:9:3: factors.departments.legal.capacity: geeft departments.legal.capacity een waarde, net als factor departments.*.capacity; een waarde kan maar door één factor gegeven worden (een scale-factor erop vermenigvuldigt die waarde)',
      'broken-exp.yaml:10:23: factors.model.decisiveness: waarde 50 maakt het scenario ongeldig: model.decisiveness: mag hoogstens 10 zijn (exponent)',
      expect.stringMatching(/^broken-exp\.yaml:11:3: factors\.seed: de seed van elke run komt uit de seed van het experiment, het ontwerppunt en de replicatie /),
      'broken-exp.yaml:12:11: metrics[0]: onbekende metriek "profit" (metrieken met "profit" in hun naam: companyProfit); de reporters staan in docs/RESEARCH.md onder "The reporters"',
      'design-exp.yaml:4:17: design.type: een sobol-ontwerp heeft "samples" nodig (de omvang N van de basissteekproef)',
      'design-exp.yaml:6:33: factors.model.horizon.max: max (1) moet groter zijn dan min (3)',
      'design-exp.yaml:7:30: factors.model.decisiveness[2]: niveau 1 staat er twee keer in',
    ]);
    // The same places as in English, and no English prose left (quoted texts and paths are data).
    const place = (l: string) => /^[^:]+:\d+:\d+: \S+: /.exec(l)?.[0];
    expect(lines.map(place)).toEqual(en.err.trimEnd().split('\n').map(place));
    const prose = lines.map((l) => l.slice(place(l)!.length).replace(/"[^"]*"|docs\/\S+/g, ' ')).join('\n');
    expect(englishIn(prose, ['has no key', 'did you mean', 'gives', 'a value', 'makes the scenario invalid', 'must', 'at most', 'seed comes from', 'unknown metric', 'needs', 'greater than', 'is listed twice', 'the'])).toEqual([]);
  });

  it('says in Dutch that the scenario an experiment names is a folder, as batch does', () => {
    const folder = join(dir, 'folder-exp.yaml');
    writeFileSync(folder, `format: two-fronts/experiment@1\nid: folder\nscenario: .\n`);
    const nl = cli(['validate', 'folder-exp.yaml', '--lang', 'nl']);
    expect(nl.code).toBe(1);
    const says = `folder-exp.yaml:3:11: scenario: . is een map; scenario noemt één scenariobestand (het pad is relatief ten opzichte van het experimentbestand)\n`;
    expect(nl.err).toBe(says);
    expect(cli(['batch', 'folder-exp.yaml', '--out', 'x', '--lang', 'nl']).err).toBe(says);
  });
});

describe('validate --lang nl on scenario files', () => {
  it('writes the size of a file that is too big as a Dutch number', () => {
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(1_700_000)}\n`);
    const nl = cli(['validate', 'huge.yaml', '--lang', 'nl']);
    expect(nl.code).toBe(1);
    expect(nl.err).toBe('huge.yaml:1:1: het bestand is 1,7 MB; bestanden boven 1 MB worden geweigerd\n');
    expect(cli(['validate', 'huge.yaml']).err).toBe('huge.yaml:1:1: the file is 1.7 MB; files over 1 MB are refused\n');
  });
});

describe('report --lang nl', () => {
  beforeAll(() => {
    expect(cli(['batch', tiny, '--out', 'r', '--quiet']).code).toBe(0);
    // Make it look interrupted after 6 of its 10 runs.
    cpSync(join(dir, 'r'), join(dir, 'r-half'), { recursive: true });
    const mPath = join(dir, 'r-half/manifest.json');
    writeFileSync(mPath, JSON.stringify({ ...JSON.parse(read(mPath)), status: 'running', finished: null, rows: null }, null, 2));
    writeFileSync(join(dir, 'r-half/runs.csv'), read(join(dir, 'r-half/runs.csv')).split('\n').slice(0, 7).join('\n') + '\n');
  });

  it('says what it wrote in Dutch (the English line counts its metrics with the plural form)', () => {
    const en = cli(['report', 'r', '--metric', 'companyProfit', '--out', 'r-en.html']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^wrote r-en\.html \(\d+ kB, 1 metric, opens offline\)\n$/);
    const nl = cli(['report', 'r', '--metric', 'companyProfit', '--metric', 'strategicGap', '--out', 'r-nl.html', '--lang', 'nl']);
    expect(nl.code).toBe(0);
    expect(nl.err).toBe('');
    expect(nl.out).toMatch(/^geschreven: r-nl\.html \(\d+ kB, 2 metrieken, opent ook offline\)\n$/);
  });

  it('notes an unfinished batch on stderr in Dutch, with the command that finishes it', () => {
    const nl = cli(['report', 'r-half', '--metric', 'companyProfit', '--lang', 'nl']);
    expect(nl.code).toBe(0);
    expect(nl.err).toBe(`r-half: de batch is onvoltooid: 6 van 10 runs; maak af met two-fronts batch ${basename(tiny)} --out r-half --resume; het rapport beslaat alleen de runs die tot nu toe klaar zijn\n`);
    expect(englishIn(nl.err, ['the batch is', 'unfinished', 'finish with', 'covers only'])).toEqual([]);
  });

  it('words its errors in Dutch: an unknown --metric, a folder that is not there, a file for a folder', () => {
    const metric = cli(['report', 'r', '--metric', 'companyProfitt', '--lang', 'nl']);
    expect(metric.code).toBe(2);
    expect(metric.err).toMatch(/^two-fronts: --metric: deze batch heeft geen metriek "companyProfitt" \(bedoel je "companyProfit"\?\); de metrieken zijn companyProfit, /);
    expect(metric.err).toContain('(two-fronts --help toont het gebruik)');
    expect(cli(['report', 'nowhere', '--lang', 'nl']).err).toBe('two-fronts: nowhere: deze map bestaat niet\n');
    expect(cli(['report', 'tiny.yaml', '--lang', 'nl']).err).toContain('tiny.yaml is een bestand; summarize, report en merge werken op de uitvoermap van two-fronts batch');
    // An edited manifest whose experiment no longer holds: its problems are worded in Dutch too.
    cpSync(join(dir, 'r'), join(dir, 'r-edited'), { recursive: true });
    const mPath = join(dir, 'r-edited/manifest.json');
    const m = JSON.parse(read(mPath));
    writeFileSync(mPath, JSON.stringify({ ...m, experiment: { ...m.experiment, text: m.experiment.text.replace('replications: 2', 'replications: 0') } }));
    for (const cmd of ['report', 'summarize']) expect(cli([cmd, 'r-edited', '--lang', 'nl']).err).toMatch(/^[^\n]*tiny\.yaml:4:15: replications: moet minstens 1 zijn \(runs per ontwerppunt\)\n$/);
  });
});
