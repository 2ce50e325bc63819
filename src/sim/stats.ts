/**
 * Small statistics used by reporters and the 7S index: mean, sd, Gini, rank
 * correlation and Kendall's W. Pure; imports nothing.
 */

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
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
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
 * Average ranks (1-based), ties sharing the mean rank; also Σ(t³ − t) over
 * groups of ties, which Kendall's W needs.
 */
export function rankTies(xs: ArrayLike<number>): { ranks: number[]; ties: number } {
  const n = xs.length;
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n <= 32) {
    // Insertion sort of indices: for the dozen values of a quarter, cheaper than any allocation.
    for (let i = 1; i < n; i++) {
      const v = order[i]!;
      const x = xs[v]!;
      let j = i - 1;
      while (j >= 0 && xs[order[j]!]! > x) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
  } else {
    const keys = Float64Array.from(xs);
    order.sort((a, b) => keys[a]! - keys[b]!);
  }
  const out: number[] = new Array<number>(n);
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
  return { ranks: out, ties };
}

export function ranks(xs: ArrayLike<number>): number[] {
  return rankTies(xs).ranks;
}

export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = mean(xs);
  const my = mean(ys);
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
  for (let i = 0; i < n; i++) s += (rankSums[i]! - meanSum) ** 2;
  const denominator = m * m * (n ** 3 - n) - m * tieCorrection;
  if (denominator <= 0) return 1;
  return Math.min(1, Math.max(0, (12 * s) / denominator));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Keys of a record in sorted order: the one way the engine walks records. */
export function sortedKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record).sort();
}
