/**
 * MinHash signatures (Broder 1997) and locality-sensitive hashing by banding (Indyk & Motwani
 * 1998; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets" ch. 3.4): two sets with
 * Jaccard similarity s share at least one band of r rows with probability 1 − (1 − s^r)^b.
 * Shingles are strings hashed with 32-bit FNV-1a; the i-th hash function is a murmur3 finaliser
 * of (shingle hash XOR seed_i). Signatures are Uint32Array of `numHashes` values.
 */
import { AppError } from '../../core/errors.ts';
import { TextErrors } from './errors.ts';

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Word shingles of a token list: every unigram and every run of `k` consecutive tokens (k ≥ 2),
 * as strings. Unigrams keep short texts comparable; k-grams carry word order.
 */
export function wordShingles(tokens: readonly string[], k = 2): string[] {
  const out = new Set<string>(tokens);
  for (let i = 0; i + k <= tokens.length; i++) out.add(tokens.slice(i, i + k).join('\u0001'));
  return [...out];
}

/** MinHash signature of a shingle set; empty sets give all 0xffffffff. */
export function minhashSignature(shingles: readonly string[], numHashes = 128, seed = 1): Uint32Array {
  const sig = new Uint32Array(numHashes).fill(0xffffffff);
  const seeds = seedsFor(numHashes, seed);
  for (const s of shingles) {
    const h = fnv1a(s);
    for (let i = 0; i < numHashes; i++) {
      const v = fmix(h ^ seeds[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

const seedCache = new Map<string, Uint32Array>();
function seedsFor(n: number, seed: number): Uint32Array {
  const key = `${n}:${seed}`;
  let out = seedCache.get(key);
  if (!out) {
    out = new Uint32Array(n);
    let s = fmix(seed * 0x9e3779b1 + 1) || 1;
    for (let i = 0; i < n; i++) out[i] = s = fmix(s + 0x9e3779b9);
    seedCache.set(key, out);
  }
  return out;
}

/** Estimated Jaccard similarity: the share of equal signature positions. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same += 1;
  return a.length ? same / a.length : 0;
}

/** Exact Jaccard similarity of two shingle lists (as sets). */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter += 1;
  const union = sa.size + sb.size - inter;
  return union ? inter / union : 0;
}

/**
 * Candidate pairs [i, j] (i < j) of signatures sharing at least one band of `rows` values.
 * Buckets larger than `maxBucket` are skipped (boilerplate shared by very many texts).
 * @throws AppError TEXT_LSH_BANDS when bands × rows ≠ signature length.
 */
export function lshCandidatePairs(signatures: readonly Uint32Array[], bands: number, rows: number, maxBucket = 500): [number, number][] {
  const n = signatures[0]?.length ?? bands * rows;
  if (bands * rows !== n) throw new AppError(TextErrors.TEXT_LSH_BANDS, { bands, rows, hashes: n });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const total = signatures.length;
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, i) => {
      const key = sig.subarray(b * rows, (b + 1) * rows).join(',');
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const list of buckets.values()) {
      if (list.length < 2 || list.length > maxBucket) continue;
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const key = list[x]! * total + list[y]!;
          if (seen.has(key)) continue;
          seen.add(key);
          pairs.push([list[x]!, list[y]!]);
        }
      }
    }
  }
  return pairs;
}
