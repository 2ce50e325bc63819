/**
 * `two-fronts run SCENARIO`: one run with every seat played by AI (player
 * seats by their stand-in persona), a short summary on the terminal and, with
 * --out, quarters.csv, accounts.csv, summary.json and manifest.json. The
 * files depend only on the scenario, seed and tool version, so two runs give
 * identical files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { textIn } from '../../scenario/resolve.js';
import { REPORTERS, reporterNames, resultHash, simulate, summarize, type RunState } from '../../sim/index.js';
import { columnName, csvTable } from '../csv.js';
import { UserError } from '../errors.js';
import { ensureDir, writeAtomic } from '../io.js';
import { applyOverrides, parseInteger, parseRegime, readScenario } from '../scenario-file.js';
import { formatNumber, renderTable } from '../table.js';
import { parseLang, t, tn, type Lang } from '../lang.js';
import type { Params } from '../../i18n/index.js';
import { gitCommit, toolVersion } from '../version.js';
import type { Output } from './validate.js';

export interface RunOptionsCli {
  seed?: string;
  quarters?: string;
  regime?: string;
  out?: string;
  quiet?: boolean;
  lang?: string;
}

const ACCOUNT_COLUMNS = [
  'quarter', 'account', 'kam', 'alive', 'churned', 'wallet', 'shareOfWallet', 'satisfaction', 'revenue', 'pnl',
  'needed', 'received', 'fulfilment', 'quality', 'sponsored', 'opportunities', 'pursued',
] as const;

export function runCommand(path: string, opts: RunOptionsCli, io: Output): number {
  const lang = parseLang(opts.lang);
  const seed = opts.seed !== undefined ? parseInteger('--seed', opts.seed, 0, 4294967295, lang) : undefined;
  const quarters = opts.quarters !== undefined ? parseInteger('--quarters', opts.quarters, 1, 200, lang) : undefined;
  const regime = opts.regime !== undefined ? parseRegime(opts.regime, lang) : undefined;
  const loaded = readScenario(path, lang);
  if (opts.out) checkRunFolder(opts.out, lang);
  const input = applyOverrides(loaded.input, { quarters, regime });
  const run = simulate(input, { seed: seed ?? input.seed, record: 'accounts' });
  if (!opts.quiet) io.out(renderSummary(run, textIn(loaded.scenario.title, lang), lang));
  if (opts.out) writeRunFiles(opts.out, run, { scenarioPath: path, scenarioSha256: loaded.file.sha256 }, lang);
  return 0;
}

const QUARTER_COLUMNS = ['companyProfit', 'companyRevenue', 'satisfactionMean', 'fulfilmentMean', 'fulfilmentGini', 'lobbyingShare', 'alignmentIndex'] as const;

export function renderSummary(run: RunState, title: string, lang: Lang = 'en'): string {
  const s = run.scenario;
  const { final, cumulative } = summarize(run);
  const names = reporterNames(s);
  const col = (name: string) => names.indexOf(name);
  const say = (key: string, params: Params = {}) => t(`cli.run.${key}`, params, lang);
  const n = (x: number) => formatNumber(x, 2, lang);
  const head = tn('cli.run.head', run.history.length, { title, id: s.id, seed: String(run.seed), regime: s.company.regime }, lang);
  const perQuarter = renderTable(
    ['quarter', ...QUARTER_COLUMNS, 'churnedAccounts'].map((c) => say(`col.${c}`)),
    run.history.map((h) => [String(h.quarter), ...QUARTER_COLUMNS.map((c) => n(h.values[col(c)]!)), String(h.values[col('churnedAccounts')]!)]),
    [true, true, true, true, true, true, true, true, true],
  );
  const persona = (p: string) => say(`persona.${p}`);
  const kams = renderTable(
    ['KAM', 'seat', 'score'].map((c) => say(`col.${c}`)),
    // A persona seat is named by its persona, an adaptive one by its control; a player's seat names both (the persona stands in).
    s.kams.map((k) => [
      k.id,
      k.control === 'persona' ? persona(k.persona) : k.control === 'adaptive' ? say('control.adaptive') : say('seat', { control: say(`control.${k.control}`), persona: persona(k.persona) }),
      n(cumulative[`kamScore.${k.id}`]!),
    ]),
    [false, false, true],
  );
  const depts = renderTable(
    ['department', 'pnl'].map((c) => say(`col.${c}`)),
    s.departments.map((d) => [d.id, n(cumulative[`departmentPnl.${d.id}`]!)]),
    [false, true],
  );
  const totals = [
    say('totals.money', { profit: n(cumulative.companyProfit!), revenue: n(cumulative.companyRevenue!) }),
    say('totals.measures', { gap: n(cumulative.strategicGap!), misallocation: n(cumulative.misallocation!), alignment: n(final.alignmentIndex!) }),
    say('result', { hash: resultHash(run) }),
  ];
  return [head, '', perQuarter, '', kams, '', depts, '', ...totals].join('\n');
}

/** The files `run --out` writes. */
const RUN_FILES = ['quarters.csv', 'accounts.csv', 'summary.json', 'manifest.json'];

/**
 * Refuses an --out folder whose files run would overwrite unless an earlier
 * `run` wrote them: a batch (its manifest.json and quarters.csv) or files of
 * someone else's are never replaced.
 */
function checkRunFolder(dir: string, lang: Lang): void {
  // Made now, so a folder that cannot be made is said before the run, not after its summary.
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return ensureDir(dir, lang);
  const present = RUN_FILES.filter((f) => existsSync(join(dir, f)));
  if (present.length === 0) return;
  type Written = { tool?: unknown; command?: unknown; format?: unknown; experiment?: { id?: unknown } };
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    manifest = null;
  }
  if (manifest !== null && typeof manifest === 'object' && !Array.isArray(manifest)) {
    const m = manifest as Written;
    if (m.tool === 'two-fronts' && m.command === 'run') return;
    if (typeof m.format === 'string' && m.format.startsWith('two-fronts/batch@')) throw new UserError(t('cli.run.out.batch', { dir, id: String(m.experiment?.id ?? '?') }, lang));
  }
  throw new UserError(t('cli.run.out.taken', { dir, files: present.join(', ') }, lang));
}

export function writeRunFiles(dir: string, run: RunState, source: { scenarioPath: string; scenarioSha256: string }, lang: Lang = 'en'): void {
  ensureDir(dir, lang);
  const names = reporterNames(run.scenario);
  writeAtomic(join(dir, 'quarters.csv'), csvTable(['quarter', ...names.map(columnName)], run.history.map((h) => [h.quarter, ...h.values])), lang);
  const rows = run.history.flatMap((h) => h.accounts.map((a) => ACCOUNT_COLUMNS.map((c) => (c === 'quarter' ? h.quarter : a[c]))));
  writeAtomic(join(dir, 'accounts.csv'), csvTable(ACCOUNT_COLUMNS, rows), lang);
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
  writeAtomic(join(dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n', lang);
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
  writeAtomic(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', lang);
}
