/**
 * exp, log and pow that give the same bits in every JavaScript engine.
 *
 * The standard leaves Math.exp, Math.log and Math.pow "implementation-
 * approximated", and engines differ in the last bit: Chromium 156 and
 * Node 20 disagree on about one Math.exp in ten. A run must give the same
 * results in the browser and in Node, so the engine computes these three
 * itself, from the operations the standard does fix to the bit (+, −, ×, ÷,
 * comparisons and reading a number's bits). Both functions reduce the
 * argument exactly, then evaluate the classic minimax polynomials of
 * Cody & Waite (1980) and Tang (1989), as in the freely distributed fdlibm;
 * exp and log stay within one unit in the last place of the true value.
 * Imports nothing.
 */

const LN2_HI = 6.93147180369123816490e-1; // ln 2 to 32 bits: k · LN2_HI is exact for |k| < 2^11
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.44269504088896338700;

const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.45133219101941108420e2;

/** 2^k for k in −1074 … 1023, each exact: built by halving and doubling. */
const POW2 = new Float64Array(1074 + 1024);
POW2[1074] = 1;
for (let k = 1; k <= 1023; k++) POW2[1074 + k] = POW2[1074 + k - 1]! * 2;
for (let k = 1; k <= 1074; k++) POW2[1074 - k] = POW2[1074 - k + 1]! / 2;

/** y · 2^k for any integer k, rounded once at the end as far as the range allows. */
function scale(y: number, k: number): number {
  if (k > 1023) return y * POW2[1074 + 1023]! * POW2[1074 + k - 1023]!;
  // Scale into the normal range first and down last, so a subnormal result is rounded once.
  if (k < -1021) return y * POW2[1074 + k + 1000]! * POW2[1074 - 1000]!;
  return y * POW2[1074 + k]!;
}

