/**
 * Name comparison on per-record features: a name is prepared once (`prepareName`: split,
 * variant key, pinyin keys) and pairs are compared on those features (`compareNames`) with
 * ordered agreement levels for the Fellegi–Sunter model:
 *   0 exact    — same normalised string (all dot spellings are one form, C10)
 *   1 variant  — same characters up to traditional/simplified/regional variants (C08)
 *   2 pinyin   — a shared reading, surname readings tried first, either order (C09)
 *   3 similar  — pinyin keys within ⌊len/8⌋ edits, at least 1 (a typo, not a different surname)
 *   4 different
 */
import { levenshtein, withinOneEdit } from '../compare/string.ts';
import { nameReadings } from './pinyin.ts';
import { splitName, type SplitName } from './split.ts';
import { variantKey } from './variants.ts';

/** Everything about one name that pair comparison needs. */
export interface NameFeatures {
  readonly raw: string;
  readonly split: SplitName;
  /** `split.normalized` with each Han character replaced by its variant-class key. */
  readonly variantKey: string;
  readonly keys: readonly string[];
  readonly surnameKeys: readonly string[];
  /**
   * Compact copies for the pair loop, kept in the object itself so a comparison touches one
   * or two cache lines instead of chasing strings: 32-bit FNV-1a hashes of the normalised
   * name, of the variant key and of each key (equal hashes are confirmed on the strings), and
   * first/last character codes and lengths of the first two keys (the one-edit prefilter).
   */
  readonly hash: number;
  readonly variantHash: number;
  readonly keyHashes: Int32Array;
  readonly k0First: number;
  readonly k0Last: number;
  readonly k0Len: number;
  readonly k1First: number;
  readonly k1Last: number;
  readonly k1Len: number;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}



/** Agreement levels of the name comparator, strongest first. */
export const NAME_LEVELS = ['exact', 'variant', 'pinyin', 'similar', 'different'] as const;
/** One of `NAME_LEVELS`. */
export type NameLevel = (typeof NAME_LEVELS)[number];

const memo = new Map<string, NameFeatures | null>();
const MEMO_LIMIT = 500_000;

/**
 * Prepare a name once per record; null for an empty or missing name. Results are memoised by
 * the raw string (names repeat; the memo is dropped past 500,000 entries).
 */
export function prepareName(raw: string | null | undefined): NameFeatures | null {
  if (raw == null) return null;
  const hit = memo.get(raw);
  if (hit !== undefined || memo.has(raw)) return hit ?? null;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const f = computeName(raw);
  memo.set(raw, f);
  return f;
}

function hashesOf(keys: readonly string[]): Int32Array {
  const out = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) out[k] = fnv1a(keys[k]!);
  return out;
}

function computeName(raw: string): NameFeatures | null {
  const split = splitName(raw);
  if (split.script === 'empty') return null;
  const r = nameReadings(split);
  const vk = split.script === 'latin' ? split.normalized.toLowerCase() : variantKey(split.normalized);
  const k0 = r.keys[0] ?? '';
  const k1 = r.keys[1] ?? '';
  return {
    raw,
    split,
    variantKey: vk,
    keys: r.keys,
    surnameKeys: r.surnameKeys,
    hash: fnv1a(split.normalized),
    variantHash: fnv1a(vk),
    keyHashes: hashesOf(r.keys),
    k0First: k0.charCodeAt(0),
    k0Last: k0.charCodeAt(k0.length - 1),
    k0Len: k0.length,
    k1First: k1.charCodeAt(0),
    k1Last: k1.charCodeAt(k1.length - 1),
    k1Len: k1.length,
  };
}

/**
 * Compare two prepared names; returns the index into `NAME_LEVELS`. Cost: string equalities
 * (most fail on length or first character), then an O(n) one-edit test per preferred key.
 */
export function compareNames(a: NameFeatures, b: NameFeatures): number {
  if (a.hash === b.hash && a.split.normalized === b.split.normalized) return 0;
  if (a.variantHash === b.variantHash && a.variantKey === b.variantKey) return 1;
  const ha = a.keyHashes;
  const hb = b.keyHashes;
  for (let x = 0; x < ha.length; x++) for (let y = 0; y < hb.length; y++) if (ha[x] === hb[y] && a.keys[x] === b.keys[y]) return 2;
  // a's preferred reading against b's first two keys (its alternative reading or order). One
  // edit leaves the first or the last character in place, and the lengths within one.
  if (a.k0Len === 0) return 4;
  if (oneEditCandidate(a, b.k0First, b.k0Last, b.k0Len) && similarKeys(a.keys[0]!, b.keys[0]!)) return 3;
  if (b.k1Len > 0 && oneEditCandidate(a, b.k1First, b.k1Last, b.k1Len) && similarKeys(a.keys[0]!, b.keys[1]!)) return 3;
  return 4;
}

function oneEditCandidate(a: NameFeatures, first: number, last: number, len: number): boolean {
  const d = a.k0Len - len;
  if (a.k0Len >= 16 || len >= 16) return d <= 2 && d >= -2;
  return d <= 1 && d >= -1 && (a.k0First === first || a.k0Last === last);
}

