/**
 * Plain arrays that keep one internal shape for the whole run. V8 stores a
 * number array as small integers until the first fraction arrives, and an
 * empty list as a number list until the first object is pushed; each change
 * gives the array a new hidden class, and optimised code that met the old one
 * is thrown away and compiled again. Starting every state array in its final
 * shape keeps the engine's hot functions compiled once (it changes no value).
 * Each builder below has its own array literal on purpose: V8 remembers the
 * shape per literal, so one shared builder would end up making every array
 * the most general kind (boxed numbers). The seed element goes with `pop`
 * when nothing overwrote it: setting `length` is a call into the runtime,
 * dear at the rate the engine makes lists, and `pop` keeps the shape too.
 * Imports nothing.
 */

/** A number array of length n, stored as unboxed doubles from the start. */
export function doubles(n: number, at: (i: number) => number): number[] {
  // A fractional first element makes the array a double array for good.
  const out = [0.5];
  for (let i = 0; i < n; i++) out[i] = at(i);
  if (n === 0) out.pop();
  return out;
}

/** A copy of `xs` as a double array, whatever shape `xs` had. */
export function doublesFrom(xs: ArrayLike<number>): number[] {
  return doubles(xs.length, (i) => xs[i]!);
}

/** An empty list already shaped to hold objects. */
export function objects<T extends object>(): T[] {
  const out: T[] = [{} as T];
  out.pop();
  return out;
}

/** A list of n values that are objects or strings, built in one shape whatever the caller's compilation state. */
export function values<T>(n: number, at: (i: number) => T): T[] {
  const out = [{}] as T[];
  for (let i = 0; i < n; i++) out[i] = at(i);
  if (n === 0) out.pop();
  return out;
}

/** A boolean array of length n, in the same shape however the caller was compiled. */
export function flags(n: number, at: (i: number) => boolean): boolean[] {
  const out = [true];
  for (let i = 0; i < n; i++) out[i] = at(i);
  if (n === 0) out.pop();
  return out;
}

/** A small-integer array of length n (values must be integers). */
export function integers(n: number, at: (i: number) => number): number[] {
  const out = [0];
  for (let i = 0; i < n; i++) out[i] = at(i);
  if (n === 0) out.pop();
  return out;
}

/**
 * An empty list to be filled at scattered indices (it becomes a holey list).
 * Its own literal, so the holes never reach the other builders' lists.
 */
export function sparseList<T>(): T[] {
  return [];
}
