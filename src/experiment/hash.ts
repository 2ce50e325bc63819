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

// Each lane's loop is a function of its own that ends in a plain return.
// V8 compiles a long loop while it runs (on-stack replacement); when the code
// after such a loop has never run, every later call leaves the compiled loop
// for unoptimised code, and the CLI calls this once per run.
function lane1(s: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0xcc9e2d51);
    h = (h << 15) | (h >>> 17);
    h = (Math.imul(h, 0x1b873593) + 0xe6546b64) | 0;
  }
  return h;
}

function lane2(s: string): number {
  let h = 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0x52dce729) | 0;
  }
  return h;
}

/** Two independent 32-bit hashes of a string (UTF-16 code units). */
export function hash2x32(s: string): [number, number] {
  let h1 = lane1(s) ^ s.length;
  let h2 = lane2(s) ^ s.length;
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
