/**
 * Pinyin readings of personal names (C09). A polyphonic character read as a surname takes its
 * surname reading first (单 shàn, 仇 qiú, 曾 zēng, 解 xiè, 区 ōu, 朴 piáo, 查 zhā, 乐 yuè,
 * 尉迟 yùchí; data/surname-readings.json), its other readings kept as further candidates;
 * given names take pinyin-pro's in-context reading first and single-character alternatives
 * after (per-character readings: the in-context reading of a word is among the candidates
 * because every polyphonic character's other readings are). Romanised names are parsed with or without spaces, hyphens, tone marks or tone digits,
 * in either order. Keys are lower-case syllables without tones, ü and v written as u. Keys are
 * built with Array.join so they are flat strings: pair comparison tests them for equality
 * millions of times, and concatenated (rope) strings compare far more slowly.
 */
import { pinyin, polyphonic } from 'pinyin-pro';
import readings from './data/surname-readings.json' with { type: 'json' };
import { variantKey } from './variants.ts';
import type { SplitName } from './split.ts';

let surnameReadings: Map<string, readonly string[]> | null = null;

function surnameTable(): Map<string, readonly string[]> {
  if (!surnameReadings) {
    surnameReadings = new Map();
    for (const [k, v] of Object.entries(readings.readings as Record<string, string[]>)) surnameReadings.set(variantKey(k), v);
  }
  return surnameReadings;
}

/** Most candidate readings kept per name part (the first is the preferred one). */
export const MAX_READINGS = 6;

/**
 * Canonical form of one romanised syllable string: NFD with combining marks removed (tone
 * marks), tone digits removed, lower case, ü/v → u, only a–z kept.
 * @example romanKey('Shàn') // 'shan';  romanKey('lü3') // 'lu'
 */
export function romanKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[v]/g, 'u')
    .replace(/[^a-z]/g, '');
}

const charCache = new Map<string, readonly string[]>();

/** Readings of one character, default reading first (cached: names reuse few characters). */
function readingsOfChar(ch: string): readonly string[] {
  let r = charCache.get(ch);
  if (r === undefined) {
    const main = (pinyin(ch, { toneType: 'none', type: 'array', v: true }) as string[])[0] ?? '';
    const all = (polyphonic(ch, { toneType: 'none', type: 'array', v: true }) as string[][])[0] ?? [];
    r = [main, ...all].map(romanKey).filter((x, k, arr) => x.length > 0 && arr.indexOf(x) === k);
    charCache.set(ch, r);
  }
  return r;
}

function readingsOfChars(text: string): (readonly string[])[] {
  return [...text].map(readingsOfChar);
}

/**
 * Candidate readings of a Han string as a concatenated key: each character's default reading
 * first, then variants changing one polyphonic character at a time, at most `MAX_READINGS`.
 * Readings are cached per character, so a name costs a few map look-ups.
 */
export function hanReadings(text: string): string[] {
  if (text.length === 0) return [''];
  const perChar = readingsOfChars(text);
  const first = perChar.map((c) => c[0] ?? '');
  const out = [first.join('')];
  for (let i = 0; i < perChar.length && out.length < MAX_READINGS; i++) {
    for (const alt of perChar[i]!.slice(1)) {
      if (out.length >= MAX_READINGS) break;
      const v = first.slice();
      v[i] = alt;
      const key = v.join('');
      if (!out.includes(key)) out.push(key);
    }
  }
  return out;
}

const surnameCache = new Map<string, readonly string[]>();

/** Surname readings, surname reading first (C09: 单 → shan, dan, chan). */
export function surnameReadingsOf(surname: string): string[] {
  const known = surnameTable().get(variantKey(surname));
  if (known) return [...known];
  const cached = surnameCache.get(surname);
  if (cached) return [...cached];
  const head = (pinyin(surname, { toneType: 'none', type: 'array', surname: 'head', v: true }) as string[]).map(romanKey).join('');
  const rest = hanReadings(surname).filter((r) => r !== head);
  const out = [head, ...rest].slice(0, MAX_READINGS);
  surnameCache.set(surname, out);
  return out;
}

/** Per-name pinyin features, computed once per record. */
export interface NameReadings {
  /** Whole-name keys (no spaces), preferred first; for Latin input both token orders. */
  readonly keys: readonly string[];
  /** Surname keys for blocking (Han: surname readings; Latin: first and last token; dotted: first part). */
  readonly surnameKeys: readonly string[];
}

/**
 * Pinyin keys of a split name. Han: surname readings × given reading(s) in surname-first order
 * and also given-first (people abroad write 'Zhiqiang Shan'); dotted names: parts in order and
 * reversed; Latin: tokens joined in the given order and reversed (a hyphenated or spaced given
 * name joins up: 'Zhi-qiang' = 'Zhiqiang').
 */
export function nameReadings(name: SplitName): NameReadings {
  if (name.script === 'empty') return { keys: [], surnameKeys: [] };
  if (name.script === 'han' && !name.dotted && name.surname !== null) {
    const sur = surnameReadingsOf(name.surname);
    const given = name.given ? hanReadings(name.given) : [''];
    const keys: string[] = [];
    for (const g of given) for (const s of sur) if (keys.length < MAX_READINGS * 2) keys.push([s, g].join(''));
    if (name.given) keys.push([given[0]!, sur[0]!].join(''));
    return { keys: unique(keys), surnameKeys: sur };
  }
  const parts = name.parts.map((p) => (/\p{Script=Han}/u.test(p) ? hanReadings(p)[0]! : romanKey(p))).filter((p) => p.length > 0);
  if (parts.length === 0) return { keys: [], surnameKeys: [] };
  const forward = parts.join('');
  const backward = parts.length > 1 ? [parts[parts.length - 1]!, ...parts.slice(0, -1)].join('') : forward;
  const reversed = parts.slice().reverse().join('');
  const surnameKeys = name.dotted ? [parts[0]!] : unique([parts[0]!, parts[parts.length - 1]!]);
  return { keys: unique([forward, backward, reversed]), surnameKeys };
}

function unique(xs: string[]): string[] {
  return xs.filter((x, i) => x.length > 0 && xs.indexOf(x) === i);
}
