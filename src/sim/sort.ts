/**
 * Stable orderings of item indices by a numeric key, without comparator
 * calls: what the contest and the 7S rank correlations spend their sorting
 * time in. Every function here gives the one stable order (equal keys keep
 * the order they came in), so which one runs never changes a result.
 * Pure; imports nothing.
 */

/** Runs insertion-sorted before merging, and the largest input sorted by merging alone. */
const RUN = 8;
const MERGE_ONLY = 64;

/** Where the high 32 bits of a float64 sit in its two 32-bit words. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Working arrays, kept between calls (nothing here calls itself). */
const buffers = {
  keyA: new Float64Array(64),
  keyB: new Float64Array(64),
  itemA: new Int32Array(64),
  itemB: new Int32Array(64),
  /** keyA's words, for reading the bits of the keys. */
  wordsA: new Int32Array(128),
  bucket: new Int32Array(64),
  counts: new Int32Array(64),
};

function reserve(count: number): void {
  if (buffers.keyA.length >= count) return;
  const n = count * 2;
  buffers.keyA = new Float64Array(n);
  buffers.keyB = new Float64Array(n);
  buffers.itemA = new Int32Array(n);
  buffers.itemB = new Int32Array(n);
  buffers.wordsA = new Int32Array(buffers.keyA.buffer);
  buffers.bucket = new Int32Array(n);
  buffers.counts = new Int32Array(n + 2);
}

/**
 * Sorts `items[0..count)` by `keys[item]` ascending, equal keys keeping their
 * order (pass items in ascending order to break ties by index).
 *
 * Up to a few dozen items: a merge sort on (key, item) pairs held side by
 * side, after insertion-sorting runs of eight. Beyond: one stable
 * distribution pass into about count / 2 buckets cut from the high bits of
 * the keys (which order floats as their values do, so a heavy tail spreads
 * over buckets as a logarithm would), then the same merge sort within each
 * bucket. Keys that are NaN, or that the buckets would not split (see
 * distribute), go to the merge sort alone.
 */
export function orderByKey(items: Int32Array | number[], count: number, keys: ArrayLike<number>): void {
  reserve(count);
  const { keyA: ka, keyB: kb, itemA: ia, itemB: ib } = buffers;
  let nan = false;
  for (let k = 0; k < count; k++) {
    const v = items[k]!;
    // + 0 turns −0 into 0: the comparisons below hold them equal, and so must their bits.
    const x = keys[v]! + 0;
    if (x !== x) nan = true;
    ia[k] = v;
    ka[k] = x;
  }
  if (count <= MERGE_ONLY || nan || !distribute(count)) {
    sortPairs(ka, ia, kb, ib, 0, count);
    for (let k = 0; k < count; k++) items[k] = ia[k]!;
    return;
  }
  const counts = buffers.counts;
  for (let lo = 0, b = 0; lo < count; b++) {
    const hi = counts[b]!;
    if (hi - lo > RUN) sortPairs(kb, ib, ka, ia, lo, hi);
    else insertPairs(kb, ib, lo, hi);
    lo = hi;
  }
  for (let k = 0; k < count; k++) items[k] = ib[k]!;
}

/**
 * Moves the pairs from (keyA, itemA) into (keyB, itemB) grouped by bucket, in
 * bucket order and stably; afterwards counts[b] is where bucket b ends.
 * Returns false, moving nothing, when the buckets would not split the work:
 * the keys' high words all equal, or a quarter of the keys in one bucket
 * (many ties, or a few keys far from the rest).
 */
