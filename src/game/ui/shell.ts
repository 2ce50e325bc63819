/**
 * The page around the canvas: the top bar (game, quarter, result, briefing
 * and settings), the panel where each scene puts its DOM view, the layout
 * (canvas beside the panel, or a canvas banner over a wide panel), and the
 * settings dialog with the language switch.
 */
import type { Lang } from '../../i18n/index';
import { app } from '../app';
import { h, mount, uniqueId } from '../dom';
import { money, tr } from '../i18n';
import { textOf } from '../text';
import { briefingBody } from './briefing-panel';
import logoUrl from '../../../assets/logo.svg?url';

export type Layout = 'split' | 'banner' | 'title';

export function panelRoot(): HTMLElement {
  return document.getElementById('panel')!;
}

export function stageRoot(): HTMLElement {
  return document.getElementById('stage')!;
}

export function setLayout(layout: Layout): void {
  const main = document.getElementById('main')!;
  main.dataset.layout = layout;
}

/** What the canvas shows, for screen readers (the canvas itself is decoration over the same facts as the panel). */
export function describeStage(text: string): void {
  stageRoot().setAttribute('aria-label', text);
}

export interface TopBarOptions {
  /** Show the quarter progress and result (in a game). */
  inGame: boolean;
  /** Label of the current step, e.g. "Quarter 3 of 8 · planning". */
  step?: string;
  /** The quarter the screen is about (its results or report); default the one being planned next. */
  quarter?: number;
}

export function renderTopBar(opts: TopBarOptions): void {
  const bar = document.getElementById('topbar')!;
  const s = app().session;
  const lang = app().lang;
  const brand = h('div', { class: 'brand' }, h('img', { src: logoUrl, alt: '', width: 28, height: 28 }), h('span', { class: 'brand-name' }, tr('app.name')));
  const parts: (Node | null)[] = [brand];
  if (opts.inGame && s) {
    const played = s.state.quarter;
    const total = s.input.quarters;
    const current = opts.quarter ?? played + 1;
    // One mark per quarter while they fit; a bar for long games.
    const steps =
      total <= 12
        ? h(
            'ol',
            { class: 'quarters', 'aria-label': tr('top.progress', { played, total }) },
            Array.from({ length: total }, (_, i) => {
              const q = i + 1;
              const status = q === current ? 'current' : q <= played ? 'done' : 'todo';
              return h('li', { class: `q-${status}`, 'aria-current': status === 'current' ? 'step' : null }, h('span', { class: 'visually-hidden' }, tr(`top.quarter.${status}`, { q })), h('span', { 'aria-hidden': 'true' }, String(q)));
            }),
          )
        : h(
            'div',
            { class: 'quarters-bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': played, 'aria-label': tr('top.progress', { played, total }) },
            h('span', { style: `width:${Math.round((played / total) * 100)}%` }),
          );
    const seatIndex = s.names.indexOf(`kamScore.${s.seat}`);
    const result = s.state.history.reduce((sum, r) => sum + (r.values[seatIndex] ?? 0), 0);
    parts.push(
      h('div', { class: 'scenario-name' }, textOf(s.scenario.title, lang)),
      h('div', { class: 'step' }, opts.step ?? ''),
      steps,
      // Narrow, the short label shows instead of the long one, which a screen reader still reads (the short one it skips).
      h(
        'div',
        { class: 'result', title: tr('top.result') },
        h('span', { class: 'result-label' }, tr('top.result')),
        h('span', { class: 'result-short', 'aria-hidden': 'true' }, tr('top.result.short')),
        ' ',
        h('strong', null, money(result)),
      ),
      h('button', { type: 'button', class: 'ghost', on: { click: () => openBriefing() } }, tr('top.briefing')),
    );
  }
  parts.push(h('button', { type: 'button', class: 'ghost settings', 'aria-haspopup': 'dialog', on: { click: () => openSettings() } }, tr('top.settings')));
  mount(bar, h('nav', { class: 'topbar-inner', 'aria-label': tr('top.label') }, parts));
}

/**
 * A modal dialog; `actions` builds its buttons and may close it. Closed, it
 * gives focus back to what had it, or to `returnTo` when that is gone (the
 * top bar is drawn again after a language change).
 */
