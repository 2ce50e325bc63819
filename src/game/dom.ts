/**
 * A small DOM builder for the game's panels. Every string becomes a text node
 * (never HTML), so scenario text from a file can never run script. Attributes
 * are set one by one; event handlers are passed as `on` entries.
 * Imports nothing from the engine.
 */
import { markScrollable } from '../charts/scroll';

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Attrs {
  [name: string]: string | number | boolean | null | undefined | EventListener | Record<string, EventListener>;
}

function append(el: Element, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(el, c);
    return;
  }
  el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
}

/** `h('button', { class: 'primary', on: { click } }, 'Submit')` */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'on') {
        for (const [ev, fn] of Object.entries(value as Record<string, EventListener>)) el.addEventListener(ev, fn);
      } else if (name === 'value' && 'value' in el) {
        (el as HTMLInputElement).value = String(value);
      } else if (name === 'checked' && 'checked' in el) {
        (el as HTMLInputElement).checked = Boolean(value);
      } else if (value === true) {
        el.setAttribute(name, '');
      } else {
        el.setAttribute(name, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (for small inline icons and meters). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: SVGElement[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const c of children) el.appendChild(c);
  return el;
}

/** Replaces all children of `el`. */
export function mount(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let uid = 0;
/** A document-unique id with a readable prefix, for label/aria wiring. */
export function uniqueId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Tells screen readers something happened (polite live region). */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A new text node after a tick makes screen readers read the same message twice in a row too.
  window.setTimeout(() => (region.textContent = message), 30);
}

/** Moves focus to a panel's heading so keyboard and screen-reader users start at the top of the new view. */
export function focusHeading(root: ParentNode): void {
  const heading = root.querySelector<HTMLElement>('h1, h2');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: false });
}

/** Offers text or a blob as a file download. */
export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Runs `fn` in a task of its own, so long views are built without blocking the page. */
export function later(fn: () => void): void {
  window.setTimeout(fn, 0);
}

/** Runs the steps one task each, stopping when `alive()` turns false (the view was replaced). */
export function inTurns(steps: (() => void)[], alive: () => boolean): void {
  let i = 0;
  const next = () => {
    if (i >= steps.length || !alive()) return;
    steps[i++]!();
    later(next);
  };
  later(next);
}

/** A <details> whose content is built the first time it is opened. */
export function lazyDetails(summary: string, build: () => Node, attrs: Attrs | null = null): HTMLDetailsElement {
  // The summary names the group too (Chromium leaves a <details> group unnamed otherwise).
  const id = uniqueId('details');
  const d = h('details', { 'aria-labelledby': id, ...attrs }, h('summary', { id }, summary));
  let built = false;
  d.addEventListener('toggle', () => {
    if (d.open && !built) {
      built = true;
      d.appendChild(build());
    }
  });
  return d;
}

let boxWatcher: ResizeObserver | null = null;

/**
 * A table in a container that scrolls sideways when the table is wider than
 * the room it has, so the panel or page around it never does. The container
 * is a keyboard stop and a region named by the table's caption only while it
 * scrolls; it is checked again whenever it or its table changes size (a
 * resize, a language change, a details element opening).
 */
export function scrollBox(table: HTMLTableElement): HTMLElement {
  const caption = table.caption;
  if (caption && !caption.id) caption.id = uniqueId('caption');
  const box = h('div', { class: 'scroll', 'aria-labelledby': caption?.id ?? null }, table);
  boxWatcher ??= new ResizeObserver((entries) => {
    const boxes = new Set<HTMLElement>();
    for (const e of entries) {
      const target = e.target as HTMLElement;
      // A view replaced: its boxes leave the page (and report a size of nothing) and are no longer watched.
      if (!target.isConnected) boxWatcher!.unobserve(target);
      else boxes.add(target.closest<HTMLElement>('.scroll')!);
    }
    markScrollable(boxes);
  });
  boxWatcher.observe(box);
  boxWatcher.observe(table);
  markScrollable([box]);
  return box;
}
