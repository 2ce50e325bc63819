/**
 * The briefing in plain words: the player's role and accounts, the
 * colleagues and how each of them plays, the departments, how the company
 * steers them (the KPI regime and the interventions in place) and how a
 * quarter works.
 */
import type { Session } from '../app';
import { app } from '../app';
import { h, scrollBox, uniqueId, type Child } from '../dom';
import { days, euros, list, money, num, pct, tr } from '../i18n';
import { paragraphs, textOf } from '../text';
import { namesYou } from './labels';
import { perAccountTable } from './tables';

function growthLevel(growth: number, max: number): string {
  if (!(max > 0) || growth <= 0) return tr('level.none');
  const r = growth / max;
  return r >= 0.6 ? tr('level.high') : r >= 0.3 ? tr('level.medium') : tr('level.low');
}

function steeringSection(s: Session, heading: 'h2' | 'h3'): HTMLElement {
  const c = s.input.company;
  const iv = c.interventions;
  const items: HTMLElement[] = [];
  if (iv.accountPnlMeasurement) items.push(h('li', null, tr('intervention.accountPnlMeasurement')));
  if (iv.kaAgendaItem) items.push(h('li', null, tr('intervention.kaAgendaItem')));
  if (iv.boardAccountPlans) items.push(h('li', null, tr('intervention.boardAccountPlans')));
  if (iv.priorityAccess > 0) items.push(h('li', null, tr('intervention.priorityAccess', { share: pct(iv.priorityAccess) })));
  if (iv.crossFunctionalPool > 0) items.push(h('li', null, tr('intervention.crossFunctionalPool', { share: pct(iv.crossFunctionalPool) })));
  return section(
    heading,
    tr('briefing.steering'),
    h('p', null, h('strong', null, tr(`regime.${c.regime}`)), ': ', tr(`regime.explain.${c.regime}`, { weight: pct(c.matrixWeight) })),
    h('p', null, tr(`regime.departments.${c.regime}`)),
    s.boardActive ? h('p', null, tr('briefing.board', { max: c.sponsorship.maxSponsored })) : h('p', null, tr('briefing.noBoard')),
    items.length > 0 ? [h('p', null, tr('briefing.interventions')), h('ul', null, items)] : h('p', null, tr('briefing.noInterventions')),
  );
}

/** A section of the briefing under its own heading (ids unique, so the briefing can stand twice on a page). */
function section(heading: 'h2' | 'h3', title: string, ...content: Child[]): HTMLElement {
  const id = uniqueId('briefing-section');
  return h('section', { 'aria-labelledby': id }, h(heading, { id }, title), ...content);
}

/**
 * Everything the briefing tells after its title: the role, the scenario's
 * story, the player's accounts, the colleagues, the departments, how the
 * company steers them and how a quarter works. The Briefing screen shows it
 * under the scenario's title; the top bar's *Briefing* reopens it in a
 * dialog (headings one level down), with the figures as they stand now.
 */
