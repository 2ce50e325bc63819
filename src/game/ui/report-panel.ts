/**
 * The quarter report: the player's KPIs, the company's, every department's
 * P&L (what its head is steered on) and every KAM's result, and the 7S
 * internal-alignment elements as a table (the canvas shows them as a radar).
 */
import type { QuarterRecord } from '../../sim/types';
import { app, type Session } from '../app';
import { h, scrollBox } from '../dom';
import { accountsOf, kamRanking, mean, seriesOf, sevenS, sum, valueOf } from '../figures';
import { daysShare, list, money, moneyDelta, num, pct, pointsDelta, tr } from '../i18n';
import { fingerprint } from '../save';
import { Names } from './labels';

/** A table of the report with its caption and column heads (message keys), in a box that scrolls should it be too wide. */
function table(captionKey: string, columnKeys: readonly string[], rows: HTMLTableRowElement[]): HTMLElement {
  return scrollBox(
    h(
      'table',
      { class: 'data' },
      h('caption', null, tr(captionKey)),
      h('thead', null, h('tr', null, columnKeys.map((k) => h('th', { scope: 'col' }, tr(k))))),
      h('tbody', null, rows),
    ),
  );
}

function tile(title: string, value: string, detail: string | null): HTMLElement {
  return h('div', { class: 'tile' }, h('p', { class: 'tile-title' }, title), h('p', { class: 'tile-value' }, value), detail ? h('p', { class: 'tile-detail' }, detail) : null);
}

