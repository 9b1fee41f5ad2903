/**
 * Read the division at the head of a free-text Chinese address (省/市/县 then the rest), against
 * the current GB/T 2260 names. Full names and common short forms of provinces (吉林 for 吉林省,
 * 广西 for 广西壮族自治区) and prefectures (通化 for 通化市, 延边 for 延边朝鲜族自治州) are
 * recognised; county names only in full (a short county name too often begins the street part:
 * 长乐乡). Among all readings the one that consumes most text, then reaches deepest, wins, and
 * levels must be consistent (a county must belong to the province and prefecture read before it).
 * C07: '吉林通化市东昌区江南大街5号' → 220502 吉林省/通化市/东昌区, not 吉林市.
 */
import { divisionTable, isCurrent, latestSpan } from './data.ts';

export interface ParsedAddress {
  /** Deepest division recognised (county, else prefecture, else province). */
  readonly divisionCode: string;
  readonly province: string | null;
  readonly prefecture: string | null;
  readonly county: string | null;
  /** The text after the division names, e.g. '长乐乡中心街9号'. */
  readonly detail: string;
}

/** A name variant (full or short) and the codes it names. */
interface NameVariant {
  readonly name: string;
  readonly codes: readonly string[];
}

interface Scope {
  /** name variant → codes */
  readonly byName: Map<string, string[]>;
  /** first character → the name variants starting with it, longest first, with their codes */
  readonly byFirst: Map<string, ReadonlyArray<NameVariant>>;
}
interface AddressIndex {
  readonly names: Map<string, string>;
  readonly provinces: Scope;
  readonly prefecturesOf: Map<string, Scope>;
  /** counties by prefecture code (XXYY00) and by province code (XX0000), and all ('') */
  readonly countiesOf: Map<string, Scope>;
}

const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const PROVINCE_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/;
const PREFECTURE_SUFFIX = /(?:(?:朝鲜族|土家族|苗族|藏族|羌族|彝族|布依族|侗族|哈尼族|壮族|傣族|白族|景颇族|傈僳族|回族|蒙古族|柯尔克孜|哈萨克|蒙古)+自治州|市|地区|盟)$/;

function add(scope: Map<string, string[]>, name: string, code: string): void {
  const list = scope.get(name);
  if (!list) scope.set(name, [code]);
  else if (!list.includes(code)) list.push(code);
}