export function briefingBody(s: Session, heading: 'h2' | 'h3' = 'h2'): HTMLElement[] {
  const lang = app().lang;
  const { input } = s;
  const kam = input.kams.find((k) => k.id === s.seat)!;
  const kamIndex = input.kams.indexOf(kam);
  const accountName = (id: string) => textOf(input.accounts.find((a) => a.id === id)!.name, lang);
  const maxGrowth = Math.max(...input.accounts.map((a) => a.growth));
  const own = input.accounts.map((a, i) => ({ a, i })).filter(({ a }) => kam.accounts.includes(a.id));
  const deptIndex = new Map(input.departments.map((d, i) => [d.id, i]));
  const relationship = (d: string) => s.state.kams.relationships[kamIndex * input.departments.length + deptIndex.get(d)!] ?? 0;
  return [
    h(
      'p',
      { class: 'lead' },
      // A seat named "You" is not played by "You": its line names the accounts only.
      tr(namesYou(textOf(kam.name, lang)) ? 'briefing.roleUnnamed' : 'briefing.role', {
        name: textOf(kam.name, lang),
        accounts: list(kam.accounts.map(accountName)),
        budget: days(kam.timeBudget),
        quarters: input.quarters,
      }),
    ),
    h('div', { class: 'briefing-text' }, paragraphs(textOf(s.scenario.briefing, lang)).map((p) => h('p', null, p))),
    section(
      heading,
      tr('briefing.accounts'),
      perAccountTable(
        tr('briefing.accounts'),
        own.map(({ a }) => textOf(a.name, lang)),
        [
          { label: tr('briefing.col.wallet'), values: own.map(({ i }) => money(s.state.accounts.wallet[i]!)) },
          { label: tr('briefing.col.share'), values: own.map(({ i }) => pct(s.state.accounts.shareOfWallet[i]!)) },
          { label: tr('briefing.col.margin'), values: own.map(({ a }) => pct(a.margin)) },
          { label: tr('briefing.col.satisfaction'), values: own.map(({ i }) => pct(s.state.accounts.satisfaction[i]!)) },
          { label: tr('briefing.col.growth'), values: own.map(({ a }) => growthLevel(a.growth, maxGrowth)) },
        ],
      ),
      h('p', { class: 'hint' }, tr('briefing.growthHidden')),
    ),
    section(
      heading,
      tr('briefing.colleagues'),
      h(
        'ul',
        { class: 'colleagues' },
        input.kams
          .filter((k) => k.id !== s.seat)
          .map((k) =>
            h(
              'li',
              null,
              h('strong', null, textOf(k.name, lang)),
              ` (${tr(`persona.${k.persona}`)}): `,
              // Where the board reviews no account plans, the heavyweight lobbies with the time it would pitch.
              tr(k.persona === 'heavyweight' && !s.boardActive ? 'persona.explain.heavyweight.noBoard' : `persona.explain.${k.persona}`),
              ' ',
              tr('briefing.colleagueAccounts', { accounts: list(k.accounts.map(accountName)) }),
            ),
          ),
      ),
    ),
    section(
      heading,
      tr('briefing.departments'),
      h('p', null, tr('briefing.departmentsIntro')),
      scrollBox(
        h(
          'table',
          { class: 'data' },
          h('caption', { class: 'visually-hidden' }, tr('briefing.departments')),
          h('thead', null, h('tr', null, ['briefing.col.department', 'briefing.col.capacity', 'briefing.col.price', 'briefing.col.relationship'].map((k) => h('th', { scope: 'col' }, tr(k))))),
          h(
            'tbody',
            null,
            input.departments.map((d) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row' }, textOf(d.name, lang)),
                h('td', null, days(d.capacity)),
                h('td', null, tr('briefing.perDay', { money: euros(d.transferPrice) })),
                h('td', null, tr('relationship.level', { value: num(relationship(d.id), 2), word: relationshipWord(relationship(d.id)) })),
              ),
            ),
          ),
        ),
      ),
    ),
    steeringSection(s, heading),
    section(
      heading,
      tr('briefing.howto'),
      h('ol', null, ['briefing.step1', s.boardActive ? 'briefing.step2' : 'briefing.step2.noBoard', 'briefing.step3', 'briefing.step4'].map((k) => h('li', null, tr(k, { budget: days(kam.timeBudget) })))),
    ),
  ];
}

export function renderBriefing(s: Session, onStart: () => void): HTMLElement {
  const next = s.state.quarter + 1;
  return h(
    'article',
    { class: 'briefing' },
    h('h1', null, textOf(s.scenario.title, app().lang)),
    ...briefingBody(s),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary big', on: { click: onStart } }, tr(next === 1 ? 'briefing.start' : 'briefing.continue', { q: next }))),
  );
}

export function relationshipWord(x: number): string {
  return x >= 0.6 ? tr('relationship.strong') : x >= 0.35 ? tr('relationship.good') : x >= 0.15 ? tr('relationship.weak') : tr('relationship.none');
}
