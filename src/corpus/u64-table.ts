/**
 * An open-addressing hash table from 64-bit keys (two u32 halves) to u32 values, in two typed arrays.
 * This is how corpus state stays small: a tracked line or paragraph costs 12 bytes of payload (8 of
 * key, 4 of value) and, with the table doubling at a load of 3/4, between 16 and 32 bytes of memory
 * (load 3/4 down to 3/8 just after a doubling). A `Map<string, number>` of the same lines costs
 * 80–200 bytes each in V8, plus the strings.
 *
 * The keys are hashes already, so the low half is used as the slot index as is; the all-zero key is
 * reserved for "empty" and is stored as (0, 1) instead (a 2^-64 chance of merging two keys, which is
 * below the hash's own collision rate).
 */
const MAX_LOAD = 0.75;
const MIN_CAPACITY = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class U64Table {
  private keys: Uint32Array;
  private vals: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = MIN_CAPACITY) {
    let cap = MIN_CAPACITY;
    while (cap * MAX_LOAD < capacity) cap *= 2;
    this.keys = new Uint32Array(cap * 2);
    this.vals = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** Number of keys stored. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the typed arrays (what the report calls state size). */
  get byteLength(): number {
    return this.keys.byteLength + this.vals.byteLength;
  }

  /** Slot of the key, or the empty slot where it would go. */
  private slot(hi: number, lo: number): number {
    const keys = this.keys;
    let i = (lo ^ (hi >>> 7)) & this.mask;
    for (;;) {
      const khi = keys[2 * i]!;
      const klo = keys[2 * i + 1]!;
      if ((khi === hi && klo === lo) || (khi === 0 && klo === 0)) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The value stored for the key, or `missing` when absent. */
  get(hi: number, lo: number, missing = 0): number {
    hi >>>= 0; lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const i = this.slot(hi, lo);
    return this.keys[2 * i + 1] === 0 && this.keys[2 * i] === 0 ? missing : this.vals[i]!;
  }

  has(hi: number, lo: number): boolean {
    hi >>>= 0; lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const i = this.slot(hi, lo);
    return !(this.keys[2 * i + 1] === 0 && this.keys[2 * i] === 0);
  }

  /** Sets the value; returns true when the key was new. */
  set(hi: number, lo: number, value: number): boolean {
    return this.update(hi, lo, value, false);
  }

  /** Adds `delta` to the value (absent keys start at 0); returns true when the key was new. */
  add(hi: number, lo: number, delta: number): boolean {
    return this.update(hi, lo, delta, true);
  }

  private update(hi: number, lo: number, value: number, add: boolean): boolean {
    hi >>>= 0; lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1;
    let i = this.slot(hi, lo);
    const fresh = this.keys[2 * i + 1] === 0 && this.keys[2 * i] === 0;
    if (fresh) {
      if ((this.count + 1) > (this.mask + 1) * MAX_LOAD) {
        this.grow();
        i = this.slot(hi, lo);
      }
      this.keys[2 * i] = hi;
      this.keys[2 * i + 1] = lo;
      this.vals[i] = value;
      this.count++;
      return true;
    }
    this.vals[i] = add ? Math.min(0xffffffff, this.vals[i]! + value) : value;
    return false;
  }

  /** Empties the table but keeps its memory (for per-document scratch tables). */
  clear(): void {
    if (this.count === 0) return;
    this.keys.fill(0);
    this.vals.fill(0);
    this.count = 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const cap = (this.mask + 1) * 2;
    this.keys = new Uint32Array(cap * 2);
    this.vals = new Uint32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldVals.length; j++) {
      const hi = oldKeys[2 * j]!;
      const lo = oldKeys[2 * j + 1]!;
      if (hi === 0 && lo === 0) continue;
      const i = this.slot(hi, lo);
      this.keys[2 * i] = hi;
      this.keys[2 * i + 1] = lo;
      this.vals[i] = oldVals[j]!;
    }
  }

  /** Calls `fn` for every entry, in slot order (which depends on insertion history: not for output). */
  forEach(fn: (hi: number, lo: number, value: number) => void): void {
    const keys = this.keys;
    for (let j = 0; j < this.vals.length; j++) {
      const hi = keys[2 * j]!;
      const lo = keys[2 * j + 1]!;
      if (hi !== 0 || lo !== 0) fn(hi, lo, this.vals[j]!);
    }
  }

  /**
   * The entries sorted by key, as `[hi, lo, value]` triples in one array: the deterministic order
   * used for serialisation, independent of insertion order and table size.
   */
  sortedEntries(): Uint32Array {
    const n = this.count;
    const pairs = new Uint32Array(n * 2);
    let k = 0;
    // Stored as (lo, hi) so that on a little-endian machine a BigUint64Array view reads hi·2^32 + lo
    // and sorts natively, with no BigInt per entry.
    this.forEach((hi, lo) => { pairs[k++] = lo; pairs[k++] = hi; });
    if (LITTLE_ENDIAN) new BigUint64Array(pairs.buffer).sort();
    else sortPairsSlow(pairs);
    const out = new Uint32Array(n * 3);
    for (let j = 0; j < n; j++) {
      const lo = pairs[2 * j]!;
      const hi = pairs[2 * j + 1]!;
      out[3 * j] = hi;
      out[3 * j + 1] = lo;
      out[3 * j + 2] = this.get(hi, lo);
    }
    return out;
  }
}

function sortPairsSlow(pairs: Uint32Array): void {
  const idx = Array.from({ length: pairs.length / 2 }, (_, i) => i);
  idx.sort((a, b) => pairs[2 * a + 1]! - pairs[2 * b + 1]! || pairs[2 * a]! - pairs[2 * b]!);
  const copy = pairs.slice();
  idx.forEach((from, to) => { pairs[2 * to] = copy[2 * from]!; pairs[2 * to + 1] = copy[2 * from + 1]!; });
}
