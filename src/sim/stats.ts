/**
 * Small statistics used by reporters and the 7S index: mean, sd, Gini, rank
 * correlation and Kendall's W. Pure; imports only the sorts.
 */
import { insertionOrder, orderByKey } from './sort.js';

export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

export function mean(xs: ArrayLike<number>): number {
  return xs.length === 0 ? 0 : sum(xs) / xs.length;
}

/** Population standard deviation. */
export function sd(xs: ArrayLike<number>): number {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i]! - m;
    s += d * d;
  }
  return Math.sqrt(s / xs.length);
}

/**
 * An ascending copy. Small inputs get an insertion sort into a plain array:
 * allocating a typed array of more than a few numbers costs more than sorting
 * a dozen values.
 */
export function sortedCopy(xs: ArrayLike<number>): ArrayLike<number> {
  const n = xs.length;
  if (n > 32) return Float64Array.from(xs).sort();
  const out: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = xs[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > v) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = v;
  }
  return out;
}

/** Gini coefficient of non-negative values; 0 when all are equal or there are fewer than two. */
export function gini(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return 0;
  const sorted = sortedCopy(xs);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i]!;
    weighted += (i + 1) * sorted[i]!;
  }
  if (total <= 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/**
 * Average ranks (1-based, ties sharing the mean rank) of xs[0..n) written to
 * out[0..n), ordering through `order` (length n or more); returns Σ(t³ − t)
 * over groups of ties, which Kendall's W needs. Allocates nothing: the
 * engine ranks a handful of values several times a quarter.
 */
export function rankInto(xs: ArrayLike<number>, n: number, out: Float64Array | number[], order: Int32Array | number[]): number {
  for (let i = 0; i < n; i++) order[i] = i;
  // Insertion sort for the dozen values of a quarter: cheaper than any allocation.
  if (n <= 32) insertionOrder(order, n, xs);
  else orderByKey(order, n, xs);
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    const x = xs[order[i]!]!;
    while (j + 1 < n && xs[order[j + 1]!] === x) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = r;
    const t = j - i + 1;
    ties += t * t * t - t;
    i = j + 1;
  }
  return ties;
}

/** Average ranks (1-based), ties sharing the mean rank; also Σ(t³ − t) over groups of ties. */
export function rankTies(xs: ArrayLike<number>): { ranks: number[]; ties: number } {
  const n = xs.length;
  const out: number[] = new Array<number>(n);
  const ties = rankInto(xs, n, out, new Array<number>(n));
  return { ranks: out, ties };
}

export function ranks(xs: ArrayLike<number>): number[] {
  return rankTies(xs).ranks;
}

/** Pearson's correlation of the first n values (all by default); 0 when either side is constant. */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number = xs.length): number {
  if (n < 2) return 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) sx += xs[i]!;
  for (let i = 0; i < n; i++) sy += ys[i]!;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return 0;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation; 0 when either side is constant. */
export function spearman(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  return pearson(ranks(xs), ranks(ys));
}

/**
 * Kendall's coefficient of concordance W for m raters over n items, with the
 * tie correction. `ratings[r][i]` is rater r's score of item i (higher is better).
 * 1 = all raters agree, 0 = no agreement; 1 when there is nothing to disagree on.
 */
export function kendallW(ratings: readonly ArrayLike<number>[]): number {
  const m = ratings.length;
  const n = m === 0 ? 0 : ratings[0]!.length;
  if (m < 2 || n < 2) return 1;
  const rankSums: number[] = new Array<number>(n).fill(0);
  let tieCorrection = 0;
  for (const row of ratings) {
    const { ranks: r, ties } = rankTies(row);
    for (let i = 0; i < n; i++) rankSums[i]! += r[i]!;
    tieCorrection += ties;
  }
  const meanSum = (m * (n + 1)) / 2;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = rankSums[i]! - meanSum;
    s += d * d;
  }
  const denominator = m * m * (n * n * n - n) - m * tieCorrection;
  if (denominator <= 0) return 1;
  return Math.min(1, Math.max(0, (12 * s) / denominator));
}

/** One rater's ratings where most items share a default rating: the rated items, their values, and the value of all others. */
export interface SparseRatings {
  items: ArrayLike<number>;
  values: ArrayLike<number>;
  fill: number;
}

/**
 * Kendall's W as `kendallW` computes it, for raters who rate only some of the
 * n items and give every other item the same `fill` rating. The unrated items
 * form one tied block per rater, so the cost grows with the ratings given,
 * not with raters × items.
 */
export function kendallWSparse(n: number, rows: readonly SparseRatings[]): number {
  let most = 0;
  for (const row of rows) most = Math.max(most, row.items.length);
  const w = new SparseKendall(n, new Float64Array(n), new Int32Array(most));
  for (const row of rows) w.add(row.items, row.values, row.items.length, row.fill);
  return w.value();
}

/**
 * `kendallWSparse` one rater at a time, in memory the caller lends:
 * `rankSums` (length n or more, zeroed) and `order` (as long as the longest row).
 */
export class SparseKendall {
  private raters = 0;
  private fillTotal = 0;
  private tieCorrection = 0;

  constructor(
    private readonly n: number,
    private readonly rankSums: Float64Array,
    private readonly order: Int32Array,
  ) {}

  /** A rater who rated items[0..k) with values[0..k) and every other item `fill`. */
  add(items: ArrayLike<number>, values: ArrayLike<number>, k: number, fill: number): void {
    const { n, rankSums, order } = this;
    this.raters++;
    const unknown = n - k;
    for (let x = 0; x < k; x++) order[x] = x;
    if (k > 32) orderByKey(order, k, values);
    else insertionOrder(order, k, values);
    let pos = 0;
    let fillDone = unknown === 0;
    let fillRank = 0;
    let j = 0;
    while (j < k || !fillDone) {
      const v = j < k ? values[order[j]!]! : Infinity;
      // Past the rated items the fill ranks last, whatever it is (a fill that is not a number included).
      if (!fillDone && (j >= k || fill < v)) {
        fillRank = pos + (unknown + 1) / 2;
        this.tieCorrection += unknown * unknown * unknown - unknown;
        pos += unknown;
        fillDone = true;
        continue;
      }
      let g = j;
      while (g + 1 < k && values[order[g + 1]!] === v) g++;
      const withFill = !fillDone && fill === v;
      const t = g - j + 1 + (withFill ? unknown : 0);
      const rank = pos + (t + 1) / 2;
      for (let x = j; x <= g; x++) rankSums[items[order[x]!]!]! += rank;
      if (withFill) {
        fillRank = rank;
        fillDone = true;
      }
      this.tieCorrection += t * t * t - t;
      pos += t;
      j = g + 1;
    }
    if (unknown > 0) {
      // Every item gets this rank except the rated ones, which already have theirs.
      this.fillTotal += fillRank;
      for (let x = 0; x < k; x++) rankSums[items[x]!]! -= fillRank;
    }
  }

  value(): number {
    const { n, rankSums } = this;
    const m = this.raters;
    if (m < 2 || n < 2) return 1;
    const meanSum = (m * (n + 1)) / 2;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const d = rankSums[i]! + this.fillTotal - meanSum;
      s += d * d;
    }
    const denominator = m * m * (n * n * n - n) - m * this.tieCorrection;
    if (denominator <= 0) return 1;
    return Math.min(1, Math.max(0, (12 * s) / denominator));
  }
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Keys of a record in sorted order: the one way the engine walks records. */
export function sortedKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record).sort();
}
