/**
 * Reading reporters the way the engine names them (`companyProfit`,
 * `kamScore.<kam>`, `align.strategy`, ...) out of quarter records, and the
 * figures the report and the debrief show: the player's accounts over time,
 * cumulative results, rankings, percentiles. Pure: engine types only.
 */
import type { QuarterRecord, ScenarioInput } from '../sim/types';

export function valueOf(names: readonly string[], record: QuarterRecord, name: string): number {
  const i = names.indexOf(name);
  return i < 0 ? Number.NaN : record.values[i]!;
}

export function seriesOf(names: readonly string[], history: readonly QuarterRecord[], name: string): number[] {
  const i = names.indexOf(name);
  return history.map((r) => (i < 0 ? Number.NaN : r.values[i]!));
}

export function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

export function mean(xs: readonly number[]): number {
  const ok = xs.filter((x) => Number.isFinite(x));
  return ok.length === 0 ? Number.NaN : sum(ok) / ok.length;
}

/** The seven 7S elements in the engine's order (the reporters named `align.<element>`). */
export function sevenS(names: readonly string[]): string[] {
  return names.filter((n) => n.startsWith('align.')).map((n) => n.slice('align.'.length));
}

export function accountsOf(input: ScenarioInput, kam: string): string[] {
  return [...(input.kams.find((k) => k.id === kam)?.accounts ?? [])];
}

/** One account's rows over the quarters (null where the record has none). */
export function accountSeries(history: readonly QuarterRecord[], account: string, field: 'fulfilment' | 'satisfaction' | 'revenue' | 'quality'): (number | null)[] {
  return history.map((r) => {
    const row = r.accounts.find((a) => a.account === account);
    if (!row) return null;
    if (field !== 'revenue' && !row.alive) return null;
    const v = row[field];
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
  });
}

/** Each KAM's result summed over the quarters, best first. */
export function kamRanking(names: readonly string[], history: readonly QuarterRecord[], kams: readonly string[]): { kam: string; total: number }[] {
  return kams.map((kam) => ({ kam, total: sum(seriesOf(names, history, `kamScore.${kam}`)) })).sort((a, b) => b.total - a.total || a.kam.localeCompare(b.kam));
}

/** Share of `values` strictly below `x`, plus half the ties (a mid-rank percentile in 0..1). */
export function percentile(values: readonly number[], x: number): number {
  if (values.length === 0) return Number.NaN;
  let below = 0;
  let ties = 0;
  for (const v of values) {
    if (v < x) below++;
    else if (v === x) ties++;
  }
  return (below + ties / 2) / values.length;
}

/** Capacity received per KAM and quarter, summed over departments (a joint request counts half for each). */
export function capacityByKam(history: readonly QuarterRecord[], kams: readonly string[]): number[][] {
  return history.map((r) => {
    const got = new Map(kams.map((k) => [k, 0]));
    for (const alloc of r.allocations) {
      for (const e of alloc.entries) {
        for (const k of e.kams) got.set(k, (got.get(k) ?? 0) + e.received / e.kams.length);
      }
    }
    return kams.map((k) => got.get(k) ?? 0);
  });
}

export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
