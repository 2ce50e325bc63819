/**
 * The Sobol' low-discrepancy sequence in up to 32 dimensions, with the
 * direction numbers of Joe & Kuo (2008), "Constructing Sobol sequences with
 * better two-dimensional projections", SIAM J. Sci. Comput. 30:2635–2654
 * (table new-joe-kuo-6.21201, dimensions 2–32). Unscrambled, the points start
 * at the origin, like scipy's `Sobol(scramble=False)`. Given a seed, each
 * dimension is scrambled as scipy's `Sobol(scramble=True)` does (Matoušek's
 * linear matrix scramble, then a random digital shift), which keeps every
 * property below and breaks the coincidences of the raw sequence: several
 * dimensions share their first direction numbers, so their first 2^m points
 * agree coordinate for coordinate. Either way the first 2^m points of every
 * dimension are stratified into 2^m equal cells.
 * Pure; imports seedrandom.
 */
import seedrandom from 'seedrandom';

/** [degree s, polynomial a, m_1 … m_s] for dimensions 2..32. */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53],
  [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61],
  [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59],
  [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
];

export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;
const BITS = 32;
/** 2^32 written out, and PLACE[i] = 2^(32 − i) by halving: a power computed by ** is left to each JavaScript engine. */
const TWO_32 = 4294967296;
const PLACE = Array.from({ length: BITS + 1 }, (_, i) => {
  let p = TWO_32;
  for (let k = 0; k < i; k++) p /= 2;
  return p;
});

/** Direction numbers V[1..32] of one dimension (0-based: dim 0 is van der Corput). */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dim === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = PLACE[i]!;
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dim - 1]!;
  for (let i = 1; i <= Math.min(s!, BITS); i++) v[i] = (m[i - 1]! * PLACE[i]!) >>> 0;
  for (let i = s! + 1; i <= BITS; i++) {
    let x = (v[i - s!]! ^ (v[i - s!]! >>> s!)) >>> 0;
    for (let k = 1; k < s!; k++) if ((a! >>> (s! - 1 - k)) & 1) x = (x ^ v[i - k]!) >>> 0;
    v[i] = x;
  }
  return v;
}

/** The parity (XOR of all bits) of a 32-bit value. */
function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * A random lower-triangular binary matrix with unit diagonal, applied to
 * each direction number: digit i of the result is digit i of the input
 * XOR a random choice of the digits before it (digit 1 is the highest bit).
 * Linear over GF(2), so scrambling the direction numbers scrambles every
 * point; each digit stays a bijection of the digits up to it, so cells of
 * 2^-m stay cells of 2^-m.
 */
function scrambleDirections(v: Uint32Array, rng: () => number): void {
  const rows = new Uint32Array(BITS);
  for (let i = 0; i < BITS; i++) {
    // Row i: its own digit (bit 31 − i) and random digits above it.
    const above = i === 0 ? 0 : (0xffffffff << (BITS - i)) >>> 0;
    rows[i] = ((randomWord(rng) & above) | (1 << (BITS - 1 - i))) >>> 0;
  }
  for (let c = 1; c <= BITS; c++) {
    let out = 0;
    for (let i = 0; i < BITS; i++) if (parity(rows[i]! & v[c]!)) out |= 1 << (BITS - 1 - i);
    v[c] = out >>> 0;
  }
}

function randomWord(rng: () => number): number {
  return Math.floor(rng() * TWO_32) >>> 0;
}

/**
 * The first `n` points of the `dims`-dimensional sequence, row-major
 * (point i, dimension d at [i·dims + d]), each coordinate in [0, 1);
 * scrambled when a seed is given (the same seed, the same points).
 */
export function sobolPoints(n: number, dims: number, scrambleSeed?: number): Float64Array {
  if (dims < 1 || dims > SOBOL_MAX_DIMENSIONS) throw new RangeError(`the Sobol sequence here has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, not ${dims}`);
  if (n > TWO_32) throw new RangeError('at most 2^32 Sobol points');
  const v = Array.from({ length: dims }, (_, d) => directions(d));
  const x = new Uint32Array(dims);
  if (scrambleSeed !== undefined) {
    const rng = seedrandom.alea(`two-fronts/sobol-scramble@1:${scrambleSeed}`);
    for (let d = 0; d < dims; d++) {
      scrambleDirections(v[d]!, rng);
      // The digital shift: every point XOR one random word per dimension.
      x[d] = randomWord(rng);
    }
  }
  const out = new Float64Array(n * dims);
  for (let d = 0; d < dims && n > 0; d++) out[d] = x[d]! / TWO_32;
  for (let i = 1; i < n; i++) {
    // Gray-code order: flip the direction number of the lowest zero bit of i − 1.
    let c = 1;
    let k = i - 1;
    while (k & 1) {
      k = Math.floor(k / 2);
      c++;
    }
    for (let d = 0; d < dims; d++) {
      x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
      out[i * dims + d] = x[d]! / TWO_32;
    }
  }
  return out;
}
