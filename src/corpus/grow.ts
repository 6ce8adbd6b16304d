/** A growable Uint32Array (doubling), for per-document columns of corpus state. */
export class GrowU32 {
  data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = v;
  }

  /** Makes room for at least `n` values. */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length || 1;
    while (cap < n) cap *= 2;
    const next = new Uint32Array(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }
}
