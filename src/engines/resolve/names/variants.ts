/**
 * Variant equivalence of Chinese characters (C08). Names written in traditional and simplified
 * characters, or with regional variant forms, must compare equal (錢乾坤 ~ 钱乾坤, 余华 ~ 余華)
 * without a one-way conversion: OpenCC's traditional→simplified table turns 乾 into 干 and its
 * simplified→traditional table turns 余 into 餘, both wrong for names.
 *
 * Equivalence classes are built at character level from opencc-js (OpenCC data 1.4.2) tables
 * read in both directions: two characters are variants when each is the other's conversion,
 * i.e. s2t(s) = t and t2s(t) = s (STCharacters ∩ TSCharacters), or when a regional variant
 * table (TW, HK) and its reverse table agree the same way. Mappings that hold in one direction
 * only (t2s(乾) = 干 but s2t(干) = 幹) do not join classes, so 乾 stays distinct from 干 and
 * from 幹 while 干 ~ 幹. Every character is always equal to itself. Classes are closed under
 * union (为 ~ 爲 ~ 為). Nothing is converted: comparison uses a class key per character.
 */
import * as OpenCC from 'opencc-js';

type PairDict = string;

function locale(): typeof OpenCC.Locale {
  const mod = OpenCC as unknown as { Locale?: typeof OpenCC.Locale; default?: { Locale: typeof OpenCC.Locale } };
  return (mod.Locale ?? mod.default!.Locale);
}

/** The single-character dictionary of a preset group (its entries are `src dst` joined by '|'). */
function charDict(group: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of group) {
    if (typeof d !== 'string') continue;
    for (const entry of (d as PairDict).split('|')) {
      const [src, ...dst] = entry.split(' ');
      if (!src || [...src].length !== 1 || dst.length !== 1) continue;
      const target = dst[0]!;
      if ([...target].length !== 1) continue;
      out.set(src, target);
    }
  }
  return out;
}

let classes: Map<string, string> | null = null;

function build(): Map<string, string> {
  const L = locale();
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    let r = c;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    let x = c;
    while (x !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const union = (a: string, b: string): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The code-point-smaller root wins, so a class key does not depend on table order.
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  const mutual = (forward: Map<string, string>, backward: Map<string, string>): void => {
    for (const [a, b] of forward) if (a !== b && backward.get(b) === a) union(a, b);
  };
  const s2t = charDict(L.from.cn.flat());
  const t2s = charDict(L.to.cn.flat());
  mutual(s2t, t2s);
  for (const region of ['tw', 'hk'] as const) {
    const toStd = charDict(L.from[region]!.flat());
    const fromStd = charDict(L.to[region]!.flat());
    mutual(toStd, fromStd);
  }
  const out = new Map<string, string>();
  for (const c of parent.keys()) out.set(c, find(c));
  return out;
}

/**
 * The variant class key of one character: the same string for every member of its class
 * (e.g. '钱' and '錢' share a key; '乾' has its own). A character outside every class is its own
 * key. The tables are built once, lazily (≈ 4k classes).
 */
export function variantKeyOfChar(ch: string): string {
  classes ??= build();
  return classes.get(ch) ?? ch;
}

/**
 * The variant key of a string: each character replaced by its class key. Equal keys mean the
 * two strings are the same name up to character variants. The key is for comparison and
 * blocking only; it is never shown or stored as the name.
 */
export function variantKey(text: string): string {
  const out: string[] = [];
  for (const ch of text) out.push(variantKeyOfChar(ch));
  return out.join('');
}

/** True when two characters are the same or variants of each other (same class). */
export function charsEquivalent(a: string, b: string): boolean {
  return a === b || variantKeyOfChar(a) === variantKeyOfChar(b);
}

/** True when two strings have the same length in characters and are equivalent position by position. */
export function variantEqual(a: string, b: string): boolean {
  return a === b || variantKey(a) === variantKey(b);
}

/** Every member of a character's variant class, the character itself included (for display and tests). */
export function variantClass(ch: string): string[] {
  classes ??= build();
  const key = variantKeyOfChar(ch);
  const members = [ch];
  for (const [c, k] of classes) if (k === key && c !== ch) members.push(c);
  return members;
}