function distribute(count: number): boolean {
  const { keyA: ka, keyB: kb, itemA: ia, itemB: ib, wordsA: words, bucket, counts } = buffers;
  let min = 0x7fffffff;
  let max = -0x80000000;
  let below = -0x80000000;
  let above = 0x7fffffff;
  for (let k = 0; k < count; k++) {
    const h = words[2 * k + HIGH]!;
    // Sign, exponent and the top of the mantissa, flipped so that integer order is numeric order.
    const s = h < 0 ? h ^ 0x7fffffff : h;
    bucket[k] = s;
    if (s < min) min = s;
    if (s > max) max = s;
    if (s < 0) {
      if (s > below) below = s;
    } else if (s < above) above = s;
  }
  if (max === min) return false;
  // With keys of both signs, the words between the smallest negative and the
  // smallest positive key (tiny numbers, none there) are cut out of the span.
  const mixed = min < 0 && max >= 0;
  const gap = mixed ? above - below - 1 : 0;
  let span = max - min - gap;
  let shift = 0;
  const target = count >>> 1;
  while (span >= target) {
    span = Math.floor(span / 2);
    shift++;
  }
  const buckets = span + 1;
  for (let b = 0; b <= buckets; b++) counts[b] = 0;
  for (let k = 0; k < count; k++) {
    const s = bucket[k]!;
    const b = (s - min - (s >= 0 ? gap : 0)) >>> shift;
    bucket[k] = b;
    counts[b + 1]!++;
  }
  let largest = 0;
  for (let b = 1; b <= buckets; b++) {
    if (counts[b]! > largest) largest = counts[b]!;
    counts[b]! += counts[b - 1]!;
  }
  if (largest * 4 > count) return false;
  // counts[b] is now where bucket b starts; filling moves it to where bucket b ends.
  for (let k = 0; k < count; k++) {
    const at = counts[bucket[k]!]!++;
    kb[at] = ka[k]!;
    ib[at] = ia[k]!;
  }
  return true;
}

/**
 * Sorts the pairs (keys[lo..hi), items[lo..hi)) stably by key, using the
 * other two arrays over the same range as working space; the result ends in
 * `keys` and `items`.
 */
function sortPairs(keys: Float64Array, items: Int32Array, spareKeys: Float64Array, spareItems: Int32Array, lo: number, hi: number): void {
  for (let start = lo; start < hi; start += RUN) insertPairs(keys, items, start, Math.min(hi, start + RUN));
  let ka = keys;
  let ia = items;
  let kb = spareKeys;
  let ib = spareItems;
  for (let width = RUN; width < hi - lo; width *= 2) {
    for (let left = lo; left < hi; left += 2 * width) {
      const mid = Math.min(left + width, hi);
      const right = Math.min(left + 2 * width, hi);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < right) {
        // Ties take from the left run first: stable.
        if (ka[j]! < ka[i]!) {
          kb[k] = ka[j]!;
          ib[k++] = ia[j++]!;
        } else {
          kb[k] = ka[i]!;
          ib[k++] = ia[i++]!;
        }
      }
      while (i < mid) {
        kb[k] = ka[i]!;
        ib[k++] = ia[i++]!;
      }
      while (j < right) {
        kb[k] = ka[j]!;
        ib[k++] = ia[j++]!;
      }
    }
    const k2 = ka;
    ka = kb;
    kb = k2;
    const i2 = ia;
    ia = ib;
    ib = i2;
  }
  if (ka !== keys) {
    for (let k = lo; k < hi; k++) {
      keys[k] = ka[k]!;
      items[k] = ia[k]!;
    }
  }
}

/** Sorts the pairs (keys[lo..hi), items[lo..hi)) by insertion, stably: for a handful of pairs. */
function insertPairs(keys: Float64Array, items: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = items[i]!;
    const x = keys[i]!;
    let j = i - 1;
    while (j >= lo && keys[j]! > x) {
      keys[j + 1] = keys[j]!;
      items[j + 1] = items[j]!;
      j--;
    }
    keys[j + 1] = x;
    items[j + 1] = v;
  }
}

/** orderByKey for a handful of items: an insertion sort, stable. */
export function insertionOrder(items: Int32Array | number[], count: number, keys: ArrayLike<number>): void {
  for (let i = 1; i < count; i++) {
    const v = items[i]!;
    const x = keys[v]!;
    let j = i - 1;
    while (j >= 0 && keys[items[j]!]! > x) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = v;
  }
}
