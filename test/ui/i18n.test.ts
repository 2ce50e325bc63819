/**
 * The game's messages: every key in English has a Dutch message with the same
 * placeholders and the other way round; every key the game's code asks for
 * exists (literal keys, and the families built from codes); numbers, money
 * and days are written the way each language writes them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { days, euros, fieldDays, money, moneyDelta, ordinal, pct, pointsDelta, setLanguage, tr, trn } from '../../src/game/i18n.js';
import { METRICS } from '../../src/game/debrief/compare.js';
import { en } from '../../src/i18n/game.en.js';
import { nl } from '../../src/i18n/game.nl.js';
import { en as coreEn } from '../../src/i18n/core.en.js';
import { has, type Catalogue } from '../../src/i18n/index.js';
import { en as issuesEn } from '../../src/i18n/issues.en.js';
import { nl as issuesNl } from '../../src/i18n/issues.nl.js';
import { DESIGN_TYPES } from '../../src/experiment/schema.js';
import { en as reportEn } from '../../src/i18n/report.en.js';
import { nl as reportNl } from '../../src/i18n/report.nl.js';
import { en as cliEn } from '../../src/i18n/cli.en.js';
import { nl as cliNl } from '../../src/i18n/cli.nl.js';
import '../../src/cli/commands/report.js';
import '../../src/cli/lang.js';
import { CONTROLS, PERSONAS, REGIMES, TIME_USES } from '../../src/sim/index.js';
import { namesYou } from '../../src/game/ui/labels.js';
import { ROOT } from '../helpers.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** An area's catalogues: the same keys in both, all under `prefix`, the same placeholders, no empty Dutch message, no key of another area. */
function expectCataloguePair(enCat: Catalogue, nlCat: Catalogue, prefix: string, otherAreas: Catalogue[]): void {
  expect(Object.keys(enCat).filter((k) => !(k in nlCat))).toEqual([]);
  expect(Object.keys(nlCat).filter((k) => !(k in enCat))).toEqual([]);
  for (const k of Object.keys(enCat)) {
    expect(k.startsWith(prefix), k).toBe(true);
    expect(placeholders(nlCat[k]!), k).toEqual(placeholders(enCat[k]!));
    expect(nlCat[k]!.trim().length, k).toBeGreaterThan(0);
  }
  const others = new Set(otherAreas.flatMap((c) => Object.keys(c)));
  expect(Object.keys(enCat).filter((k) => others.has(k))).toEqual([]);
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, dir, f), 'utf8'));
}

