/**
 * `two-fronts bench`: the project's own benchmark. Single-thread runs per
 * second on the tutorial and on the largest shipped scenario, the time for a
 * generated large company (500 KAMs, 1,000 accounts, 40 departments, 40
 * quarters), how time grows from 1× to 10× accounts, and how long
 * validating the slowest of the hostile files near 1 MB takes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileError } from '../../scenario/document.js';
import { generateCompany } from '../../scenario/generate.js';
import { HOSTILE_FILES } from '../../scenario/hostile.js';
import { simulate, type ScenarioInput } from '../../sim/index.js';
import { benchBatch } from '../bench-batch.js';
import { validateText } from '../formats.js';
import { parsePositive, readScenario } from '../scenario-file.js';
import { parseLang, t, type Lang } from '../lang.js';
import { formatNumber, renderTable } from '../table.js';
import { ROOT } from '../version.js';
import type { Output } from './validate.js';

export interface BenchResult {
  /** What was measured, in English (the name --json gives). */
  name: string;
  /** The same as a `cli.bench.*` message and its values, for the table in the chosen language. */
  label: { key: string; params?: Record<string, string> };
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
}

/** Runs per CPU-second over one window of about `ms` milliseconds of CPU time. */
function windowRate(input: ScenarioInput, ms: number, seed: { next: number }): number {
  const t0 = cpuMs();
  let n = 0;
  let spent = 0;
  while (spent < ms) {
    simulate(input, { seed: seed.next++, record: 'reporters' });
    n++;
    spent = cpuMs() - t0;
  }
  return n / (spent / 1000);
}

/**
 * Runs per second on one thread: warmed up until the optimising compiler is
 * done (at least 2 s, then until two windows in a row agree within 3 %; at
 * most 5 s), then the median of five windows over `seconds` in all. CPU
 * time, not wall time, so that a neighbour on a shared machine disturbs the
 * figure less.
 */
export function runsPerSecond(input: ScenarioInput, seconds: number): number {
  const seed = { next: 0 };
  const warm = performance.now();
  let last = windowRate(input, 250, seed);
  while (performance.now() - warm < 5000) {
    const rate = windowRate(input, 250, seed);
    const settled = Math.abs(rate - last) <= 0.03 * last && performance.now() - warm > 2000;
    last = rate;
    if (settled) break;
  }
  const windows: number[] = [];
  for (let w = 0; w < 5; w++) windows.push(windowRate(input, (seconds * 1000) / 5, seed));
  return median(windows);
}

/** Best of `repeats` wall times (ms) of one run. */
export function timeRun(input: ScenarioInput, repeats: number): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    simulate(input, { seed: r + 1, record: 'reporters' });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** CPU milliseconds this process has used (user and system), steadier than wall time on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Median CPU times of the small and the big company, measured in alternation
 * (so a busy moment of the machine falls on both) after one warm-up run each.
 */
export function scaling(small: ScenarioInput, big: ScenarioInput, rounds: number): { t1: number; t10: number } {
  simulate(small, { seed: 0, record: 'reporters' });
  simulate(big, { seed: 0, record: 'reporters' });
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    let t0 = cpuMs();
    // The small company is timed over ten runs, so both timings cover similar work.
    for (let k = 0; k < 10; k++) simulate(small, { seed: r * 10 + k, record: 'reporters' });
    a.push((cpuMs() - t0) / 10);
    t0 = cpuMs();
    simulate(big, { seed: r, record: 'reporters' });
    b.push(cpuMs() - t0);
  }
  return { t1: median(a), t10: median(b) };
}

/**
 * The slowest validation, in wall milliseconds, of the hostile files near
 * 1 MB (best of `repeats` for each), and which file it was. Each must end in
 * the loader's own problems; anything else is a failure of the loader.
 */
export function hostileValidation(repeats: number): { ms: number; name: string } {
  let worst = { ms: 0, name: '' };
  for (const { name, text } of HOSTILE_FILES) {
    let best = Infinity;
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      try {
        validateText(text, 'hostile.yaml');
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
      }
      best = Math.min(best, performance.now() - t0);
    }
    if (best > worst.ms) worst = { ms: best, name };
  }
  return worst;
}

function shippedScenarios(): { path: string; input: ScenarioInput }[] {
  const dir = join(ROOT, 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: join(dir, f), input: readScenario(join(dir, f)).input }));
}

function size(input: ScenarioInput): number {
  return input.accounts.length * input.quarters * (input.departments.length + input.kams.length);
}

