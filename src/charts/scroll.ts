/**
 * Wide tables scroll sideways in a container of their own (class `scroll`),
 * in the research report and in the game. A container is a keyboard stop and
 * a region named by its table's caption while (and only while) its table is
 * wider than it. Callers mark their containers again whenever a size may
 * have changed (load, resize, a details element opening).
 */
export function markScrollable(boxes: Iterable<HTMLElement>): void {
  for (const box of boxes) {
    // The name is kept in a data attribute while the box is no region (a plain div may not carry one).
    for (const name of ['aria-label', 'aria-labelledby']) {
      const v = box.getAttribute(name);
      if (v !== null) box.dataset[name === 'aria-label' ? 'label' : 'labelledby'] = v;
    }
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      if (box.dataset.label) box.setAttribute('aria-label', box.dataset.label);
      if (box.dataset.labelledby) box.setAttribute('aria-labelledby', box.dataset.labelledby);
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      box.removeAttribute('aria-labelledby');
    }
  }
}
