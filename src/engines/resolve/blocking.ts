/**
 * Blocking: candidate pairs without the full cross product. Each rule maps every record to
 * keys (the combination of its key parts: exact value, prefix, Soundex, surname pinyin,
 * variant-equivalent name, birth year with a window, division prefix); pairs sharing a key in
 * any rule are candidates (rules are unioned, each pair produced once). Keys are computed once
 * per record, as 32-bit hashes (numeric map keys); pairs are streamed to a visitor with a stamp array, so no pair set is built.
 * Reported: candidate pairs, reduction ratio 1 − candidates / all pairs (Christen 2012, Data
 * Matching, §4.7), blocks skipped for size, and pair completeness when truth is known.
 */
import { readField, type BlockingKeyConfig, type BlockingRuleConfig, type Row } from './config.ts';
import { toDateRange } from './compare/dates.ts';
import { divisionPrefix, preparePlace } from './compare/place.ts';
import { soundex } from './compare/string.ts';
import { prepareName, type NameFeatures } from './names/nameMatch.ts';

/** Keys of one record under one part: values to index and values to look up. */
interface PartKeys {
  readonly index: string[];
  readonly query: string[];
}

const MAX_KEYS_PER_RECORD = 64;

function partKeys(value: unknown, part: BlockingKeyConfig): PartKeys {
  const t = part.transform ?? 'exact';
  const s = value == null ? '' : String(value).normalize('NFKC').trim().toLowerCase();
  const name = (): NameFeatures | null => prepareName(s);
  let vals: string[] = [];
  if (t === 'year') {
    const r = toDateRange(value);
    if (r) {
      const y = new Date(r.lo * 86_400_000).getUTCFullYear();
      const w = part.window ?? 0;
      const query: string[] = [];
      for (let d = -w; d <= w; d++) query.push(String(y + d));
      return { index: [String(y)], query };
    }
    return { index: [], query: [] };
  }
  if (s.length > 0) {
    if (t === 'exact') vals = [s];
    else if (t === 'prefix') vals = [s.slice(0, part.length ?? 3)];
    else if (t === 'soundex') vals = [soundex(s)].filter((x) => x.length > 0);
    else if (t === 'surnamePinyin') vals = [...(name()?.surnameKeys ?? [])];
    else if (t === 'namePinyin') vals = [...(name()?.keys ?? [])];
    else if (t === 'nameVariant') vals = name() ? [name()!.variantKey] : [];
    else if (t === 'division') {
      const p = preparePlace(value);
      const level = part.level ?? 'prefecture';
      const need = level === 'province' ? 1 : level === 'prefecture' ? 2 : 3;
      vals = p && p.depth >= need ? [divisionPrefix(p.code, level)] : [];
    }
  }
  return { index: vals, query: vals };
}

