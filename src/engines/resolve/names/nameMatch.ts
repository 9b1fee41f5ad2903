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
  readonly surnameKeys: readonly string[];
}

/** Agreement levels of the name comparator, strongest first. */
export const NAME_LEVELS = ['exact', 'variant', 'pinyin', 'similar', 'different'] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];

/** Prepare a name once per record; null for an empty or missing name. */
export function prepareName(raw: string | null | undefined): NameFeatures | null {
  if (raw == null) return null;
  const split = splitName(raw);
  if (split.script === 'empty') return null;
  const r = nameReadings(split);
  const vk = split.script === 'latin' ? split.normalized.toLowerCase() : variantKey(split.normalized);
  return { raw, split, variantKey: vk, keys: r.keys, surnameKeys: r.surnameKeys };
}

/**
 * Compare two prepared names; returns the index into `NAME_LEVELS`. Cost: string equality,
 * then at most 4 bounded Levenshtein runs on short keys.
 */
export function compareNames(a: NameFeatures, b: NameFeatures): number {
  if (a.split.normalized === b.split.normalized) return 0;
  if (a.variantKey === b.variantKey) return 1;
  for (const k of a.keys) if (b.keys.includes(k)) return 2;
  const ka = a.keys.slice(0, 2);
  const kb = b.keys.slice(0, 2);
  for (const x of ka) {
    for (const y of kb) {
      const allowed = Math.max(1, Math.floor(Math.min(x.length, y.length) / 8));
      if (levenshtein(x, y, allowed) <= allowed) return 3;
    }
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
