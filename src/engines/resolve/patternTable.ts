/**
 * Distinct comparison patterns of a candidate set with their counts, in an open-addressing
 * hash table over typed arrays. Patterns are non-negative integers below 2^53 stored as
 * doubles; a JavaScript Map would box each of them on every look-up, this table hashes the
 * two 32-bit halves and never allocates per pair.
 */
export class PatternTable {
  /** Slot → pattern, −1 for an empty slot. */
  readonly keys: Float64Array;
  /** Slot → number of pairs with the pattern. */
  readonly counts: Float64Array;
  /** Number of distinct patterns. */
  readonly size: number;
  private readonly mask: number;

  /** Count the first `count` patterns of `patterns`. */
  constructor(patterns: Float64Array, count: number) {
    let cap = 1024;
    while (cap < count * 2 && cap < 1 << 26) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Float64Array(cap).fill(-1);
    this.counts = new Float64Array(cap);
    let size = 0;
    for (let t = 0; t < count; t++) {
      const x = patterns[t]!;
      let s = this.home(x);
      for (;;) {
        const k = this.keys[s]!;
        if (k === x) break;
        if (k === -1) {
          this.keys[s] = x;
          size++;
          if (size * 2 > cap) throw new RangeError('pattern table full');
          break;
        }
        s = (s + 1) & this.mask;
      }
      this.counts[s]! += 1;
    }
    this.size = size;
  }

  private home(x: number): number {
    const hi = Math.floor(x / 4_294_967_296);
    const lo = (x - hi * 4_294_967_296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    return h & this.mask;
  }

  /** The slot of pattern `x`, −1 when absent. */
  slot(x: number): number {
    let s = this.home(x);
    for (;;) {
      const k = this.keys[s]!;
      if (k === x) return s;
      if (k === -1) return -1;
      s = (s + 1) & this.mask;
    }
  }
}
