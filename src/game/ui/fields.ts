/**
 * Form fields for the planning panel: a labelled number field for days with
 * its own error line, so a screen reader hears the label, the limit and what
 * is wrong; and a meter for the time budget that never relies on colour.
 */
import { h, uniqueId } from '../dom';
import { language } from '../i18n';

export interface NumberField {
  root: HTMLElement;
  input: HTMLInputElement;
  setError(message: string | null): void;
  setValue(x: number): void;
}

export function parseDays(raw: string): number {
  const s = raw.trim().replace(',', '.');
  if (s === '') return 0;
  return Number(s);
}

export function numberField(opts: {
  label: string;
  hint?: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  disabled?: boolean;
  onInput: (value: number) => void;
  path?: string;
}): NumberField {
  const id = uniqueId('days');
  const hintId = opts.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const min = opts.min ?? 0;
  const step = opts.step ?? 0.5;
  // A text field acting as a spin button, not <input type=number>: a number
  // field shows the browser's decimal mark, not the game's language, and
  // refuses any value off its step grid, such as a need of 12.21 days.
  const input = h('input', {
    id,
    type: 'text',
    role: 'spinbutton',
    inputmode: 'decimal',
    autocomplete: 'off',
    'aria-valuemin': min,
    'aria-valuemax': opts.max ?? null,
    'aria-valuenow': opts.value,
    value: formatInput(opts.value),
    disabled: opts.disabled ?? false,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    'data-path': opts.path ?? null,
  });
  const changed = () => {
    const x = parseDays(input.value);
    if (Number.isFinite(x)) input.setAttribute('aria-valuenow', String(x));
    opts.onInput(x);
  };
  input.addEventListener('input', changed);
  // The keys of a spin button: arrows to the next step, Page keys ten steps, Home and End to the limits.
  input.addEventListener('keydown', (e) => {
    const x = parseDays(input.value);
    const now = Number.isFinite(x) ? x : min;
    const max = opts.max ?? Infinity;
    let next: number | null = null;
    if (e.key === 'ArrowUp' || e.key === 'PageUp') next = stepFrom(now, step * (e.key === 'PageUp' ? 10 : 1), 1);
    else if (e.key === 'ArrowDown' || e.key === 'PageDown') next = stepFrom(now, step * (e.key === 'PageDown' ? 10 : 1), -1);
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End' && Number.isFinite(max)) next = max;
    if (next === null) return;
    e.preventDefault();
    input.value = formatInput(Math.min(max, Math.max(min, next)));
    changed();
  });
  const error = h('span', { id: errorId, class: 'field-error' });
  const root = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, opts.label),
    input,
    opts.hint ? h('span', { id: hintId!, class: 'field-hint' }, opts.hint) : null,
    error,
  );
  return {
    root,
    input,
    setError(message) {
      error.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
    setValue(x) {
      input.value = formatInput(x);
      input.setAttribute('aria-valuenow', String(x));
    },
  };
}

/** The next value on the step grid in a direction: 12.21 goes up to 12.5 and down to 12 with a step of 0.5. */
export function stepFrom(x: number, step: number, direction: 1 | -1): number {
  const k = x / step;
  const onGrid = Math.abs(k - Math.round(k)) < 1e-9;
  const next = onGrid ? Math.round(k) + direction : direction > 0 ? Math.ceil(k) : Math.floor(k);
  return Math.round(next * step * 100) / 100;
}

/** Days shown in an input: at most two decimals, no trailing zeros, the decimal mark of the game's language (parseDays reads either). */
export function formatInput(x: number): string {
  if (!Number.isFinite(x)) return '';
  const text = String(Math.round(x * 100) / 100);
  return language() === 'nl' ? text.replace('.', ',') : text;
}
