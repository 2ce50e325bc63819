/**
 * Working memory for one quarter. A step needs a few dozen short-lived number
 * arrays; allocating each as a fresh typed array costs more than the
 * arithmetic done in it. A Scratch hands out zeroed views of a few large
 * buffers and is rewound at the start of every public entry point, so a
 * quarter allocates almost nothing. Views must not outlive the call that took
 * them: everything the engine returns is copied into plain arrays or objects.
 * Imports nothing.
 */

export class Scratch {
  private f64 = new Float64Array(4096);
  private i32 = new Int32Array(2048);
  private fAt = 0;
  private iAt = 0;

  rewind(): void {
    this.fAt = 0;
    this.iAt = 0;
  }

  /** A zeroed Float64Array of length n. */
  f(n: number): Float64Array {
    if (this.fAt + n > this.f64.length) {
      // Views already handed out keep the old buffer alive; new ones come from a bigger one.
      this.f64 = new Float64Array(Math.max(this.f64.length * 2, n * 2));
      this.fAt = 0;
    }
    const view = this.f64.subarray(this.fAt, this.fAt + n);
    this.fAt += n;
    view.fill(0);
    return view;
  }

  /** A zeroed Int32Array of length n. */
  i(n: number): Int32Array {
    if (this.iAt + n > this.i32.length) {
      this.i32 = new Int32Array(Math.max(this.i32.length * 2, n * 2));
      this.iAt = 0;
    }
    const view = this.i32.subarray(this.iAt, this.iAt + n);
    this.iAt += n;
    view.fill(0);
    return view;
  }
}