export function benchEngine(opts: { seconds: number; quick?: boolean }): BenchResult[] {
  const shipped = shippedScenarios();
  const tutorial = shipped.find((s) => s.input.id === 'tutorial')!;
  const largest = shipped.reduce((a, b) => (size(b.input) > size(a.input) ? b : a));
  const out: BenchResult[] = [];
  const tut = runsPerSecond(tutorial.input, opts.seconds);
  out.push(result('tutorial', {}, tut, 'runs/s', { target: '≥ 5000', pass: tut >= 5000 }));
  out.push(result('largest', { id: largest.input.id }, runsPerSecond(largest.input, opts.seconds), 'runs/s'));
  const big = generateCompany({ kams: 500, accounts: 1000, departments: 40, quarters: 40, seed: 7 });
  const bigMs = timeRun(big, opts.quick ? 1 : 3);
  out.push(result('large', {}, bigMs / 1000, 's', { target: '< 2', pass: bigMs < 2000 }));
  const base = { departments: 20, quarters: 20, seed: 11 };
  const { t1, t10 } = scaling(generateCompany({ ...base, kams: 50, accounts: 100 }), generateCompany({ ...base, kams: 500, accounts: 1000 }), opts.quick ? 3 : 9);
  out.push(result('scaling', {}, t10 / t1, '×', { target: '≤ 12', pass: t10 / t1 <= 12 }));
  const hostile = hostileValidation(opts.quick ? 1 : 3);
  out.push(result('hostile', { files: String(HOSTILE_FILES.length) }, hostile.ms / 1000, 's', { target: '< 2', pass: hostile.ms < 2000 }));
  return out;
}

/** A measured figure, named by its `cli.bench.<key>` message (the English one is its name in --json). */
export function result(key: string, params: Record<string, string>, value: number, unit: string, verdict: { target?: string; pass?: boolean } = {}): BenchResult {
  const label = { key: `cli.bench.${key}`, params };
  return { name: t(label.key, params), label, value, unit, ...verdict };
}

/** The results as a table in `lang`, or as JSON (the same in every language). */
export function printBench(results: BenchResult[], io: Output, json: boolean, lang: Lang = 'en'): void {
  if (json) {
    io.out(JSON.stringify(results.map(({ label: _, ...r }) => r), null, 2));
    return;
  }
  const h = (key: string) => t(`cli.bench.${key}`, {}, lang);
  io.out(
    renderTable(
      [h('head.benchmark'), h('head.value'), h('head.unit'), h('head.target'), ''],
      results.map((r) => [
        t(r.label.key, r.label.params, lang),
        formatNumber(r.value, 2, lang),
        r.unit,
        r.target ?? '',
        r.pass === undefined ? '' : h(r.pass ? 'met' : 'missed'),
      ]),
      [false, true, false, false, false],
    ),
  );
}

/** Batch throughput through the worker pool: runs/s with 1 and N workers, and the speed-up. */
export async function benchBatchResults(opts: { quick?: boolean }): Promise<BenchResult[]> {
  const b = await benchBatch({ quick: opts.quick });
  const workers = String(b.workers);
  return [
    result('batch.one', { runs: String(b.runs), scenario: b.scenario }, b.oneWorker, 'runs/s'),
    result('batch.many', { workers }, b.manyWorkers, 'runs/s'),
    result(b.identical ? 'batch.speedup' : 'batch.speedup.differs', { workers }, b.speedup, '×', { target: '≥ 1.8', pass: b.speedup >= 1.8 && b.identical }),
    result('batch.steady', {}, b.steadySpeedup, '×'),
    result('batch.capacity', { workers }, b.capacity, '×'),
    result('batch.engine', { workers }, b.engineCapacity, '×'),
    result('batch.efficiency', {}, b.steadySpeedup / b.engineCapacity, '×', { target: '≥ 0.9', pass: b.steadySpeedup / b.engineCapacity >= 0.9 }),
  ];
}

export async function benchCommand(opts: { seconds?: string; json?: boolean; quick?: boolean; lang?: string }, io: Output): Promise<number> {
  const lang = parseLang(opts.lang);
  const seconds = opts.seconds !== undefined ? parsePositive('--seconds', opts.seconds, lang) : 3;
  const results = benchEngine({ seconds, quick: opts.quick });
  results.push(...(await benchBatchResults({ quick: opts.quick })));
  printBench(results, io, opts.json ?? false, lang);
  return 0;
}
