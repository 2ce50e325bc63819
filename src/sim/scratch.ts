/**
 * Working memory for one quarter. A step needs a few dozen short-lived number
 * arrays; allocating each as a fresh typed array costs more than the
 * arithmetic done in it. Every step asks for its arrays in the same order, so
 * the k-th request of a step gets the k-th buffer of the previous one: an
 * exact fit is handed back as is (zeroed), a smaller request gets a zeroed
 * view, a bigger one a new, bigger buffer. Rewound at the start of every
 * public entry point. Arrays must not outlive the call that took them:
 * everything the engine returns is copied into plain arrays or objects.
 * Imports nothing.
 */

export class Scratch {
  private readonly f64: Float64Array[] = [];
  private readonly i32: Int32Array[] = [];
  private fAt = 0;
  private iAt = 0;

  rewind(): void {
    this.fAt = 0;
    this.iAt = 0;
  }

  /** A zeroed Float64Array of length n. */
  f(n: number): Float64Array {
    const k = this.fAt++;
    let buf = this.f64[k];
    if (buf === undefined || buf.length < n) {
      buf = new Float64Array(n);
      this.f64[k] = buf;
      return buf;
    }
    if (buf.length === n) {
      buf.fill(0);
      return buf;
    }
    const view = buf.subarray(0, n);
    view.fill(0);
    return view;
  }

  /** A zeroed Int32Array of length n. */
  i(n: number): Int32Array {
    const k = this.iAt++;
    let buf = this.i32[k];
    if (buf === undefined || buf.length < n) {
      buf = new Int32Array(n);
      this.i32[k] = buf;
      return buf;
    }
    if (buf.length === n) {
      buf.fill(0);
      return buf;
    }
    const view = buf.subarray(0, n);
    view.fill(0);
    return view;
  }
}
