/**
 * The debrief (loaded on demand with d3): the player's accounts over the
 * game, the company's profit and departments' P&L, the 7S elements, who got
 * what; the same game replayed under each of the scenario's comparison
 * regimes side by side with the differences named; the luck check (the
 * player's seat handed to its stand-in on the same seed and in 100 AI-only
 * runs with other seeds); the discussion questions; exports (CSV, each chart as SVG
 * or PNG, a print-friendly page).
 */
import { barChart } from '../../charts/debrief-bars';
import { svgText, svgToPng } from '../../charts/debrief-export';
import { histogram, histogramBins } from '../../charts/debrief-histogram';
import { lineChart } from '../../charts/debrief-lines';
import { radarChart } from '../../charts/debrief-radar';
import { stackChart } from '../../charts/debrief-stack';
import type { Regime, RunState } from '../../sim/types';
import { app, type Session } from '../app';
import { announce, download, h, mount, scrollBox, uniqueId } from '../dom';
import { accountSeries, accountsOf, capacityByKam, kamRanking, median, percentile, seriesOf, sevenS, sum } from '../figures';
import { days, list, money, num, ordinal, pct, tr, trn } from '../i18n';
import { fingerprint } from '../save';
import { listOf, textOf } from '../text';
import { Names } from '../ui/labels';
import { differences, METRICS, metricsOf, type RunMetrics } from './compare';
import { accountsCsv, allocationsCsv, quartersCsv } from './csv';
import { differenceText, metricDelta, metricValue, writtenDelta } from './format';
import { leastServedRows } from './least';
import { luckReading } from './luck';
import { replayFit, UNSPENT_EPS, type ReplayFit } from './replay-fit';

const REGIMES: Regime[] = ['departmental-pnl', 'account-pnl', 'matrix', 'exec-sponsored', 'utilization'];
export const LUCK_RUNS = 100;

/** Replays and luck runs of a session, kept while the page lives (a language switch redraws without rerunning). */
const cache = new WeakMap<Session, { cf: Map<Regime, RunState>; luck: number[][][] | null; standIn: number[][] | null }>();

/** A chart in a figure with its caption, a data table for screen readers, and SVG/PNG downloads. */
function figure(svg: SVGSVGElement, caption: string, file: string, table: HTMLTableElement | null): HTMLElement {
  const capId = uniqueId('fig');
  return h(
    'figure',
    { class: 'chart', 'aria-labelledby': capId },
    h('figcaption', { id: capId }, caption),
    svg,
    h(
      'div',
      { class: 'chart-tools' },
      h('button', { type: 'button', class: 'ghost small', 'aria-label': tr('debrief.svg.label', { chart: caption }), on: { click: () => download(`${file}.svg`, svgText(svg, caption), 'image/svg+xml') } }, tr('debrief.svg')),
      h(
        'button',
        {
          type: 'button',
          class: 'ghost small',
          'aria-label': tr('debrief.png.label', { chart: caption }),
          on: {
            click: async () => {
              try {
                download(`${file}.png`, await svgToPng(svg, 2, caption));
              } catch {
                // The browser could not draw or encode the picture: say so in the game's language; the SVG still works.
                announce(tr('debrief.png.failed', { chart: caption }));
              }
            },
          },
        },
        tr('debrief.png'),
      ),
      table
        ? h(
            'details',
            { class: 'data-table', 'aria-labelledby': `${capId}-numbers` },
            h('summary', { id: `${capId}-numbers` }, tr('debrief.table'), h('span', { class: 'visually-hidden' }, ` ${tr('debrief.table.of', { chart: caption })}`)),
            scrollBox(table),
          )
        : null,
    ),
  );
}

function dataTable(caption: string, columns: string[], rows: (string | number)[][]): HTMLTableElement {
  return h(
    'table',
    { class: 'data compact' },
    h('caption', null, caption),
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, String(c)) : h('td', null, String(c))))))),
  );
}

