/**
 * Seeded pseudo-random numbers for the demo generator: sfc32 (Chris Doty-Humphrey's "Small
 * Fast Counting" generator, PractRand-tested; 128-bit state, period ≥ 2^32) seeded through
 * splitmix32, plus a stateless 32-bit hash (`mix32`) so that any person or object can be
 * re-derived from `(seed, index)` without storing it. Same seed → same numbers on every
 * machine and run (only 32-bit integer arithmetic via `Math.imul` and `>>> 0`).
 */

/** Murmur3's 32-bit finaliser applied to the sum of its inputs' mixes: a stateless hash of up to four uint32 values → uint32. */
export function mix32(a: number, b = 0, c = 0, d = 0): number {
  let h = (a ^ 0x9e3779b9) >>> 0;
  h = fmix(h ^ Math.imul(b ^ 0x85ebca6b, 0xcc9e2d51));
  h = fmix(h ^ Math.imul(c ^ 0xc2b2ae35, 0x1b873593));
  h = fmix(h ^ Math.imul(d ^ 0x27d4eb2f, 0x165667b1));
  return h;
}

function fmix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a string (FNV-1a then finalised), to turn text seeds and labels into numbers. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/**
 * sfc32 generator. `next()` returns a uint32; `float()` a double in [0, 1) with 32 bits of
 * randomness; `int(n)` an integer in [0, n) for n ≤ 2^32 (multiply-shift, bias < n/2^32).
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seed with up to four uint32 words (e.g. `new Rng(seed, mix32(index))`); twelve warm-up rounds decorrelate nearby seeds. */
  constructor(s0: number, s1 = 0, s2 = 0, s3 = 0) {
    this.a = mix32(s0, 1);
    this.b = mix32(s1, 2, s0);
    this.c = mix32(s2, 3, s1);
    this.d = mix32(s3, 4, s2) | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Next uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform double in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Standard normal deviate (Box–Muller; one of the pair is discarded for simplicity). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/**
 * Walker/Vose alias table: O(n) to build, O(1) per weighted draw. Weights need not sum to 1;
 * zero weights are never drawn. Throws on an empty or all-zero weight list (a programming error).
 */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Uint32Array;
  readonly size: number;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    if (n === 0 || !(total > 0)) throw new Error('AliasTable needs at least one positive weight');
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / total;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length && large.length) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  /** Draw an index in [0, size) with probability proportional to its weight. */
  draw(rng: Rng): number {
    const x = rng.float() * this.size;
    const i = Math.floor(x);
    return x - i < this.prob[i]! ? i : this.alias[i]!;
  }
}