describe('game messages', () => {
  it('every English key has a Dutch message with the same placeholders, and no Dutch key is extra', () => {
    const missing = Object.keys(en).filter((k) => !(k in nl));
    const extra = Object.keys(nl).filter((k) => !(k in en));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(nl[k]), k).toEqual(placeholders(en[k]));
      expect(nl[k].trim().length, k).toBeGreaterThan(0);
    }
  });

  it('every literal key the game asks for exists in both languages', () => {
    const keys = new Set<string>();
    for (const text of sources('src/game')) {
      // tr('key', …), and keys chosen in a conditional inside tr(…).
      for (const call of text.matchAll(/\btr\(([^()]*?(?:\([^()]*\)[^()]*?)*)[,)]/g)) {
        for (const m of call[1]!.matchAll(/'([a-zA-Z0-9][\w.-]*\.[\w.-]+)'/g)) keys.add(m[1]!);
      }
    }
    expect(keys.size).toBeGreaterThan(200);
    // trn('key', count, …) asks for the plural forms key.one and key.other.
    for (const text of sources('src/game')) {
      for (const m of text.matchAll(/\btrn\('([\w.-]+)'/g)) ['one', 'other'].forEach((f) => keys.add(`${m[1]}.${f}`));
    }
    const missing = [...keys].filter((k) => !has(k, 'en') || !has(k, 'nl'));
    expect(missing).toEqual([]);
  });

  it('every key built from a code exists in both languages', () => {
    const families: string[] = [
      ...REGIMES.flatMap((r) => [`regime.${r}`, `regime.explain.${r}`, `regime.departments.${r}`, `res.why.hint.${r}`, `reason.value.up.${r}`, `reason.value.down.${r}`]),
      ...PERSONAS.flatMap((p) => [`persona.${p}`, `persona.explain.${p}`]),
      ...TIME_USES.map((u) => `use.${u}`),
      ...['size', 'sponsorship', 'noise'].flatMap((r) => [`reason.${r}.up`, `reason.${r}.down`]),
      ...['lobbying', 'relationship'].flatMap((r) => [`reason.${r}.up.one`, `reason.${r}.up.other`, `reason.${r}.down`]),
      ...['strategy', 'structure', 'systems', 'sharedValues', 'style', 'staff', 'skills'].flatMap((e) => [`7s.${e}`, `7s.${e}.measures`]),
      ...METRICS.flatMap((m) => [`cf.metric.${m.key}`, ...(m.kind === 'count' ? ['up.one', 'up.other', 'down.one', 'down.other'] : ['up', 'down']).map((d) => `cf.diff.${m.key}.${d}`)]),
      ...['cooperative', 'bigger-partner', 'smaller-partner', 'good-fit', 'no-fit', 'too-busy', 'not-now', 'invalid'].map((r) => `joint.reply.${r}`),
      ...[
        'unknown-kam', 'over-budget', 'negative-days', 'not-a-number', 'unknown-opportunity', 'not-your-opportunity', 'duplicate-request', 'unknown-department',
        'over-need', 'not-your-account', 'account-churned', 'not-pursued', 'board-inactive', 'unknown-partner', 'self-partner', 'not-partner-opportunity',
        'joint-too-short', 'duplicate-joint', 'unplanned-days',
      ].map((c) => `plan.issue.${c}`),
      ...['done', 'current', 'todo'].map((s) => `top.quarter.${s}`),
      ...['error', 'warning'].map((s) => `severity.${s}`),
      ...['one', 'two', 'few', 'other'].map((f) => `unit.ordinal.${f}`),
      ...['none', 'low', 'medium', 'high'].map((l) => `level.${l}`),
      ...['fulfilment', 'satisfaction', 'revenue'].map((c) => `debrief.chart.${c}`),
      ...['accounts', 'company', 'who', 'alignment', 'counterfactual', 'luck', 'questions'].map((s) => `debrief.section.${s}`),
      ...['ahead', 'behind', 'level'].map((r) => `luck.edge.${r}`),
      ...['good', 'poor', 'usual'].map((r) => `luck.cards.${r}`),
    ];
    const missing = families.filter((k) => !has(k, 'en') || !has(k, 'nl'));
    expect(missing).toEqual([]);
  });

  it('formats numbers, money, shares and days for each language', () => {
    setLanguage('en');
    expect(money(1234.4)).toBe('€1,234k');
    expect(moneyDelta(-45)).toBe('−\u2060€45k');
    expect(pct(0.625)).toBe('63%');
    expect(days(8.53)).toBe('8.5\u00a0d');
    expect(days(42.4)).toBe('42\u00a0d');
    expect(pointsDelta(0.031)).toBe('+3\u00a0pts');
    expect(pointsDelta(-0.011)).toBe('−1\u00a0pt');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
    expect(tr('plan.title', { q: 3, total: 8 })).toBe('Quarter 3 of 8: your plan');
    setLanguage('nl');
    expect(money(1234.4)).toBe('€\u00a01.234k');
    expect(pct(0.625)).toBe('63%');
    expect(days(8.53)).toBe('8,5\u00a0d');
    expect(pointsDelta(-0.05)).toBe('−5\u00a0ptn');
    expect(pointsDelta(0.01)).toBe('+1\u00a0pt');
    expect([1, 2, 3, 11].map(ordinal)).toEqual(['1e', '2e', '3e', '11e']);
    expect(tr('plan.title', { q: 3, total: 8 })).toBe('Kwartaal 3 van 8: jouw plan');
    setLanguage('en');
  });

  it('a number keeps its unit and its sign on its line: a no-break space before the unit, a word joiner between a sign and the €', () => {
    // A line may break at an ordinary space ("8.6" | "d") and between a sign and a currency symbol ("+" | "€ 475k").
    for (const [k, v] of [...Object.entries(en), ...Object.entries(nl)]) expect(v, k).not.toMatch(/\} (d|pts|ptn|×)(?!\p{L})/u);
    for (const lang of ['en', 'nl'] as const) {
      setLanguage(lang);
      const written = [days(8.6), days(42), fieldDays(4.03), pointsDelta(0.25), pointsDelta(-0.02), money(-12), moneyDelta(475), moneyDelta(-8), euros(-1.9), tr('reason.size.up', { ratio: '1.3' })];
      for (const s of written) {
        expect(s, s).not.toMatch(/\d (d|pts|ptn|×)/);
        expect(s, s).not.toMatch(/[-−+±][€\d\s]*€|[-−+±]\s/);
      }
    }
    setLanguage('en');
    expect(days(8.6)).toBe('8.6\u00a0d');
    expect(moneyDelta(475)).toBe('+\u2060€475k');
    expect(money(-12)).toBe('−\u2060€12k');
    expect(euros(-1.9)).toBe('−\u2060€1,900');
    setLanguage('nl');
    expect(moneyDelta(475)).toBe('+\u2060€\u00a0475k');
    // Intl writes a Dutch loss "€ -12k"; on screen every loss reads as moneyDelta writes it.
    expect(money(-12)).toBe('−\u2060€\u00a012k');
    expect(euros(-1.9)).toBe('−\u2060€\u00a01.900');
    for (const lang of ['en', 'nl'] as const) {
      setLanguage(lang);
      for (const k of [-0.6, -8, -1234.5, -2e6]) expect(money(k), `${lang} ${k}`).toBe(moneyDelta(k));
    }
    expect(tr('reason.size.up', { ratio: '1,3' })).toBe('een groter account (1,3\u00a0× de gewone omvang)');
    setLanguage('en');
  });

  it('counts are written with the plural form of the language, never "(s)" or "(en)"', () => {
    for (const [k, v] of [...Object.entries(en), ...Object.entries(nl)]) expect(v, k).not.toMatch(/\w\((s|en)\)|probleem\/problemen/);
    setLanguage('en');
    expect(trn('cf.done', 1)).toBe('1 replay ready.');
    expect(trn('cf.done', 3)).toBe('3 replays ready.');
    expect(trn('cf.diff.churned.up', 1)).toBe('the company would have lost 1 more account');
    expect(trn('title.file.problems', 2, { file: 'x.yaml' })).toBe('x.yaml cannot be played yet: 2 problems');
    setLanguage('nl');
    expect(trn('cf.done', 1)).toBe('1 herhaling klaar.');
    expect(trn('cf.done', 3)).toBe('3 herhalingen klaar.');
    expect(trn('plan.fixFirst', 1)).toBe('Los eerst 1 probleem in je plan op.');
    expect(trn('title.libraryProblems', 2)).toBe('2 scenariobestanden uit de bibliotheek konden niet worden gelezen');
    setLanguage('en');
  });

  it('a seat named "you" in either language is recognised in both, so the briefing never says "You play You" or "Je speelt You"', () => {
    for (const lang of ['en', 'nl'] as const) {
      setLanguage(lang);
      for (const name of ['You', 'you ', 'Jij', 'JIJ']) expect(namesYou(name)).toBe(true);
      for (const name of ['Anna', 'Youssef', '']) expect(namesYou(name)).toBe(false);
    }
    setLanguage('en');
  });
});

