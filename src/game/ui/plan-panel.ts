/**
 * The planning panel of a quarter: the player's opportunities as cards
 * (capacity per department, immediate value, a hint of strategic upside), the
 * time budget split (customers, lobbying, relationships, business cases, board
 * pitch, joint proposals with colleagues, who answer in character), live
 * budget checks and the submit. Edits change the session's draft in place and
 * update only what depends on them, so focus never jumps.
 */
import type { JointDecision } from '../../sim/index';
import type { Opportunity, QuarterRecord } from '../../sim/types';
import { app, type Session } from '../app';
import { announce, h, later, mount, uniqueId } from '../dom';
import { days, fieldDays, list, money, num, pct, tr, trn } from '../i18n';
import { checkDraft, hasErrors, proposalKey, repeatSplit, roundDays, splitOf, toPlan, totalDays, upsideLevel, USES, type Draft, type PlanContext } from '../plan-draft';
import { textOf } from '../text';
import { relationshipWord } from './briefing-panel';
import { numberField, parseDays, type NumberField } from './fields';
import { Names } from './labels';

export interface PlanPanelEvents {
  /** The draft changed (the canvas shows the asks and where the player's time goes). */
  changed(draft: Draft): void;
  /** The quarter was played. */
  resolved(record: QuarterRecord): void;
}

const USE_PATTERN: Record<(typeof USES)[number], string> = {
  customer: 'use-customer',
  lobbying: 'use-lobbying',
  relationship: 'use-relationship',
  businessCase: 'use-case',
  boardPitch: 'use-board',
  joint: 'use-joint',
};

/** Which department's line of work the player is in: the one with the most lobbying and relationship days. */
export function focusDepartment(draft: Draft, departments: readonly string[]): number | null {
  let best: number | null = null;
  let most = 0;
  departments.forEach((d, i) => {
    const x = (draft.lobbying[d] ?? 0) + (draft.relationship[d] ?? 0);
    if (x > most + 1e-9) {
      most = x;
      best = i;
    }
  });
  return best;
}

