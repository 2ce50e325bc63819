/**
 * The experiment commands as researchers run them: the built `two-fronts`
 * (batch, merge, summarize, report, validate) on small experiments over the
 * tutorial scenario with few quarters, so the whole file runs in well under a
 * minute.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { csvParse } from 'd3-dsv';
import * as parquet from 'parquet-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, exitOf } from '../cli-process.js';
import { ROOT } from '../helpers.js';

const TUTORIAL = join(ROOT, 'scenarios/tutorial.yaml');

function experiment(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `format: two-fronts/experiment@1\nscenario: ${JSON.stringify(TUTORIAL)}\n${body}`);
  return file;
}

const read = (p: string) => readFileSync(p, 'utf8');

let dir: string;
let sweep: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/workers/batch.worker.js'))) throw new Error('dist/ is missing: run npm run build first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'tf-exp-'));
  // 3 regimes × 2 levels × 20 replicates = 120 runs of 3 quarters.
  sweep = experiment(
    dir,
    'sweep.yaml',
    'id: sweep\nreplications: 20\nseed: 9\nset: { quarters: 3 }\nfactors:\n  company.regime: [departmental-pnl, account-pnl, matrix]\n  company.interventions.kaAgendaItem: [false, true]\nmetrics: [companyProfit, strategicGap, alignmentIndex, departmentPnl]\nperQuarter: true\n',
  );
  const r = cli(['batch', sweep, '--out', 'w1', '--workers', '1', '--quiet'], dir);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
});

describe('two-fronts batch', () => {
  it('writes one row per run with run_id, point_id, replicate, seed, factors, final and cumulative metrics, and a manifest', () => {
    const runs = csvParse(read(join(dir, 'w1/runs.csv')));
    expect(runs).toHaveLength(120);
    expect(runs.columns.slice(0, 6)).toEqual(['run_id', 'point_id', 'replicate', 'seed', 'company_regime', 'company_interventions_kaAgendaItem']);
    expect(runs.columns).toContain('companyProfit_final');
    expect(runs.columns).toContain('departmentPnl_engineering_cumulative');
    expect(runs.map((r) => Number(r.run_id))).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(new Set(runs.map((r) => r.seed)).size).toBe(120);
    expect(runs[20]).toMatchObject({ point_id: '2', replicate: '1', company_regime: 'departmental-pnl', company_interventions_kaAgendaItem: 'true' });
    const quarters = csvParse(read(join(dir, 'w1/quarters.csv')));
    expect(quarters).toHaveLength(360);
    expect(quarters.columns).toEqual(['run_id', 'quarter', 'companyProfit', 'strategicGap', 'alignmentIndex', 'departmentPnl_engineering', 'departmentPnl_service', 'departmentPnl_product', 'departmentPnl_legal']);
    // The cumulative profit is the sum of the quarters' profits.
    const q1 = quarters.filter((q) => q.run_id === '1').reduce((s, q) => s + Number(q.companyProfit), 0);
    expect(Number(runs[0]!.companyProfit_cumulative)).toBeCloseTo(q1, 6);
    const m = JSON.parse(read(join(dir, 'w1/manifest.json')));
    expect(m).toMatchObject({ status: 'complete', runs: 120, shard: null, perQuarter: true, rows: { runs: 120, quarters: 360 } });
    expect(m.experiment.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(m.seedRule).toContain('design point');
    expect(m.node).toBe(process.versions.node);
  });

  it('gives byte-identical runs.csv and quarters.csv with 1, 2 and 3 workers', () => {
    for (const w of ['2', '3']) {
      const r = cli(['batch', sweep, '--out', `w${w}`, '--workers', w, '--quiet'], dir);
      expect(r.code).toBe(0);
      expect(read(join(dir, `w${w}/runs.csv`))).toBe(read(join(dir, 'w1/runs.csv')));
      expect(read(join(dir, `w${w}/quarters.csv`))).toBe(read(join(dir, 'w1/quarters.csv')));
    }
  });

  it('keeps every existing run\'s seed and results when the design grows (more levels, more replicates)', () => {
    const grown = experiment(
      dir,
      'grown.yaml',
      'id: sweep\nreplications: 25\nseed: 9\nset: { quarters: 3 }\nfactors:\n  company.regime: [departmental-pnl, utilization, account-pnl, matrix]\n  company.interventions.kaAgendaItem: [false, true]\nmetrics: [companyProfit, strategicGap, alignmentIndex, departmentPnl]\nperQuarter: true\n',
    );
    expect(cli(['batch', grown, '--out', 'grown', '--quiet'], dir).code).toBe(0);
    const key = (r: Record<string, string>) => `${r.company_regime}|${r.company_interventions_kaAgendaItem}|${r.replicate}`;
    const before = new Map(csvParse(read(join(dir, 'w1/runs.csv'))).map((r) => [key(r), r]));
    const after = new Map(csvParse(read(join(dir, 'grown/runs.csv'))).map((r) => [key(r), r]));
    expect(after.size).toBe(200);
    for (const [k, r] of before) {
      expect(after.get(k)!.seed).toBe(r.seed);
      expect(after.get(k)!.result_hash).toBe(r.result_hash);
      expect(after.get(k)!.companyProfit_cumulative).toBe(r.companyProfit_cumulative);
    }
  });

  it('--resume after kill -9 of the process mid-run ends with exactly the rows of an uninterrupted run', async () => {
    // Enough work (8 quarters, 400 runs) that the kill lands mid-run.
    const big = experiment(dir, 'big.yaml', 'id: big\nreplications: 80\nseed: 4\nfactors:\n  company.regime: [departmental-pnl, account-pnl, matrix, exec-sponsored, utilization]\nmetrics: [companyProfit, fulfilmentGini]\nperQuarter: true\n');
    const child = spawn(process.execPath, [BIN, 'batch', big, '--out', 'killed', '--workers', '2', '--quiet'], { cwd: dir, stdio: 'ignore' });
    const runsFile = join(dir, 'killed/runs.csv');
    const rowsNow = () => (existsSync(runsFile) ? read(runsFile).split('\n').length - 2 : 0);
    const t0 = Date.now();
    while (rowsNow() < 30 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exitOf(child);
    const atKill = rowsNow();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(400);
    expect(JSON.parse(read(join(dir, 'killed/manifest.json'))).status).toBe('running');
    const resumed = cli(['batch', big, '--out', 'killed', '--resume', '--quiet'], dir);
    expect(resumed.code).toBe(0);
    expect(cli(['batch', big, '--out', 'whole', '--quiet'], dir).code).toBe(0);
    expect(read(join(dir, 'killed/runs.csv'))).toBe(read(join(dir, 'whole/runs.csv')));
    expect(read(join(dir, 'killed/quarters.csv'))).toBe(read(join(dir, 'whole/quarters.csv')));
    expect(JSON.parse(read(join(dir, 'killed/manifest.json'))).resumes).toHaveLength(1);
  });

  it('--resume repairs torn last lines in runs.csv and quarters.csv and rows of runs left without their quarters', () => {
    expect(cli(['batch', sweep, '--out', 'torn', '--quiet'], dir).code).toBe(0);
    const m = JSON.parse(read(join(dir, 'torn/manifest.json')));
    writeFileSync(join(dir, 'torn/manifest.json'), JSON.stringify({ ...m, status: 'running', rows: null }));
    const runs = join(dir, 'torn/runs.csv');
    const quarters = join(dir, 'torn/quarters.csv');
    truncateSync(runs, Math.floor(statSync(runs).size * 0.6) + 7); // mid-line
    truncateSync(quarters, Math.floor(statSync(quarters).size * 0.4) + 3); // fewer runs than runs.csv, mid-line
    const r = cli(['batch', sweep, '--out', 'torn', '--resume', '--quiet'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(read(runs)).toBe(read(join(dir, 'w1/runs.csv')));
    expect(read(quarters)).toBe(read(join(dir, 'w1/quarters.csv')));
  });

  it('refuses to resume into a folder made by a different experiment, and to overwrite a folder without --resume', () => {
    const other = experiment(dir, 'other.yaml', 'id: sweep\nreplications: 20\nseed: 10\nset: { quarters: 3 }\nfactors:\n  company.regime: [departmental-pnl]\n');
    const r = cli(['batch', other, '--out', 'w1', '--resume'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot resume: w1 was made by a different experiment \(sweep from .*sweep\.yaml\): /);
    expect(r.err).toContain('seed is 10 here, 9 in the folder; factors.company.regime is [departmental-pnl] here, [departmental-pnl, account-pnl, matrix] in the folder; factors.company.interventions.kaAgendaItem is in the folder ([false, true]) but not here;');
    expect(r.err).toContain('resume with sweep.yaml, the experiment file it was made with, or choose another --out folder.');
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
    const again = cli(['batch', sweep, '--out', 'w1'], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already holds a batch');
  });

  it('a refused resume names what changed (the seed, the scenario file) and offers to put the file back', () => {
    const here = join(dir, 'changed');
    mkdirSync(here);
    const scenario = join(here, 'scen.yaml');
    writeFileSync(scenario, read(TUTORIAL));
    const file = join(here, 'exp.yaml');
    const body = (seed: number) => `format: two-fronts/experiment@1\nid: changed\nscenario: scen.yaml\nseed: ${seed}\nset: { quarters: 2 }\nfactors:\n  company.regime: [matrix, account-pnl]\n`;
    writeFileSync(file, body(42));
    expect(cli(['batch', 'exp.yaml', '--out', 'o', '--quiet'], here).code).toBe(0);
    writeFileSync(file, body(43));
    const seed = cli(['batch', 'exp.yaml', '--out', 'o', '--resume', '--quiet'], here);
    expect(seed.code).toBe(1);
    expect(seed.err).toBe(
      'two-fronts: cannot resume: o was made by a different experiment (changed from exp.yaml): seed is 43 here, 42 in the folder. Results of two experiments are never mixed: put exp.yaml back as it was (manifest.json in o keeps its text), or choose another --out folder.\n',
    );
    writeFileSync(file, body(42));
    writeFileSync(scenario, read(TUTORIAL).replace('quarters: 8', 'quarters: 9').replace(/charisma: 1\.0\b/, 'charisma: 1.2'));
    const edited = cli(['batch', 'exp.yaml', '--out', 'o', '--resume', '--quiet'], here);
    expect(edited.err).toBe(
      'two-fronts: cannot resume: o was made by a different experiment (changed from exp.yaml): the scenario file scen.yaml has changed since the folder was started. Results of two experiments are never mixed: put scen.yaml back as it was (manifest.json in o keeps its text), or choose another --out folder.\n',
    );
    // Put back from the manifest, the folder resumes.
    writeFileSync(scenario, JSON.parse(read(join(here, 'o/manifest.json'))).scenario.text);
    expect(cli(['batch', 'exp.yaml', '--out', 'o', '--resume', '--quiet'], here).code).toBe(0);
  });

  it('a folder whose files are unchanged but which another version reads into other values is refused as such, naming the version to finish it with', () => {
    const here = join(dir, 'other-version');
    mkdirSync(here);
    writeFileSync(join(here, 'scen.yaml'), read(TUTORIAL));
    writeFileSync(join(here, 'exp.yaml'), `format: two-fronts/experiment@1\nid: kept\nscenario: scen.yaml\nset: { quarters: 2 }\nfactors:\n  company.regime: [matrix, account-pnl]\n`);
    expect(cli(['batch', 'exp.yaml', '--out', 'o', '--quiet'], here).code).toBe(0);
    // As an older version would have left it: the same texts, read into other values (another content hash).
    const path = join(here, 'o/manifest.json');
    const m = JSON.parse(read(path));
    const now = m.experiment.contentHash;
    writeFileSync(path, JSON.stringify({ ...m, version: '0.0.9', gitCommit: 'abc1234', experiment: { ...m.experiment, contentHash: '0123456789abcdef' } }));
    const en = cli(['batch', 'exp.yaml', '--out', 'o', '--resume', '--quiet'], here);
    expect([en.code, en.err]).toEqual([
      1,
      `two-fronts: cannot resume: o was started by two-fronts 0.0.9 (commit abc1234), which reads exp.yaml and scen.yaml into other values than this version does (content hash 0123456789abcdef in the folder, ${now} here); neither file has changed. Finish the folder with two-fronts 0.0.9, or choose another --out folder.\n`,
    ]);
    // Not a different experiment, and nothing to put back.
    expect(en.err).not.toContain('different experiment');
    expect(en.err).not.toContain('back as');
    const nl = cli(['batch', 'exp.yaml', '--out', 'o', '--resume', '--quiet', '--lang', 'nl'], here);
    expect([nl.code, nl.err]).toEqual([
      1,
      `two-fronts: kan niet hervatten: o is begonnen met two-fronts 0.0.9 (commit abc1234), die uit exp.yaml en scen.yaml andere waarden leest dan deze versie (inhoudshash 0123456789abcdef in de map, ${now} hier); geen van beide bestanden is veranderd. Maak de map af met two-fronts 0.0.9, of kies een andere map voor --out.\n`,
    ]);
  });

  it('--shard K/N runs a deterministic part; merge joins the shards into exactly the unsharded output', () => {
    for (const k of [1, 2, 3]) expect(cli(['batch', sweep, '--out', `s${k}`, '--shard', `${k}/3`, '--quiet'], dir).code).toBe(0);
    const s2 = csvParse(read(join(dir, 's2/runs.csv')));
    expect(s2.map((r) => Number(r.run_id))).toEqual(Array.from({ length: 40 }, (_, i) => 3 * i + 2));
    const merged = cli(['merge', 's3', 's1', 's2', '--out', 'merged'], dir);
    expect(merged.code).toBe(0);
    expect(read(join(dir, 'merged/runs.csv'))).toBe(read(join(dir, 'w1/runs.csv')));
    expect(read(join(dir, 'merged/quarters.csv'))).toBe(read(join(dir, 'w1/quarters.csv')));
    expect(JSON.parse(read(join(dir, 'merged/manifest.json')))).toMatchObject({ status: 'complete', shard: null, runs: 120 });
  });

  it('merge fails loudly on a missing shard, a doubled shard and a doubled or missing run', () => {
    const missing = cli(['merge', 's1', 's3', '--out', 'm-missing'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('shard 2/3 is missing');
    const doubled = cli(['merge', 's1', 's2', 's2', 's3', '--out', 'm-doubled'], dir);
    expect(doubled.code).toBe(1);
    expect(doubled.err).toContain('shard 2/3 is given twice');
    // A shard whose runs.csv repeats a row.
    expect(cli(['batch', sweep, '--out', 'bad2', '--shard', '2/3', '--quiet'], dir).code).toBe(0);
    const lines = read(join(dir, 'bad2/runs.csv')).split('\n');
    writeFileSync(join(dir, 'bad2/runs.csv'), [...lines.slice(0, 6), lines[5], ...lines.slice(6)].join('\n'));
    const dup = cli(['merge', 's1', 'bad2', 's3', '--out', 'm-dup'], dir);
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/run 14 appears twice|run \d+ is missing/);
    writeFileSync(join(dir, 'bad2/runs.csv'), [...lines.slice(0, 6), ...lines.slice(7)].join('\n'));
    const gap = cli(['merge', 's1', 'bad2', 's3', '--out', 'm-gap'], dir);
    expect(gap.code).toBe(1);
    expect(gap.err).toContain('run 17 is missing');
    // A failed merge leaves nothing behind: put the shard right and the same command works.
    expect(existsSync(join(dir, 'm-gap'))).toBe(false);
    mkdirSync(join(dir, 'm-kept'));
    writeFileSync(join(dir, 'm-kept', '.keep'), '');
    expect(cli(['merge', 's1', 'bad2', 's3', '--out', 'm-kept'], dir).code).toBe(1);
    expect(readdirSync(join(dir, 'm-kept'))).toEqual(['.keep']);
    // A run of shard 1 copied into shard 3 is named as shard 1's.
    cpSync(join(dir, 's3'), join(dir, 'bad3'), { recursive: true });
    const s1 = read(join(dir, 's1/runs.csv')).split('\n');
    const s3 = read(join(dir, 'bad3/runs.csv')).split('\n');
    writeFileSync(join(dir, 'bad3/runs.csv'), [s3[0], s3[1], s1[1], ...s3.slice(2)].join('\n'));
    const mixed = cli(['merge', 's1', 's2', 'bad3', '--out', 'm-mixed'], dir);
    expect([mixed.code, mixed.err.trim()]).toEqual([1, 'two-fronts: merge: run 1 belongs to shard 1/3 but appears in bad3/runs.csv (shard 3/3); the file has been edited or mixed up']);
    writeFileSync(join(dir, 'bad2/runs.csv'), lines.join('\n'));
    expect(cli(['merge', 's1', 'bad2', 's3', '--out', 'm-gap', '--quiet'], dir).code).toBe(0);
  });

  it('merge refuses a shard whose quarters file has a row doubled or lost within a run (every run is there, the rows are not)', () => {
    cpSync(join(dir, 's2'), join(dir, 'badq'), { recursive: true });
    const lines = read(join(dir, 'badq/quarters.csv')).split('\n');
    // Line 3 is run 2's second quarter: the run keeps its first and last rows.
    writeFileSync(join(dir, 'badq/quarters.csv'), [...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\n'));
    const doubled = cli(['merge', 's1', 'badq', 's3', '--out', 'm-badq'], dir);
    expect([doubled.code, doubled.err.trim()]).toEqual([1, 'two-fronts: merge: badq/quarters.csv (shard 2/3) holds 121 rows, but its manifest.json lists 120; a row has been doubled or lost. Restore the file, or run the shard again into a new folder']);
    expect(existsSync(join(dir, 'm-badq'))).toBe(false);
    writeFileSync(join(dir, 'badq/quarters.csv'), [...lines.slice(0, 2), ...lines.slice(3)].join('\n'));
    const lost = cli(['merge', 's1', 'badq', 's3', '--out', 'm-badq', '--lang', 'nl'], dir);
    expect([lost.code, lost.err.trim()]).toEqual([1, 'two-fronts: merge: badq/quarters.csv (shard 2/3) bevat 119 rijen, maar zijn manifest.json noemt er 120; een rij is verdubbeld of verloren. Zet het bestand terug, of draai de shard opnieuw in een nieuwe map']);
  });

  it('a file where a folder goes, a folder where a file goes and a damaged runs file are told by name and line, never with a stack trace', () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const merged = cli(['merge', 's1', 's2', 's3', '--out', 'a-file'], dir);
    expect([merged.code, merged.err.trim()]).toEqual([1, 'two-fronts: a-file: exists and is not a folder']);
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const report = cli(['report', 'w1', '--out', 'a-folder', '--quiet'], dir);
    expect([report.code, report.err.trim()]).toEqual([1, 'two-fronts: a-folder: is a folder, not a file']);
    // A file of another kind given as --out is not replaced by the report; an earlier report is.
    writeFileSync(join(dir, 'notes.yaml'), 'mine: true\n');
    const clash = cli(['report', 'w1', '--out', 'notes.yaml', '--quiet'], dir);
    expect([clash.code, clash.err.trim(), read(join(dir, 'notes.yaml'))]).toEqual([1, 'two-fronts: notes.yaml: exists and is not a two-fronts report; give another --out, or move it', 'mine: true\n']);
    // Nor a web page of one's own.
    writeFileSync(join(dir, 'page.html'), '<!doctype html><title>mine</title>\n');
    expect(cli(['report', 'w1', '--out', 'page.html', '--quiet'], dir).code).toBe(1);
    expect(read(join(dir, 'page.html'))).toBe('<!doctype html><title>mine</title>\n');
    expect(cli(['report', 'w1', '--out', 'again.html', '--quiet'], dir).code).toBe(0);
    expect(cli(['report', 'w1', '--out', 'again.html', '--quiet'], dir).code).toBe(0);
    // No temp file of the refused write is left anywhere near it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'a-folder'))).toEqual([]);
    // A damaged cell, then a file cut short: each refused at its place rather than summed up wrong.
    cpSync(join(dir, 'w1'), join(dir, 'damaged'), { recursive: true });
    const lines = read(join(dir, 'damaged/runs.csv')).split('\n');
    const cells = lines[3]!.split(',');
    cells[1] = 'abc';
    writeFileSync(join(dir, 'damaged/runs.csv'), [...lines.slice(0, 3), cells.join(','), ...lines.slice(4)].join('\n'));
    const bad = cli(['summarize', 'damaged', '--quiet'], dir);
    expect([bad.code, bad.err.trim()]).toEqual([1, `two-fronts: ${join('damaged', 'runs.csv')}:4: point_id "abc" is not a point of this experiment's design (1 to 6); the file has been edited or damaged`]);
    // A metric cell that is no number: named, not left out of n and the mean.
    const header = lines[0]!.split(',');
    const metric = header.indexOf('companyProfit_cumulative');
    const edited = lines[6]!.split(',');
    edited[metric] = 'abc';
    writeFileSync(join(dir, 'damaged/runs.csv'), [...lines.slice(0, 6), edited.join(','), ...lines.slice(7)].join('\n'));
    const word = cli(['summarize', 'damaged', '--quiet'], dir);
    expect([word.code, word.err.trim()]).toEqual([1, `two-fronts: ${join('damaged', 'runs.csv')}:7: companyProfit_cumulative is "abc", not a number; the file has been edited or damaged`]);
    const wordReport = cli(['report', 'damaged', '--out', 'damaged.html', '--quiet'], dir);
    expect(wordReport.code).toBe(1);
    expect(wordReport.err).toContain(':7: companyProfit_cumulative is "abc", not a number');
    // A folder where runs.csv belongs: named, not an internal error.
    rmSync(join(dir, 'damaged/runs.csv'));
    mkdirSync(join(dir, 'damaged/runs.csv'));
    const folder = cli(['summarize', 'damaged', '--quiet'], dir);
    expect([folder.code, folder.err.trim()]).toEqual([1, `two-fronts: ${join('damaged', 'runs.csv')}: is a folder, not a file`]);
    rmSync(join(dir, 'damaged/runs.csv'), { recursive: true });
    writeFileSync(join(dir, 'damaged/runs.csv'), lines.slice(0, 11).join('\n') + '\n');
    const cut = cli(['summarize', 'damaged', '--quiet', '--lang', 'nl'], dir);
    expect(cut.code).toBe(1);
    expect(cut.err).toContain('10 runs, maar manifest.json noemt er 120');
    for (const r of [merged, report, bad, word, wordReport, folder, cut]) expect(r.err).not.toMatch(/internal error|\bat \S+ \(/);
  });

  it('a manifest that is JSON but not a manifest (null, or cut down by hand) is named as such by every command that reads it', () => {
    const path = join('odd', 'manifest.json');
    for (const [text, says] of [
      ['null\n', `two-fronts: ${path}: not a batch manifest (it holds no JSON object)`],
      ['{"format":"two-fronts/batch@1"}\n', `two-fronts: ${path}: not a manifest as two-fronts writes it (status is missing or of the wrong kind); if it was edited, restore it, or run the batch again into a new --out folder`],
    ] as const) {
      cpSync(join(dir, 'w1'), join(dir, 'odd'), { recursive: true });
      writeFileSync(join(dir, path), text);
      for (const args of [['summarize', 'odd', '--quiet'], ['report', 'odd', '--quiet'], ['batch', sweep, '--out', 'odd', '--resume', '--quiet'], ['summarize', 'odd', '--target-ci', '1', '--metric', 'companyProfit', '--quiet']]) {
        const r = cli(args, dir);
        expect([r.code, r.err.trim()], args.join(' ')).toEqual([1, says]);
      }
    }
    // Only the keys the commands read are checked: a complete manifest with one more key of its own is read as ever.
    const m = JSON.parse(read(join(dir, 'w1', 'manifest.json')));
    // Deep keys they read count too: a factor's spec, the list of resumes.
    for (const [cut, key] of [[{ ...m, design: { ...m.design, factors: m.design.factors.map(({ spec: _, ...f }: { spec: unknown }) => f) } }, 'design.factors.0.spec'], [{ ...m, resumes: undefined }, 'resumes']] as const) {
      cpSync(join(dir, 'w1'), join(dir, 'odd'), { recursive: true });
      writeFileSync(join(dir, path), JSON.stringify(cut));
      for (const args of [['summarize', 'odd', '--quiet'], ['batch', sweep, '--out', 'odd', '--resume', '--quiet']]) expect(cli(args, dir).err.trim(), `${key}: ${args[0]}`).toContain(`(${key} is missing or of the wrong kind)`);
    }
    cpSync(join(dir, 'w1'), join(dir, 'odd'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify({ ...m, note: 'mine' }));
    expect(cli(['summarize', 'odd', '--quiet'], dir).code).toBe(0);
  });

  it('--format csv,jsonl,parquet writes all three, and they read back equal', async () => {
    expect(cli(['batch', sweep, '--out', 'fmt', '--format', 'csv,jsonl,parquet', '--quiet'], dir).code).toBe(0);
    const csv = csvParse(read(join(dir, 'fmt/runs.csv')));
    expect(read(join(dir, 'fmt/runs.csv'))).toBe(read(join(dir, 'w1/runs.csv')));
    const jsonl = read(join(dir, 'fmt/runs.jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const table = tableFromIPC(parquet.readParquet(readFileSync(join(dir, 'fmt/runs.parquet'))).intoIPCStream());
    expect(table.numRows).toBe(csv.length);
    expect(table.schema.fields.map((f) => f.name)).toEqual(csv.columns);
    const rows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    csv.forEach((c, i) => {
      for (const col of csv.columns) {
        const p = rows[i]![col];
        const j = jsonl[i]![col];
        const asText = typeof p === 'bigint' ? p.toString() : String(p);
        expect(asText).toBe(c[col]);
        expect(String(j)).toBe(c[col]);
      }
    });
    const q = tableFromIPC(parquet.readParquet(readFileSync(join(dir, 'fmt/quarters.parquet'))).intoIPCStream());
    expect(q.numRows).toBe(360);
    expect(String(q.schema.fields.find((f) => f.name === 'companyProfit')!.type)).toBe('Float64');
  });
});

describe('two-fronts summarize and report', () => {
  it('summarize writes per-point n, mean, sd, CI, min, max and the effects of each categorical factor', () => {
    const r = cli(['summarize', 'w1', '--metric', 'companyProfit'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('companyProfit_cumulative');
    expect(r.out).toContain("Cohen's d");
    const rows = csvParse(read(join(dir, 'w1/summary.csv')));
    expect(rows.columns).toEqual(['point_id', 'company_regime', 'company_interventions_kaAgendaItem', 'metric', 'n', 'mean', 'sd', 'se', 'ci_low', 'ci_high', 'min', 'max']);
    const runs = csvParse(read(join(dir, 'w1/runs.csv'))).filter((x) => x.point_id === '3');
    const xs = runs.map((x) => Number(x.companyProfit_cumulative));
    const s = rows.find((x) => x.point_id === '3' && x.metric === 'companyProfit_cumulative')!;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Number(s.n)).toBe(20);
    expect(Number(s.mean)).toBeCloseTo(mean, 8);
    expect(Number(s.min)).toBe(Math.min(...xs));
    expect(Number(s.ci_high) - Number(s.mean)).toBeCloseTo(2.093 * (Number(s.sd) / Math.sqrt(20)), 2);
    const effects = csvParse(read(join(dir, 'w1/effects.csv')));
    // regime: 3 pairs × 2 agenda levels; agenda: 1 pair × 3 regimes; per metric column.
    expect(effects.filter((e) => e.metric === 'companyProfit_cumulative')).toHaveLength(9);
  });

  it('summarize --json prints the summary tables as JSON: per point n, mean, sd, interval per metric, and the effects', () => {
    const r = cli(['summarize', 'w1', '--metric', 'companyProfit', '--metric', 'strategicGap', '--json'], dir);
    expect([r.code, r.err]).toEqual([0, '']);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ experiment: 'sweep', design: 'factorial', runs: 120, confidence: 0.95, status: 'complete', factors: ['company.regime', 'company.interventions.kaAgendaItem'] });
    expect(j.files).toEqual(['summary.csv', 'effects.csv', 'sensitivity.csv', 'summary.json'].map((f) => join('w1', f)));
    expect(j.points).toHaveLength(6);
    expect(j.points[2].values).toEqual({ 'company.regime': 'account-pnl', 'company.interventions.kaAgendaItem': false });
    expect(Object.keys(j.points[2].metrics)).toEqual(['companyProfit_cumulative', 'strategicGap_cumulative']);
    const row = csvParse(read(join(dir, 'w1/summary.csv'))).find((x) => x.point_id === '3' && x.metric === 'companyProfit_cumulative')!;
    expect(j.points[2].metrics.companyProfit_cumulative).toMatchObject({ n: 20, mean: Number(row.mean), sd: Number(row.sd), low: Number(row.ci_low), high: Number(row.ci_high) });
    expect(j.effects).toHaveLength(18);
    expect(new Set(j.effects.map((e: { metric: string }) => e.metric))).toEqual(new Set(['companyProfit_cumulative', 'strategicGap_cumulative']));
    expect(j.effects[0]).toHaveProperty('cohensD');
    // Without --metric: every column, as summary.json holds them.
    const all = JSON.parse(cli(['summarize', 'w1', '--json', '--quiet'], dir).out);
    const { status: _s, files: _f, ...figures } = all;
    expect(figures).toEqual(JSON.parse(read(join(dir, 'w1/summary.json'))));
  });

  it('summarize --target-ci adds replicates until every half-width is below the target, keeping the runs there were', () => {
    expect(cli(['batch', sweep, '--out', 'grow', '--quiet'], dir).code).toBe(0);
    const before = read(join(dir, 'grow/runs.csv'));
    const summary = csvParse(read(join(dir, 'w1/summary.csv'))).filter((x) => x.metric === 'companyProfit_cumulative');
    const widest = Math.max(...summary.map((x) => Number(x.ci_high) - Number(x.mean)));
    const target = widest * 0.7;
    // Its steering flags without it are a usage error, not silently ignored.
    for (const flag of ['--max-replicates', '--workers']) {
      const alone = cli(['summarize', 'grow', flag, '5'], dir);
      expect([alone.code, alone.err.split('\n')[0]]).toEqual([2, `two-fronts: ${flag} goes with --target-ci W --metric M (it steers the replicates that adds)`]);
    }
    const r = cli(['summarize', 'grow', '--target-ci', String(target), '--metric', 'companyProfit', '--quiet'], dir);
    expect(r.code).toBe(0);
    const after = read(join(dir, 'grow/runs.csv'));
    expect(after.startsWith(before)).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
    const rows = csvParse(read(join(dir, 'grow/summary.csv'))).filter((x) => x.metric === 'companyProfit_cumulative');
    for (const x of rows) expect(Number(x.ci_high) - Number(x.mean)).toBeLessThanOrEqual(target);
    // Resuming the grown folder has nothing to do, and its line says the replicates now differ by point.
    const again = cli(['batch', sweep, '--out', 'grow', '--resume'], dir);
    expect(again.code).toBe(0);
    const range = /6 points × (\d+)–(\d+) replicates \(more where summarize --target-ci added them\)/.exec(again.out);
    expect(range).not.toBeNull();
    expect(Number(range![1])).toBeGreaterThanOrEqual(20);
    expect(Number(range![2])).toBeGreaterThan(Number(range![1]));
    expect(read(join(dir, 'grow/runs.csv'))).toBe(after);
  });

  it('summarize --target-ci says so when a point has no value of the metric in any run, instead of adding runs that cannot give one', () => {
    cpSync(join(dir, 'w1'), join(dir, 'grow-none'), { recursive: true });
    const file = join(dir, 'grow-none/runs.csv');
    const lines = read(file).split('\n');
    const header = lines[0]!.split(',');
    const col = header.indexOf('companyProfit_cumulative');
    const point = header.indexOf('point_id');
    // Every run of point 1 leaves its value empty.
    const edited = lines.map((l, i) => (i > 0 && l.split(',')[point] === '1' ? l.split(',').map((c, j) => (j === col ? '' : c)).join(',') : l)).join('\n');
    writeFileSync(file, edited);
    const r = cli(['summarize', 'grow-none', '--target-ci', '1000000', '--metric', 'companyProfit'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/--target-ci: 1 point has no value of companyProfit_cumulative in any of its runs \(every cell is empty\); more runs will not give it one/);
    expect(r.err).not.toMatch(/round|every point's 95 %/);
    expect(read(file)).toBe(edited);
  });

  it('summarize --target-ci counts a run whose cell is empty as no value, and grows its point rather than calling it capped', () => {
    cpSync(join(dir, 'w1'), join(dir, 'grow-empty'), { recursive: true });
    const file = join(dir, 'grow-empty/runs.csv');
    const lines = read(file).split('\n');
    const col = lines[0]!.split(',').indexOf('companyProfit_cumulative');
    // Runs 1–3 of point 1 leave their value empty, as a value that was not a finite number is written.
    for (const i of [1, 2, 3]) lines[i] = lines[i]!.split(',').map((c, j) => (j === col ? '' : c)).join(',');
    writeFileSync(file, lines.join('\n'));
    const values = lines.slice(4, 21).map((l) => Number(l.split(',')[col]));
    const mean = values.reduce((a, b) => a + b, 0) / 17;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / 16);
    // A target that 20 values would meet: point 1 has 20 runs but 17 values, so it needs more runs, well below the cap.
    const target = ((2.1199 * sd) / Math.sqrt(17)) * Math.sqrt(17 / 19.5);
    const r = cli(['summarize', 'grow-empty', '--target-ci', String(target), '--metric', 'companyProfit'], dir);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/cap/);
    expect(r.err).toMatch(/every point's 95 % half-width of companyProfit_cumulative is at most/);
    const rows = csvParse(read(join(dir, 'grow-empty/summary.csv'))).filter((x) => x.metric === 'companyProfit_cumulative');
    for (const x of rows) expect(Number(x.ci_high) - Number(x.mean)).toBeLessThanOrEqual(target);
    expect(Number(rows[0]!.n)).toBeGreaterThan(17);
  });

  it('validate names every problem of an experiment file in one pass, those that need the scenario included', () => {
    const file = join(dir, 'many-problems.yaml');
    writeFileSync(
      file,
      `format: two-fronts/experiment@1\nid: Bad_Id\nscenario: ${JSON.stringify(TUTORIAL)}\nreplications: 0\nseed: -1\nfactors:\n  company.regime: [matrix, matrx]\n  company.interventions.kaAgendaItem: [false, 1]\nmetrics: [companyProfitt, strategicGapp]\n`,
    );
    const r = cli(['validate', file], dir);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter(Boolean).map((l) => l.slice(l.indexOf(':', file.length) + 1).split(':').slice(0, 3).join(':'))).toEqual([
      '2:5: id',
      '4:15: replications',
      '5:7: seed',
      '7:19: factors.company.regime',
      '8:39: factors.company.interventions.kaAgendaItem',
      '9:11: metrics[0]',
      '9:27: metrics[1]',
    ]);
  });

  it('a broken range does not hide a value the scenario cannot take on another factor', () => {
    const file = join(dir, 'two-ranges.yaml');
    writeFileSync(file, `format: two-fronts/experiment@1\nid: e\nscenario: ${JSON.stringify(TUTORIAL)}\ndesign: { type: lhs, samples: 8 }\nfactors:\n  model.decisiveness: { min: 3, max: 1 }\n  departments.legal.capacity: { min: -10, max: 20 }\n`);
    const r = cli(['validate', file], dir);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(':6:38: factors.model.decisiveness.max: max (1) must be greater than min (3)');
    expect(lines[1]).toContain(':7:31: factors.departments.legal.capacity: value -10 makes the scenario invalid: departments.legal.capacity: must be at least 0');
  });

  it('a group written as a value under set: is one problem, at its key, not also the value\'s type', () => {
    const file = join(dir, 'nested-set.yaml');
    writeFileSync(file, `format: two-fronts/experiment@1\nid: e\nscenario: ${JSON.stringify(TUTORIAL)}\nset: { model: { decisivenes: 2 } }\n`);
    const r = cli(['validate', file], dir);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(':4:8: set.model: model is a group of values, not one value a factor can vary; name one of its keys: allocation, ');
  });

  it('Ctrl-C stops summarize --target-ci with exit 130 after the runs in progress, keeping every run written', async () => {
    expect(cli(['batch', sweep, '--out', 'grow-stop', '--quiet'], dir).code).toBe(0);
    const before = read(join(dir, 'grow-stop/runs.csv'));
    // A target no sample reaches: the first round asks for the cap, far more runs than the test waits for.
    const child = spawn(process.execPath, [BIN, 'summarize', 'grow-stop', '--target-ci', '1e-9', '--metric', 'companyProfit', '--max-replicates', '100000', '--workers', '1'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let sent = false;
    child.stderr.on('data', (b: Buffer) => {
      err += String(b);
      if (!sent && err.includes('round 1')) {
        sent = true;
        setTimeout(() => child.kill('SIGINT'), 300);
      }
    });
    // A command that ignored Ctrl-C would run on: give it 30 s, then stop it for good.
    const code = await exitOf(child, 30_000);
    expect(code).toBe(130);
    expect(err).toMatch(/\nsummarize: stopped at [\d,]+ of [\d,]+ runs; run the same command again to go on from the runs done so far \([\d,]+ runs? in [^)]*\)\n$/);
    // Not also batch's way to go on: --resume would finish the round but not grow the folder further.
    expect(err).not.toContain('continue with');
    expect(err).not.toContain('round 2');
    const after = read(join(dir, 'grow-stop/runs.csv'));
    expect(after.startsWith(before)).toBe(true);
    expect(after.endsWith('\n')).toBe(true);
    expect(JSON.parse(read(join(dir, 'grow-stop/manifest.json'))).status).not.toBe('complete');
  });

  it('--metric takes a per-entity reporter name (one column per department) in summarize, report and --target-ci', () => {
    const dp = ['engineering', 'service', 'product', 'legal'].map((d) => `departmentPnl_${d}_cumulative`);
    const r = cli(['summarize', 'w1', '--metric', 'departmentPnl'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const c of dp) expect(r.out).toContain(c);
    const rep = cli(['report', 'w1', '--metric', 'departmentPnl', '--out', 'dp.html'], dir);
    expect(rep.code).toBe(0);
    const html = read(join(dir, 'dp.html'));
    for (const c of dp) expect(html.includes(`<caption>${c}: per design point`)).toBe(true);
    expect(html.includes('<caption>companyProfit_cumulative')).toBe(false);
    // --target-ci: every department's interval must meet the target.
    expect(cli(['batch', sweep, '--out', 'grow-dp', '--quiet'], dir).code).toBe(0);
    const summary = csvParse(read(join(dir, 'w1/summary.csv'))).filter((x) => dp.includes(x.metric!));
    const target = 0.9 * Math.max(...summary.map((x) => Number(x.ci_high) - Number(x.mean)));
    const t = cli(['summarize', 'grow-dp', '--target-ci', String(target), '--metric', 'departmentPnl', '--quiet'], dir);
    expect(t.err).toBe('');
    expect(t.code).toBe(0);
    const rows = csvParse(read(join(dir, 'grow-dp/summary.csv'))).filter((x) => dp.includes(x.metric!));
    expect(rows).toHaveLength(6 * 4);
    for (const x of rows) expect(Number(x.ci_high) - Number(x.mean)).toBeLessThanOrEqual(target);
  });

  it('an unknown --metric lists the batch\'s metric names only, with a suggestion and the guide\'s reporter list', () => {
    for (const args of [['summarize', 'w1', '--metric', 'departmntPnl'], ['report', 'w1', '--metric', 'departmntPnl', '--out', 'x.html']]) {
      const r = cli(args, dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain('no metric "departmntPnl" (did you mean "departmentPnl"?); its metrics are companyProfit, strategicGap, alignmentIndex, departmentPnl (');
      expect(r.err).toContain('docs/RESEARCH.md');
      expect(r.err).not.toMatch(/run_id|seed|company_regime|batch --help/);
    }
  });

  it('an unfinished shard: summarize gives a finish command (with --shard) that works, and report warns and shows the status', () => {
    expect(cli(['batch', 'sweep.yaml', '--out', 'half', '--shard', '2/2', '--quiet'], dir).code).toBe(0);
    // Make it look interrupted after 30 of its 60 runs.
    const mPath = join(dir, 'half/manifest.json');
    writeFileSync(mPath, JSON.stringify({ ...JSON.parse(read(mPath)), status: 'running', finished: null, rows: null }, null, 2));
    const runsCsv = join(dir, 'half/runs.csv');
    writeFileSync(runsCsv, read(runsCsv).split('\n').slice(0, 31).join('\n') + '\n');
    const rep = cli(['report', 'half'], dir);
    expect(rep.code).toBe(0);
    // The experiment file by its path from the folder the command runs in (here, beside it).
    expect(rep.err).toContain('half: the batch is unfinished: 30 of 60 runs; finish with two-fronts batch sweep.yaml --out half --shard 2/2 --resume');
    const html = read(join(dir, 'half/report.html'));
    expect(html.includes('<dt>status</dt><dd><strong>unfinished: 30 of 60 runs')).toBe(true);
    expect(html.includes('<strong>This batch is unfinished</strong>')).toBe(true);
    // Asked from another folder than the one the batch was started in, the command still names the files from there, and works.
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    const s = cli(['summarize', '../half'], elsewhere);
    expect(s.code).toBe(0);
    const hint = /finish with two-fronts (batch .*--resume)\)/.exec(s.out);
    expect(hint?.[1]).toBe('batch ../sweep.yaml --out ../half --shard 2/2 --resume');
    expect(sweep).toBe(join(dir, 'sweep.yaml'));
    const finish = cli([...hint![1]!.split(' '), '--quiet'], elsewhere);
    expect(finish.err).toBe('');
    expect(finish.code).toBe(0);
    expect(JSON.parse(read(mPath)).status).toBe('complete');
    const done = cli(['report', 'half'], dir);
    expect(done.err).toBe('');
    expect(read(join(dir, 'half/report.html')).includes('<dt>status</dt><dd>complete</dd>')).toBe(true);
  });

  it('report bands cover the runs runs.csv holds: on an unfinished batch, not the quarters written ahead of their run; a finished quarters file with a row doubled is refused', () => {
    cpSync(join(dir, 'w1'), join(dir, 'ahead'), { recursive: true });
    // Interrupted after its quarters were written and before their runs: runs.csv has 25 of 120 runs (point 1, and point 2's first 5), quarters.csv all 120.
    const mPath = join(dir, 'ahead/manifest.json');
    writeFileSync(mPath, JSON.stringify({ ...JSON.parse(read(mPath)), status: 'running', finished: null, rows: null }, null, 2));
    const runsCsv = join(dir, 'ahead/runs.csv');
    writeFileSync(runsCsv, read(runsCsv).split('\n').slice(0, 26).join('\n') + '\n');
    expect(cli(['report', 'ahead', '--metric', 'companyProfit', '--quiet'], dir).code).toBe(0);
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(read(join(dir, 'ahead/report.html')))![1]!);
    const series = data.metrics[0].quarterly;
    const quarters = csvParse(read(join(dir, 'ahead/quarters.csv')));
    const q1 = (from: number, to: number) => quarters.filter((q) => q.quarter === '1' && Number(q.run_id) >= from && Number(q.run_id) <= to).map((q) => Number(q.companyProfit));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(series[0].mean[0]).toBeCloseTo(mean(q1(1, 20)), 9);
    expect(series[1].mean[0]).toBeCloseTo(mean(q1(21, 25)), 9);
    expect(data.metrics[0].distribution.rows[1].counts.reduce((a: number, b: number) => a + b, 0)).toBe(5);
    // Points without a run in runs.csv have no band either.
    expect(series[2].mean).toEqual([]);
    // A finished folder whose quarters.csv has a row doubled: refused, like a runs.csv cut or edited.
    cpSync(join(dir, 'w1'), join(dir, 'doubledq'), { recursive: true });
    const lines = read(join(dir, 'doubledq/quarters.csv')).split('\n');
    writeFileSync(join(dir, 'doubledq/quarters.csv'), [...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\n'));
    const r = cli(['report', 'doubledq', '--quiet'], dir);
    expect([r.code, r.err.trim()]).toEqual([1, `two-fronts: ${join('doubledq', 'quarters.csv')}: 361 rows, but manifest.json lists 360 for this finished batch; the file has been cut or edited. Restore it, or run the batch again into a new folder`]);
  });

  it('summarize shows by default the first four metrics in the order of the experiment\'s metrics: list', () => {
    const ord = experiment(dir, 'order.yaml', 'id: order\nreplications: 3\nset: { quarters: 2 }\nmetrics: [alignmentIndex, strategicGap, companyProfit, fulfilmentGini, churnedAccounts]\n');
    expect(cli(['batch', ord, '--out', 'order', '--quiet'], dir).code).toBe(0);
    const r = cli(['summarize', 'order'], dir);
    expect(r.code).toBe(0);
    const header = r.out.split('\n').find((l) => l.startsWith('point'))!.trim().split(/\s+/);
    expect(header).toEqual(['point', 'factors', 'n', 'alignmentIndex_cumulative', 'strategicGap_cumulative', 'companyProfit_cumulative', 'fulfilmentGini_cumulative']);
  });

  it('a sobol and a morris design give their indices in sensitivity.csv, and no pairwise effects', () => {
    const sob = experiment(dir, 'sobol.yaml', 'id: sob\nreplications: 1\nset: { quarters: 2 }\ndesign: { type: sobol, samples: 16, bootstrap: 100 }\nfactors:\n  model.decisiveness: { min: 0.5, max: 4 }\n  departments.*.capacity: { scale: { min: 0.5, max: 1.5 } }\nmetrics: [companyProfit]\n');
    expect(cli(['batch', sob, '--out', 'sob', '--quiet'], dir).code).toBe(0);
    expect(csvParse(read(join(dir, 'sob/runs.csv')))).toHaveLength(16 * 4);
    expect(cli(['summarize', 'sob', '--quiet'], dir).code).toBe(0);
    const sens = csvParse(read(join(dir, 'sob/sensitivity.csv')));
    expect(sens.map((x) => x.factor)).toEqual(['model.decisiveness', 'departments.*.capacity']);
    // A number that is not finite is written as an empty cell, and Number('') is 0: each index must be written.
    const written = (cell: string | undefined) => cell !== undefined && cell !== '' && Number.isFinite(Number(cell));
    for (const x of sens) for (const c of ['S1', 'ST']) expect(written(x[c]), `${x.factor} ${c}: "${x[c]}"`).toBe(true);
    const mor = experiment(dir, 'morris.yaml', 'id: mor\nreplications: 1\nset: { quarters: 2 }\ndesign: { type: morris, samples: 4 }\nfactors:\n  model.decisiveness: { min: 0.5, max: 4 }\n  company.regime: [departmental-pnl, account-pnl]\nmetrics: [companyProfit]\n');
    expect(cli(['batch', mor, '--out', 'mor', '--quiet'], dir).code).toBe(0);
    expect(cli(['summarize', 'mor', '--quiet'], dir).code).toBe(0);
    const m = csvParse(read(join(dir, 'mor/sensitivity.csv')));
    expect(m.map((x) => x.method)).toEqual(['morris', 'morris']);
    for (const x of m) {
      for (const c of ['mu_star', 'sigma']) expect(written(x[c]), `${x.factor} ${c}: "${x[c]}"`).toBe(true);
      expect(Number(x.mu_star)).toBeGreaterThanOrEqual(0);
    }
    // Pairs of points one factor apart are what the indices measure: no effects rows of one run against one.
    expect(csvParse(read(join(dir, 'mor/effects.csv')))).toHaveLength(0);
    expect(csvParse(read(join(dir, 'sob/effects.csv')))).toHaveLength(0);
  });

  it('report: the Morris bars\' axis names the metric\'s unit (μ* and σ are in it), in English and Dutch', () => {
    expect(existsSync(join(dir, 'mor/runs.csv'))).toBe(true);
    for (const [lang, axis, unit] of [['en', 'elementary effect on {metric} ({unit} per full range of the factor)', 'k€'], ['nl', 'elementair effect op {metric} ({unit} per volledig bereik van de factor)', 'k€']] as const) {
      expect(cli(['report', 'mor', '--lang', lang, '--out', `mor-${lang}.html`, '--quiet'], dir).code).toBe(0);
      const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(read(join(dir, `mor-${lang}.html`)))![1]!);
      expect(data.messages['research.chart.morris.axis']).toBe(axis);
      // For a metric whose unit is a range (0..1) the axis says "per full range of the factor" without it.
      expect(data.messages['research.chart.morris.axis.plain']).toBe(axis.replace('{unit} ', ''));
      expect(data.sensitivity.map((x: { metric: string; unit: string }) => [x.metric, x.unit])).toEqual([['companyProfit_cumulative', unit]]);
    }
  });

  it('report: the contents list only sections that hold something; Sobol\' and Morris reports open with the sensitivity bars', () => {
    const contents = (html: string) => [...(/<nav[^>]*><ul>(.*?)<\/ul><\/nav>/s.exec(html)![1]!.matchAll(/href="#([^"]+)"/g))].map((x) => x[1]);
    const headings = (html: string) => [...html.matchAll(/<h2 id="([^"]+)"/g)].map((x) => x[1]);
    for (const folder of ['mor', 'sob']) {
      expect(cli(['report', folder, '--out', `${folder}-order.html`, '--quiet'], dir).code).toBe(0);
      const html = read(join(dir, `${folder}-order.html`));
      // No "Effects between points": their points differ in one factor by design, and the indices are those effects.
      expect(contents(html), folder).toEqual(['sensitivity', 'metric-0']);
      expect(headings(html), folder).toEqual(['sensitivity', 'metrics']);
    }
    // A factorial has effects but no indices: the contents leave out the sensitivity section, which says why it is empty.
    expect(cli(['report', 'w1', '--metric', 'companyProfit', '--out', 'w1-order.html', '--quiet'], dir).code).toBe(0);
    const factorial = read(join(dir, 'w1-order.html'));
    expect(contents(factorial)).toEqual(['metric-0', 'effects']);
    expect(headings(factorial)).toEqual(['metrics', 'effects', 'sensitivity']);
  });

  it('report writes one self-contained HTML file: inline script and data, no external resources, accessible charts', () => {
    const r = cli(['report', 'w1'], dir);
    expect(r.code).toBe(0);
    const html = read(join(dir, 'w1/report.html'));
    // (booleans, not toMatch: a failure must not print the whole page with d3 inside)
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(/<script[^>]+src=/.test(html)).toBe(false);
    expect(/<link[^>]+href=/.test(html)).toBe(false);
    expect(/(src|href)=["']?https?:/.test(html)).toBe(false);
    expect(html.includes('id="report-data"')).toBe(true);
    expect(html.includes('data-metric-charts="0"')).toBe(true);
    expect(html.includes('<caption>companyProfit_cumulative: per design point')).toBe(true);
    // the chart frame marks every SVG as an image labelled by its title and description
    expect(/attr\(.role.,.img.\)/.test(html) && /aria-labelledby/.test(html)).toBe(true);
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data.metrics[0].quarterly).toHaveLength(6);
    expect(data.metrics[0].quarterly[0].mean).toHaveLength(3);
  });

  it('report --lang nl writes the report in Dutch: html lang, Dutch headings and labels, decimal commas, only Dutch messages embedded', () => {
    const r = cli(['report', 'w1', '--lang', 'nl', '--metric', 'strategicGap', '--out', 'nl.html'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const html = read(join(dir, 'nl.html'));
    expect(html.includes('<html lang="nl">')).toBe(true);
    for (const dutch of ['<h2 id="metrics">Metrieken</h2>', '<h2 id="effects">Effecten tussen ontwerppunten</h2>', '<h2 id="sensitivity">Gevoeligheidsanalyse</h2>', '<caption>strategicGap_cumulative: per ontwerppunt (95%-t-interval)</caption>', '<th scope="col">gemiddelde</th>', '<dt>ontwerp</dt><dd>factorial, 6 ontwerppunten, 20 replicaties per punt</dd>', '<dt>status</dt><dd>voltooid</dd>']) {
      expect(html.includes(dutch), dutch).toBe(true);
    }
    // strategicGap lies between −1 and 1: its means are written with a decimal comma, never a decimal point.
    const row = /<tr><th scope="row">1: [^<]*<\/th><td>20<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/.exec(html);
    expect(row?.[1]).toMatch(/^-?\d,\d{3}$/);
    expect(row?.[2]).toMatch(/^-?\d,\d{3} – -?\d,\d{3}$/);
    for (const english of ['>Metrics<', '>Effects between points<', '>Sensitivity<', 'per design point', 'experiment report', '>mean<', 'made by', 'the numbers as a table', 'per quarter']) {
      expect(html.includes(english), english).toBe(false);
    }
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data.locale).toBe('nl-NL');
    expect(data.messages['research.chart.band.title']).toBe('{reporter} per kwartaal');
    expect(Object.keys(data.messages).every((k: string) => k.startsWith('research.chart.'))).toBe(true);
    // The default stays English.
    expect(read(join(dir, 'w1/report.html')).includes('<html lang="en">')).toBe(true);
  });

  it('report --lang with an unknown language is a usage error (exit 2) that lists en and nl', () => {
    const r = cli(['report', 'w1', '--lang', 'xx', '--out', 'xx.html'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--lang must be one of en, nl, not "xx"');
    expect(existsSync(join(dir, 'xx.html'))).toBe(false);
  });
});

describe('bad input', () => {
  it('validate reports a typo in a factor path and an unknown design type as FILE:LINE:COL lines with suggestions, exit 1', () => {
    const bad = experiment(dir, 'bad.yaml', 'id: bad\ndesign: { type: factorail }\nfactors:\n  company.regme: [matrix]\n');
    const r = cli(['validate', bad], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:4:17: design.type: "factorail" is not one of factorial | lhs | sobol | morris (did you mean "factorial"?)`);
    expect(r.err).toContain(`${bad}:6:3: factors.company.regme: company has no key "regme" (did you mean "regime"?)`);
    expect(r.err).not.toMatch(/\n\s+at /);
    const ok = cli(['validate', sweep], dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('valid experiment');
  });

  it('an experiment file without format is recognised as one; batch on a scenario file and summarize on a file say what they need', () => {
    writeFileSync(join(dir, 'noformat.yaml'), `id: nf\nscenario: ${JSON.stringify(TUTORIAL)}\ndesign: { type: factorial }\nfactors:\n  company.regime: [matrix]\n`);
    const missing = 'noformat.yaml:1:1: format: format is missing: this looks like an experiment file (it has scenario, design, factors); write "format: two-fronts/experiment@1" at the top\n';
    for (const cmd of [['validate', 'noformat.yaml'], ['batch', 'noformat.yaml', '--out', 'nf']]) {
      const r = cli(cmd, dir);
      expect(r.code).toBe(1);
      expect(r.err).toBe(missing);
    }
    const scen = cli(['batch', join(ROOT, 'scenarios/pnl-trap.yaml'), '--out', 'x'], dir);
    expect(scen.code).toBe(1);
    expect(scen.err).toBe(
      `${join(ROOT, 'scenarios/pnl-trap.yaml')}:2:9: format: this is a scenario file (two-fronts/scenario@1); two-fronts batch needs an experiment file (format: two-fronts/experiment@1) that names a scenario: see docs/RESEARCH.md, "Experiment files"\n`,
    );
    // And the other way round: run on an experiment file points to batch.
    const exp = cli(['run', 'sweep.yaml'], dir);
    expect([exp.code, exp.err]).toEqual([1, 'sweep.yaml:1:9: format: this is an experiment file (two-fronts/experiment@1), not a scenario (two-fronts/scenario@1); an experiment runs with two-fronts batch sweep.yaml --out DIR (see docs/RESEARCH.md)\n']);
    for (const cmd of ['summarize', 'report']) {
      const r = cli([cmd, 'noformat.yaml'], dir);
      expect(r.code).toBe(1);
      expect(r.err).toContain('noformat.yaml is a file; summarize, report and merge take the output folder of two-fronts batch');
    }
  });

  it('an experiment whose scenario: names a folder is told so at that line, by validate and batch', () => {
    mkdirSync(join(dir, 'scenarios-here'), { recursive: true });
    writeFileSync(join(dir, 'folder.yaml'), 'format: two-fronts/experiment@1\nid: f\nscenario: scenarios-here\n');
    for (const args of [['validate', 'folder.yaml'], ['batch', 'folder.yaml', '--out', 'never', '--quiet']]) {
      const r = cli(args, dir);
      expect([r.code, r.err.trim()], args[0]).toEqual([1, 'folder.yaml:3:11: scenario: scenarios-here is a folder; scenario names one scenario file (the path is relative to the experiment file)']);
    }
  });

  it('a scenario path that names no file is shown as the experiment writes it, with the closest YAML or JSON file in its folder', () => {
    mkdirSync(join(dir, 'mine'), { recursive: true });
    mkdirSync(join(dir, 'scens'), { recursive: true });
    writeFileSync(join(dir, 'scens/arms-race.yaml'), read(TUTORIAL));
    writeFileSync(join(dir, 'scens/notes.txt'), 'arms_race');
    writeFileSync(join(dir, 'mine/typo.yaml'), 'format: two-fronts/experiment@1\nid: typo\nscenario: ../scens/arms_race.yaml\n');
    // Also when the file has other problems (then the scenario is looked for on the side).
    writeFileSync(join(dir, 'mine/typo2.yaml'), 'format: two-fronts/experiment@1\nid: Typo\nscenario: ../scens/arms_race.yaml\n');
    for (const args of [['validate', 'mine/typo.yaml'], ['batch', 'mine/typo.yaml', '--out', 'never', '--quiet']]) {
      const r = cli(args, dir);
      expect([r.code, r.err.trim()], args[0]).toEqual([1, 'mine/typo.yaml:3:11: scenario: no such scenario file: ../scens/arms_race.yaml (the path is relative to the experiment file; did you mean ../scens/arms-race.yaml?)']);
    }
    expect(cli(['validate', 'mine/typo2.yaml'], dir).err).toContain('mine/typo2.yaml:3:11: scenario: no such scenario file: ../scens/arms_race.yaml (the path is relative to the experiment file; did you mean ../scens/arms-race.yaml?)');
    expect(cli(['validate', 'typo.yaml', '--lang', 'nl'], join(dir, 'mine')).err.trim()).toBe(
      'typo.yaml:3:11: scenario: dit scenariobestand bestaat niet: ../scens/arms_race.yaml (het pad is relatief ten opzichte van het experimentbestand; bedoel je ../scens/arms-race.yaml?)',
    );
    // Nothing close: the path as written, no guess.
    writeFileSync(join(dir, 'mine/far.yaml'), 'format: two-fronts/experiment@1\nid: far\nscenario: ../scens/pnl-trap.yaml\n');
    expect(cli(['validate', 'mine/far.yaml'], dir).err.trim()).toBe('mine/far.yaml:3:11: scenario: no such scenario file: ../scens/pnl-trap.yaml (the path is relative to the experiment file)');
  });

  it('batch on a broken file exits 1 with positions; wrong flags exit 2 with usage', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'format: two-fronts/experiment@1\nid: [\n');
    const broken = cli(['batch', 'broken.yaml', '--out', 'x'], dir);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^broken\.yaml:\d+:\d+: /);
    for (const args of [['batch', sweep, '--out', 'x', '--shard', '4/3'], ['batch', sweep, '--out', 'x', '--workers', 'many'], ['batch', sweep], ['batch', sweep, '--out', 'x', '--format', 'xlsx'], ['summarize', 'w1', '--target-ci', '5']]) {
      const r = cli(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('two-fronts --help');
    }
  });

  it('an experiment file\'s warnings are marked as warnings, by validate and batch, with --quiet and in Dutch', () => {
    experiment(dir, 'warned.yaml', 'id: warned\nset: { quarters: 2 }\ndesign:\n  type: factorial\n  samples: 10\nfactors:\n  model.decisiveness: { min: 0.5, max: 3 }\n');
    const en = [
      'warned.yaml:7:3: warning: design.samples: a factorial design runs every combination of the levels and does not use samples (it is for lhs, sobol and morris)',
      'warned.yaml:9:23: warning: factors.model.decisiveness: a factorial design takes a range without steps at 3 levels: 0.5, 1.75, 3 (give steps or step, or a list, for others)',
    ];
    for (const args of [['validate', 'warned.yaml'], ['validate', 'warned.yaml', '--quiet'], ['batch', 'warned.yaml', '--out', 'warned', '--quiet']]) {
      const r = cli(args, dir);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.err.split('\n').filter(Boolean), args.join(' ')).toEqual(en);
    }
    const nl = cli(['validate', 'warned.yaml', '--lang', 'nl'], dir);
    expect(nl.err.split('\n').filter(Boolean).map((l) => l.split(': ').slice(0, 3).join(': '))).toEqual(['warned.yaml:7:3: waarschuwing: design.samples', 'warned.yaml:9:23: waarschuwing: factors.model.decisiveness']);
  });

  it('--format with an empty item (csv,,jsonl or a comma at an end) is a usage error naming the flag, and writes nothing', () => {
    for (const format of ['csv,,jsonl', 'csv,', ',jsonl']) {
      const r = cli(['batch', sweep, '--out', 'empty-format', '--format', format], dir);
      expect(r.code, format).toBe(2);
      expect(r.err).toBe(`two-fronts: --format: "${format}" has an empty item (two commas in a row, or one at an end); give formats as csv,jsonl\n(run two-fronts --help for usage)\n`);
      expect(existsSync(join(dir, 'empty-format'))).toBe(false);
    }
  });
});
