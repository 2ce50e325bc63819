import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp, log, pow } from '../../src/sim/math.js';

/** The gap from |b| to the next double up: one unit in the last place of b. */
function ulpOf(b: number): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, Math.abs(b));
  v.setBigUint64(0, v.getBigUint64(0) + 1n);
  return v.getFloat64(0) - Math.abs(b);
}

/** Units in the last place between a and b (b the reference). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  return Math.abs(a - b) / ulpOf(b);
}

/** x^n exactly in rational arithmetic, then rounded to a (normal) double: the reference for integer powers. */
function exactPower(x: number, n: number): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  const bits = v.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & 0xfffffffffffffn) | (exponent > 0 ? 1n << 52n : 0n);
  // x = mantissa · 2^shift.
  const shift = (exponent > 0 ? exponent : 1) - 1075;
  let num = mantissa ** BigInt(Math.abs(n));
  let den = 1n;
  let twos = shift * Math.abs(n);
  if (n < 0) {
    den = num;
    num = 1n;
    twos = -twos;
  }
  // num / den · 2^twos, rescaled so that the quotient has about 80 bits (exact in BigInt, rounded once by Number).
  const extra = 80 - (num.toString(2).length - den.toString(2).length);
  if (extra >= 0) num <<= BigInt(extra);
  else den <<= BigInt(-extra);
  let out = Number(num / den);
  for (let k = twos - extra; k > 0; k--) out *= 2;
  for (let k = twos - extra; k < 0; k++) out /= 2;
  return out;
}

const SPECIAL = [0, -0, 1, -1, 2, -2, 0.5, -0.5, 3, 10, -10, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308, 1e300, 709.78, 709.79, -745.1, -745.2, 1e-10, -1e-10, Infinity, -Infinity, NaN];

describe('portable exp, log and pow', () => {
  it('exp() is within two units in the last place of Math.exp, which itself may be one off', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
        expect(ulps(exp(x), Math.exp(x))).toBeLessThanOrEqual(2);
      }),
      { numRuns: 20000 },
    );
  });

  it('log() is within two units in the last place of Math.log over every positive double', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), (x, near1) => {
        expect(ulps(log(x), Math.log(x))).toBeLessThanOrEqual(2);
        // Near 1 the result is small and relative accuracy matters most.
        expect(ulps(log(near1), Math.log(near1))).toBeLessThanOrEqual(2);
      }),
      { numRuns: 20000 },
    );
  });

  it('pow() of an integer exponent is within one unit in the last place of the exact power, and exact where that is a double', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.integer({ min: -64, max: 64 }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.integer({ min: -300, max: 300 }), (x, n, near1, m) => {
        expect(ulps(pow(x, n), exactPower(x, n))).toBeLessThanOrEqual(1);
        expect(ulps(pow(near1, m), exactPower(near1, m))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
    let two = 1;
    for (let k = 0; k <= 1023; k++, two *= 2) expect(pow(2, k)).toBe(two);
    two = 1;
    for (let k = 0; k >= -1074; k--, two /= 2) expect(pow(2, k)).toBe(two);
    expect(pow(2, 1024)).toBe(Infinity);
    expect(pow(2, -1075)).toBe(0);
    expect(pow(10, 22)).toBe(1e22);
    expect(pow(-3, 33)).toBe(-5559060566555523);
    // A subnormal result whose positive power overflows: 2^-1054, not 0.
    expect(pow(131072, -62)).toBe(2 ** -1054);
    expect(pow(92681.9, -64)).toBeGreaterThan(1e-318);
    expect(Math.abs(pow(92681.9, -64) - exactPower(92681.9, -64))).toBeLessThanOrEqual(2 * Number.MIN_VALUE);
    expect(ulps(pow(0.9, 40), exactPower(0.9, 40))).toBeLessThanOrEqual(1);
  });

  it('pow() is close to Math.pow for the engine\'s ranges and exact for small integer powers', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: -8, max: 8, noNaN: true }), (x, y) => {
        const want = Math.pow(x, y);
        expect(Math.abs(pow(x, y) - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-13);
      }),
      { numRuns: 20000 },
    );
    for (let b = -12; b <= 12; b++) for (let e = 0; e <= 6; e++) expect(pow(b, e)).toBe(Math.pow(b, e));
  });

  it('special values behave as the standard says for Math.exp, Math.log and Math.pow', () => {
    for (const x of SPECIAL) {
      if (Math.abs(x) > 700 || !Number.isFinite(x) || x === 0) expect(exp(x)).toBe(Math.exp(x));
      if (x <= 0 || !Number.isFinite(x) || x === 1) expect(log(x)).toBe(Math.log(x));
      for (const y of SPECIAL) {
        const want = Math.pow(x, y);
        const got = pow(x, y);
        if (!Number.isFinite(want) || want === 0 || Number.isNaN(want)) expect(got, `pow(${x}, ${y})`).toBe(want);
        else expect(ulps(got, want), `pow(${x}, ${y})`).toBeLessThan(2048);
      }
    }
    // Subnormal results are rounded once.
    expect(exp(-740)).toBe(Math.exp(-740));
    expect(log(5e-324)).toBeCloseTo(-744.4400719213812, 12);
  });

  it('gives these exact bits in every JavaScript engine (a change of the algorithm shows here)', () => {
    const bits = (x: number) => {
      const v = new DataView(new ArrayBuffer(8));
      v.setFloat64(0, x);
      return v.getBigUint64(0).toString(16);
    };
    expect([exp(1), exp(-2.5), exp(0.1), exp(100), log(2), log(10), log(0.3), pow(1.7, 0.35), pow(0.42, -2.2)].map(bits)).toEqual([
      "4005bf0a8b14576a",
      "3fb50385c094f425",
      "3ff1aec7b35a00d4",
      "48f3494a9b171bf5",
      "3fe62e42fefa39ef",
      "40026bb1bbb55516",
      "bff34378fcbda721",
      "3ff343ee9069aa46",
      "401af8ce7c562fc8",
    ]);
  });
});
