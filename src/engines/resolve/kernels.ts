/**
 * Column kernels: the built-in comparators' pair comparison over typed arrays. A comparator's
 * features for one batch are packed once into flat typed columns (ids, day numbers, division
 * codes, token-id pools); a kernel then walks the candidate pairs (two Int32Arrays of record
 * indices) and adds level × stride into each pair's comparison pattern, without touching the
 * per-record objects or allocating per pair. Every kernel gives exactly the level its
 * comparator's `compare` gives (tests compare the two on whole batches).
 */
import type { DateRange } from './compare/dates.ts';
import type { PlaceFeatures } from './compare/place.ts';
import { haversineKm } from './compare/place.ts';
import type { TextFeatures } from './compare/text.ts';

/**
 * Adds, for every pair t, `level × stride` to `patterns[t]`, where level is the agreement
 * level of left record `L[t]` against right record `R[t]`, or `missing` when either value is
 * missing.
 */
export type ColumnKernel = (L: Int32Array, R: Int32Array, patterns: Float64Array, stride: number, missing: number) => void;

/** Interned exact values (`{ id }`) → Int32Array of ids, −1 for missing. */
export function exactKernel(left: readonly ({ readonly id: number } | null)[], right: readonly ({ readonly id: number } | null)[]): ColumnKernel {
  const pack = (fs: readonly ({ readonly id: number } | null)[]): Int32Array => {
    const out = new Int32Array(fs.length);
    for (let i = 0; i < fs.length; i++) out[i] = fs[i]?.id ?? -1;
    return out;
  };
  const a = pack(left);
  const b = pack(right);
  return (L, R, patterns, stride, missing) => {
    const ms = missing * stride;
    for (let t = 0; t < patterns.length; t++) {
      const x = a[L[t]!]!;
      const y = b[R[t]!]!;
      patterns[t]! += x < 0 || y < 0 ? ms : x === y ? 0 : stride;
    }
  };
}

/** Numbers → Float64Array, NaN for missing. */
function packNumbers<F>(fs: readonly (F | null)[], get: (f: F) => number): Float64Array {
  const out = new Float64Array(fs.length);
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i];
    out[i] = f === null || f === undefined ? NaN : get(f);
  }
  return out;
}

/** 1 where `test` holds, else 0 (0 for missing). */
function packFlags<F>(fs: readonly (F | null)[], test: (f: F) => boolean): Uint8Array {
  const out = new Uint8Array(fs.length);
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i];
    out[i] = f !== null && f !== undefined && test(f) ? 1 : 0;
  }
  return out;
}

/**
 * Dates with precision: level 0 exact (both to the day, same day), 1 consistent (intervals
 * overlap), 2 + i within `tolerancesDays[i]`, last different (as `compareDates`).
 */
export function dateKernel(left: readonly (DateRange | null)[], right: readonly (DateRange | null)[], tolerancesDays: readonly number[]): ColumnKernel {
  const aLo = packNumbers(left, (f) => f.lo);
  const aHi = packNumbers(left, (f) => f.hi);
  const aDay = packFlags(left, (f) => f.precision === 'day');
  const bLo = packNumbers(right, (f) => f.lo);
  const bHi = packNumbers(right, (f) => f.hi);
  const bDay = packFlags(right, (f) => f.precision === 'day');
  const tol = Float64Array.from(tolerancesDays);
  const different = 2 + tol.length;
  return (L, R, patterns, stride, missing) => {
    for (let t = 0; t < patterns.length; t++) {
      const i = L[t]!;
      const j = R[t]!;
      const alo = aLo[i]!;
      const blo = bLo[j]!;
      let level: number;
      if (alo !== alo || blo !== blo) level = missing;
      else if (aDay[i]! & bDay[j]! && alo === blo) level = 0;
      else {
        const ahi = aHi[i]!;
        const bhi = bHi[j]!;
        const gap = ahi < blo ? blo - ahi : bhi < alo ? alo - bhi : 0;
        if (gap === 0) level = 1;
        else {
          level = different;
          for (let k = 0; k < tol.length; k++) {
            if (gap <= tol[k]!) {
              level = 2 + k;
              break;
            }
          }
        }
      }
      patterns[t]! += level * stride;
    }
  };
}

