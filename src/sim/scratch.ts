/**
 * Working memory for one quarter. A step needs a few dozen short-lived number
 * arrays; allocating each as a fresh typed array costs more than the
 * arithmetic done in it. Every step asks for its arrays in the same order, so
 * the k-th request of a step gets the k-th buffer of the previous one: an
 * exact fit is handed back as is (zeroed), a smaller request gets a zeroed
 * view (made once per length and kept), a bigger one a new, bigger buffer. Rewound at the start of every
 * public entry point. Arrays must not outlive the call that took them:
 * everything the engine returns is copied into plain arrays or objects.
 * Imports only src/sim.
 */
import { sparseList, values } from './shapes.js';

export class Scratch {
  // Lists shaped for objects from the start, so every world's scratch has the same hidden class.
  private readonly f64: Float64Array[] = values(0, () => new Float64Array(0));
  private readonly i32: Int32Array[] = values(0, () => new Int32Array(0));
  /**
   * The views of each buffer handed out so far, by length: a view is an
   * object of its own, and making one for every request would be most of
   * the cost of a small array. Dropped with their buffer when it grows.
   */
  private readonly f64Views: Float64Array[][] = values(0, () => sparseList<Float64Array>());
  private readonly i32Views: Int32Array[][] = values(0, () => sparseList<Int32Array>());
  private fAt = 0;
  private iAt = 0;

  rewind(): void {
    this.fAt = 0;
    this.iAt = 0;
  }

  /** A Float64Array of length n holding whatever it last held: for arrays the caller writes in full. */
  fw(n: number): Float64Array {
    const k = this.fAt++;
    const buf = this.f64[k];
    if (buf === undefined || buf.length < n) return this.growF(k, n);
    return buf.length === n ? buf : (this.f64Views[k]![n] ??= buf.subarray(0, n));
  }

  /** An Int32Array of length n holding whatever it last held: for arrays the caller writes in full. */
  iw(n: number): Int32Array {
    const k = this.iAt++;
    const buf = this.i32[k];
    if (buf === undefined || buf.length < n) return this.growI(k, n);
    return buf.length === n ? buf : (this.i32Views[k]![n] ??= buf.subarray(0, n));
  }

  /** A Float64Array of length n or more, unzeroed: for code that is told its length and writes what it reads. */
  fcap(n: number): Float64Array {
    const k = this.fAt++;
    const buf = this.f64[k];
    return buf !== undefined && buf.length >= n ? buf : this.growF(k, n);
  }

  /** An Int32Array of length n or more, unzeroed. */
  icap(n: number): Int32Array {
    const k = this.iAt++;
    const buf = this.i32[k];
    return buf !== undefined && buf.length >= n ? buf : this.growI(k, n);
  }

  /** A zeroed Float64Array of length n. */
  f(n: number): Float64Array {
    const out = this.fw(n);
    // A loop: the built-in fill is a call into the runtime, dear for a few dozen numbers.
    for (let k = 0; k < n; k++) out[k] = 0;
    return out;
  }

  /** A zeroed Int32Array of length n. */
  i(n: number): Int32Array {
    const out = this.iw(n);
    for (let k = 0; k < n; k++) out[k] = 0;
    return out;
  }

  private growF(k: number, n: number): Float64Array {
    this.f64Views[k] = sparseList<Float64Array>();
    return (this.f64[k] = new Float64Array(n));
  }

  private growI(k: number, n: number): Int32Array {
    this.i32Views[k] = sparseList<Int32Array>();
    return (this.i32[k] = new Int32Array(n));
  }
}
