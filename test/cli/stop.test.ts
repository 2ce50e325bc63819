/**
 * Stopping a batch with Ctrl-C or SIGTERM: the command ends with exit 130 and
 * says how to go on, whenever the stop lands.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBatch } from '../../src/cli/batch-run.js';
import { readExperiment } from '../../src/cli/experiment-file.js';
import { BIN, cli, exitOf } from '../cli-process.js';
import { ROOT } from '../helpers.js';

/** Set by a test: a Ctrl-C lands while the batch converts its rows to Parquet. */
const during = vi.hoisted(() => ({ parquet: false }));
vi.mock('../../src/cli/output/parquet.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/cli/output/parquet.js')>();
  return {
    ...actual,
    writeParquetFrom: async (...args: Parameters<typeof actual.writeParquetFrom>) => {
      if (during.parquet) process.emit('SIGINT');
      return actual.writeParquetFrom(...args);
    },
  };
});

function sweep(dir: string, replications: number, quarters = 2): string {
  const file = join(dir, `sweep-${replications}-${quarters}.yaml`);
  writeFileSync(
    file,
    `format: two-fronts/experiment@1\nid: stop\nscenario: ${JSON.stringify(join(ROOT, 'scenarios/tutorial.yaml'))}\nreplications: ${replications}\nset: { quarters: ${quarters} }\nfactors:\n  company.regime: [departmental-pnl, matrix]\n`,
  );
  return file;
}

/**
 * A scenario whose runs take long (about a second each on a laptop): 400 KAMs with two accounts each over 200
 * quarters. A chunk of a batch (8 runs at least) takes seconds, far longer than a test takes to send two signals.
 */
function slowScenario(dir: string): string {
  const file = join(dir, 'slow.yaml');
  const n = 400;
  const lines = ['format: two-fronts/scenario@1', 'id: slow', 'title: "Slow"', 'quarters: 200', 'seed: 1', 'company: { regime: departmental-pnl, fixedCostPerQuarter: 60 }', 'departments:'];
  for (const d of ['engineering', 'service', 'product', 'legal']) lines.push(`  - { id: ${d}, name: ${d}, capacity: ${(85 * n) / 4}, unitCost: 0.8, transferPrice: 1.1 }`);
  lines.push('accounts:');
  for (let i = 0; i < 2 * n; i++) lines.push(`  - { id: a${i}, name: a${i}, wallet: 500, shareOfWallet: 0.3, margin: 0.3, growth: 0.02, satisfaction: 0.6, needs: { engineering: 0.5, service: 0.3, legal: 0.2 } }`);
  lines.push('kams:');
  for (let i = 0; i < n; i++) lines.push(`  - { id: k${i}, name: k${i}, accounts: [a${2 * i}, a${2 * i + 1}], control: persona, persona: analyst }`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Children still running when their test ends (a failed one) are killed, so no batch outlives its test. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** The built command in `dir`, its stderr collected. */
function start(args: string[], dir: string): { child: ChildProcess; err: () => string } {
  if (!existsSync(join(ROOT, 'dist/workers/batch.worker.js'))) throw new Error('dist/ is missing: run npm run build first (npm test does)');
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += String(b)));
  return { child, err: () => err };
}

const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);
const runIds = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .slice(1, -1)
    .map((l) => Number(l.slice(0, l.indexOf(','))));
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { status: string; resumes: unknown[] };

