/**
 * Stopping a batch with Ctrl-C or SIGTERM: the command ends with exit 130 and
 * says how to go on, whenever the stop lands.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/cli/batch-run.js';
import { readExperiment } from '../../src/cli/experiment-file.js';
import { ROOT } from '../helpers.js';

function sweep(dir: string, replications: number): string {
  const file = join(dir, `sweep-${replications}.yaml`);
  writeFileSync(
    file,
    `format: two-fronts/experiment@1\nid: stop\nscenario: ${JSON.stringify(join(ROOT, 'scenarios/tutorial.yaml'))}\nreplications: ${replications}\nset: { quarters: 2 }\nfactors:\n  company.regime: [departmental-pnl, matrix]\n`,
  );
  return file;
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
});
