/**
 * String interning for graph node ids and attribute values: external string id → dense uint32.
 *
 * A single JavaScript `Map` holds at most 2^24 (16,777,216) entries in V8; a graph built from
 * tens of millions of parcels can have more distinct persons than that. The interner therefore
 * spreads keys over 64 maps chosen by a cheap hash of the last characters (ID numbers and phone
 * numbers vary most at the end), which raises the limit to about a billion keys.
 */

const SHARDS = 64;

function shardOf(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const a = s.charCodeAt(n - 1);
  const b = n > 1 ? s.charCodeAt(n - 2) : 0;
  const c = n > 2 ? s.charCodeAt(n - 3) : 0;
  return (a * 31 + b * 7 + c * 3 + n) & (SHARDS - 1);
}

/** A growable string → dense index dictionary; indices are assigned 0, 1, 2, … in first-seen order. */
export class Interner {
  private readonly maps: Map<string, number>[] = Array.from({ length: SHARDS }, () => new Map<string, number>());
  /** Dense index → string, in insertion order. */
  readonly values: string[] = [];

  /** Number of distinct strings interned. */
  get size(): number {
    return this.values.length;
  }

  /** The dense index of `s`, adding it if new. */
  intern(s: string): number {
    const m = this.maps[shardOf(s)]!;
    const found = m.get(s);
    if (found !== undefined) return found;
    const i = this.values.length;
    m.set(s, i);
    this.values.push(s);
    return i;
  }

  /** The dense index of `s`, or -1 when it was never interned. */
  indexOf(s: string): number {
    const found = this.maps[shardOf(s)]!.get(s);
    return found === undefined ? -1 : found;
  }
}

/** Grow a typed array to at least `min` elements (×1.5), copying the contents. */
export function grow<T extends Uint8Array | Uint32Array | Float64Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  const cap = Math.max(min, Math.ceil(a.length * 1.5), 16);
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}