/**
 * Order of two dates: 0 consistent when the earlier side's interval can lie on or before the
 * later side's (`lo ≤ hi + slackDays`), 1 violated (as `compareOrder`). `leftFirst` false
 * checks the right date before the left one.
 */
export function orderKernel(left: readonly (DateRange | null)[], right: readonly (DateRange | null)[], slackDays: number, leftFirst: boolean): ColumnKernel {
  const before = leftFirst ? packNumbers(left, (f) => f.lo) : packNumbers(left, (f) => f.hi);
  const after = leftFirst ? packNumbers(right, (f) => f.hi) : packNumbers(right, (f) => f.lo);
  return (L, R, patterns, stride, missing) => {
    for (let t = 0; t < patterns.length; t++) {
      const x = before[L[t]!]!;
      const y = after[R[t]!]!;
      let level: number;
      if (x !== x || y !== y) level = missing;
      else if (leftFirst) level = x <= y + slackDays ? 0 : 1;
      else level = y <= x + slackDays ? 0 : 1;
      patterns[t]! += level * stride;
    }
  };
}

/** Places through the division hierarchy and centroids (as `comparePlaces`). */
export function placeKernel(left: readonly (PlaceFeatures | null)[], right: readonly (PlaceFeatures | null)[], nearKm: number): ColumnKernel {
  const pack = (fs: readonly (PlaceFeatures | null)[]) => {
    const depth = new Uint8Array(fs.length);
    const county = new Int32Array(fs.length);
    for (let i = 0; i < fs.length; i++) {
      depth[i] = fs[i]?.depth ?? 0;
      county[i] = fs[i]?.county ?? 0;
    }
    return { depth, county, lat: packNumbers(fs, (f) => f.lat ?? NaN), lon: packNumbers(fs, (f) => f.lon ?? NaN) };
  };
  const a = pack(left);
  const b = pack(right);
  return (L, R, patterns, stride, missing) => {
    for (let t = 0; t < patterns.length; t++) {
      const i = L[t]!;
      const j = R[t]!;
      const da = a.depth[i]!;
      const db = b.depth[j]!;
      let level: number;
      if (da === 0 || db === 0) level = missing;
      else {
        const ca = a.county[i]!;
        const cb = b.county[j]!;
        const depth = da < db ? da : db;
        if (depth === 3 && ca === cb) level = 0;
        else if (depth >= 2 && ((ca / 100) | 0) === ((cb / 100) | 0)) level = 1;
        else {
          const la = a.lat[i]!;
          const oa = a.lon[i]!;
          const lb = b.lat[j]!;
          const ob = b.lon[j]!;
          if (la === la && oa === oa && lb === lb && ob === ob && haversineKm(la, oa, lb, ob) <= nearKm) level = 2;
          else level = ((ca / 10_000) | 0) === ((cb / 10_000) | 0) ? 3 : 4;
        }
      }
      patterns[t]! += level * stride;
    }
  };
}

/** Numbers in absolute-difference bands: 0 equal, 1 + i within `tolerances[i]`, last beyond. */
export function numericKernel(left: readonly (number | null)[], right: readonly (number | null)[], tolerances: readonly number[]): ColumnKernel {
  const a = packNumbers(left, (f) => f);
  const b = packNumbers(right, (f) => f);
  const tol = Float64Array.from(tolerances);
  return (L, R, patterns, stride, missing) => {
    for (let t = 0; t < patterns.length; t++) {
      const x = a[L[t]!]!;
      const y = b[R[t]!]!;
      let level: number;
      if (x !== x || y !== y) level = missing;
      else {
        const d = Math.abs(x - y);
        if (d === 0) level = 0;
        else {
          level = 1 + tol.length;
          for (let k = 0; k < tol.length; k++) {
            if (d <= tol[k]!) {
              level = 1 + k;
              break;
            }
          }
        }
      }
      patterns[t]! += level * stride;
    }
  };
}