export function renderDebrief(s: Session): HTMLElement {
  const a = app();
  const lang = a.lang;
  const names = new Names(s.input, lang);
  const N = s.names;
  const history = s.state.history;
  const qLabels = history.map((r) => tr('report.canvas.q', { q: r.quarter }));
  const mine = accountsOf(s.input, s.seat);
  const kamIds = s.input.kams.map((k) => k.id);
  const ranking = kamRanking(N, history, kamIds);
  const rank = ranking.findIndex((r) => r.kam === s.seat) + 1;
  const base = metricsOf(history, N, s.input, s.seat);
  const title = textOf(s.scenario.title, lang);
  const fileBase = `two-fronts-${s.input.id}`;
  const regime = s.input.company.regime;

  // Charts two to a row are drawn at about the width they get on screen, so their words keep their size
  // (a chart drawn wider and shrunk to fit shrinks its text with it). The width is read once, when the debrief is drawn.
  const panelWidth = document.getElementById('panel')?.clientWidth || 1000;
  const column = (panelWidth - 64) / 2 >= 460 ? (panelWidth - 64) / 2 - 24 : panelWidth - 72;
  const half = Math.round(Math.min(640, Math.max(420, column)));

  // --- Your accounts ------------------------------------------------------------------
  const accountChart = (field: 'fulfilment' | 'satisfaction' | 'revenue', key: string, format: (v: number) => string, domain?: [number, number], wide = false) => {
    const series = mine.map((id) => ({ name: names.account(id), values: accountSeries(history, id, field), style: kamIds.indexOf(s.seat) + mine.indexOf(id) * 2 }));
    const caption = tr(`debrief.chart.${key}`);
    const lastVals = series.map((x) => `${x.name}: ${x.values[x.values.length - 1] === null ? '—' : format(x.values[x.values.length - 1]!)}`);
    const svg = lineChart({ title: caption, description: tr('debrief.chart.lastQuarter', { values: list(lastVals) }), x: qLabels, series, format, domain, width: wide ? 860 : half });
    const table = dataTable(caption, [tr('debrief.col.quarter'), ...series.map((x) => x.name)], qLabels.map((q, i) => [q, ...series.map((x) => (x.values[i] === null ? '—' : format(x.values[i]!)))]));
    return figure(svg, caption, `${fileBase}-${key}`, table);
  };

  // --- Company --------------------------------------------------------------------------
  const profit = seriesOf(N, history, 'companyProfit');
  const profitCaption = tr('debrief.chart.profit');
  const profitChart = figure(
    barChart({ title: profitCaption, description: tr('debrief.chart.profit.desc', { total: money(sum(profit)) }), categories: qLabels, values: profit, format: money, width: half }),
    profitCaption,
    `${fileBase}-company-profit`,
    dataTable(profitCaption, [tr('debrief.col.quarter'), profitCaption], qLabels.map((q, i) => [q, money(profit[i]!)])),
  );
  const deptSeries = s.input.departments.map((d, i) => ({ name: names.department(d.id), values: seriesOf(N, history, `departmentPnl.${d.id}`), style: i + 4 }));
  const deptCaption = tr('debrief.chart.departments');
  const deptChart = figure(
    lineChart({
      title: deptCaption,
      description: tr('debrief.chart.departments.desc', { totals: list(deptSeries.map((d) => `${d.name} ${money(sum(d.values))}`)) }),
      x: qLabels,
      series: deptSeries,
      format: money,
      width: half,
    }),
    deptCaption,
    `${fileBase}-department-pnl`,
    dataTable(deptCaption, [tr('debrief.col.quarter'), ...deptSeries.map((d) => d.name)], qLabels.map((q, i) => [q, ...deptSeries.map((d) => money(d.values[i]!))])),
  );

  // --- Who got what ---------------------------------------------------------------------
  const byKam = capacityByKam(history, kamIds);
  const whoCaption = tr('debrief.chart.who');
  const whoSeries = kamIds.map((k, i) => ({ name: names.kamYou(k, s.seat), values: byKam.map((row) => row[i]!), style: i }));
  const whoChart = figure(
    stackChart({
      title: whoCaption,
      description: tr('debrief.chart.who.desc', { totals: list(whoSeries.map((x) => `${x.name} ${days(sum(x.values))}`)) }),
      x: qLabels,
      series: whoSeries,
      format: (v) => num(v, 0),
      width: 860,
    }),
    whoCaption,
    `${fileBase}-who-got-what`,
    dataTable(whoCaption, [tr('debrief.col.quarter'), ...whoSeries.map((x) => x.name)], qLabels.map((q, i) => [q, ...whoSeries.map((x) => days(x.values[i]!))])),
  );

  // The player's requests that got the least over the game, with the quarter screens' reasons.
  const leastRows = leastServedRows(history, s.input, s.seat, names);
  const leastTitle = tr('debrief.least.title');
  const least = h(
    'div',
    { class: 'least-served' },
    h('h3', { id: 'd-least' }, leastTitle),
    h('p', { class: 'hint' }, tr('debrief.least.hint')),
    leastRows.length === 0
      ? h('p', null, tr('debrief.least.none'))
      : h(
          'table',
          { class: 'data compact', 'aria-labelledby': 'd-least' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['debrief.col.quarter', 'debrief.least.col.department', 'debrief.least.col.request', 'debrief.least.col.asked', 'debrief.least.col.received', 'debrief.least.col.why'].map((k) => h('th', { scope: 'col' }, tr(k))),
            ),
          ),
          h(
            'tbody',
            null,
            leastRows.map((r) => h('tr', null, h('th', { scope: 'row' }, r.quarter), h('td', null, r.department), h('td', null, r.request), h('td', null, r.asked), h('td', null, r.received), h('td', null, r.why))),
          ),
        ),
  );

  // --- 7S ---------------------------------------------------------------------------------
  const elements = sevenS(N);
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const sevenCaption = tr('debrief.chart.7s');
  const at = (r: typeof first) => elements.map((e) => r.values[N.indexOf(`align.${e}`)]!);
  const radar = figure(
    radarChart({
      title: sevenCaption,
      description: tr('debrief.chart.7s.desc', { first: num(seriesOf(N, [first], 'alignmentIndex')[0]! * 100, 0), last: num(seriesOf(N, [last], 'alignmentIndex')[0]! * 100, 0) }),
      axes: elements.map((e) => tr(`7s.${e}`)),
      series: [
        { name: tr('debrief.quarterN', { q: first.quarter }), values: at(first), style: 1 },
        { name: tr('debrief.quarterN', { q: last.quarter }), values: at(last), style: 0 },
      ],
      format: (v) => num(v * 100, 0),
    }),
    sevenCaption,
    `${fileBase}-7s`,
    dataTable(sevenCaption, [tr('report.col.element'), tr('debrief.quarterN', { q: first.quarter }), tr('debrief.quarterN', { q: last.quarter })], elements.map((e, i) => [tr(`7s.${e}`), num(at(first)[i]! * 100, 0), num(at(last)[i]! * 100, 0)])),
  );
  const indexCaption = tr('debrief.chart.alignment');
  const indexSeries = [{ name: tr('debrief.alignmentIndex'), values: seriesOf(N, history, 'alignmentIndex') }, ...elements.map((e, i) => ({ name: tr(`7s.${e}`), values: seriesOf(N, history, `align.${e}`), style: i + 1 }))];
  const indexChart = figure(
    lineChart({ title: indexCaption, description: tr('debrief.chart.alignment.desc'), x: qLabels, series: indexSeries, format: (v) => num(v * 100, 0), domain: [0, 1], highlight: 0, height: 320, width: half }),
    indexCaption,
    `${fileBase}-alignment`,
    dataTable(indexCaption, [tr('debrief.col.quarter'), ...indexSeries.map((x) => x.name)], qLabels.map((q, i) => [q, ...indexSeries.map((x) => num(x.values[i]! * 100, 0))])),
  );

  // --- Counterfactual -------------------------------------------------------------------
  const compare = (s.scenario.debrief.compareRegimes as Regime[]).filter((r, i, arr) => r !== regime && arr.indexOf(r) === i);
  const cfStatus = h('p', { role: 'status', class: 'hint' });
  const cfBody = h('div', { class: 'counterfactual' });
  const others = REGIMES.filter((r) => r !== regime && !compare.includes(r));
  const cached = cache.get(s) ?? { cf: new Map<Regime, RunState>(), luck: null, standIn: null };
  cache.set(s, cached);
  const cfRuns = cached.cf;
  const ownAccounts = new Set(s.input.kams.find((k) => k.id === s.seat)?.accounts ?? []);
  const renderCounterfactual = () => {
    const regimes = [...cfRuns.keys()];
    if (regimes.length === 0) {
      mount(cfBody, h('p', null, tr('cf.none')));
      return;
    }
    const metrics = new Map<Regime, RunMetrics>(regimes.map((r) => [r, metricsOf(cfRuns.get(r)!.history, N, s.input, s.seat)]));
    const columns = [regime, ...regimes];
    const card = (r: Regime) => {
      const m = r === regime ? base : metrics.get(r)!;
      const diffs = r === regime ? [] : differences(base, m);
      return h(
        'section',
        { class: `cf-card${r === regime ? ' played' : ''}`, 'aria-labelledby': `cf-${r}` },
        h('h3', { id: `cf-${r}` }, r === regime ? tr('cf.played', { regime: tr(`regime.${r}`) }) : tr(`regime.${r}`)),
        h(
          'dl',
          null,
          METRICS.map((spec) => {
            const v = m[spec.key];
            // The change between the figures as written, shown only when they differ.
            const d = writtenDelta(spec.key, base[spec.key], v);
            const showDelta = r !== regime && Number.isFinite(d) && d !== 0;
            const better = spec.higherIsBetter ? d > 0 : d < 0;
            return [
              h('dt', null, tr(`cf.metric.${spec.key}`)),
              h(
                'dd',
                null,
                metricValue(spec.key, v),
                showDelta ? h('span', { class: `delta ${better ? 'better' : 'worse'}` }, ` ${better ? '▲' : '▼'} ${metricDelta(spec.key, d)}`, h('span', { class: 'visually-hidden' }, ` ${tr(better ? 'cf.better' : 'cf.worse')}`)) : null,
              ),
            ];
          }),
        ),
        r === regime
          ? h('p', { class: 'hint' }, tr('cf.playedHint'))
          : h('div', { class: 'named' }, h('h4', null, tr('cf.named')), diffs.length > 0 ? h('ul', null, diffs.slice(0, 5).map((d) => h('li', null, (d.better ? '▲ ' : '▼ ') + differenceText(d)))) : h('p', null, tr('cf.same'))),
        r === regime ? null : fitNote(replayFit(history, cfRuns.get(r)!.history, s.seat, ownAccounts)),
      );
    };
    const perQuarterCaption = tr('cf.chart.perQuarter');
    const totalsCaption = tr('cf.chart.totals');
    const seriesFor = (r: Regime) => seriesOf(N, r === regime ? history : cfRuns.get(r)!.history, `kamScore.${s.seat}`);
    const perQuarter = lineChart({
      title: perQuarterCaption,
      description: tr('cf.chart.perQuarter.desc', { regime: tr(`regime.${regime}`) }),
      x: qLabels,
      series: columns.map((r, i) => ({ name: tr(`regime.${r}`) + (r === regime ? ` (${tr('cf.yours')})` : ''), values: seriesFor(r), style: i })),
      format: money,
      highlight: 0,
      width: 860,
    });
    const totals = barChart({
      title: totalsCaption,
      description: tr('cf.chart.totals.desc', { values: list(columns.map((r) => `${tr(`regime.${r}`)} ${money(r === regime ? base.yourTotal : metrics.get(r)!.yourTotal)}`)) }),
      categories: columns.map((r) => tr(`regime.${r}`) + (r === regime ? ` (${tr('cf.yours')})` : '')),
      values: columns.map((r) => (r === regime ? base.yourTotal : metrics.get(r)!.yourTotal)),
      styles: columns.map((_, i) => i),
      highlight: 0,
      orientation: 'horizontal',
      format: money,
      width: half,
    });
    // A bar chart's numbers: one row per structure, the one played marked as such.
    const structureTable = (caption: string, column: string, values: number[]) =>
      dataTable(caption, [tr('debrief.col.structure'), column], columns.map((r, i) => [tr(`regime.${r}`) + (r === regime ? ` (${tr('cf.yours')})` : ''), money(values[i]!)]));
    const profitCols = columns.map((r) => (r === regime ? base.companyProfit : metrics.get(r)!.companyProfit));
    const profitTotals = barChart({
      title: tr('cf.chart.profit'),
      description: tr('cf.chart.totals.desc', { values: list(columns.map((r, i) => `${tr(`regime.${r}`)} ${money(profitCols[i]!)}`)) }),
      categories: columns.map((r) => tr(`regime.${r}`) + (r === regime ? ` (${tr('cf.yours')})` : '')),
      values: profitCols,
      styles: columns.map((_, i) => i),
      highlight: 0,
      orientation: 'horizontal',
      format: money,
      width: half,
    });
    mount(
      cfBody,
      h('div', { class: 'cf-grid', style: `--cols:${columns.length}` }, columns.map(card)),
      h(
        'div',
        { class: 'chart-row' },
        figure(totals, totalsCaption, `${fileBase}-counterfactual-totals`, structureTable(totalsCaption, tr('cf.col.yourTotal'), columns.map((r) => (r === regime ? base.yourTotal : metrics.get(r)!.yourTotal)))),
        figure(profitTotals, tr('cf.chart.profit'), `${fileBase}-counterfactual-profit`, structureTable(tr('cf.chart.profit'), tr('cf.col.profit'), profitCols)),
      ),
      figure(perQuarter, perQuarterCaption, `${fileBase}-counterfactual-per-quarter`, dataTable(perQuarterCaption, [tr('debrief.col.quarter'), ...columns.map((r) => tr(`regime.${r}`))], qLabels.map((q, i) => [q, ...columns.map((r) => money(seriesFor(r)[i]!))]))),
    );
  };
  const runCounterfactual = async (regimes: Regime[]) => {
    for (const r of regimes) {
      if (cfRuns.has(r)) continue;
      cfStatus.textContent = tr('cf.running', { regime: tr(`regime.${r}`) });
      cfRuns.set(r, await a.counterfactual(r));
    }
    cfStatus.textContent = trn('cf.done', cfRuns.size);
    renderCounterfactual();
  };
  // The picker offers only structures not yet replayed; when none are left it is disabled and says so.
  const extraSel = h('select', { id: 'cf-extra' });
  const extraRun = h('button', { type: 'button' }, tr('cf.extra.run'));
  const extraNote = h('p', { class: 'hint', tabindex: -1 });
  const refreshExtra = () => {
    const left = others.filter((r) => !cfRuns.has(r));
    mount(extraSel, left.map((r) => h('option', { value: r }, tr(`regime.${r}`))));
    extraSel.disabled = left.length === 0;
    extraRun.disabled = left.length === 0;
    extraNote.textContent = left.length === 0 ? tr('cf.extra.allShown') : '';
  };
  extraRun.addEventListener('click', async () => {
    const r = extraSel.value as Regime;
    if (!r || extraRun.disabled) return;
    extraRun.disabled = true;
    await a.addReplay(r);
    await runCounterfactual([r]);
    refreshExtra();
    // The button was disabled while the replay ran, which drops keyboard focus: give it back, or to the note when nothing is left.
    if (extraRun.disabled) extraNote.focus();
    else extraRun.focus();
  });
  refreshExtra();
  const extra = others.length > 0 ? h('div', { class: 'cf-extra' }, h('label', { for: 'cf-extra' }, tr('cf.extra')), extraSel, extraRun, extraNote) : null;

  // --- Luck check -----------------------------------------------------------------------
  const luckStatus = h('p', { role: 'status', class: 'hint' });
  const luckBody = h('div', { class: 'luck' });
  const runLuck = async () => {
    const scoreIndex = N.indexOf(`kamScore.${s.seat}`);
    const profitIndex = N.indexOf('companyProfit');
    const runs = cached.luck ?? (await a.luckRuns(LUCK_RUNS, (done) => (luckStatus.textContent = tr('luck.running', { done, total: LUCK_RUNS }))));
    cached.luck = runs;
    const own = cached.standIn ?? (await a.standInRun());
    cached.standIn = own;
    const scores = runs.map((q) => sum(q.map((row) => row[scoreIndex]!)));
    const profits = runs.map((q) => sum(q.map((row) => row[profitIndex]!)));
    const standInTotal = sum(own.map((row) => row[scoreIndex]!));
    const reading = luckReading(scores, base.yourTotal, standInTotal);
    const p = reading.you;
    const pp = percentile(profits, base.companyProfit);
    const standIn = s.input.kams.find((k) => k.id === s.seat)!.persona;
    const persona = tr(`persona.${standIn}`);
    const explain = tr(standIn === 'heavyweight' && !s.boardActive ? 'persona.explain.heavyweight.noBoard' : `persona.explain.${standIn}`);
    const caption = tr('luck.chart', { runs: LUCK_RUNS });
    const desc = tr('luck.sentence', { value: money(base.yourTotal), share: pct(p), runs: LUCK_RUNS, persona, median: money(median(scores)) });
    luckStatus.textContent = tr('luck.done', { runs: LUCK_RUNS });
    mount(
      luckBody,
      h('p', { class: 'lead' }, desc),
      h('p', { class: 'hint' }, tr('luck.persona', { persona, explain })),
      // The stand-in on the same seed: what the player did with the cards, and how good the cards were.
      h('p', null, tr(`luck.edge.${reading.edgeRead}`, { standIn: money(standInTotal), delta: money(Math.abs(reading.edge)) })),
      h('p', null, tr(`luck.cards.${reading.cardsRead}`, { share: pct(reading.cards), runs: LUCK_RUNS })),
      h('p', null, tr('luck.company', { value: money(base.companyProfit), share: pct(pp), median: money(median(profits)) })),
      figure(
        histogram({
          title: caption,
          description: desc,
          values: scores,
          mark: { value: base.yourTotal, label: tr('luck.you', { value: money(base.yourTotal) }) },
          reference: { value: standInTotal, label: tr('luck.standIn', { value: money(standInTotal) }) },
          medianLabel: tr('luck.median', { value: money(median(scores)) }),
          countLabel: tr('luck.count'),
          format: money,
          width: 860,
        }),
        caption,
        `${fileBase}-luck-check`,
        dataTable(
          caption,
          [tr('luck.col.range'), tr('luck.col.games')],
          histogramBins(scores, [base.yourTotal, standInTotal]).map((b) => {
            const holds = (v: number) => b.from <= v && v < b.to;
            const notes = [holds(base.yourTotal) ? tr('luck.yourRange') : null, holds(standInTotal) ? tr('luck.standInRange') : null].filter((n) => n !== null);
            return [tr('luck.range', { from: money(b.from), to: money(b.to) }) + (notes.length ? ` (${notes.join('; ')})` : ''), b.count];
          }),
        ),
      ),
    );
  };

  // --- Questions, exports ---------------------------------------------------------------
  const questions = listOf(s.scenario.debrief.questions, lang);
  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': tr('debrief.exports') },
    h('button', { type: 'button', on: { click: () => download(`${fileBase}-quarters.csv`, quartersCsv(history, N, s.input, s.seat, s.state.seed), 'text/csv') } }, tr('debrief.csv.quarters')),
    h('button', { type: 'button', on: { click: () => download(`${fileBase}-accounts.csv`, accountsCsv(history), 'text/csv') } }, tr('debrief.csv.accounts')),
    h('button', { type: 'button', on: { click: () => download(`${fileBase}-allocations.csv`, allocationsCsv(history), 'text/csv') } }, tr('debrief.csv.allocations')),
    h('button', { type: 'button', on: { click: () => window.print() } }, tr('debrief.print')),
    h('button', { type: 'button', class: 'ghost', on: { click: () => a.toTitle() } }, tr('debrief.toTitle')),
  );

  const lead = tr('debrief.lead', { rank: ordinal(rank), of: ranking.length, total: money(base.yourTotal), profit: money(base.companyProfit), regime: tr(`regime.${regime}`) });
  const panel = h(
    'article',
    { class: 'debrief' },
    h('h1', null, tr('debrief.title', { title })),
    h('p', { class: 'lead' }, lead),
    // The podium on the canvas, as numbers.
    scrollBox(
      dataTable(
        tr('debrief.podium'),
        [tr('report.col.rank'), tr('report.col.kam'), tr('debrief.col.result')],
        ranking.map((r, i) => [i + 1, names.kamYou(r.kam, s.seat), money(r.total)]),
      ),
    ),
    toolbar,
    h('nav', { class: 'toc', 'aria-label': tr('debrief.contents') }, h('ol', null, ['accounts', 'company', 'who', 'alignment', 'counterfactual', 'luck', 'questions'].map((id) => h('li', null, h('a', { href: `#debrief-${id}` }, tr(`debrief.section.${id}`)))))),
    h('section', { id: 'debrief-accounts', 'aria-labelledby': 'd-accounts' }, h('h2', { id: 'd-accounts' }, tr('debrief.section.accounts')), h('div', { class: 'chart-row' }, accountChart('fulfilment', 'fulfilment', (v) => pct(v), [0, 1]), accountChart('satisfaction', 'satisfaction', (v) => pct(v), [0, 1])), accountChart('revenue', 'revenue', money, undefined, true)),
    h('section', { id: 'debrief-company', 'aria-labelledby': 'd-company' }, h('h2', { id: 'd-company' }, tr('debrief.section.company')), h('div', { class: 'chart-row' }, profitChart, deptChart)),
    h('section', { id: 'debrief-who', 'aria-labelledby': 'd-who' }, h('h2', { id: 'd-who' }, tr('debrief.section.who')), h('p', { class: 'hint' }, tr('debrief.who.hint')), whoChart, least),
    h('section', { id: 'debrief-alignment', 'aria-labelledby': 'd-alignment' }, h('h2', { id: 'd-alignment' }, tr('debrief.section.alignment')), h('p', { class: 'hint' }, tr('report.7s.hint')), h('div', { class: 'chart-row' }, radar, indexChart)),
    h(
      'section',
      { id: 'debrief-counterfactual', 'aria-labelledby': 'd-cf' },
      h('h2', { id: 'd-cf' }, tr('debrief.section.counterfactual')),
      h('p', null, tr('cf.intro', { regime: tr(`regime.${regime}`) })),
      h('p', { class: 'hint' }, tr('cf.marks')),
      cfStatus,
      cfBody,
      extra,
    ),
    h('section', { id: 'debrief-luck', 'aria-labelledby': 'd-luck' }, h('h2', { id: 'd-luck' }, tr('debrief.section.luck')), h('p', null, tr('luck.intro', { runs: LUCK_RUNS })), luckStatus, luckBody),
    h(
      'section',
      { id: 'debrief-questions', 'aria-labelledby': 'd-questions' },
      h('h2', { id: 'd-questions' }, tr('debrief.section.questions')),
      questions.length > 0 ? h('ol', { class: 'questions' }, questions.map((q) => h('li', null, q))) : h('p', null, tr('debrief.noQuestions')),
    ),
    h('p', { class: 'hint game-code' }, tr('report.code', { code: fingerprint(history) })),
  );
  // The engine work runs after the panel is on screen; the worker keeps the page responsive.
  window.setTimeout(async () => {
    // The scenario's structures, then any the player added before a reload.
    await runCounterfactual([...compare, ...s.extraReplays.filter((r) => others.includes(r))]);
    refreshExtra();
    await runLuck();
  }, 50);
  return panel;
}

/** What a replay could not take over from the game, on its card; nothing when it took over everything. */
function fitNote(fit: ReplayFit): HTMLElement | null {
  const items: string[] = [];
  if (fit.droppedRequests > 0) items.push(trn('cf.fit.requests', fit.droppedRequests, { total: fit.requests }));
  if (fit.unspentDays >= UNSPENT_EPS) items.push(tr('cf.fit.days', { days: days(fit.unspentDays), planned: days(fit.days) }));
  if (fit.unplanned > 0) items.push(trn('cf.fit.unplanned', fit.unplanned));
  if (fit.boardOnlyHere) items.push(fit.ownSponsored > 0 ? trn('cf.fit.board', fit.ownSponsored) : tr('cf.fit.board.none'));
  if (items.length === 0) return null;
  return h('div', { class: 'fit hint' }, h('h4', null, tr('cf.fit.title')), h('ul', null, items.map((x) => h('li', null, x))));
}
