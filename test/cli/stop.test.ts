/**
 * Stopping a batch with Ctrl-C or SIGTERM: the command ends with exit 130 and
 * says how to go on, whenever the stop lands.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
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

/** The built command in `dir`, its stderr collected. */
function start(args: string[], dir: string): { child: ChildProcess; err: () => string } {
  if (!existsSync(join(ROOT, 'dist/workers/batch.worker.js'))) throw new Error('dist/ is missing: run npm run build first (npm test does)');
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += String(b)));
  return { child, err: () => err };
}

const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

/** Waits (at most 30 s) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  const t0 = Date.now();
  while (!ready() && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 5));
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

  it('with --quiet, a batch stopped by SIGTERM still says where it stopped and how to go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-stop-'));
    const { child, err } = start(['batch', sweep(dir, 400, 8), '--out', 'quiet', '--workers', '1', '--quiet'], dir);
    await until(() => lines(join(dir, 'quiet/runs.csv')) > 3);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(130);
    // No progress and no stopping line, but the way to go on.
    expect(err()).toMatch(/^batch: stopped at \d+ of 800 runs; continue with: two-fronts batch .*sweep-400-8\.yaml --out quiet --resume\n$/);
  });

  it('a second Ctrl-C stops at once, and says where it stopped and how to go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-stop-'));
    const { child, err } = start(['batch', sweep(dir, 400, 8), '--out', 'twice', '--workers', '1'], dir);
    await until(() => lines(join(dir, 'twice/runs.csv')) > 3);
    child.kill('SIGINT');
    // The second once the first is taken, while the runs in progress still run.
    await until(() => err().includes('stopping after the runs in progress'));
    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(130);
    expect(err()).toMatch(/batch: stopped at \d+ of 800 runs; continue with: two-fronts batch .*sweep-400-8\.yaml --out twice --resume/);
    // The command it names finishes the batch.
    const resumed = cli(['batch', 'sweep-400-8.yaml', '--out', 'twice', '--resume', '--quiet'], dir);
    expect(resumed.err).toBe('');
    expect(resumed.code).toBe(0);
    expect(lines(join(dir, 'twice/runs.csv'))).toBe(801);
  });

  it('with --quiet, summarize --target-ci stopped by SIGTERM says to run the same command again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-stop-'));
    expect(cli(['batch', sweep(dir, 3), '--out', 'grow', '--quiet'], dir).code).toBe(0);
    // A target no sample reaches: the first round asks for far more runs than the test waits for.
    const { child, err } = start(['summarize', 'grow', '--target-ci', '1e-9', '--metric', 'companyProfit', '--max-replicates', '100000', '--workers', '1', '--quiet'], dir);
    await until(() => lines(join(dir, 'grow/runs.csv')) > 10);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(130);
    // One way to go on, the one that fits summarize: not batch --resume, which would not grow the folder further.
    expect(err()).toMatch(/^summarize: stopped at [\d,]+ of [\d,]+ runs; run the same command again to go on from the runs done so far\n$/);
  });
});
