/**
 * A small, stable string hash (two murmur3-style 32-bit lanes with the
 * murmur3 finaliser) for run seeds and design-point keys. It must never
 * change: every published experiment's seeds depend on it. Pure; imports
 * nothing.
 */

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One lane over the string: multiply, rotate, multiply-add per code unit.
 * The loop is a function of its own that ends in a plain return. V8 compiles
 * a long loop while it runs (on-stack replacement); when the code after such
 * a loop has never run, every later call leaves the compiled loop for
 * unoptimised code, and the CLI calls this once per run.
 */
function lane(s: string, h: number, m1: number, rotate: number, m2: number, add: number): number {
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), m1);
    h = (h << rotate) | (h >>> (32 - rotate));
    h = (Math.imul(h, m2) + add) | 0;
  }
  return h;
}

/** Two independent 32-bit hashes of a string (UTF-16 code units). */
export function hash2x32(s: string): [number, number] {
  let h1 = lane(s, 0x9747b28c, 0xcc9e2d51, 15, 0x1b873593, 0xe6546b64) ^ s.length;
  let h2 = lane(s, 0x5bd1e995, 0x1b873593, 13, 5, 0x52dce729) ^ s.length;
  h1 = (h1 + h2) | 0;
  h2 = (h2 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h1 = (h1 + h2) | 0;
  h2 = (h2 + h1) | 0;
  return [h1 >>> 0, h2 >>> 0];
}

/** 16 hex digits. */
export function hashHex(s: string): string {
  const [a, b] = hash2x32(s);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
