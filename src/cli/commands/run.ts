/**
 * `two-fronts run SCENARIO`: one run with every seat played by AI (player
 * seats by their stand-in persona), a short summary on the terminal and, with
 * --out, quarters.csv, accounts.csv, summary.json and manifest.json. The
 * files depend only on the scenario, seed and tool version, so two runs give
 * identical files.
 */
import { join } from 'node:path';
import { textIn } from '../../scenario/resolve.js';
import { REPORTERS, reporterNames, resultHash, simulate, summarize, type RunState } from '../../sim/index.js';
import { columnName, csvTable } from '../csv.js';
import { ensureDir, writeAtomic } from '../io.js';
import { applyOverrides, parseInteger, parseRegime, readScenario } from '../scenario-file.js';
import { formatNumber, renderTable } from '../table.js';
import { gitCommit, toolVersion } from '../version.js';
import type { Output } from './validate.js';

export interface RunOptionsCli {
  seed?: string;
  quarters?: string;
  regime?: string;
  out?: string;
  quiet?: boolean;
}

const ACCOUNT_COLUMNS = [
  'quarter', 'account', 'kam', 'alive', 'churned', 'wallet', 'shareOfWallet', 'satisfaction', 'revenue', 'pnl',
  'needed', 'received', 'fulfilment', 'quality', 'sponsored', 'opportunities', 'pursued',
] as const;

export function runCommand(path: string, opts: RunOptionsCli, io: Output): number {
  const seed = opts.seed !== undefined ? parseInteger('--seed', opts.seed, 0, 4294967295) : undefined;
  const quarters = opts.quarters !== undefined ? parseInteger('--quarters', opts.quarters, 1, 200) : undefined;
  const regime = opts.regime !== undefined ? parseRegime(opts.regime) : undefined;
  const loaded = readScenario(path);
  const input = applyOverrides(loaded.input, { quarters, regime });
  const run = simulate(input, { seed: seed ?? input.seed, record: 'accounts' });
  if (!opts.quiet) io.out(renderSummary(run, textIn(loaded.scenario.title, 'en')));
  if (opts.out) writeRunFiles(opts.out, run, { scenarioPath: path, scenarioSha256: loaded.file.sha256 });
  return 0;
}

export function renderSummary(run: RunState, title: string): string {
  const s = run.scenario;
  const { final, cumulative } = summarize(run);
  const names = reporterNames(s);
  const col = (name: string) => names.indexOf(name);
  const head = `${title} (${s.id}) · seed ${run.seed} · ${s.company.regime} · ${run.history.length} quarters`;
  const perQuarter = renderTable(
    ['quarter', 'profit k€', 'revenue k€', 'satisfaction', 'fulfilment', 'gini', 'lobbying', 'alignment', 'churned'],
    run.history.map((h) => [
      String(h.quarter),
      formatNumber(h.values[col('companyProfit')]!),
      formatNumber(h.values[col('companyRevenue')]!),
      formatNumber(h.values[col('satisfactionMean')]!),
      formatNumber(h.values[col('fulfilmentMean')]!),
      formatNumber(h.values[col('fulfilmentGini')]!),
      formatNumber(h.values[col('lobbyingShare')]!),
      formatNumber(h.values[col('alignmentIndex')]!),
      String(h.values[col('churnedAccounts')]!),
    ]),
    [true, true, true, true, true, true, true, true, true],
  );
  const kams = renderTable(
    ['KAM', 'seat', 'score k€'],
    s.kams.map((k) => [k.id, k.control === 'persona' ? k.persona : `${k.control} (${k.persona})`, formatNumber(cumulative[`kamScore.${k.id}`]!)]),
    [false, false, true],
  );
  const depts = renderTable(
    ['department', 'P&L k€'],
    s.departments.map((d) => [d.id, formatNumber(cumulative[`departmentPnl.${d.id}`]!)]),
    [false, true],
  );
  const totals = [
    `company profit ${formatNumber(cumulative.companyProfit!)} k€ · revenue ${formatNumber(cumulative.companyRevenue!)} k€`,
    `strategic gap ${formatNumber(cumulative.strategicGap!)} · misallocation ${formatNumber(cumulative.misallocation!)} · alignment ${formatNumber(final.alignmentIndex!)}`,
    `result ${resultHash(run)}`,
  ];
  return [head, '', perQuarter, '', kams, '', depts, '', ...totals].join('\n');
}

export function writeRunFiles(dir: string, run: RunState, source: { scenarioPath: string; scenarioSha256: string }): void {
  ensureDir(dir);
  const names = reporterNames(run.scenario);
  writeAtomic(join(dir, 'quarters.csv'), csvTable(['quarter', ...names.map(columnName)], run.history.map((h) => [h.quarter, ...h.values])));
  const rows = run.history.flatMap((h) => h.accounts.map((a) => ACCOUNT_COLUMNS.map((c) => (c === 'quarter' ? h.quarter : a[c]))));
  writeAtomic(join(dir, 'accounts.csv'), csvTable(ACCOUNT_COLUMNS, rows));
  const { final, cumulative } = summarize(run);
  const summary = {
    scenario: run.scenario.id,
    seed: run.seed,
    regime: run.scenario.company.regime,
    quarters: run.history.length,
    resultHash: resultHash(run),
    final,
    cumulative,
    rules: Object.fromEntries(REPORTERS.map((r) => [r.name, r.cumulative])),
  };
  writeAtomic(join(dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  const manifest = {
    tool: 'two-fronts',
    version: toolVersion(),
    gitCommit: gitCommit(),
    node: process.versions.node,
    command: 'run',
    scenario: { path: source.scenarioPath, sha256: source.scenarioSha256, id: run.scenario.id },
    seed: run.seed,
    regime: run.scenario.company.regime,
    quarters: run.history.length,
    files: ['quarters.csv', 'accounts.csv', 'summary.json'],
  };
  writeAtomic(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