/** e^x. */
export function exp(x: number): number {
  if (!(x <= EXP_OVERFLOW)) return x !== x ? NaN : Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const ax = x < 0 ? -x : x;
  if (ax < 3.725290298461914e-9) return 1 + x;
  // x = k · ln 2 + r with |r| ≤ ln 2 / 2, r held as hi − lo.
  let k = 0;
  let hi = x;
  let lo = 0;
  if (ax > 0.34657359027997264) {
    k = Math.floor(INV_LN2 * x + 0.5);
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // The common case of scale(), written out: one multiplication by an exact power of two.
  return k >= -1021 && k <= 1023 ? y * POW2[1074 + k]! : scale(y, k);
}

/** A number's bits, read as two 32-bit words. */
const BITS = new Float64Array(1);
const WORDS = new Int32Array(BITS.buffer);
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const TWO54 = 18014398509481984;

/** The natural logarithm. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    // Subnormal: make it normal, exactly.
    x *= TWO54;
    k = -54;
  }
  BITS[0] = x;
  const hx = WORDS[HIGH]!;
  // The exponent e with x = 2^e · m and m in [√2/2, √2); m is x scaled by 2^−e, exactly.
  const e = (hx >> 20) - 1023 + (((hx & 0x000fffff) + 0x95f64) >> 20);
  k += e;
  const m = x * POW2[1074 - e]!;
  const f = m - 1;
  if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
  // log(1 + f) = f − f²/2 + s · (f²/2 + R(s²)), s = f / (2 + f).
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}

/**
 * x^y with the special cases of Math.pow. Integer exponents (below 2^53 in
 * size) exactly as far as double-double arithmetic goes: x = m · 2^e, m
 * raised by repeated squaring in double-double (Dekker's exact products),
 * the power of two applied once at the end; so powers of two and of small
 * integers are exact, and the result is within about half a unit in the last
 * place (one unit for a subnormal result, which is rounded twice). Other
 * exponents as e^(y · ln x), within about 2·|y · ln x| + 2 units in the last
 * place.
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y !== y || x !== x) return NaN;
  if (y === Infinity || y === -Infinity) {
    const ax = x < 0 ? -x : x;
    if (ax === 1) return NaN;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  const integer = Math.floor(y) === y;
  // The sign is negative only for a negative base and an odd integer exponent.
  const odd = integer && Math.floor(y / 2) * 2 !== y;
  if (x === Infinity) return y > 0 ? Infinity : 0;
  if (x === -Infinity) return y > 0 ? (odd ? -Infinity : Infinity) : odd ? -0 : 0;
  if (x === 0) {
    const negative = odd && 1 / x < 0;
    return y > 0 ? (negative ? -0 : 0) : negative ? -Infinity : Infinity;
  }
  if (x < 0) {
    if (!integer) return NaN;
    const magnitude = pow(-x, y);
    return odd ? -magnitude : magnitude;
  }
  if (integer && y < 9007199254740992 && y > -9007199254740992) return integerPower(x, y);
  return exp(y * log(x));
}

/** Veltkamp's splitter: a double cut into two halves of 26 bits whose products are exact. */
const SPLITTER = 134217729;
/** The result of twoProduct() and mul(): the double-double (PRODUCT_HI + PRODUCT_LO). */
let PRODUCT_HI = 0;
let PRODUCT_LO = 0;

/** a · b exactly, as the rounded product and its error (Dekker, with Veltkamp's split). */
function twoProduct(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const a1 = t - (t - a);
  const a2 = a - a1;
  t = SPLITTER * b;
  const b1 = t - (t - b);
  const b2 = b - b1;
  PRODUCT_HI = p;
  PRODUCT_LO = a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2;
}

/** (ah + al) · (bh + bl) in double-double, for factors in [1, 2): Dekker's product and a fast two-sum. */
function mul(ah: number, al: number, bh: number, bl: number): void {
  twoProduct(ah, bh);
  const p = PRODUCT_HI;
  const lo = PRODUCT_LO + (ah * bl + al * bh);
  const s = p + lo;
  PRODUCT_HI = s;
  PRODUCT_LO = lo - (s - p);
}

/** x^n for a positive finite x and a nonzero integer n below 2^53 in size. */
function integerPower(x: number, n: number): number {
  // x = m · 2^e with m in [1, 2), exactly.
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO54;
    e = -54;
  }
  BITS[0] = x;
  const ex = (WORDS[HIGH]! >> 20) - 1023;
  e += ex;
  const m = x * POW2[1074 - ex]!;
  // m^|n| = (hi + lo) · 2^E; the base m^(2^i) = (bh + bl) · 2^B; both kept in [1, 2).
  let hi = 1;
  let lo = 0;
  let E = 0;
  let bh = m;
  let bl = 0;
  let B = 0;
  for (let k = n < 0 ? -n : n; ; ) {
    if (k % 2 === 1) {
      mul(hi, lo, bh, bl);
      hi = PRODUCT_HI;
      lo = PRODUCT_LO;
      E += B;
      if (hi >= 2) {
        hi *= 0.5;
        lo *= 0.5;
        E += 1;
      }
    }
    k = Math.floor(k / 2);
    if (k === 0) break;
    mul(bh, bl, bh, bl);
    bh = PRODUCT_HI;
    bl = PRODUCT_LO;
    B *= 2;
    if (bh >= 2) {
      bh *= 0.5;
      bl *= 0.5;
      B += 1;
    }
  }
  if (n < 0) {
    // 1 / (hi + lo): q = 1 / hi, corrected by the exact residual 1 − q · hi − q · lo.
    const q = 1 / hi;
    twoProduct(q, hi);
    const r = 1 - PRODUCT_HI - PRODUCT_LO - q * lo;
    hi = q;
    lo = q * r;
    E = -E;
    if (hi < 1) {
      hi *= 2;
      lo *= 2;
      E -= 1;
    }
  }
  const K = E + e * n;
  // hi + lo is in [1, 2): beyond these powers the result is surely infinite or zero.
  if (K > 1100) return Infinity;
  if (K < -1200) return 0;
  return scale(hi + lo, K);
}
