/**
 * Facts about the player's accounts side by side: one column per account,
 * one row per fact. However many facts there are, two or three accounts fit
 * a narrow panel this way; more scroll in the table's own box.
 */
import { h, scrollBox, type Child } from '../dom';

export function perAccountTable(caption: string, accounts: readonly string[], rows: readonly { label: string; values: readonly Child[] }[]): HTMLElement {
  return scrollBox(
    h(
      'table',
      { class: 'data per-account' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null, h('td', null), accounts.map((a) => h('th', { scope: 'col' }, a)))),
      h('tbody', null, rows.map((r) => h('tr', null, h('th', { scope: 'row' }, r.label), r.values.map((v) => h('td', null, v))))),
    ),
  );
}
