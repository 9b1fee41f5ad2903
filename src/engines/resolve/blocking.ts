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
import { toDateRange, yearOfDay } from './compare/dates.ts';
import { preparePlace } from './compare/place.ts';
import { cleanValue, soundex } from './compare/string.ts';
import { prepareName } from './names/nameMatch.ts';

const MAX_KEYS_PER_RECORD = 64;

/** 32-bit FNV-1a hash of a string's UTF-16 code units (the name features' key hashes use the same). */
function hashString(v: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < v.length; i++) {
    h ^= v.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** 32-bit hash of an integer key part (a year, a division prefix). */
function hashInt(n: number): number {
  let h = Math.imul(n ^ 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca77) | 0;
}

/** Scratch for key values: a part's values, then the combinations (reused for every record). */
class Scratch {
  values = new Int32Array(64);
  count = 0;

  push(v: number): void {
    if (this.count === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = v;
  }
}

/**
 * Append the hashed values of one key part of one record to `out`: for 'year' the birth year
 * (`query`: every year within the window), otherwise the same values on both sides. Values
 * are numbers so that no key string is built per record.
 */
function partValues(value: unknown, part: BlockingKeyConfig, query: boolean, out: Scratch): void {
  const t = part.transform ?? 'exact';
  if (t === 'year') {
    const r = toDateRange(value);
    if (!r) return;
    const y = yearOfDay(r.lo);
    const w = query ? (part.window ?? 0) : 0;
    for (let d = -w; d <= w; d++) out.push(hashInt(y + d));
    return;
  }
  if (t === 'division') {
    const p = preparePlace(value);
    const level = part.level ?? 'prefecture';
    const need = level === 'province' ? 1 : level === 'prefecture' ? 2 : 3;
    if (p && p.depth >= need) out.push(hashInt(need === 1 ? p.province : need === 2 ? p.prefecture : p.county));
    return;
  }
  const clean = cleanValue(value);
  if (clean === null) return;
  const s = clean.toLowerCase();
  if (t === 'exact') out.push(hashString(s));
  else if (t === 'prefix') out.push(hashString(s.slice(0, part.length ?? 3)));
  else if (t === 'soundex') {
    const code = soundex(s);
    if (code.length > 0) out.push(hashString(code));
  } else {
    const f = prepareName(clean);
    if (!f) return;
    if (t === 'surnamePinyin') for (const k of f.surnameKeys) out.push(hashString(k));
    else if (t === 'namePinyin') for (let k = 0; k < f.keyHashes.length; k++) out.push(f.keyHashes[k]!);
    else if (t === 'nameVariant') out.push(f.variantHash);
  }
}

/** The hashed values of one key part for every record of one side, as a CSR list. */
interface PartColumn {
  readonly start: Int32Array;
  readonly values: Int32Array;
}

/**
 * Part columns of one side, shared between rules: a part (field, transform, options, query or
 * index side) that several rules use, through the same field reference, is computed once.
 */
type PartCache = Map<unknown, Map<string, PartColumn>>;

function partColumn(rows: readonly Row[], field: BlockingKeyConfig['field'], part: BlockingKeyConfig, query: boolean, cache: PartCache): PartColumn {
  const signature = `${part.transform ?? 'exact'}|${part.length ?? ''}|${part.level ?? ''}|${query ? (part.window ?? 0) : 0}`;
  let byField = cache.get(field);
  if (!byField) cache.set(field, (byField = new Map()));
  const hit = byField.get(signature);
  if (hit) return hit;
  const start = new Int32Array(rows.length + 1);
  const out = new Scratch();
  for (let i = 0; i < rows.length; i++) {
    start[i] = out.count;
    partValues(readField(rows[i]!, field), part, query, out);
  }
  start[rows.length] = out.count;
  const column = { start, values: out.values.slice(0, out.count) };
  byField.set(signature, column);
  return column;
}

/**
 * Composite keys of every record under one rule, as a CSR list (`start[i]`…`start[i + 1]` in
 * `keys`): each combination of the parts' hashed values mixed into one 32-bit key (at most
 * MAX_KEYS_PER_RECORD per record, duplicates removed). A hash collision can only add a
 * candidate pair (which is then compared like any other), never lose one.
 */
function ruleKeys(rows: readonly Row[], rule: BlockingRuleConfig, rightField: boolean, query: boolean, cache: PartCache): { start: Int32Array; keys: Int32Array } {
  const start = new Int32Array(rows.length + 1);
  const keys = new Scratch();
  let acc = new Int32Array(MAX_KEYS_PER_RECORD);
  let next = new Int32Array(MAX_KEYS_PER_RECORD);
  const columns = rule.keys.map((k) => partColumn(rows, rightField ? (k.rightField ?? k.field) : k.field, k, query, cache));
  for (let i = 0; i < rows.length; i++) {
    start[i] = keys.count;
    let nAcc = 1;
    acc[0] = 0x1b873593;
    for (let k = 0; k < columns.length && nAcc > 0; k++) {
      const { start: from, values } = columns[k]!;
      const v0 = from[i]!;
      const v1 = from[i + 1]!;
      let nNext = 0;
      for (let a = 0; a < nAcc && nNext < MAX_KEYS_PER_RECORD; a++) {
        for (let v = v0; v < v1 && nNext < MAX_KEYS_PER_RECORD; v++) {
          let h = Math.imul(acc[a]! ^ values[v]!, 0x9e3779b1);
          h ^= h >>> 15;
          next[nNext++] = h;
        }
      }
      const swap = acc;
      acc = next;
      next = swap;
      nAcc = nNext;
    }
    for (let a = 0; a < nAcc; a++) {
      let seen = false;
      for (let b = 0; b < a && !seen; b++) seen = acc[b] === acc[a];
      if (!seen) keys.push(acc[a]!);
    }
  }
  start[rows.length] = keys.count;
  return { start, keys: keys.values.slice(0, keys.count) };
}

/** Per-rule keys of the left side (CSR) and the index of the right side: key → right rows. */
export interface BlockingIndex {
  readonly rules: readonly BlockingRuleConfig[];
  /** Per rule: left record i looks up keys `leftKeys[r][leftStart[r][i] … leftStart[r][i + 1])`. */
  readonly leftStart: readonly Int32Array[];
  readonly leftKeys: readonly Int32Array[];
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
  const leftStart: Int32Array[] = [];
  const leftKeys: Int32Array[] = [];
  const rightIndex: Map<number, readonly number[]>[] = [];
  const skippedKeys: number[] = [];
  const leftCache: PartCache = new Map();
  const rightCache: PartCache = new Map();
  for (const rule of rules) {
    const q = ruleKeys(left, rule, false, true, leftCache);
    const windowed = rule.keys.some((k) => (k.transform ?? 'exact') === 'year' && (k.window ?? 0) > 0);
    const r = dedupe && !windowed ? q : ruleKeys(rightRows, rule, !dedupe, false, dedupe ? leftCache : rightCache);
    const lists = new Map<number, number[]>();
    for (let j = 0; j < rightRows.length; j++) {
      for (let x = r.start[j]!; x < r.start[j + 1]!; x++) {
        const key = r.keys[x]!;
        const l = lists.get(key);
        if (!l) lists.set(key, [j]);
        else if (l[l.length - 1] !== j) l.push(j);
      }
    }
    let skipped = 0;
    if (rule.maxBlockSize !== undefined) {
      for (const [key, l] of lists) {
        if (l.length > rule.maxBlockSize) {
          lists.delete(key);
          skipped++;
        }
      }
    }
    leftStart.push(q.start);
    leftKeys.push(q.keys);
    rightIndex.push(lists);
    skippedKeys.push(skipped);
  }
  return { rules, leftStart, leftKeys, rightIndex, nLeft: left.length, nRight: rightRows.length, dedupe, skippedKeys };
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
      const start = ix.leftStart[r]!;
      const keys = ix.leftKeys[r]!;
      for (let x = start[i]!; x < start[i + 1]!; x++) {
        const list = index.get(keys[x]!);
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

/**
 * The rules (indices into `ix.rules`) under which left record i and right record j share a
 * key, i.e. the reasons the pair is a candidate; empty when blocking does not pair them.
 * For deduplication give i < j.
 */
export function rulesOfPair(ix: BlockingIndex, i: number, j: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < ix.rules.length; r++) {
    const start = ix.leftStart[r]!;
    const keys = ix.leftKeys[r]!;
    let hit = false;
    for (let x = start[i]!; x < start[i + 1]! && !hit; x++) hit = ix.rightIndex[r]!.get(keys[x]!)?.includes(j) ?? false;
    if (hit) out.push(r);
  }
  return out;
}
