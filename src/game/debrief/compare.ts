/**
 * Comparing games: the figures of one run that the debrief puts side by side
 * (the player's result, revenue, delivery, satisfaction, accounts lost; the
 * company's profit, churn, fairness, alignment, lobbying), and the notable
 * differences between the player's game and the same game under another
 * regime, most important first. Pure: engine types only.
 */
import type { QuarterRecord, ScenarioInput } from '../../sim/types';
import { accountsOf, mean, seriesOf, sum } from '../figures';

export interface RunMetrics {
  yourTotal: number;
  yourRevenue: number;
  /** Share of what the player's accounts' opportunities needed that was delivered, over the game. */
  yourDelivered: number;
  /** Mean satisfaction of the player's accounts still customers at the end; NaN when none are. */
  yourSatisfaction: number;
  yourLost: number;
  companyProfit: number;
  churned: number;
  fairness: number;
  alignment: number;
  lobbying: number;
}

export type MetricKey = keyof RunMetrics;

export interface MetricSpec {
  key: MetricKey;
  /** How it reads: money, a share in %, a count, an index (the Gini, 0 to 1), or a score (an index from 0 to 1 read from 0 to 100). */
  kind: 'money' | 'share' | 'count' | 'index' | 'score';
  /** Whether more is better (for "better"/"worse" in words and marks). */
  higherIsBetter: boolean;
  /** The size of a change worth naming, in the metric's unit (money: relative). */
  notable: number;
}

export const METRICS: readonly MetricSpec[] = [
  { key: 'yourTotal', kind: 'money', higherIsBetter: true, notable: 0.03 },
  { key: 'companyProfit', kind: 'money', higherIsBetter: true, notable: 0.03 },
  { key: 'yourDelivered', kind: 'share', higherIsBetter: true, notable: 0.02 },
  { key: 'yourRevenue', kind: 'money', higherIsBetter: true, notable: 0.02 },
  { key: 'yourSatisfaction', kind: 'share', higherIsBetter: true, notable: 0.02 },
  { key: 'yourLost', kind: 'count', higherIsBetter: false, notable: 1 },
  { key: 'churned', kind: 'count', higherIsBetter: false, notable: 1 },
  { key: 'fairness', kind: 'index', higherIsBetter: false, notable: 0.02 },
  { key: 'alignment', kind: 'score', higherIsBetter: true, notable: 0.02 },
  { key: 'lobbying', kind: 'share', higherIsBetter: false, notable: 0.01 },
];

export function metricsOf(history: readonly QuarterRecord[], names: readonly string[], input: ScenarioInput, seat: string): RunMetrics {
  const mine = accountsOf(input, seat);
  const last = history[history.length - 1];
  const rows = history.flatMap((r) => r.accounts.filter((a) => mine.includes(a.account)));
  const needed = sum(rows.map((r) => r.needed));
  const received = sum(rows.map((r) => r.received));
  const finalRows = last?.accounts.filter((a) => mine.includes(a.account)) ?? [];
  const living = finalRows.filter((a) => a.alive && !a.churned);
  return {
    yourTotal: sum(seriesOf(names, history, `kamScore.${seat}`)),
    yourRevenue: sum(mine.flatMap((a) => seriesOf(names, history, `accountRevenue.${a}`))),
    yourDelivered: needed > 0 ? received / needed : Number.NaN,
    yourSatisfaction: living.length > 0 ? mean(living.map((a) => a.satisfaction)) : Number.NaN,
    yourLost: finalRows.filter((a) => !a.alive || a.churned).length,
    companyProfit: sum(seriesOf(names, history, 'companyProfit')),
    churned: last ? (seriesOf(names, [last], 'churnedAccounts')[0] ?? 0) : 0,
    fairness: mean(seriesOf(names, history, 'fulfilmentGini')),
    alignment: last ? (seriesOf(names, [last], 'alignmentIndex')[0] ?? Number.NaN) : Number.NaN,
    lobbying: mean(seriesOf(names, history, 'lobbyingShare')),
  };
}

export interface Difference {
  key: MetricKey;
  base: number;
  other: number;
  delta: number;
  /** Relative change for money (delta / |base|), NaN otherwise. */
  relative: number;
  better: boolean;
  /** How many "notable" steps the change is, for ordering. */
  size: number;
}

/** Changes from `base` to `other` large enough to name; the player's result and company profit first, then by size. */
export function differences(base: RunMetrics, other: RunMetrics): Difference[] {
  const out: Difference[] = [];
  for (const m of METRICS) {
    const a = base[m.key];
    const b = other[m.key];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const delta = b - a;
    const relative = m.kind === 'money' ? delta / Math.max(1, Math.abs(a)) : Number.NaN;
    const size = m.kind === 'money' ? Math.abs(relative) / m.notable : Math.abs(delta) / m.notable;
    if (size < 1) continue;
    out.push({ key: m.key, base: a, other: b, delta, relative, better: m.higherIsBetter ? delta > 0 : delta < 0, size });
  }
  const first = (k: MetricKey) => (k === 'yourTotal' ? 0 : k === 'companyProfit' ? 1 : 2);
  return out.sort((x, y) => first(x.key) - first(y.key) || y.size - x.size);
}