/** Waits until `ready` holds; after `ms` (30 s) fails, saying what it waited for and what the command wrote to stderr. */
async function until(what: string, ready: () => boolean, err: () => string = () => '', ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!ready()) {
    if (Date.now() - t0 > ms) throw new Error(`waited ${ms / 1000} s for ${what}; the command wrote to stderr:\n${err()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('stopping a batch', () => {
  it('a Ctrl-C that lands while the last runs are in progress still stops the command: the folder is left for --resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-stop-'));
    const file = sweep(dir, 20);
    const out = join(dir, 'late');
    let written = 0;
    const lines: string[] = [];
    const stream = { write: (s: string) => lines.push(s) };
    // The stop request arrives as the last chunk is delivered: the round is done, but the command must not go on as if nothing happened.
    const stopped = await runBatch(readExperiment(file), {
      out,
      workers: 1,
      progress: 'plain',
      stream,
      trace: (c) => {
        written += c.runs;
        if (written === 40) process.emit('SIGINT');
      },
    });
    expect(written).toBe(40);
    expect(stopped.interrupted).toBe(true);
    expect(lines.join('')).toContain('batch: stopped at 40 of 40 runs; continue with: two-fronts batch ');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('running');
    // The command it names finishes the folder without running anything again.
    const resumed = await runBatch(readExperiment(file), { out, resume: true, workers: 1 });
    expect(resumed).toMatchObject({ interrupted: false, ran: 0, resumedFrom: 40 });
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('complete');
  }, 60_000);

  it('a Ctrl-C during the Parquet conversion still stops the command and says how to go on; --resume converts again and completes the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-stop-'));
    const file = sweep(dir, 5);
    const out = join(dir, 'parquet');
    const lines: string[] = [];
    const stream = { write: (s: string) => lines.push(s) };
    const before = process.listenerCount('SIGINT');
    during.parquet = true;
    let stopped;
    try {
      stopped = await runBatch(readExperiment(file), { out, workers: 1, formats: ['csv', 'parquet'], progress: 'quiet', stream });
    } finally {
      during.parquet = false;
    }
    expect(stopped.interrupted).toBe(true);
    expect(lines.join('')).toMatch(/^batch: stopped at 10 of 10 runs; continue with: two-fronts batch .* --resume\n$/);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('running');
    // The handlers go once the command is done, not before.
    expect(process.listenerCount('SIGINT')).toBe(before);
    const resumed = await runBatch(readExperiment(file), { out, resume: true, workers: 1 });
    expect(resumed).toMatchObject({ interrupted: false, ran: 0, resumedFrom: 10 });
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('complete');
    expect(existsSync(join(out, 'runs.parquet'))).toBe(true);
  }, 60_000);

  it('with --quiet, a batch stopped by SIGTERM still says where it stopped and how to go on; that command goes on from there, no run lost or doubled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-stop-'));
    // Two million runs: minutes of work even on a fast machine, so the stop always lands in the middle.
    const file = sweep(dir, 1_000_000);
    const runs = join(dir, 'quiet/runs.csv');
    const first = start(['batch', file, '--out', 'quiet', '--workers', '1', '--quiet'], dir);
    await until('the first runs in quiet/runs.csv', () => lines(runs) > 3, first.err);
    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(130);
    // No progress and no stopping line, but the way to go on.
    const said = /^batch: stopped at ([\d,]+) of 2,000,000 runs; continue with: two-fronts batch (.*sweep-1000000-2\.yaml) --out quiet --resume\n$/.exec(first.err());
    expect(said, first.err()).not.toBeNull();
    const stoppedAt = Number(said![1]!.replaceAll(',', ''));
    expect(runIds(runs)).toEqual(Array.from({ length: stoppedAt }, (_, i) => i + 1));
    const before = readFileSync(runs, 'utf8');
    // The command it names goes on from there: stopped again a little later, the file holds the runs before and the
    // next ones, each once and in order (finishing two million runs is not the point).
    const again = start(['batch', said![2]!, '--out', 'quiet', '--resume', '--quiet'], dir);
    await until('the resumed batch to add runs', () => lines(runs) > stoppedAt + 3, again.err);
    again.child.kill('SIGTERM');
    expect(await exitOf(again.child)).toBe(130);
    const resumed = /^batch: stopped at ([\d,]+) of 2,000,000 runs; continue with: two-fronts batch .* --out quiet --resume\n$/.exec(again.err());
    expect(resumed, again.err()).not.toBeNull();
    const total = Number(resumed![1]!.replaceAll(',', ''));
    expect(total).toBeGreaterThan(stoppedAt);
    expect(readFileSync(runs, 'utf8').startsWith(before)).toBe(true);
    expect(runIds(runs)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(manifestOf(join(dir, 'quiet')).status).toBe('running');
  }, 60_000);

  it('a second Ctrl-C stops at once, without waiting for the runs in progress, and says where it stopped and how to go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-stop-'));
    slowScenario(dir);
    // 16 runs of about a second each: two chunks of 8, both sent to the thread as the batch starts.
    writeFileSync(join(dir, 'slow-exp.yaml'), 'format: two-fronts/experiment@1\nid: slow\nscenario: slow.yaml\nreplications: 16\n');
    const args = ['batch', 'slow-exp.yaml', '--out', 'twice', '--workers', '1'];
    /** Starts the command, stops it twice (the second once the first is taken) and returns its exit code and stderr. */
    const stopTwice = async (more: string[], started: () => boolean) => {
      const { child, err } = start([...args, ...more], dir);
      // The manifest is written once the command listens for a stop, and the same moment its first chunks go out.
      await until('the batch to start', started, err);
      child.kill('SIGINT');
      await until('the line that the batch is stopping', () => err().includes('batch: stopping after the runs in progress'), err);
      child.kill('SIGINT');
      return { code: await exitOf(child), err: err() };
    };
    const first = await stopTwice([], () => existsSync(join(dir, 'twice/manifest.json')));
    expect(first.code).toBe(130);
    // Stopping after the runs in progress would have written the first chunk (8 runs, seconds of work) before saying
    // anything: 0 runs written means the second Ctrl-C ended the command while they still ran.
    expect(first.err).toMatch(/\nbatch: stopped at 0 of 16 runs; continue with: two-fronts batch slow-exp\.yaml --out twice --resume \(0 runs in [^)]*\)\n$/);
    expect(lines(join(dir, 'twice/runs.csv'))).toBe(1);
    expect(manifestOf(join(dir, 'twice')).status).toBe('running');
    // The command it names takes the folder up again (a refusal would end it at once, with exit 1, before any stop).
    const resumed = await stopTwice(['--resume'], () => manifestOf(join(dir, 'twice')).resumes.length === 1);
    expect(resumed.code).toBe(130);
    expect(resumed.err).toMatch(/\nbatch: stopped at 0 of 16 runs; continue with: two-fronts batch slow-exp\.yaml --out twice --resume \(0 runs in [^)]*\)\n$/);
  }, 60_000);

  it('with --quiet, summarize --target-ci stopped by SIGTERM says to run the same command again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-stop-'));
    expect(cli(['batch', sweep(dir, 3), '--out', 'grow', '--quiet'], dir).code).toBe(0);
    // A target no sample reaches: the first round asks for far more runs than the test waits for.
    const { child, err } = start(['summarize', 'grow', '--target-ci', '1e-9', '--metric', 'companyProfit', '--max-replicates', '100000', '--workers', '1', '--quiet'], dir);
    await until('the first round to add runs to grow/runs.csv', () => lines(join(dir, 'grow/runs.csv')) > 10, err);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(130);
    // One way to go on, the one that fits summarize: not batch --resume, which would not grow the folder further.
    expect(err()).toMatch(/^summarize: stopped at [\d,]+ of [\d,]+ runs; run the same command again to go on from the runs done so far\n$/);
  });
});