/** 32-bit FNV-1a hash of a key part's value. */
function hashPart(v: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < v.length; i++) {
    h ^= v.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Composite keys of a record as 32-bit hashes of its part values (every combination, at most
 * MAX_KEYS_PER_RECORD). A hash collision can only add a candidate pair (which is then compared
 * like any other), never lose one.
 */
function combine(parts: readonly string[][]): number[] {
  let acc: number[] = [0x1b873593];
  for (const p of parts) {
    if (p.length === 0) return [];
    const next: number[] = [];
    for (const a of acc) {
      for (const v of p) {
        if (next.length >= MAX_KEYS_PER_RECORD) break;
        let h = Math.imul(a ^ hashPart(v), 0x9e3779b1);
        h ^= h >>> 15;
        next.push(h | 0);
      }
    }
    acc = next;
  }
  return [...new Set(acc)];
}

/** Per-rule keys of both sides and the index of the right side. */
export interface BlockingIndex {
  readonly rules: readonly BlockingRuleConfig[];
  readonly leftQuery: readonly (readonly number[][])[];
  readonly rightIndex: readonly Map<number, readonly number[]>[];
  readonly nLeft: number;
  readonly nRight: number;
  /** True when left and right are the same records (deduplication: only pairs i < j). */
  readonly dedupe: boolean;
  readonly skippedKeys: readonly number[];
}

/**
 * Compute blocking keys once per record and index the right side. `right` omitted means
 * deduplication of `left`.
 */
export function buildBlockingIndex(rules: readonly BlockingRuleConfig[], left: readonly Row[], right?: readonly Row[]): BlockingIndex {
  const dedupe = right === undefined;
  const rightRows = right ?? left;
  const leftQuery: number[][][] = [];
  const rightIndex: Map<number, readonly number[]>[] = [];
  const skippedKeys: number[] = [];
  for (const rule of rules) {
    const q: number[][] = [];
    for (const row of left) q.push(combine(rule.keys.map((k) => partKeys(readField(row, k.field), k).query)));
    const lists = new Map<number, number[]>();
    rightRows.forEach((row, j) => {
      const keys = combine(rule.keys.map((k) => partKeys(readField(row, dedupe ? k.field : (k.rightField ?? k.field)), k).index));
      for (const key of keys) {
        const l = lists.get(key);
        if (!l) lists.set(key, [j]);
        else if (l[l.length - 1] !== j) l.push(j);
      }
    });
    let skipped = 0;
    if (rule.maxBlockSize !== undefined) {
      for (const [key, l] of lists) {
        if (l.length > rule.maxBlockSize) {
          lists.delete(key);
          skipped++;
        }
      }
    }
    const index: Map<number, readonly number[]> = lists;
    leftQuery.push(q);
    rightIndex.push(index);
    skippedKeys.push(skipped);
  }
  return { rules, leftQuery, rightIndex, nLeft: left.length, nRight: rightRows.length, dedupe, skippedKeys };
}

/**
 * Visit every candidate pair once: `visit(i, j)` with i a left row index and j a right row
 * index (for deduplication i < j). Returns the number of pairs visited.
 */
export function forEachCandidate(ix: BlockingIndex, visit: (i: number, j: number) => void): number {
  const stamp = new Int32Array(ix.nRight).fill(-1);
  let count = 0;
  for (let i = 0; i < ix.nLeft; i++) {
    for (let r = 0; r < ix.rules.length; r++) {
      const index = ix.rightIndex[r]!;
      for (const key of ix.leftQuery[r]![i]!) {
        const list = index.get(key);
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const j = list[k]!;
          if (stamp[j] === i || (ix.dedupe && j <= i)) continue;
          stamp[j] = i;
          count++;
          visit(i, j);
        }
      }
    }
  }
  return count;
}

/** Counts of a blocking run. */
export interface BlockingStats {
  readonly candidatePairs: number;
  /** All pairs: n(n−1)/2 for deduplication, nLeft·nRight for linkage. */
  readonly totalPairs: number;
  /** 1 − candidatePairs / totalPairs. */
  readonly reductionRatio: number;
  readonly rules: readonly { readonly name: string; readonly keys: number; readonly largestBlock: number; readonly skippedKeys: number }[];
}

/** Statistics of a blocking index once its pairs are counted. */
export function blockingStats(ix: BlockingIndex, candidatePairs: number): BlockingStats {
  const totalPairs = ix.dedupe ? (ix.nLeft * (ix.nLeft - 1)) / 2 : ix.nLeft * ix.nRight;
  return {
    candidatePairs,
    totalPairs,
    reductionRatio: totalPairs === 0 ? 0 : 1 - candidatePairs / totalPairs,
    rules: ix.rules.map((r, k) => {
      let largest = 0;
      for (const l of ix.rightIndex[k]!.values()) largest = Math.max(largest, l.length);
      return { name: r.name, keys: ix.rightIndex[k]!.size, largestBlock: largest, skippedKeys: ix.skippedKeys[k]! };
    }),
  };
}
