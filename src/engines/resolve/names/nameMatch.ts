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
  return {
    raw,
    split,
    variantKey: vk,
    keys: r.keys,
    surnameKeys: r.surnameKeys,
  };
}

/**
 * Compare two prepared names; returns the index into `NAME_LEVELS`. Cost: string equalities
 * (most fail on length or first character), then an O(n) one-edit test per preferred key.
 */
export function compareNames(a: NameFeatures, b: NameFeatures): number {
  if (a.split.normalized === b.split.normalized) return 0;
  if (a.variantKey === b.variantKey) return 1;
  const ka = a.keys;
  const kb = b.keys;
  for (let x = 0; x < ka.length; x++) for (let y = 0; y < kb.length; y++) if (ka[x] === kb[y]) return 2;
  // a's preferred reading against b's first two keys (its alternative reading or order).
  const x = a.keys[0];
  if (x === undefined) return 4;
  for (let k = 0; k < Math.min(2, b.keys.length); k++) {
    const y = b.keys[k]!;
    const allowed = Math.max(1, Math.floor(Math.min(x.length, y.length) / 8));
    if (allowed === 1 ? withinOneEdit(x, y) : Math.abs(x.length - y.length) <= allowed && levenshtein(x, y, allowed) <= allowed) return 3;
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
