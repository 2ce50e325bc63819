/**
 * Form fields for the planning panel: a labelled number field for days with
 * its own error line, so a screen reader hears the label, the limit and what
 * is wrong; and a meter for the time budget that never relies on colour.
 */
import { h, uniqueId } from '../dom';

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
  const input = h('input', {
    id,
    type: 'number',
    inputmode: 'decimal',
    min: opts.min ?? 0,
    max: opts.max ?? null,
    step: opts.step ?? 0.5,
    value: formatInput(opts.value),
    disabled: opts.disabled ?? false,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    'data-path': opts.path ?? null,
  });
  const error = h('span', { id: errorId, class: 'field-error' });
  input.addEventListener('input', () => opts.onInput(parseDays(input.value)));
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
    },
  };
}

/** Days shown in an input: at most two decimals, no trailing zeros, a dot (what number inputs take). */
export function formatInput(x: number): string {
  if (!Number.isFinite(x)) return '';
  return String(Math.round(x * 100) / 100);
}
