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

/** Two independent 32-bit hashes of a string (UTF-16 code units). */
export function hash2x32(s: string): [number, number] {
  let h1 = 0x9747b28c;
  let h2 = 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h1 = Math.imul(h1, 0x1b873593) + 0xe6546b64;
    h2 = Math.imul(h2 ^ c, 0x1b873593);
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = Math.imul(h2, 5) + 0x52dce729;
  }
  h1 ^= s.length;
  h2 ^= s.length;
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