export function renderReport(s: Session, record: QuarterRecord, onNext: () => void): HTMLElement {
  const lang = app().lang;
  const names = new Names(s.input, lang);
  const N = s.names;
  const history = s.state.history.slice(0, record.quarter);
  const prev = history[history.length - 2];
  const v = (name: string) => valueOf(N, record, name);
  const pv = (name: string) => (prev ? valueOf(N, prev, name) : Number.NaN);
  const mine = accountsOf(s.input, s.seat);
  const rows = record.accounts.filter((r) => mine.includes(r.account));
  const living = rows.filter((r) => r.alive);
  const ranking = kamRanking(N, history, s.input.kams.map((k) => k.id));
  const rank = ranking.findIndex((r) => r.kam === s.seat) + 1;
  const myScore = v(`kamScore.${s.seat}`);
  const myTotal = ranking.find((r) => r.kam === s.seat)?.total ?? 0;
  const needed = sum(rows.map((r) => r.needed));
  const received = sum(rows.map((r) => r.received));
  // The share and the days under it agree as written (daysShare).
  const delivered = needed > 0 ? daysShare(received, needed) : null;
  const satisfaction = mean(living.map((r) => r.satisfaction));
  const prevRows = prev?.accounts.filter((r) => mine.includes(r.account) && r.alive) ?? [];
  const prevSatisfaction = prev ? mean(prevRows.map((r) => r.satisfaction)) : mean(mine.map((id) => s.input.accounts.find((a) => a.id === id)!.satisfaction));
  // A change that rounds to nothing (less than €500) is said in words: "€0k on last quarter" reads as a figure lost.
  const deltaMoney = (name: string) => {
    if (!prev) return null;
    const change = v(name) - pv(name);
    return Math.abs(change) < 0.5 ? tr('report.vsLast.same') : tr('report.vsLast', { change: moneyDelta(change) });
  };
  const elements = sevenS(N);
  const alignment = v('alignmentIndex');

  const yourTiles = h(
    'div',
    { class: 'tiles' },
    tile(tr('report.you.result'), money(myScore), deltaMoney(`kamScore.${s.seat}`)),
    tile(tr('report.you.total'), money(myTotal), tr('report.you.rank', { rank, of: ranking.length })),
    tile(tr('report.you.revenue'), money(sum(rows.map((r) => r.revenue))), null),
    tile(tr('report.you.satisfaction'), Number.isFinite(satisfaction) ? pct(satisfaction) : '—', Number.isFinite(satisfaction) && Number.isFinite(prevSatisfaction) ? pointsDelta(satisfaction - prevSatisfaction) : null),
    tile(tr('report.you.delivered'), delivered ? delivered.share : '—', delivered ? tr('report.you.deliveredDetail', { got: delivered.part, needed: delivered.whole }) : null),
  );

  const companyTiles = h(
    'div',
    { class: 'tiles' },
    tile(tr('report.company.profit'), money(v('companyProfit')), deltaMoney('companyProfit')),
    tile(tr('report.company.total'), money(sum(seriesOf(N, history, 'companyProfit'))), null),
    tile(tr('report.company.revenue'), money(v('companyRevenue')), deltaMoney('companyRevenue')),
    tile(tr('report.company.satisfaction'), pct(v('satisfactionMean')), prev ? pointsDelta(v('satisfactionMean') - pv('satisfactionMean')) : null),
    tile(tr('report.company.churned'), num(v('churnedAccounts'), 0), null),
    tile(tr('report.company.fulfilment'), pct(v('fulfilmentMean')), tr('report.company.gini', { gini: num(v('fulfilmentGini'), 2) })),
    tile(tr('report.company.lobbying'), pct(v('lobbyingShare')), tr('report.company.joint', { share: pct(v('jointProposalShare')) })),
  );

  const deptTable = table(
    'report.departments.caption',
    ['report.col.department', 'report.col.quarter', 'report.col.total'],
    s.input.departments.map((d) =>
      h('tr', null, h('th', { scope: 'row' }, names.department(d.id)), h('td', null, money(v(`departmentPnl.${d.id}`))), h('td', null, money(sum(seriesOf(N, history, `departmentPnl.${d.id}`))))),
    ),
  );

  const kamTable = table(
    'report.kams.caption',
    ['report.col.rank', 'report.col.kam', 'report.col.quarter', 'report.col.total'],
    ranking.map((r, i) =>
      h(
        'tr',
        { class: r.kam === s.seat ? 'you' : null },
        h('td', null, String(i + 1)),
        h('th', { scope: 'row' }, names.kamYou(r.kam, s.seat)),
        h('td', null, money(v(`kamScore.${r.kam}`))),
        h('td', null, money(r.total)),
      ),
    ),
  );

  const sevenTable = table(
    'report.7s.caption',
    ['report.col.element', 'report.col.value', 'report.col.change'],
    elements.map((e) =>
      h(
        'tr',
        null,
        // What the element measures goes under its name: a fourth column of prose did not fit a laptop's panel in Dutch.
        h('th', { scope: 'row' }, tr(`7s.${e}`), h('span', { class: 'measures' }, tr(`7s.${e}.measures`))),
        h('td', null, num(v(`align.${e}`) * 100, 0)),
        h('td', null, prev ? pointsDelta(v(`align.${e}`) - pv(`align.${e}`)) : '—'),
      ),
    ),
  );

  const last = record.quarter >= s.input.quarters;
  return h(
    'article',
    { class: 'report' },
    h('h1', null, tr('report.title', { q: record.quarter })),
    h('section', { 'aria-labelledby': 'report-you' }, h('h2', { id: 'report-you' }, tr('report.you')), h('p', { class: 'hint' }, tr('report.you.hint')), yourTiles),
    h('section', { 'aria-labelledby': 'report-company' }, h('h2', { id: 'report-company' }, tr('report.company')), companyTiles, deptTable, kamTable),
    h(
      'section',
      { 'aria-labelledby': 'report-7s' },
      h('h2', { id: 'report-7s' }, tr('report.7s')),
      h('p', null, tr('report.7s.index', { value: num(alignment * 100, 0), change: prev ? pointsDelta(alignment - pv('alignmentIndex')) : '—' })),
      // The canvas's line of the index so far, in words.
      record.quarter > 1 ? h('p', null, tr('report.7s.history', { values: list(seriesOf(N, history, 'alignmentIndex').map((x, q) => `${tr('report.canvas.q', { q: q + 1 })} ${num(x * 100, 0)}`)) })) : null,
      h('p', { class: 'hint' }, tr('report.7s.hint')),
      sevenTable,
    ),
    h('p', { class: 'hint game-code' }, tr('report.code', { code: fingerprint(history) })),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary big', on: { click: onNext } }, last ? tr('report.toDebrief') : tr('report.next', { q: record.quarter + 1 }))),
  );
}
