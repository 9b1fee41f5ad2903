/**
 * Name normalisation and splitting (C10). A Chinese name is split into surname and given
 * name with the compound-surname list (data/compound-surnames.json, from the Baijiaxing):
 * 欧阳明月 → 欧阳 + 明月, 司马文 → 司马 + 文. Transliterated minority names written with a
 * separator dot (阿依古丽·买买提) are never split into a surname: their parts are kept in order,
 * and every dot-like separator (· U+00B7, • U+2022, ・ U+30FB, ･ U+FF65, ． U+FF0E, ‧ U+2027,
 * . U+002E in Han names, ⋅ U+22C5, ∙ U+2219, ● U+25CF) normalises to U+00B7 MIDDLE DOT.
 */
import compound from './data/compound-surnames.json' with { type: 'json' };
import { variantKey } from './variants.ts';

/** The canonical separator of transliterated names: U+00B7 MIDDLE DOT. */
export const NAME_DOT = '\u00B7';

const DOTS = /[\u00B7\u2022\u30FB\uFF65\uFF0E\u2027\u22C5\u2219\u25CF\u0387\u16EB\u2E31]/g;
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z\u00C0-\u024F]/;

let compoundKeys: ReadonlySet<string> | null = null;

/** Shape of a split name. `surname` is null for dotted names and for Latin names. */
export interface SplitName {
  /** NFKC-normalised, trimmed, inner whitespace removed for Han names, dots unified to U+00B7. */
  readonly normalized: string;
  readonly script: 'han' | 'latin' | 'mixed' | 'empty';
  readonly surname: string | null;
  readonly given: string | null;
  /** True for names with separator dots (transliterated minority or foreign names). */
  readonly dotted: boolean;
  /** Dotted names: the parts between dots; Han names: [surname, given]; Latin: the tokens. */
  readonly parts: readonly string[];
  readonly compoundSurname: boolean;
}

/**
 * Normalise a name string: NFKC (full-width letters to ASCII), trim, unify separator dots to
 * U+00B7 with no spaces around them; Han names lose inner spaces; Latin names keep single
 * spaces, and hyphens become spaces.
 */
export function normalizeName(raw: string): string {
  if (isPlainHan(raw)) return raw;
  let s = raw.normalize('NFKC').trim();
  // NFKC turns U+FF0E into '.', so dots are unified after it.
  s = s.replace(DOTS, NAME_DOT);
  if (HAN.test(s) && !LATIN.test(s)) return s.replace(/\./g, NAME_DOT).replace(/\s+/g, '');
  s = s.replace(/\s*\u00B7\s*/g, NAME_DOT);
  return s.replace(/[-_‐‑–—.,]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * True for a string of CJK Unified Ideographs only (U+4E00–U+9FFF, extension A U+3400–U+4DBF):
 * NFKC leaves it unchanged and it has no separator, so normalisation can be skipped.
 */
function isPlainHan(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf))) return false;
  }
  return true;
}

function scriptOf(s: string): SplitName['script'] {
  if (s.length === 0) return 'empty';
  if (isPlainHan(s)) return 'han';
  const han = HAN.test(s);
  const latin = LATIN.test(s);
  if (han && latin) return 'mixed';
  return han ? 'han' : latin ? 'latin' : 'mixed';
}

/** True when the first two characters of `name` are a compound surname (variants included). */
export function startsWithCompoundSurname(name: string): boolean {
  const chars = [...name];
  compoundKeys ??= new Set((compound.surnames as string[]).map((s) => variantKey(s)));
  return chars.length >= 3 && compoundKeys.has(variantKey(chars[0]! + chars[1]!));
}

/**
 * Split a personal name. Han names of 3+ characters starting with a compound surname split
 * after two characters, other Han names after one; a 2-character name is always 1 + 1
 * (欧阳 alone is read as surname 欧 + given 阳). Dotted names are not split into a surname.
 * Latin names are tokenised only (order unknown: 'Shan Zhiqiang' or 'Zhiqiang Shan').
 *
 * @example splitName('欧阳明月') // { surname: '欧阳', given: '明月', … }
 * @example splitName('阿依古丽•买买提') // { surname: null, parts: ['阿依古丽','买买提'], normalized: '阿依古丽·买买提' }
 */
export function splitName(raw: string): SplitName {
  const normalized = normalizeName(raw);
  const script = scriptOf(normalized);
  // Object literals, not spreads of a shared base: the spread helper cost ~9 µs per name.
  if (script === 'empty') return { normalized, script, surname: null, given: null, dotted: false, parts: [], compoundSurname: false };
  if (normalized.includes(NAME_DOT)) {
    const parts = normalized.split(NAME_DOT).filter((p) => p.length > 0);
    return { normalized, script, surname: null, given: null, dotted: true, parts, compoundSurname: false };
  }
  if (script !== 'han') {
    const parts = normalized.split(' ').filter((p) => p.length > 0);
    return { normalized, script, surname: null, given: null, dotted: false, parts, compoundSurname: false };
  }
  const chars = [...normalized];
  if (chars.length === 1) return { normalized, script, surname: chars[0]!, given: '', dotted: false, parts: [chars[0]!], compoundSurname: false };
  const cut = startsWithCompoundSurname(normalized) ? 2 : 1;
  const surname = chars.slice(0, cut).join('');
  const given = chars.slice(cut).join('');
  return { normalized, script, surname, given, dotted: false, parts: [surname, given], compoundSurname: cut === 2 };
}