export function renderPlanPanel(s: Session, events: PlanPanelEvents): HTMLElement {
  const a = app();
  const lang = a.lang;
  const ctx: PlanContext = a.planContext(s);
  const draft = s.draft!;
  const names = new Names(s.input, lang, s.state.opportunities);
  const fields = new Map<string, NumberField>();
  const kamIndex = s.input.kams.findIndex((k) => k.id === s.seat);
  const D = s.input.departments.length;
  const deptIds = ctx.departments;
  const last = s.state.history[s.state.history.length - 1];
  let saveTimer = 0;
  let engineTimer = 0;
  let engineSeq = 0;

  // --- Footer: meter, issues, submit -------------------------------------------------------
  const meterBar = h('div', { class: 'meter-bar', 'aria-hidden': 'true' });
  const meterText = h('p', { class: 'meter-text', id: 'budget-status' });
  const legend = h('ul', { class: 'meter-legend' });
  const issuesList = h('ul', { class: 'issues', id: 'plan-issues' });
  const engineNote = h('p', { class: 'issues-engine', role: 'status' });
  const submit = h('button', { type: 'button', class: 'primary big submit', 'aria-describedby': 'budget-status plan-issues' }, tr('plan.submit', { q: ctx.quarter }));

  const setField = (path: string, f: NumberField) => fields.set(path, f);
  /** Remembers the draft shortly after the last edit, so a reload keeps it. */
  const saveSoon = () => {
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(() => void a.saveDraft(), 400);
  };

  const update = (fromInput = true) => {
    const issues = checkDraft(draft, ctx);
    const plan = toPlan(draft, ctx);
    const split = splitOf(plan);
    const used = totalDays(split);
    // Meter: one segment per use of time, with a pattern per use and a legend in words.
    meterBar.replaceChildren(
      ...USES.filter((u) => split[u] > 0).map((u) =>
        h('span', { class: `seg ${USE_PATTERN[u]}`, style: `width:${Math.min(100, (split[u] / Math.max(ctx.budget, used)) * 100)}%` }),
      ),
    );
    meterBar.classList.toggle('over', used > ctx.budget + 1e-9);
    mount(legend, USES.filter((u) => split[u] > 0).map((u) => h('li', null, h('span', { class: `swatch ${USE_PATTERN[u]}`, 'aria-hidden': 'true' }), `${tr(`use.${u}`)}: ${fieldDays(split[u])}`)));
    // Written as the time fields write days, so what is planned and what is left add up to the budget as shown.
    meterText.textContent =
      used > ctx.budget + 1e-9
        ? `⚠ ${tr('plan.meter.over', { used: fieldDays(used), budget: fieldDays(ctx.budget), over: fieldDays(used - ctx.budget) })}`
        : tr('plan.meter', { used: fieldDays(used), budget: fieldDays(ctx.budget), left: fieldDays(Math.max(0, ctx.budget - used)) });
    for (const f of fields.values()) f.setError(null);
    const shown = issues.filter((i) => i.path !== 'time' || i.code === 'over-budget' || i.code === 'unplanned-days');
    mount(
      issuesList,
      shown.map((i) => h('li', { class: i.severity }, h('span', { class: 'icon', 'aria-hidden': 'true' }, i.severity === 'error' ? '⚠' : 'ℹ'), ' ', h('span', { class: 'visually-hidden' }, `${tr(`severity.${i.severity}`)} `), names.issue(i, plan, draft.joint))),
    );
    for (const i of issues) {
      const f = fields.get(i.path);
      if (f && i.severity === 'error') f.setError(names.issue(i, plan, draft.joint));
    }
    submit.setAttribute('aria-disabled', hasErrors(issues) ? 'true' : 'false');
    if (fromInput) {
      saveSoon();
      // The engine's own check, as a second opinion on what the panel cannot know.
      window.clearTimeout(engineTimer);
      if (!hasErrors(issues)) {
        const seq = ++engineSeq;
        engineTimer = window.setTimeout(async () => {
          const found = await a.checkPlan(plan);
          if (seq !== engineSeq) return;
          engineNote.textContent = found.length > 0 ? found.map((x) => names.issue(x, plan)).join(' ') : '';
        }, 250);
      } else engineNote.textContent = '';
    }
    events.changed(draft);
    return issues;
  };

  submit.addEventListener('click', async () => {
    if (submit.dataset.busy === '1') return;
    const issues = update(false);
    if (hasErrors(issues)) {
      const first = issues.find((i) => i.severity === 'error');
      const f = first ? fields.get(first.path) : undefined;
      announce(trn('plan.fixFirst', issues.filter((i) => i.severity === 'error').length));
      (f?.input ?? issuesList).focus();
      return;
    }
    submit.dataset.busy = '1';
    submit.setAttribute('aria-disabled', 'true');
    submit.textContent = tr('plan.resolving');
    announce(tr('plan.resolving'));
    const plan = toPlan(draft, ctx);
    const out = await a.submit(plan);
    if (!out.ok) {
      submit.dataset.busy = '0';
      submit.textContent = tr('plan.submit', { q: ctx.quarter });
      submit.setAttribute('aria-disabled', 'false');
      engineNote.textContent = out.issues.map((x) => names.issue(x, plan)).join(' ');
      announce(engineNote.textContent);
      return;
    }
    // The next view starts in a task of its own.
    later(() => events.resolved(out.record));
  });

  // --- Opportunities ---------------------------------------------------------------------
  const cards: HTMLElement[] = [];
  const stateIndex = new Map(s.input.accounts.map((x, i) => [x.id, i]));
  for (const acct of ctx.accounts) {
    const ai = stateIndex.get(acct.id)!;
    const opps = ctx.opportunities.filter((o) => o.account === acct.id);
    const row = last?.accounts.find((r) => r.account === acct.id);
    const headerId = uniqueId('acct');
    const status = acct.alive
      ? tr('plan.account.status', {
          satisfaction: pct(s.state.accounts.satisfaction[ai]!),
          revenue: row ? money(row.revenue) : money(s.state.accounts.wallet[ai]! * s.state.accounts.shareOfWallet[ai]!),
        })
      : tr('plan.account.lost');
    cards.push(
      h(
        'section',
        { class: 'account-block', 'aria-labelledby': headerId },
        h('h3', { id: headerId }, names.account(acct.id)),
        h('p', { class: 'hint' }, status),
        opps.length === 0 && acct.alive ? h('p', null, tr('plan.noOpportunities')) : null,
        opps.map((o) => opportunityCard(o)),
      ),
    );
  }

  function opportunityCard(o: Opportunity): HTMLElement {
    const legendId = uniqueId('opp');
    const margin = o.revenue * (s.input.accounts.find((x) => x.id === o.account)?.margin ?? 0);
    const level = upsideLevel(o.upside, s.state.opportunities);
    const asks = h('div', { class: 'asks' });
    const askFields: NumberField[] = [];
    deptIds.forEach((d, di) => {
      const need = o.needs[di]!;
      if (!(need > 0)) return;
      const f = numberField({
        label: names.department(d),
        hint: tr('plan.needs', { days: fieldDays(need) }),
        value: draft.ask[o.id]?.[d] ?? 0,
        max: Math.round(need * 100) / 100,
        step: 0.5,
        disabled: !draft.pursue[o.id],
        path: `ask.${o.id}.${d}`,
        onInput: (x) => {
          (draft.ask[o.id] ??= {})[d] = x;
          update();
        },
      });
      setField(`ask.${o.id}.${d}`, f);
      askFields.push(f);
      asks.appendChild(f.root);
    });
    const caseField = numberField({
      label: tr('plan.businessCase'),
      hint: tr(s.input.company.regime === 'account-pnl' || s.input.company.regime === 'matrix' ? 'plan.businessCase.hint.counts' : 'plan.businessCase.hint.hidden'),
      value: draft.businessCase[o.id] ?? 0,
      step: 1,
      disabled: !draft.pursue[o.id],
      path: `businessCase.${o.id}`,
      onInput: (x) => {
        draft.businessCase[o.id] = x;
        update();
      },
    });
    setField(`businessCase.${o.id}`, caseField);
    const pursue = h('input', {
      type: 'checkbox',
      checked: Boolean(draft.pursue[o.id]),
      on: {
        change: () => {
          draft.pursue[o.id] = pursue.checked;
          for (const f of [...askFields, caseField]) f.input.disabled = !pursue.checked;
          card.classList.toggle('off', !pursue.checked);
          update();
        },
      },
    });
    const totalNeed = o.needs.reduce((x, y) => x + y, 0);
    const card = h(
      'fieldset',
      { class: `opportunity${draft.pursue[o.id] ? '' : ' off'}`, 'aria-labelledby': legendId },
      h('legend', { id: legendId }, names.opportunity(o.id)),
      h(
        'p',
        { class: 'value' },
        tr('plan.value', { revenue: money(o.revenue), margin: money(margin), need: days(totalNeed) }),
      ),
      h(
        'p',
        { class: 'upside' },
        h('span', { class: 'stars', 'aria-hidden': 'true' }, '★'.repeat(level) + '☆'.repeat(3 - level)),
        ' ',
        tr('plan.upside', { level: tr(`level.${['none', 'low', 'medium', 'high'][level]}`) }),
      ),
      h('label', { class: 'check pursue' }, pursue, ' ', tr('plan.pursue')),
      asks,
      caseField.root,
    );
    return card;
  }

  // --- Time ----------------------------------------------------------------------------------
  const timeGroup = (legendKey: string, hintKey: string, items: { path: string; label: string; hint?: string; value: number; set: (x: number) => void }[]) =>
    h(
      'fieldset',
      { class: 'time-group' },
      h('legend', null, tr(legendKey)),
      h('p', { class: 'hint' }, tr(hintKey)),
      h(
        'div',
        { class: 'grid' },
        items.map((it) => {
          const f = numberField({
            label: it.label,
            hint: it.hint,
            value: it.value,
            step: 1,
            path: it.path,
            onInput: (x) => {
              it.set(x);
              update();
            },
          });
          setField(it.path, f);
          return f.root;
        }),
      ),
    );

  const aliveAccounts = ctx.accounts.filter((x) => x.alive);
  const customerGroup = timeGroup(
    'plan.time.customer',
    'plan.time.customer.hint',
    aliveAccounts.map((x) => ({ path: `customer.${x.id}`, label: names.account(x.id), value: draft.customer[x.id] ?? 0, set: (v: number) => (draft.customer[x.id] = v) })),
  );
  const lobbyGroup = timeGroup(
    'plan.time.lobbying',
    s.input.company.interventions.boardAccountPlans ? 'plan.time.lobbying.hint.board' : 'plan.time.lobbying.hint',
    deptIds.map((d) => ({ path: `lobbying.${d}`, label: names.department(d), value: draft.lobbying[d] ?? 0, set: (v: number) => (draft.lobbying[d] = v) })),
  );
  const relGroup = timeGroup(
    'plan.time.relationship',
    s.input.company.interventions.kaAgendaItem ? 'plan.time.relationship.hint.agenda' : 'plan.time.relationship.hint',
    deptIds.map((d, di) => {
      const r = s.state.kams.relationships[kamIndex * D + di] ?? 0;
      return {
        path: `relationship.${d}`,
        label: names.department(d),
        hint: tr('relationship.level', { value: num(r, 2), word: relationshipWord(r) }),
        value: draft.relationship[d] ?? 0,
        set: (v: number) => (draft.relationship[d] = v),
      };
    }),
  );
  const boardGroup = ctx.boardActive
    ? timeGroup(
        'plan.time.board',
        'plan.time.board.hint',
        aliveAccounts.map((x) => ({ path: `boardPitch.${x.id}`, label: names.account(x.id), value: draft.boardPitch[x.id] ?? 0, set: (v: number) => (draft.boardPitch[x.id] = v) })),
      )
    : h('p', { class: 'hint' }, tr('plan.time.board.none'));

  const repeat =
    last && last.plans.find((p) => p.kam === s.seat)
      ? h(
          'button',
          {
            type: 'button',
            class: 'ghost',
            on: {
              click: () => {
                const prev = last.plans.find((p) => p.kam === s.seat)!;
                const next = repeatSplit(draft, prev, ctx);
                Object.assign(draft, { customer: next.customer, lobbying: next.lobbying, relationship: next.relationship, businessCase: next.businessCase, boardPitch: next.boardPitch });
                for (const [path, f] of fields) {
                  const [use, key] = [path.split('.')[0]!, path.split('.').slice(1).join('.')];
                  if (use === 'customer' || use === 'lobbying' || use === 'relationship' || use === 'businessCase' || use === 'boardPitch') f.setValue(draft[use][key] ?? 0);
                }
                update();
                announce(tr('plan.repeated'));
              },
            },
          },
          tr('plan.repeat'),
        )
      : null;

  // --- Joint proposals ----------------------------------------------------------------------
  const jointRoot = h('section', { class: 'joint', 'aria-labelledby': 'joint-title' });
  /** Draws the joint proposals; `answer` is the reply of a colleague who just agreed, shown under what is agreed. */
  const renderJoint = (answer?: string) => {
    const colleagues = s.input.kams.filter((k) => k.id !== s.seat);
    const incoming = s.proposals.filter((p) => !draft.declined.includes(proposalKey(p)) && !draft.joint.some((j) => j.partner === p.from && j.partnerOpportunity === p.opportunity));
    const agreed = draft.joint;
    const reply = h('div', { class: 'reply', role: 'status', 'aria-live': 'polite' });
    /** The reply, read out as a live region and brought into view (it appears below the button, where the footer may cover it). */
    const say = (text: string) => {
      reply.textContent = text;
      reply.scrollIntoView({ block: 'nearest' });
    };
    const colleagueSel = h('select', { id: 'joint-colleague' }, colleagues.map((k) => h('option', { value: k.id }, textOf(k.name, lang))));
    const theirSel = h('select', { id: 'joint-theirs' });
    const mineSel = h('select', { id: 'joint-mine' }, ctx.opportunities.filter((o) => draft.pursue[o.id]).map((o) => h('option', { value: o.id }, names.opportunity(o.id))));
    // The form as the player left it (kept in the draft), else the first choices.
    const kept = draft.proposal;
    const daysField = numberField({ label: tr('joint.days'), hint: tr('joint.days.hint', { min: days(ctx.jointMinDays) }), value: kept?.days ?? Math.max(ctx.jointMinDays, 4), step: 1, onInput: () => remember() });
    const pick = (sel: HTMLSelectElement, value: string | undefined) => {
      if (value !== undefined && [...sel.options].some((o) => o.value === value)) sel.value = value;
    };
    const remember = () => {
      draft.proposal = { partner: colleagueSel.value, partnerOpportunity: theirSel.value, opportunity: mineSel.value, days: parseDays(daysField.input.value) };
      saveSoon();
    };
    const fillTheirs = () => {
      const k = s.input.kams.find((x) => x.id === colleagueSel.value);
      const theirs = s.state.opportunities.filter((o) => k?.accounts.includes(o.account));
      mount(
        theirSel,
        theirs.length === 0 ? h('option', { value: '' }, tr('joint.none')) : theirs.map((o) => h('option', { value: o.id }, names.opportunity(o.id))),
      );
    };
    // What the colleague's opportunity needs, and what yours shares with it: a colleague turns down a pair with nothing in common.
    const fit = h('p', { class: 'hint', id: 'joint-fit' });
    const showFit = () => {
      const theirs = s.state.opportunities.find((o) => o.id === theirSel.value);
      const mine = ctx.opportunities.find((o) => o.id === mineSel.value);
      const needed = (o: Opportunity) => deptIds.filter((_, di) => o.needs[di]! > 0);
      const departments = (ids: string[]) => list(ids.map((d) => names.department(d)));
      const lines: string[] = [];
      const theirNeeds = theirs ? needed(theirs) : [];
      if (theirs) lines.push(tr('joint.fit.theirs', { departments: departments(theirNeeds) }));
      if (theirs && mine) {
        const mineNeeds = needed(mine);
        const both = theirNeeds.filter((d) => mineNeeds.includes(d));
        lines.push(both.length === 0 ? tr('joint.fit.none') : both.length === theirNeeds.length ? tr('joint.fit.all') : tr('joint.fit.shared', { departments: departments(both) }));
      }
      fit.textContent = lines.join(' ');
    };
    pick(colleagueSel, kept?.partner);
    fillTheirs();
    pick(theirSel, kept?.partnerOpportunity);
    pick(mineSel, kept?.opportunity);
    showFit();
    const changed = () => {
      showFit();
      remember();
    };
    colleagueSel.addEventListener('change', () => {
      fillTheirs();
      changed();
    });
    for (const sel of [theirSel, mineSel]) {
      sel.setAttribute('aria-describedby', 'joint-fit');
      sel.addEventListener('change', changed);
    }
    const ask = h(
      'button',
      {
        type: 'button',
        on: {
          click: async () => {
            const partner = colleagueSel.value;
            const theirs = theirSel.value;
            const mine = mineSel.value;
            const d = parseDays(daysField.input.value);
            if (!partner || !theirs || !mine) {
              say(tr('joint.incomplete'));
              return;
            }
            if (draft.joint.some((j) => j.opportunity === mine)) {
              say(tr('joint.already', { opportunity: names.opportunity(mine) }));
              return;
            }
            ask.setAttribute('aria-busy', 'true');
            const decision: JointDecision = await a.askColleague(partner, mine, theirs, d);
            ask.removeAttribute('aria-busy');
            const partnerKam = s.input.kams.find((k) => k.id === partner)!;
            const line = replyLine(partnerKam.persona, decision);
            if (decision.accept) {
              draft.joint.push({ partner, opportunity: mine, partnerOpportunity: theirs, days: d, origin: 'asked' });
              // Asked and agreed: the form starts afresh.
              delete draft.proposal;
              update();
              const answer = `${textOf(partnerKam.name, lang)}: “${line}” ${tr('joint.added')}`;
              renderJoint(answer);
              // Focus on what is agreed, the reply under it in view too; the reply is new, so the page's announcer reads it out.
              const agreedBox = jointRoot.querySelector<HTMLElement>('.agreed');
              agreedBox?.focus();
              agreedBox?.scrollIntoView({ block: 'nearest' });
              announce(answer);
            } else {
              say(`${textOf(partnerKam.name, lang)}: “${line}”`);
            }
          },
        },
      },
      tr('joint.ask'),
    );
    mount(
      jointRoot,
      h('h3', { id: 'joint-title', tabindex: -1 }, tr('joint.title')),
      h('p', { class: 'hint' }, tr('joint.intro', { scope: pct(s.input.model.jointScope), min: days(ctx.jointMinDays) })),
      incoming.length > 0
        ? h(
            'div',
            { class: 'incoming' },
            h('h4', null, tr('joint.incoming')),
            h(
              'ul',
              null,
              incoming.map((p) => {
                const key = proposalKey(p);
                // What the player typed is kept in the draft, so a reload shows it unchanged.
                const f = numberField({
                  label: tr('joint.yourDays'),
                  value: draft.replyDays?.[key] ?? Math.max(ctx.jointMinDays, roundDays(p.days)),
                  step: 1,
                  onInput: (x) => {
                    if (Number.isFinite(x)) (draft.replyDays ??= {})[key] = x;
                    else delete draft.replyDays?.[key];
                    saveSoon();
                  },
                });
                return h(
                  'li',
                  { class: 'proposal' },
                  h('p', null, tr('joint.invitation', { kam: names.kam(p.from), theirs: names.opportunity(p.opportunity), mine: names.opportunity(p.partnerOpportunity), days: days(p.days) })),
                  f.root,
                  h(
                    'div',
                    { class: 'row' },
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'primary',
                        on: {
                          click: () => {
                            draft.pursue[p.partnerOpportunity] = true;
                            draft.joint.push({ partner: p.from, opportunity: p.partnerOpportunity, partnerOpportunity: p.opportunity, days: parseDays(f.input.value), origin: 'invited' });
                            delete draft.replyDays?.[key];
                            update();
                            renderJoint();
                            announce(tr('joint.accepted', { kam: names.kam(p.from) }));
                          },
                        },
                      },
                      tr('joint.accept', { kam: names.kam(p.from) }),
                    ),
                    h(
                      'button',
                      {
                        type: 'button',
                        on: {
                          click: () => {
                            draft.declined.push(key);
                            delete draft.replyDays?.[key];
                            update();
                            renderJoint();
                            announce(tr('joint.declined', { kam: names.kam(p.from) }));
                          },
                        },
                      },
                      tr('joint.decline', { kam: names.kam(p.from) }),
                    ),
                  ),
                );
              }),
            ),
          )
        : null,
      agreed.length > 0
        ? h(
            'div',
            { class: 'agreed', tabindex: -1 },
            h('h4', null, tr('joint.agreed')),
            h(
              'ul',
              null,
              agreed.map((j, i) =>
                h(
                  'li',
                  null,
                  tr('joint.agreedItem', { kam: names.kam(j.partner), mine: names.opportunity(j.opportunity), theirs: names.opportunity(j.partnerOpportunity), days: days(j.days) }),
                  ' ',
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'ghost small',
                      on: {
                        click: () => {
                          draft.joint.splice(i, 1);
                          update();
                          renderJoint();
                          announce(tr('joint.withdrawn'));
                        },
                      },
                    },
                    tr('joint.withdraw', { kam: names.kam(j.partner) }),
                  ),
                ),
              ),
            ),
            answer ? h('p', { class: 'reply' }, answer) : null,
          )
        : null,
      colleagues.length > 0
        ? h(
            'div',
            { class: 'propose' },
            h('h4', null, tr('joint.propose')),
            h('div', { class: 'field' }, h('label', { for: 'joint-colleague' }, tr('joint.colleague')), colleagueSel),
            h('div', { class: 'field' }, h('label', { for: 'joint-theirs' }, tr('joint.theirs')), theirSel),
            h('div', { class: 'field' }, h('label', { for: 'joint-mine' }, tr('joint.mine')), mineSel),
            fit,
            daysField.root,
            ask,
            reply,
          )
        : null,
    );
  };
  renderJoint();

  // A skip link moves focus to its section's heading (not just the scroll position), so the next Tab continues
  // from there and a screen reader announces the section.
  const skipLink = (target: string, label: string) =>
    h(
      'a',
      {
        href: `#${target}`,
        on: {
          click: (e: Event) => {
            const heading = document.getElementById(target);
            if (!heading) return;
            e.preventDefault();
            heading.focus();
          },
        },
      },
      label,
    );
  const footer = h(
    'footer',
    { class: 'plan-footer', 'aria-label': tr('plan.footer') },
    h('div', { class: 'meter' }, meterBar, meterText, legend),
    issuesList,
    engineNote,
    submit,
  );
  const panel = h(
    'div',
    { class: 'plan' },
    h('h1', null, tr('plan.title', { q: ctx.quarter, total: s.input.quarters })),
    h('p', { class: 'lead' }, tr('plan.intro', { budget: days(ctx.budget) })),
    h(
      'nav',
      { class: 'plan-nav', 'aria-label': tr('plan.nav') },
      skipLink('opps-title', tr('plan.opportunities')),
      skipLink('time-title', tr('plan.nav.time')),
      skipLink('joint-title', tr('joint.title')),
    ),
    h('section', { 'aria-labelledby': 'opps-title' }, h('h2', { id: 'opps-title', tabindex: -1 }, tr('plan.opportunities')), h('p', { class: 'hint' }, tr('plan.opportunities.hint')), cards),
    h(
      'section',
      { 'aria-labelledby': 'time-title' },
      h('h2', { id: 'time-title', tabindex: -1 }, tr('plan.time', { budget: days(ctx.budget) })),
      repeat,
      customerGroup,
      lobbyGroup,
      relGroup,
      boardGroup,
      h('p', { class: 'hint' }, tr('plan.time.cases')),
      jointRoot,
    ),
    footer,
  );
  update(false);
  keepClearOf(footer);
  return panel;
}

/**
 * Keeps what gets focus clear of the sticky footer: the panel's scroll padding
 * follows the footer's height, which grows with its legend and its notes (a
 * fixed padding left fields focused with Tab hidden under a tall footer).
 */
function keepClearOf(footer: HTMLElement): void {
  const watch = new ResizeObserver(() => {
    const scroller = document.getElementById('panel');
    if (!scroller) return;
    if (!footer.isConnected) {
      // The plan was replaced: the panel gets its usual padding back.
      watch.disconnect();
      scroller.style.scrollPaddingBottom = '';
      return;
    }
    scroller.style.scrollPaddingBottom = `${footer.offsetHeight + 16}px`;
  });
  watch.observe(footer);
}

/** A colleague's answer to a joint proposal, in their character. */
export function replyLine(persona: string, decision: JointDecision): string {
  const specific = `joint.reply.${persona}.${decision.reason}`;
  const text = tr(specific);
  return text !== specific ? text : tr(`joint.reply.${decision.reason}`);
}

export { roundDays };
