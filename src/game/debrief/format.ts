/**
 * The debrief's comparison figures in words: a run's figure as the cards show
 * it, a change beside it, and a notable difference as a sentence. The
 * alignment index reads from 0 to 100 with changes in points, as on the
 * quarter report and the debrief's alignment chart.
 */
import { money, moneyDelta, num, pct, points, pointsDelta, tr, trn } from '../i18n';
import { METRICS, type Difference, type MetricKey } from './compare';

const specOf = (key: MetricKey) => METRICS.find((m) => m.key === key)!;

export function metricValue(key: MetricKey, v: number): string {
  if (!Number.isFinite(v)) return '—';
  const spec = specOf(key);
  if (spec.kind === 'money') return money(v);
  if (spec.kind === 'share') return pct(v);
  if (spec.kind === 'count') return num(v, 0);
  if (spec.kind === 'score') return num(v * 100, 0);
  return num(v, 2);
}

/**
 * A figure as `metricValue` writes it, as a number in the figure's unit:
 * whole k€, whole percentage points (as a share), whole counts, hundredths of
 * an index. Changes are taken between these, so a change always equals the
 * difference of the figures written beside it.
 */
export function writtenValue(key: MetricKey, v: number): number {
  const spec = specOf(key);
  if (spec.kind === 'money' || spec.kind === 'count') return Math.round(v);
  return Math.round(v * 100) / 100;
}

/** The change from `base` to `other` as the two figures are written (0 when they read the same). */
export function writtenDelta(key: MetricKey, base: number, other: number): number {
  const d = writtenValue(key, other) - writtenValue(key, base);
  const spec = specOf(key);
  return spec.kind === 'money' || spec.kind === 'count' ? d : Math.round(d * 100) / 100;
}

/** A change of a figure from the game played, signed, in the figure's unit. */
export function metricDelta(key: MetricKey, d: number): string {
  const spec = specOf(key);
  if (spec.kind === 'money') return moneyDelta(d);
  if (spec.kind === 'share' || spec.kind === 'score') return pointsDelta(d);
  return (d > 0 ? '+' : '−') + num(Math.abs(d), spec.kind === 'count' ? 0 : 2);
}

/** Largest relative change of money worth a percentage: beyond it ("+1,534%") the amount alone says more. */
export const RELATIVE_SHOWN_UP_TO = 2;

/** A money change gets its percentage when the base was a gain and the change is at most RELATIVE_SHOWN_UP_TO of it. */
function relativeShown(d: Difference): boolean {
  return d.base > 0 && Math.abs(d.relative) <= RELATIVE_SHOWN_UP_TO;
}

export function differenceText(d: Difference): string {
  const spec = specOf(d.key);
  const dir = d.delta > 0 ? 'up' : 'down';
  // The change as the cards write the two figures.
  const delta = writtenDelta(d.key, d.base, d.other);
  if (spec.kind === 'count') return trn(`cf.diff.${d.key}.${dir}`, Math.abs(delta));
  const change =
    spec.kind === 'money'
      ? relativeShown(d)
        ? tr('cf.change.money', { delta: moneyDelta(delta), rel: pct(Math.abs(d.relative)) })
        : moneyDelta(delta)
      : spec.kind === 'share'
        ? pointsDelta(delta)
        : spec.kind === 'score'
          ? points(Math.round(Math.abs(delta) * 100))
          : num(Math.abs(delta), 2);
  return tr(`cf.diff.${d.key}.${dir}`, { change });
}
