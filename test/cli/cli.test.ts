import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, CLI_TIMEOUT_MS, cli, exitOf } from '../cli-process.js';
import { ROOT } from '../helpers.js';

beforeAll(() => {
  // The command runs from the built JavaScript, as users run it; `npm test` builds it first.
  if (!existsSync(join(ROOT, 'dist/cli/bin.js'))) throw new Error('dist/ is missing: run npm run build first (npm test does)');
});

describe('two-fronts (built command)', () => {
  it('two-fronts validate scenarios/*.yaml exits 0 and says each file is valid', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);
    const r = cli(['validate', ...files]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    for (const f of files) expect(r.out).toContain(`${f}: valid scenario`);
  });

  it('a reader that stops early (| head) ends the output quietly: no stack trace, and the exit code is still the result', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);
    // `head -1` closes the pipe after the first line while the validation goes on (a second or two) and succeeds.
    const script = `"${process.execPath}" "${BIN}" validate ${Array.from({ length: 30 }, () => files.join(' ')).join(' ')} | head -1; exit \${PIPESTATUS[0]}`;
    const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: CLI_TIMEOUT_MS, killSignal: 'SIGKILL' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.status).toBe(0);
  });

  it('two-fronts validate reports a typo, an unknown department and a negative capacity as three FILE:LINE:COL lines and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8')
        .replace('  regime: departmental-pnl', '  regim: departmental-pnl')
        .replace('needs: { engineering: 0.5, service: 0.3, legal: 0.2 }', 'needs: { engineering: 0.5, finance: 0.3, legal: 0.2 }')
        .replace('capacity: 32,', 'capacity: -32,'),
    );
    const r = cli(['validate', file]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: [\\w.\\[\\]]+: `));
    expect(r.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
    // The same problems in Dutch, at the same places.
    const nl = cli(['validate', '--lang', 'nl', file, 'scenarios/tutorial.yaml']);
    expect(nl.code).toBe(1);
    const nlLines = nl.err.trim().split('\n');
    expect(nlLines.map((l) => l.slice(0, l.indexOf(': ', file.length + 1)))).toEqual(lines.map((l) => l.slice(0, l.indexOf(': ', file.length + 1))));
    expect(nl.err).toContain('onbekende sleutel');
    expect(nl.out).toContain('scenarios/tutorial.yaml: geldig scenario');
    expect(nl.out).toContain('1 van 2 bestanden geldig');
    expect(cli(['validate', '--lang', 'fr', file]).code).toBe(2);
  });

  it('two-fronts run writes identical files when run twice with the same seed', () => {
    const a = mkdtempSync(join(tmpdir(), 'tf-a-'));
    const b = mkdtempSync(join(tmpdir(), 'tf-b-'));
    expect(cli(['run', 'scenarios/pnl-trap.yaml', '--seed', '1', '--out', a, '--quiet']).code).toBe(0);
    expect(cli(['run', 'scenarios/pnl-trap.yaml', '--seed', '1', '--out', b, '--quiet']).code).toBe(0);
    const files = readdirSync(a).sort();
    expect(files).toEqual(['accounts.csv', 'manifest.json', 'quarters.csv', 'summary.json']);
    for (const f of files) expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
    const quarters = readFileSync(join(a, 'quarters.csv'), 'utf8').trim().split('\n');
    expect(quarters).toHaveLength(13);
    expect(quarters[0]).toMatch(/^quarter,companyProfit,.*,align_strategy,.*,departmentPnl_engineering,/);
    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    expect(summary.seed).toBe(1);
    expect(summary.cumulative.companyProfit).toBeTypeOf('number');
  });

  it('two-fronts run --out overwrites an earlier run, never a batch or files it did not write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-out-'));
    const again = join(dir, 'again');
    expect(cli(['run', 'scenarios/tutorial.yaml', '--out', again, '--quiet']).code).toBe(0);
    expect(cli(['run', 'scenarios/tutorial.yaml', '--seed', '2', '--out', again, '--quiet']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(again, 'summary.json'), 'utf8')).seed).toBe(2);
    // A batch folder: its manifest and quarters.csv stay as they were.
    const batch = join(dir, 'batch');
    writeFileSync(join(dir, 'e.yaml'), `format: two-fronts/experiment@1\nid: tiny\nscenario: ${JSON.stringify(join(ROOT, 'scenarios/tutorial.yaml'))}\nset: { quarters: 2 }\nperQuarter: true\n`);
    expect(cli(['batch', join(dir, 'e.yaml'), '--out', batch, '--workers', '1', '--quiet']).code).toBe(0);
    const before = ['manifest.json', 'quarters.csv'].map((f) => readFileSync(join(batch, f), 'utf8'));
    const r = cli(['run', 'scenarios/tutorial.yaml', '--out', batch, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`two-fronts: ${batch} holds a batch (tiny): run --out would overwrite its files; choose another --out folder`);
    expect(['manifest.json', 'quarters.csv'].map((f) => readFileSync(join(batch, f), 'utf8'))).toEqual(before);
    expect(existsSync(join(batch, 'accounts.csv'))).toBe(false);
    // Someone else's file of the same name.
    const other = join(dir, 'other');
    expect(cli(['run', 'scenarios/tutorial.yaml', '--out', other, '--quiet']).code).toBe(0);
    writeFileSync(join(other, 'manifest.json'), '{"mine": true}');
    const nl = cli(['run', 'scenarios/tutorial.yaml', '--out', other, '--quiet', '--lang', 'nl']);
    expect(nl.code).toBe(1);
    expect(nl.err.trim()).toBe(`two-fronts: ${other} bevat al quarters.csv, accounts.csv, summary.json, manifest.json, niet geschreven door two-fronts run; kies een andere --out-map, of verplaats ze`);
    expect(readFileSync(join(other, 'manifest.json'), 'utf8')).toBe('{"mine": true}');
  });

  it('two-fronts run prints a readable summary and honours --regime and --quarters', () => {
    const r = cli(['run', 'scenarios/tutorial.yaml', '--regime', 'account-pnl', '--quarters', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/account-pnl · 3 quarters/);
    expect(r.out).toMatch(/company profit/);
  });

  it('two-fronts with a wrong flag or argument exits 2 with the usage hint', () => {
    for (const args of [['run', 'scenarios/tutorial.yaml', '--sed', '1'], ['run', 'scenarios/tutorial.yaml', '--seed', 'abc'], ['run', 'scenarios/tutorial.yaml', '--regime', 'acount-pnl'], ['frobnicate']]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/two-fronts --help|did you mean|must be|unknown/);
    }
    expect(cli(['run', 'scenarios/tutorial.yaml', '--regime', 'acount-pnl']).err).toMatch(/did you mean "account-pnl"/);
    // The parser's messages read like the command's own.
    expect(cli(['run', 'scenarios/tutorial.yaml', '--sed', '1']).err.split('\n')[0]).toBe("two-fronts: unknown option '--sed'");
  });

  it('two-fronts run on a missing file exits 1 with a message, not a stack trace', () => {
    const r = cli(['run', 'no/such/file.yaml']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('two-fronts: no/such/file.yaml: no such file');
  });

  it('an output folder that cannot be made is refused by name, at once (Node\'s own recursive mkdir loops for ever under /proc)', () => {
    // A file where the folder belongs, too.
    const file = cli(['run', 'scenarios/tutorial.yaml', '--quarters', '1', '--out', BIN], ROOT, 20_000);
    expect([file.code, file.out, file.err.trim()]).toEqual([1, '', `two-fronts: ${BIN}: exists and is not a folder`]);
    // /proc holds no folders of ours on Linux; elsewhere it does not exist and says nothing.
    const cases: (readonly [string, string])[] = [[`${BIN}/x`, 'ENOTDIR']];
    if (process.platform === 'linux') cases.push(['/proc/two-fronts-x/y', 'ENOENT']);
    for (const [out, code] of cases) {
      const r = cli(['run', 'scenarios/tutorial.yaml', '--quarters', '1', '--out', out], ROOT, 20_000);
      expect([r.code, r.err.trim()]).toEqual([1, `two-fronts: ${out}: cannot create the output folder (${code})`]);
      // Said before the run, not after its summary.
      expect(r.out).toBe('');
    }
  });

  it('two-fronts validate and run read a .json file as strict JSON: a comma after the last item is refused at FILE:LINE:COL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-'));
    const json = JSON.stringify(parse(readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8')), null, 2);
    writeFileSync(join(dir, 'own.json'), json);
    writeFileSync(join(dir, 'comma.json'), json.replace(/\n\}$/, ',\n}'));
    const lastLine = json.split('\n').length - 1;
    expect(cli(['validate', 'own.json'], dir)).toMatchObject({ code: 0, out: 'own.json: valid scenario\n' });
    const says = `comma.json:${lastLine}:4: JSON syntax: a comma after the last item, before the }; JSON allows none there: remove it\n`;
    expect(cli(['validate', 'comma.json'], dir)).toMatchObject({ code: 1, err: says });
    expect(cli(['run', 'comma.json', '--quarters', '1', '--out', 'run'], dir)).toMatchObject({ code: 1, err: says });
    expect(cli(['validate', 'comma.json', '--lang', 'nl'], dir).err).toBe(
      `comma.json:${lastLine}:4: JSON-syntaxis: een komma na het laatste onderdeel, voor de }; JSON staat daar geen komma toe: haal hem weg\n`,
    );
  });

  it('two-fronts schema prints the checked-in JSON Schema', () => {
    const r = cli(['schema', 'scenario']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(ROOT, 'schema/scenario.schema.json'), 'utf8'));
  });
});

describe('the tests\' own guard against a command that never exits', () => {
  it('kills a command still running after its time and fails with the command named, instead of blocking the test run', async () => {
    // serve runs until it is stopped: the one command meant never to exit by itself.
    if (!existsSync(join(ROOT, 'dist/game/index.html'))) throw new Error('dist/game is missing: run npm run build first (npm test does)');
    const t0 = Date.now();
    expect(() => cli(['serve', '--port', '0'], ROOT, 1500)).toThrow(/^two-fronts serve --port 0 \(in .*\) did not exit within 1\.5 s and was killed/);
    expect(Date.now() - t0).toBeLessThan(15_000);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: 'ignore' });
    expect(await exitOf(child, 1500)).toBe('still running');
    expect(await exitOf(child)).toBe(null);
    expect(child.signalCode).toBe('SIGKILL');
  });
});