describe('research report messages', () => {
  const reportSources = () => [readFileSync(join(ROOT, 'src/cli/commands/report.ts'), 'utf8'), ...sources('src/charts').filter((text) => text.includes('research.chart'))];

  it('every English key has a Dutch message with the same placeholders, no Dutch key is extra, and no key clashes with another area', () => {
    expectCataloguePair(reportEn, reportNl, 'research.', [en, coreEn, issuesEn]);
  });

  it('the Dutch messages are Dutch: only symbols, abbreviations and technical terms read the same in both languages', () => {
    const same = Object.keys(reportEn).filter((k) => reportEn[k as keyof typeof reportEn] === reportNl[k as keyof typeof reportEn]);
    expect(same.sort()).toEqual(
      [
        'research.col.d', 'research.col.max', 'research.col.min', 'research.col.n', 'research.col.nAB', 'research.col.sd', 'research.chart.factor',
        'research.madeBy.commit', 'research.meta.experiment', 'research.meta.runs', 'research.meta.scenario', 'research.meta.seeds', 'research.meta.status',
        'research.unit.accounts',
      ].sort(),
    );
    for (const [k, v] of Object.entries(reportNl)) expect(v, k).not.toMatch(/\b(the|and|with|per quarter|design point|confidence)\b/);
    expect(reportNl['research.col.ci']).toContain('BI');
    expect(reportNl['research.chart.dist.desc']).toContain('betrouwbaarheidsinterval');
  });

  it('every key the report asks for exists in both languages', () => {
    const keys = new Set<string>();
    for (const text of reportSources()) {
      // Full keys in the command, keys relative to research.chart. in the page script.
      for (const m of text.matchAll(/'(research\.[\w.]+[\w])'/g)) keys.add(m[1]!);
      for (const m of text.matchAll(/\btr\('([\w.]+)'/g)) keys.add(m[1]!.startsWith('research.') ? m[1]! : `research.chart.${m[1]}`);
      for (const m of text.matchAll(/\btn\('(research\.[\w.]+)'/g)) ['one', 'other'].forEach((f) => keys.add(`${m[1]}.${f}`));
    }
    expect(keys.size).toBeGreaterThan(50);
    const families = [
      ...['sum', 'mean', 'last', 'final'].map((r) => `research.rule.${r}`),
      ...['point', 'n', 'mean', 'ci', 'sd', 'min', 'max', 'change', 'heldEqual', 'difference', 'd', 'nAB'].map((c) => `research.col.${c}`),
      ...['sobol', 'morris'].flatMap((m) => ['title', 'desc', 'axis'].map((x) => `research.chart.${m}.${x}`)),
      ...['million', 'billion', 'trillion'].map((x) => `research.num.${x}`),
    ];
    const plurals = new Set(reportSources().flatMap((text) => [...text.matchAll(/\btn\('(research\.[\w.]+)'/g)].map((m) => m[1]!)));
    const missing = [...keys, ...families].filter((k) => !plurals.has(k) && (!has(k, 'en') || !has(k, 'nl')));
    expect(missing).toEqual([]);
  });
});

describe('command-line messages', () => {
  /** The headings of run's tables. */
  const RUN_COLUMNS = ['quarter', 'companyProfit', 'companyRevenue', 'satisfactionMean', 'fulfilmentMean', 'fulfilmentGini', 'lobbyingShare', 'alignmentIndex', 'churnedAccounts', 'KAM', 'seat', 'score', 'department', 'pnl'];
  const cliSources = () => sources('src/cli').concat(readFileSync(join(ROOT, 'src/experiment/load.ts'), 'utf8'));

  it('every English key has a Dutch message with the same placeholders, no Dutch key is extra, and no key clashes with another area', () => {
    expectCataloguePair(cliEn, cliNl, 'cli.', [en, coreEn, issuesEn, reportEn]);
  });

  it('the Dutch messages are Dutch: only symbols, ids and technical terms read the same in both languages', () => {
    const same = Object.keys(cliEn).filter((k) => cliEn[k as keyof typeof cliEn] === cliNl[k as keyof typeof cliEn]);
    expect(same.sort()).toEqual(
      [
        ...['cli.run.col.fulfilmentGini', 'cli.run.col.KAM', 'cli.run.col.score', 'cli.run.col.pnl', 'cli.run.seat'],
        ...['cli.progress.summary.one', 'cli.progress.summary.other'],
        ...['cli.batch.done', 'cli.batch.runs.one', 'cli.batch.runs.other', 'cli.batch.finished.one', 'cli.batch.finished.other', 'cli.batch.shardName'],
        ...['cli.merge.shards.one', 'cli.merge.shards.other'],
        ...['cli.summarize.runs.one', 'cli.summarize.runs.other', 'cli.summarize.col.d', 'cli.summarize.col.factor', 'cli.summarize.col.S1', 'cli.summarize.col.ST'],
        ...['cli.summarize.col.mu', 'cli.summarize.col.muStar', 'cli.summarize.col.sigma'],
      ].sort(),
    );
    // Placeholders, flags and file names are data.
    for (const [k, v] of Object.entries(cliNl)) expect(v.replace(/\{\w+\}|--[\w-]+|[\w/]+\.(csv|jsonl?|html|yaml)\b/g, ''), k).not.toMatch(/\b(the|and|with|cannot|folder|file|must|quarters?|points?|replicates?|missing|unfinished|merged|wrote)\b/);
  });

  it('every key the command line asks for exists in both languages, with both plural forms where it counts', () => {
    const keys = new Set<string>();
    const plurals = new Set<string>();
    for (const text of cliSources()) {
      for (const m of text.matchAll(/\bt\('(cli\.[\w.-]+)'/g)) keys.add(m[1]!);
      for (const m of text.matchAll(/\btn\('(cli\.[\w.-]+)'/g)) plurals.add(m[1]!);
      for (const m of text.matchAll(/\bt\((\w+) \? '(cli\.[\w.-]+)' : '(cli\.[\w.-]+)'/g)) keys.add(m[2]!).add(m[3]!);
    }
    // Helpers that put a command's prefix before the key: say('head') in run.ts is cli.run.head.
    const helpers: [string, RegExp, string][] = [
      ['src/cli/commands/run.ts', /\bsay\('([\w.]+)'/g, 'cli.run.'],
      ['src/cli/commands/summarize.ts', /\bsay\('([\w.]+)'/g, 'cli.summarize.'],
      ['src/cli/commands/merge.ts', /\brefuse\('(\w+)'|\? '(out\w+)' : '(out\w+)'/g, 'cli.merge.'],
      ['src/cli/batch-run.ts', /\bcannotResume\(lang, '(\w+)'/g, 'cli.batch.resume.'],
      // The help of each command (lines('run') is cli.help.run, h('run.seed') cli.help.run.seed) and the benchmark's names.
      ['src/cli/main.ts', /\b(?:h|command)\('([\w.]+)'/g, 'cli.help.'],
      ['src/cli/commands/bench.ts', /\b(?:result|h)\('([\w.]+)'|\? '([\w.]+)' : '([\w.]+)'/g, 'cli.bench.'],
    ];
    for (const [file, pattern, prefix] of helpers) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(pattern)) for (const name of m.slice(1).filter(Boolean)) keys.add(prefix + name!);
    }
    expect(keys.size).toBeGreaterThan(15);
    const families = [
      ...['million', 'billion', 'trillion'].map((x) => `cli.num.${x}`),
      ...['running', 'complete'].map((x) => `cli.status.${x}`),
      ...RUN_COLUMNS.map((c) => `cli.run.col.${c}`),
      ...PERSONAS.map((p) => `cli.run.persona.${p}`),
      ...CONTROLS.filter((c) => c !== 'persona').map((c) => `cli.run.control.${c}`),
      ...['metric', 'change', 'heldEqual', 'difference', 'ci', 'd', 'factor', 'S1', 'S1ci', 'ST', 'STci', 'mu', 'muStar', 'muStarCi', 'sigma'].map((c) => `cli.summarize.col.${c}`),
      ...['sobol', 'morris'].map((x) => `cli.summarize.${x}`),
      ...['usage', 'options', 'commands', 'arguments', 'globalOptions'].map((x) => `cli.help.title.${x}`),
      ...[...plurals].flatMap((k) => [`${k}.one`, `${k}.other`]),
    ];
    const missing = [...keys, ...families].filter((k) => !has(k, 'en') || !has(k, 'nl'));
    expect(missing).toEqual([]);
  });
});

describe('experiment-file problems', () => {
  /** The codes the experiment loader words its problems with (issue.factor.*, issue.design.*, issue.path.*, issue.metric.*, issue.experiment.*). */
  const AREAS = /^issue\.(factor|design|path|metric|experiment)\./;
  const experimentKeys = () => Object.keys(issuesEn).filter((k) => AREAS.test(k));

  it('every problem code the loader uses exists in both languages, with the same placeholders', () => {
    const codes = new Set<string>();
    for (const text of sources('src/experiment')) for (const m of text.matchAll(/'((?:factor|design|path|metric|experiment)\.[\w-]+)'/g)) codes.add(m[1]!);
    // Built from a design type, and the suggestions of an unknown name (a close spelling, or the names there are).
    for (const type of DESIGN_TYPES.filter((x) => x !== 'factorial')) codes.add(`design.samples-${type}`);
    for (const code of ['path.no-key', 'path.no-id']) ['guess', 'list'].forEach((s) => codes.add(`${code}-${s}`));
    expect(codes.size).toBeGreaterThan(50);
    const missing = [...codes, 'place.scenario'].map((c) => (c === 'place.scenario' ? c : `issue.${c}`)).filter((k) => !has(k, 'en') || !has(k, 'nl'));
    expect(missing).toEqual([]);
    for (const k of experimentKeys()) expect(placeholders(issuesNl[k as keyof typeof issuesNl]), k).toEqual(placeholders(issuesEn[k as keyof typeof issuesEn]));
  });

  it('the Dutch messages are Dutch: only the place-and-problem frame reads the same; key names, examples and quoted texts are data', () => {
    const same = experimentKeys().filter((k) => issuesEn[k as keyof typeof issuesEn] === issuesNl[k as keyof typeof issuesNl]);
    expect(same).toEqual(['issue.experiment.place-problem']);
    for (const k of [...experimentKeys(), 'place.scenario']) {
      const words = issuesNl[k as keyof typeof issuesNl].replace(/\{\w+\}|"[^"]*"|\{[^{}]*\}|\[[^\]]*\]|docs\/\S+/g, ' ');
      expect(words, k).not.toMatch(/\b(the|and|with|must|cannot|give|gives|value|values|level|number|design|designs|factors|only|every|already|whole|needs|expected|unknown|did you mean|is not|has no|at most|at least)\b/);
    }
  });
});
