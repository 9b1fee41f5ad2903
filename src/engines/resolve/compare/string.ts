/**
 * String similarity measures used by the resolve engine's comparators: Levenshtein edit
 * distance, Jaro and Jaro–Winkler similarity, and American Soundex. Written here (not
 * imported) because matching is what Gongzhi exists for; each function works on UTF-16 code
 * units, which is exact for Latin text and for CJK characters of the Basic Multilingual Plane.
 */

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Levenshtein edit distance: the least number of single-character insertions, deletions and
 * substitutions turning `a` into `b` (V. I. Levenshtein 1966; Wagner–Fischer dynamic programme,
 * two rows, O(|a|·|b|) time, O(|b|) memory).
 *
 * @example levenshtein('kitten', 'sitting') // 3
 * @param max optional bound: when the distance certainly exceeds it, returns `max + 1` early.
 */
export function levenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m === 0) return n;
  if (n - m > max) return max + 1;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/**
 * True when `a` and `b` are at most one insertion, deletion or substitution apart (Levenshtein
 * distance ≤ 1), in O(n) with early exit: the common prefix and suffix must cover all but one
 * character of the longer string.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  const min = Math.min(la, lb);
  let pre = 0;
  while (pre < min && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  if (pre === min) return true;
  let suf = 0;
  while (suf < min - pre && a.charCodeAt(la - 1 - suf) === b.charCodeAt(lb - 1 - suf)) suf++;
  return pre + suf >= Math.max(la, lb) - 1;
}

/**
 * Normalised Levenshtein similarity `1 − d / max(|a|, |b|)` in [0, 1]; 1 for two empty strings.
 * This is the `levenshtein` method of the Python recordlinkage toolkit's string comparator.
 */
export function levenshteinSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - levenshtein(a, b) / len;
}

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/**
 * Jaro similarity in [0, 1] (M. A. Jaro 1989, "Advances in record-linkage methodology as
 * applied to matching the 1985 census of Tampa, Florida", JASA 84:414–420): matching characters
 * within ⌊max(|a|,|b|)/2⌋−1 positions, half the transpositions.
 * Two empty strings → 1; one empty → 0.
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let halfTranspositions = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const t = halfTranspositions / 2;
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/**
 * Jaro–Winkler similarity in [0, 1] (W. E. Winkler 1990, "String comparator metrics and
 * enhanced decision rules in the Fellegi–Sunter model of record linkage"): Jaro boosted by a
 * common prefix of up to `maxPrefix` characters with scale `p`.
 *
 * @example jaroWinkler('MARTHA', 'MARHTA') // 0.9611
 * @example jaroWinkler('DIXON', 'DICKSONX') // 0.8133
 * @param p prefix scale, 0.1 by default; must satisfy p·maxPrefix ≤ 1.
 */
export function jaroWinkler(a: string, b: string, p = 0.1, maxPrefix = 4): number {
  const j = jaro(a, b);
  if (j === 0 || j === 1) return j;
  const limit = Math.min(maxPrefix, a.length, b.length);
  let l = 0;
  while (l < limit && a.charCodeAt(l) === b.charCodeAt(l)) l++;
  return j + l * p * (1 - j);
}

const SOUNDEX_CODES: Record<string, string> = {
  B: '1', F: '1', P: '1', V: '1',
  C: '2', G: '2', J: '2', K: '2', Q: '2', S: '2', X: '2', Z: '2',
  D: '3', T: '3', L: '4', M: '5', N: '5', R: '6',
};

/**
 * American Soundex code of a Latin name: first letter and three digits, e.g. Robert → R163,
 * Tymczak → T522, Pfister → P236, Ashcraft → A261 (US National Archives rules: letters with
 * the same code separated by H or W are coded once; vowels separate them). Non-letters are
 * ignored; returns '' when the input has no Latin letter.
 */
export function soundex(value: string): string {
  const s = value.toUpperCase().replace(/[^A-Z]/g, '');
  if (s.length === 0) return '';
  let out = s[0]!;
  let last = SOUNDEX_CODES[s[0]!] ?? '';
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const ch = s[i]!;
    const code = SOUNDEX_CODES[ch];
    if (code === undefined) {
      if (ch !== 'H' && ch !== 'W') last = '';
      continue;
    }
    if (code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, '0');
}

/**
 * True for strings NFKC leaves unchanged and that have no whitespace: printable ASCII without
 * space and CJK Unified Ideographs (U+4E00–U+9FFF), the bulk of names, codes and dates.
 */
function alreadyClean(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/**
 * A field value as comparison text: Unicode NFKC (UAX #15), trimmed, inner whitespace
 * collapsed to one space; null for null, undefined or an empty result. Strings already in that
 * form (ASCII without spaces, CJK ideographs) are returned as they are, without calling the
 * normaliser.
 * @example cleanValue(' Ｚhang  San ') // 'Zhang San'
 */
export function cleanValue(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string' && alreadyClean(v)) return v.length === 0 ? null : v;
  const s = String(v).normalize('NFKC').trim().replace(/\s+/g, ' ');
  return s.length === 0 ? null : s;
}
