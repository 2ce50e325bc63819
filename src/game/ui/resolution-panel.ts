/**
 * The quarter's outcome: how much of what each KAM asked they got (who won,
 * who lost), department by department why, the player's accounts, joint
 * proposals and the board's sponsorship.
 */
import type { JointOutcome, QuarterRecord } from '../../sim/types';
import { app, type Session } from '../app';
import { h, inTurns, lazyDetails, scrollBox, uniqueId } from '../dom';
import { departmentStory, kamTotals } from '../explain';
import { days, daysShare, list, money, num, pct, pointsDelta, tr } from '../i18n';
import { Names } from './labels';
import { perAccountTable } from './tables';
import { favouredSentence, neglectedSentence, yourSentence } from './why';

export interface Standing {
  kam: string;
  requested: number;
  received: number;
  fulfilment: number;
}

/** KAMs ranked by the share of their asks they received (most first); KAMs who asked nothing last. */
export function standings(record: QuarterRecord, kams: readonly string[]): Standing[] {
  return kamTotals(record.allocations, kams).sort((a, b) => Number(b.requested > 0) - Number(a.requested > 0) || b.fulfilment - a.fulfilment || b.received - a.received);
}

export function renderResolution(s: Session, record: QuarterRecord, opts: { onContinue: () => void; onSkip: () => void; animating: boolean }): HTMLElement {
  const lang = app().lang;
  const names = new Names(s.input, lang);
  const kamIds = s.input.kams.map((k) => k.id);
  const ranked = standings(record, kamIds);
  const asked = ranked.filter((r) => r.requested > 0);
  const mine = ranked.find((r) => r.kam === s.seat)!;
  const rank = asked.findIndex((r) => r.kam === s.seat) + 1;
  const prev = s.state.history[record.quarter - 2];
  const regime = s.input.company.regime;

  // Days and shares are written so that they agree as written (daysShare).
  const gotOf = (received: number, requested: number) => {
    const w = daysShare(received, requested);
    return { got: w.part, asked: w.whole, share: w.share };
  };
  const summary = mine.requested > 0 ? tr('res.summary', { ...gotOf(mine.received, mine.requested), rank, of: asked.length }) : tr('res.summary.none');

  const standingsList = h(
    'ol',
    { class: 'standings' },
    ranked.map((r, i) => {
      const isFirst = i === 0 && r.requested > 0;
      const isLast = r.requested > 0 && r === asked[asked.length - 1] && asked.length > 1;
      return h(
        'li',
        { class: r.kam === s.seat ? 'you' : null },
        h('span', { class: 'who' }, names.kamYou(r.kam, s.seat)),
        h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round(r.fulfilment * 100)}%` })),
        h('span', { class: 'figure' }, r.requested > 0 ? tr('res.got', gotOf(r.received, r.requested)) : tr('res.askedNothing')),
        isFirst ? h('span', { class: 'badge good' }, '▲ ', tr('res.mostServed')) : null,
        isLast ? h('span', { class: 'badge bad' }, '▼ ', tr('res.leastServed')) : null,
      );
    }),
  );

  // Each department's story is built in a task of its own: the page stays responsive while they appear.
  const departmentsRoot = h('div', { class: 'departments' });
  const departmentSection = (alloc: (typeof record.allocations)[number]) => {
    const story = departmentStory(alloc, regime, s.seat);
    const dept = names.department(alloc.department);
    const headId = uniqueId('dept');
    const favoured = favouredSentence(story, s.input, names);
    const neglected = neglectedSentence(story, s.input, names);
    const title = tr('res.dept.all', { department: dept, count: alloc.entries.length });
    return h(
      'section',
      { class: 'dept-why', 'aria-labelledby': headId },
      h('h3', { id: headId }, dept),
      h(
        'p',
        { class: 'hint' },
        story.scarce
          ? tr('res.dept.scarce', { capacity: days(alloc.capacity), demand: days(alloc.demand) })
          : tr('res.dept.enough', { capacity: days(alloc.capacity), demand: days(alloc.demand) }),
      ),
      alloc.entries.length === 0 ? h('p', null, tr('res.dept.noRequests')) : null,
      favoured ? h('p', null, favoured) : null,
      neglected ? h('p', null, neglected) : null,
      story.yours.length > 0 ? h('ul', { class: 'yours' }, story.yours.map((y) => h('li', null, yourSentence(y, dept, s.input, names)))) : null,
      alloc.entries.length > 0
        ? lazyDetails(title, () =>
            scrollBox(
              h(
                'table',
                { class: 'data compact' },
                h('caption', { class: 'visually-hidden' }, title),
                h('thead', null, h('tr', null, ['res.col.request', 'res.col.kam', 'res.col.asked', 'res.col.got', 'res.col.share', 'res.col.lobbied', 'res.col.influence'].map((k) => h('th', { scope: 'col' }, tr(k))))),
                h(
                  'tbody',
                  null,
                  [...alloc.entries]
                    .sort((x, y) => y.received / Math.max(1e-9, y.requested) - x.received / Math.max(1e-9, x.requested))
                    .map((e) => {
                      const w = gotOf(e.received, e.requested);
                      return h(
                        'tr',
                        { class: e.kams.includes(s.seat) ? 'you' : null },
                        h('th', { scope: 'row' }, names.request(e.request)),
                        h('td', null, list(e.kams.map((k) => names.kam(k)))),
                        h('td', null, w.asked),
                        h('td', null, w.got),
                        h('td', null, w.share),
                        h('td', null, e.factors.lobbyDays > 0 ? days(e.factors.lobbyDays) : '—'),
                        h('td', null, e.factors.lobbyDays > 0 ? tr('res.influence.lobbied', { influence: num(e.factors.influence, 2), added: num(e.factors.lobbying, 2) }) : num(e.factors.influence, 2)),
                      );
                    }),
                ),
              ),
            ),
          )
        : null,
    );
  };
  inTurns(
    record.allocations.map((alloc) => () => departmentsRoot.appendChild(departmentSection(alloc))),
    () => departmentsRoot.isConnected,
  );

  const own = record.accounts.filter((r) => r.kam === s.seat);
  const accountsTable = () => {
    const before = (r: (typeof own)[number]) => prev?.accounts.find((x) => x.account === r.account)?.satisfaction ?? s.input.accounts.find((x) => x.id === r.account)!.satisfaction;
    return perAccountTable(
      tr('res.accounts'),
      own.map((r) => names.account(r.account)),
      [
        { label: tr('res.col.fulfilment'), values: own.map((r) => (r.fulfilment === null ? '—' : pct(r.fulfilment))) },
        { label: tr('res.col.satisfaction'), values: own.map((r) => (r.alive ? `${pct(r.satisfaction)} (${pointsDelta(r.satisfaction - before(r))})` : '—')) },
        { label: tr('res.col.revenue'), values: own.map((r) => money(r.revenue)) },
        { label: tr('res.col.status'), values: own.map((r) => (!r.alive ? tr('res.status.lost') : r.churned ? tr('res.status.churned') : r.sponsored ? tr('res.status.sponsored') : tr('res.status.active'))) },
      ],
    );
  };

  const joints = record.joints.filter((j) => j.kams.includes(s.seat));
  const jointItems = joints.map((j) => {
    const mine = j.kams[0] === s.seat;
    const params = { kam: names.kam(mine ? j.kams[1] : j.kams[0]), request: j.opportunities.map((o) => names.fromId(o)).join(' + '), min: days(s.input.model.jointMinDays) };
    return h('li', null, (j.formed ? '✔ ' : '✖ ') + tr(jointMessage(j, mine), params));
  });

  // The rest of the view (accounts, joint proposals, the board) follows the departments, a task later.
  const restRoot = h('div', { class: 'rest' });
  inTurns(
    [
      () =>
        restRoot.append(
          h('section', { 'aria-labelledby': 'res-accounts-title' }, h('h2', { id: 'res-accounts-title' }, tr('res.accounts')), accountsTable()),
          ...(joints.length > 0 ? [h('section', { 'aria-labelledby': 'res-joint-title' }, h('h2', { id: 'res-joint-title' }, tr('res.joints')), h('ul', null, jointItems))] : []),
          ...(s.boardActive
            ? [
                h(
                  'section',
                  { 'aria-labelledby': 'res-board-title' },
                  h('h2', { id: 'res-board-title' }, tr('res.board')),
                  h('p', null, record.sponsored.length > 0 ? tr('res.board.sponsored', { accounts: list(record.sponsored.map((x) => names.account(x))) }) : tr('res.board.none')),
                ),
              ]
            : []),
        ),
    ],
    () => restRoot.isConnected,
  );

  return h(
    'article',
    { class: 'resolution' },
    h('h1', null, tr('res.title', { q: record.quarter })),
    opts.animating ? h('button', { type: 'button', class: 'ghost skip', on: { click: opts.onSkip } }, tr('res.skip')) : null,
    h('p', { class: 'lead' }, summary),
    // A customer lost is news, not a cell in a table further down.
    own
      .filter((r) => r.churned)
      .map((r) => h('p', { class: 'churn-notice' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), tr('res.churned', { account: names.account(r.account), satisfaction: pct(r.satisfaction) }))),
    h('section', { 'aria-labelledby': 'standings-title' }, h('h2', { id: 'standings-title' }, tr('res.standings')), h('p', { class: 'hint' }, tr('res.standings.hint')), standingsList),
    h('section', { 'aria-labelledby': 'why-title' }, h('h2', { id: 'why-title' }, tr('res.why')), h('p', { class: 'hint' }, tr(`res.why.hint.${regime}`)), departmentsRoot),
    restRoot,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary big', on: { click: opts.onContinue } }, tr('res.continue'))),
  );
}

/**
 * The line for a joint proposal on the results: formed, or why not, said from
 * the player's side (`mine`: the proposal stood in the player's plan; else a
 * colleague's that the player's plan did not take up).
 */
export function jointMessage(j: JointOutcome, mine: boolean): string {
  if (j.formed) return 'res.joint.formed';
  switch (j.reason) {
    case 'unmatched':
      return mine ? 'res.joint.declined' : 'res.joint.notAccepted';
    case 'too-short':
      return 'res.joint.tooShort';
    case 'not-pursued':
      return 'res.joint.notPursued';
    case 'taken':
      return 'res.joint.taken';
    default:
      return 'res.joint.failed';
  }
}
