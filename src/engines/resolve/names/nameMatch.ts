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
import { levenshtein } from '../compare/string.ts';
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
  /** `keys` interned as integers (process-wide table), compared without string work. */
  readonly keyIds: Int32Array;
  readonly surnameKeys: readonly string[];
}

const keyTable = new Map<string, number>();

function intern(key: string): number {
  let id = keyTable.get(key);
  if (id === undefined) {
    id = keyTable.size;
    keyTable.set(key, id);
  }
  return id;
}

/** Agreement levels of the name comparator, strongest first. */
export const NAME_LEVELS = ['exact', 'variant', 'pinyin', 'similar', 'different'] as const;
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

function computeName(raw: string): NameFeatures | null {
  const split = splitName(raw);
  if (split.script === 'empty') return null;
  const r = nameReadings(split);
  const vk = split.script === 'latin' ? split.normalized.toLowerCase() : variantKey(split.normalized);
  return { raw, split, variantKey: vk, keys: r.keys, keyIds: Int32Array.from(r.keys, intern), surnameKeys: r.surnameKeys };
}

/**
 * Compare two prepared names; returns the index into `NAME_LEVELS`. Cost: two string
 * equalities, a few integer comparisons, then one bounded Levenshtein run per preferred key.
 */
export function compareNames(a: NameFeatures, b: NameFeatures): number {
  if (a.split.normalized === b.split.normalized) return 0;
  if (a.variantKey === b.variantKey) return 1;
  const ia = a.keyIds;
  const ib = b.keyIds;
  for (let x = 0; x < ia.length; x++) for (let y = 0; y < ib.length; y++) if (ia[x] === ib[y]) return 2;
  // a's preferred reading against b's first two keys (its alternative reading or order).
  const x = a.keys[0];
  if (x === undefined) return 4;
  for (let k = 0; k < Math.min(2, b.keys.length); k++) {
    const y = b.keys[k]!;
    const allowed = Math.max(1, Math.floor(Math.min(x.length, y.length) / 8));
    if (Math.abs(x.length - y.length) <= allowed && levenshtein(x, y, allowed) <= allowed) return 3;
  }
  return 4;
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