function toScope(m: Map<string, string[]>): Scope {
  const byFirst = new Map<string, Array<{ name: string; codes: string[] }>>();
  for (const [name, codes] of m) {
    const list = byFirst.get(name[0]!) ?? byFirst.set(name[0]!, []).get(name[0]!)!;
    list.push({ name, codes });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
  return { byName: m, byFirst };
}

let index: AddressIndex | undefined;

function addressIndex(): AddressIndex {
  if (index) return index;
  const names = new Map<string, string>();
  const prov = new Map<string, string[]>();
  const pref = new Map<string, Map<string, string[]>>();
  const county = new Map<string, Map<string, string[]>>();
  const scoped = (m: Map<string, Map<string, string[]>>, k: string) => m.get(k) ?? m.set(k, new Map()).get(k)!;
  for (const [code, spans] of divisionTable().codes) {
    if (!isCurrent(spans) || code.startsWith('8')) continue;
    const name = latestSpan(spans).name;
    if (PLACEHOLDERS.has(name)) continue;
    names.set(code, name);
    const p = `${code.slice(0, 2)}0000`;
    if (code.endsWith('0000')) {
      add(prov, name, code);
      const short = name.replace(PROVINCE_SUFFIX, '');
      if (short.length >= 2) add(prov, short, code);
      if (name === '内蒙古自治区') add(prov, '内蒙', code);
    } else if (code.endsWith('00')) {
      for (const k of [p, '']) {
        add(scoped(pref, k), name, code);
        const short = name.replace(PREFECTURE_SUFFIX, '');
        if (short.length >= 2 && short !== name) add(scoped(pref, k), short, code);
      }
    } else {
      for (const k of [`${code.slice(0, 4)}00`, p, '']) add(scoped(county, k), name, code);
    }
  }
  const mapScopes = (m: Map<string, Map<string, string[]>>) => new Map([...m].map(([k, v]) => [k, toScope(v)]));
  index = { names, provinces: toScope(prov), prefecturesOf: mapScopes(pref), countiesOf: mapScopes(county) };
  return index;
}

/** Name variants of a scope that start `text` at `pos`, longest first (no substring is cut per length tried). */
function matchesAt(scope: Scope | undefined, text: string, pos: number): ReadonlyArray<NameVariant> {
  if (!scope || pos >= text.length) return NONE;
  const candidates = scope.byFirst.get(text[pos]!);
  if (!candidates) return NONE;
  let out: Array<NameVariant> | null = null;
  for (const c of candidates) {
    const len = c.name.length;
    if (len < 2 || !text.startsWith(c.name, pos)) continue;
    // a short form (吉林, 通化) must not be the head of a longer name (朝阳区 is not 朝阳 + 区…)
    if (!LEVEL_CHARS.has(c.name[len - 1]!) && LEVEL_CHARS.has(text[pos + len] ?? '')) continue;
    (out ??= []).push(c);
  }
  return out ?? NONE;
}

const NONE: ReadonlyArray<NameVariant> = [];
/** The "level not present" choice tried after every match of a level. */
const ABSENT: ReadonlyArray<string | null> = [null];

const LEVEL_CHARS = new Set(['省', '市', '区', '县', '旗', '州', '盟']);
const LEADING = /^(?:中华人民共和国|中国)/;
const SPACE = /\s+/g;

/**
 * Parse the division part of an address.
 * @param text a Chinese postal address; spaces are ignored, a leading 中国 is skipped
 * @returns divisionCode and names of the levels read (null for a level not present or a
 *   placeholder such as a municipality's 市辖区) and the detail after them; null when no
 *   division name starts the address.
 * @example parseAddress('湖南省邵阳县长乐乡中心街9号') // { divisionCode: '430523', province: '湖南省', prefecture: '邵阳市', county: '邵阳县', detail: '长乐乡中心街9号' }
 */
export function parseAddress(text: string): ParsedAddress | null {
  const idx = addressIndex();
  const s = text.replace(SPACE, '').replace(LEADING, '');
  // Every reading (province?, prefecture?, county?) is tried; the one that consumes most text,
  // then has most levels, wins (the first found among equals). Only the winner's names and
  // codes are built.
  let bestConsumed = -1;
  let bestLevels = 0;
  let bestDeepest: string | null = null;
  let bestCounty: string | null = null;
  const allPrefectures = idx.prefecturesOf.get('')!.byName;
  const allCounties = idx.countiesOf.get('')!.byName;
  const provinces = matchesAt(idx.provinces, s, 0);
  for (let pi = 0; pi <= provinces.length; pi++) {
    const pm = provinces[pi];
    const pLen = pm ? pm.name.length : 0;
    for (const pCode of pm ? pm.codes : ABSENT) {
      const prefectures = matchesAt(idx.prefecturesOf.get(pCode ?? ''), s, pLen);
      for (let fi = 0; fi <= prefectures.length; fi++) {
        const fm = prefectures[fi];
        const fLen = fm ? fm.name.length : 0;
        // without a province, a prefecture name shared by several prefectures says nothing
        if (!pCode && fm && (allPrefectures.get(fm.name)?.length ?? 0) > 1) continue;
        for (const fCode of fm ? fm.codes : ABSENT) {
          const pos = pLen + fLen;
          const counties = matchesAt(idx.countiesOf.get(fCode ?? pCode ?? ''), s, pos);
          for (let ci = 0; ci <= counties.length; ci++) {
            const cm = counties[ci];
            const cLen = cm ? cm.name.length : 0;
            if (!pCode && !fCode && cm && (allCounties.get(cm.name)?.length ?? 0) > 1) continue;
            for (const cCode of cm ? cm.codes : ABSENT) {
              const levels = (pCode ? 1 : 0) + (fCode ? 1 : 0) + (cCode ? 1 : 0);
              if (levels === 0) continue;
              const consumed = pos + cLen;
              if (consumed > bestConsumed || (consumed === bestConsumed && levels > bestLevels)) {
                bestConsumed = consumed;
                bestLevels = levels;
                bestDeepest = cCode ?? fCode ?? pCode;
                bestCounty = cCode;
              }
            }
          }
        }
      }
    }
  }
  if (bestDeepest === null) return null;
  const province = `${bestDeepest.slice(0, 2)}0000`;
  const prefecture = bestDeepest.endsWith('0000') ? null : `${bestDeepest.slice(0, 4)}00`;
  const name = (code: string | null) => (code ? idx.names.get(code) ?? null : null);
  const divisionCode = bestCounty ?? prefecture ?? province;
  return {
    divisionCode: divisionCode.endsWith('00') && !idx.names.has(divisionCode) ? province : divisionCode,
    province: name(province),
    prefecture: name(prefecture),
    county: name(bestCounty),
    detail: s.slice(bestConsumed),
  };
}