function similarKeys(x: string, y: string): boolean {
  const allowed = Math.max(1, Math.floor(Math.min(x.length, y.length) / 8));
  return allowed === 1 ? withinOneEdit(x, y) : Math.abs(x.length - y.length) <= allowed && levenshtein(x, y, allowed) <= allowed;
}

/**
 * Convenience for one-off checks (search, tests): compare two raw names and return the level
 * name, or null when either is empty.
 * @example nameLevel('单志强', 'Shan Zhiqiang') // 'pinyin'
 */
export function nameLevel(a: string, b: string): NameLevel | null {
  const fa = prepareName(a);
  const fb = prepareName(b);
  if (!fa || !fb) return null;
  return NAME_LEVELS[compareNames(fa, fb)]!;
}

/** Bit set of the letters a–z of a pinyin key (bit 31 for any other character). */
function letterMask(key: string | undefined): number {
  let m = 0;
  if (key === undefined) return m;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) - 97;
    m |= 1 << (c >= 0 && c < 26 ? c : 31);
  }
  return m;
}

/** Set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Necessary condition for `similarKeys`: e edits change the set of letters present in at most
 * 2e places, with e = max(1, ⌊min length / 8⌋) as in `similarKeys`.
 */
function fewLettersDiffer(maskA: number, maskB: number, lenA: number, lenB: number): boolean {
  return popcount(maskA ^ maskB) <= 2 * Math.max(1, Math.floor(Math.min(lenA, lenB) / 8));
}

/**
 * Column kernel of the name comparator: the hashes, key hashes and one-edit prefilter fields
 * of a batch packed into typed arrays, so that a pair that can only be 'different' (the usual
 * case among blocked candidates) is decided without touching the name objects; any other pair
 * goes through `compareNames`. Same levels as `compareNames`. Adds level × stride per pair
 * (see kernels.ts, `ColumnKernel`).
 */
export function nameKernel(left: readonly (NameFeatures | null)[], right: readonly (NameFeatures | null)[]): (L: Int32Array, R: Int32Array, patterns: Float64Array, stride: number, missing: number) => void {
  const pack = (fs: readonly (NameFeatures | null)[]) => {
    const n = fs.length;
    const present = new Uint8Array(n);
    const hash = new Int32Array(n);
    const variant = new Int32Array(n);
    const keyStart = new Int32Array(n + 1);
    const edit = new Int32Array(n * 6);
    const masks = new Int32Array(n * 2);
    let total = 0;
    for (let i = 0; i < n; i++) total += fs[i]?.keyHashes.length ?? 0;
    const keys = new Int32Array(total);
    let at = 0;
    for (let i = 0; i < n; i++) {
      keyStart[i] = at;
      const f = fs[i];
      if (!f) continue;
      present[i] = 1;
      hash[i] = f.hash;
      variant[i] = f.variantHash;
      keys.set(f.keyHashes, at);
      at += f.keyHashes.length;
      const e = i * 6;
      edit[e] = f.k0First;
      edit[e + 1] = f.k0Last;
      edit[e + 2] = f.k0Len;
      edit[e + 3] = f.k1First;
      edit[e + 4] = f.k1Last;
      edit[e + 5] = f.k1Len;
      masks[2 * i] = letterMask(f.keys[0]);
      masks[2 * i + 1] = letterMask(f.keys[1]);
    }
    keyStart[n] = at;
    return { present, hash, variant, keyStart, keys, edit, masks };
  };
  const a = pack(left);
  const b = pack(right);
  const near = (aLen: number, aFirst: number, aLast: number, first: number, last: number, len: number): boolean => {
    const d = aLen - len;
    if (aLen >= 16 || len >= 16) return d <= 2 && d >= -2;
    return d <= 1 && d >= -1 && (aFirst === first || aLast === last);
  };
  return (L, R, patterns, stride, missing) => {
    for (let t = 0; t < patterns.length; t++) {
      const i = L[t]!;
      const j = R[t]!;
      if (!a.present[i] || !b.present[j]) {
        patterns[t]! += missing * stride;
        continue;
      }
      let maybe = a.hash[i] === b.hash[j] || a.variant[i] === b.variant[j];
      for (let x = a.keyStart[i]!; !maybe && x < a.keyStart[i + 1]!; x++) {
        const h = a.keys[x]!;
        for (let y = b.keyStart[j]!; y < b.keyStart[j + 1]!; y++) {
          if (h === b.keys[y]) {
            maybe = true;
            break;
          }
        }
      }
      if (!maybe) {
        const ea = i * 6;
        const eb = j * 6;
        const aLen = a.edit[ea + 2]!;
        if (aLen > 0) {
          const ma = a.masks[2 * i]!;
          const b0 = b.edit[eb + 2]!;
          const b1 = b.edit[eb + 5]!;
          maybe =
            (near(aLen, a.edit[ea]!, a.edit[ea + 1]!, b.edit[eb]!, b.edit[eb + 1]!, b0) && fewLettersDiffer(ma, b.masks[2 * j]!, aLen, b0)) ||
            (b1 > 0 && near(aLen, a.edit[ea]!, a.edit[ea + 1]!, b.edit[eb + 3]!, b.edit[eb + 4]!, b1) && fewLettersDiffer(ma, b.masks[2 * j + 1]!, aLen, b1));
        }
      }
      patterns[t]! += (maybe ? compareNames(left[i]!, right[j]!) : 4) * stride;
    }
  };
}