/**
 * Texts as TF-IDF vectors: level i for the first `thresholds[i]` the similarity reaches, last
 * below all (as the text comparator). Needs every feature of both sides in one token pool
 * (one `prepareTexts` batch, which `prepare` guarantees); returns null otherwise.
 */
export function textKernel(left: readonly (TextFeatures | null)[], right: readonly (TextFeatures | null)[], thresholds: readonly number[], method: 'cosine' | 'jaccard'): ColumnKernel | null {
  let idsBuffer: ArrayBufferLike | null = null;
  let weightsBuffer: ArrayBufferLike | null = null;
  const pack = (fs: readonly (TextFeatures | null)[]): Int32Array | null => {
    const span = new Int32Array(fs.length * 2).fill(-1);
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i];
      if (!f) continue;
      idsBuffer ??= f.ids.buffer;
      weightsBuffer ??= f.weights.buffer;
      const at = f.ids.byteOffset >> 2;
      if (f.ids.buffer !== idsBuffer || f.weights.buffer !== weightsBuffer || f.weights.byteOffset >> 3 !== at) return null;
      span[2 * i] = at;
      span[2 * i + 1] = at + f.ids.length;
    }
    return span;
  };
  const a = pack(left);
  const b = pack(right);
  if (!a || !b) return null;
  const I = idsBuffer ? new Int32Array(idsBuffer) : new Int32Array(0);
  const W = weightsBuffer ? new Float64Array(weightsBuffer) : new Float64Array(0);
  const th = Float64Array.from(thresholds);
  const cosine = method === 'cosine';
  // The left record's weights scattered into a dense array indexed by token id (kept while
  // consecutive pairs share the left record, as blocked pairs do): a pair then costs one look-up
  // per right token instead of a merge of both lists.
  let vocab = 0;
  for (let x = 0; x < I.length; x++) if (I[x]! >= vocab) vocab = I[x]! + 1;
  const dense = new Float64Array(vocab);
  return (L, R, patterns, stride, missing) => {
    let current = -1;
    for (let t = 0; t < patterns.length; t++) {
      const i = L[t]!;
      const j = R[t]!;
      const y0 = b[2 * j]!;
      if (i !== current) {
        if (current >= 0) for (let x = a[2 * current]!; x >= 0 && x < a[2 * current + 1]!; x++) dense[I[x]!] = 0;
        current = i;
        for (let x = a[2 * i]!; x >= 0 && x < a[2 * i + 1]!; x++) dense[I[x]!] = cosine ? W[x]! : 1;
      }
      const x0 = a[2 * i]!;
      if (x0 < 0 || y0 < 0) {
        patterns[t]! += missing * stride;
        continue;
      }
      const ye = b[2 * j + 1]!;
      let dot = 0;
      for (let y = y0; y < ye; y++) {
        const v = dense[I[y]!]!;
        if (v !== 0) dot += cosine ? v * W[y]! : 1;
      }
      let s: number;
      if (cosine) s = dot < 1 ? dot : 1;
      else {
        const union = a[2 * i + 1]! - x0 + (ye - y0) - dot;
        s = union === 0 ? 0 : dot / union;
      }
      let level = th.length;
      for (let k = 0; k < th.length; k++) {
        if (s >= th[k]!) {
          level = k;
          break;
        }
      }
      patterns[t]! += level * stride;
    }
    if (current >= 0) for (let x = a[2 * current]!; x >= 0 && x < a[2 * current + 1]!; x++) dense[I[x]!] = 0;
  };
}

/**
 * Fallback for comparators without a kernel: the comparator's own `compare` per pair (one
 * call per pair through the object features).
 */
export function genericKernel<F>(left: readonly (F | null)[], right: readonly (F | null)[], compare: (a: F, b: F) => number): ColumnKernel {
  return (L, R, patterns, stride, missing) => {
    for (let t = 0; t < patterns.length; t++) {
      const a = left[L[t]!];
      const b = right[R[t]!];
      patterns[t]! += (a == null || b == null ? missing : compare(a, b)) * stride;
    }
  };
}