function dialog(titleText: string, body: Node[], actions: (close: () => void) => Node[], returnTo?: () => HTMLElement | null): HTMLDialogElement {
  const titleId = uniqueId('dialog-title');
  const row = h('div', { class: 'dialog-actions' });
  const d = h('dialog', { class: 'dialog', 'aria-labelledby': titleId }, h('h2', { id: titleId }, titleText), ...body, row);
  row.append(...actions(() => d.close()));
  d.addEventListener('close', () => {
    d.remove();
    if (returnTo && (document.activeElement === null || document.activeElement === document.body)) returnTo()?.focus();
  });
  document.body.appendChild(d);
  d.showModal();
  return d;
}

export function openSettings(): void {
  const a = app();
  const langs: Lang[] = ['en', 'nl'];
  let close = () => undefined as void;
  const radios = h(
    'fieldset',
    { class: 'lang-choice' },
    h('legend', null, tr('settings.language')),
    langs.map((l) =>
      h(
        'label',
        null,
        h('input', {
          type: 'radio',
          name: 'settings-lang',
          value: l,
          checked: a.lang === l,
          // The dialog opens on the language in use (and opens again on it after a switch), not on the first radio.
          autofocus: a.lang === l,
          lang: l,
          on: {
            change: () => {
              a.setLang(l);
              close();
              openSettings();
            },
          },
        }),
        ' ',
        h('span', { lang: l }, tr(`lang.${l}`)),
      ),
    ),
  );
  const motion = h(
    'label',
    { class: 'check' },
    h('input', { type: 'checkbox', checked: a.reducedMotion, on: { change: (e) => a.setReducedMotion((e.target as HTMLInputElement).checked) } }),
    ' ',
    tr('settings.motion'),
  );
  const settingsButton = () => document.querySelector<HTMLElement>('#topbar button.settings');
  dialog(tr('settings.title'), [radios, motion, a.session ? h('p', { class: 'hint' }, tr('settings.saved')) : h('span')], (done) => {
    close = done;
    const actions: Node[] = [];
    if (a.session) {
      actions.push(
        h(
          'button',
          {
            type: 'button',
            on: {
              click: () => {
                done();
                a.toTitle();
              },
            },
          },
          tr('settings.toTitle'),
        ),
      );
    }
    actions.push(h('button', { type: 'button', class: 'primary', on: { click: done } }, tr('settings.close')));
    return actions;
  }, settingsButton);
}

export function openBriefing(): void {
  const s = app().session;
  if (!s) return;
  const d = dialog(textOf(s.scenario.title, app().lang), [h('div', { class: 'briefing' }, briefingBody(s, 'h3'))], (close) => [
    h('button', { type: 'button', class: 'primary', on: { click: close } }, tr('settings.close')),
  ]);
  d.classList.add('wide');
  // A long text: the reader starts at its heading, at the top, not at the Close button below it.
  const title = d.querySelector('h2')!;
  title.tabIndex = -1;
  title.focus();
  d.scrollTop = 0;
}

/** A fatal problem (the engine stopped): explain and offer a reload; the game is saved after every quarter. */
export function showFatal(message: string): void {
  const d = dialog(tr('fatal.title'), [h('p', null, tr('fatal.body')), h('pre', { class: 'fatal-detail' }, message)], () => [
    h('button', { type: 'button', class: 'primary', on: { click: () => location.reload() } }, tr('fatal.reload')),
  ]);
  d.setAttribute('role', 'alertdialog');
}

/** The panel's content, replaced; scrolls to the top. */
export function showPanel(...content: Node[]): HTMLElement {
  const root = panelRoot();
  mount(root, ...content);
  root.scrollTop = 0;
  document.getElementById('main')!.scrollTop = 0;
  return root;
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export function confirmDialog(title: string, body: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    let answered = false;
    const d = dialog(title, [h('p', null, body)], (close) => {
      const answer = (yes: boolean) => {
        answered = true;
        resolve(yes);
        close();
      };
      return [
        h('button', { type: 'button', on: { click: () => answer(false) } }, tr('confirm.cancel')),
        h('button', { type: 'button', class: 'primary', on: { click: () => answer(true) } }, confirmLabel),
      ];
    });
    d.addEventListener('close', () => {
      if (!answered) resolve(false);
    });
  });
}
