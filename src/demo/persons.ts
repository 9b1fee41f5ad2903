/**
 * Generated persons, each re-derivable from (seed, kind, index) so that the generator keeps no
 * per-person state: name (surname by 2020 frequency, given-name characters by sex), resident ID
 * number (GB 11643: division code in force in the birth year, birth date from the census age
 * pyramid, sequence code whose parity is the sex, MOD 11-2 check), mobile number (real number
 * blocks by operator share; the eight subscriber digits are a bijection of a global person
 * number, so two persons never share a phone) and a street address built from real division,
 * street and town names.
 */
import { idCheckChar } from './idNumber.ts';
import { mix32, Rng } from './prng.ts';
import type { County, Reference } from './reference.ts';

export type Sex = 'male' | 'female';

export interface Person {
  readonly name: string;
  readonly sex: Sex;
  /** 18 characters, valid; '' for persons generated without an ID (receivers). */
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  /** County of the address. */
  readonly county: County;
}

/** The birth facts behind an ID number (kept apart so that uniqueness can be checked cheaply). */
export interface IdFacts {
  readonly divisionCode: string;
  /** 'YYYYMMDD' */
  readonly birth: string;
  /** 0–999, odd = male. */
  sequence: number;
}

/** Ranges of the global person number (phone uniqueness): one block per kind of person. */
export const PERSON_NUMBER = {
  individual: 0, // < 10,000,000
  receiver: 10_000_000, // < 50,000,000
  local: 50_000_000, // + cityIndex * 100,000 + j
  shop: 99_000_000, // < 99,500,000
  plant: 99_500_000, // planted structures (rings, decoys)
} as const;

const PHONE_MUL_HI = 7919;
const PHONE_MUL_LO = 3571; // multiplier 79193571: odd and not a multiple of 5 → bijective mod 1e8

/**
 * The 8 subscriber digits of a person's mobile: (a·n + b) mod 10^8 with a = 79193571, coprime
 * to 10^8, so distinct person numbers below 10^8 give distinct digits. `b` comes from the seed.
 */
export function subscriberDigits(personNumber: number, seed: number): string {
  const hi = (PHONE_MUL_HI * personNumber) % 1e8;
  const v = (hi * 1e4 + PHONE_MUL_LO * personNumber + (seed % 1e8)) % 1e8;
  return String(v).padStart(8, '0');
}

const DAY_MS = 86_400_000;
const ymdCache = new Map<number, string>();

/** 'YYYYMMDD' of a day number (days since 1970-01-01 UTC), cached (a few tens of thousands of days). */
function ymdOfDay(day: number): string {
  let s = ymdCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
    ymdCache.set(day, s);
  }
  return s;
}

/**
 * One birth date and ID division for a person aged 18–75 at `endMs`: the age from the census
 * pyramid (Reference.ageTable), the day uniform within that year of age, the division code
 * among the province's county codes in force in the birth year.
 */
export function drawIdFacts(rng: Rng, ref: Reference, provinceIndex: number, sex: Sex, endMs: number, endYear: number): IdFacts {
  const age = 18 + ref.ageTable(endYear).draw(rng);
  const day = Math.floor(endMs / DAY_MS) - Math.round(age * 365.2425) - rng.int(365);
  const birth = ymdOfDay(day);
  const codes = ref.idDivisions(provinceIndex, Number(birth.slice(0, 4)));
  const divisionCode = codes[rng.int(codes.length)]!;
  return { divisionCode, birth, sequence: rng.int(500) * 2 + (sex === 'male' ? 1 : 0) };
}

/** A number fitting in 2^53 that identifies division + birth date + sequence (for duplicate checks). */
export function idKey(f: IdFacts): number {
  return (Number(f.divisionCode) * 1_000_000 + Number(f.birth.slice(2))) * 1000 + f.sequence;
}

/** The ID number of the facts (GB 11643 with its check character). */
export function idOf(f: IdFacts): string {
  const body = f.divisionCode + f.birth + String(f.sequence).padStart(3, '0');
  return body + idCheckChar(body);
}

/** A Chinese name of the given sex: a surname by frequency and one or two given-name characters. */
export function drawName(rng: Rng, ref: Reference, sex: Sex): string {
  const chars = sex === 'male' ? ref.maleChars : ref.femaleChars;
  const surname = ref.surnames[ref.surnameTable.draw(rng)]!;
  const first = chars[rng.int(chars.length)]!;
  if (rng.chance(ref.oneCharShare)) return surname + first;
  return surname + first + chars[rng.int(chars.length)]!;
}

/** A mobile number: a real block by operator share + the person's unique subscriber digits. */
export function drawPhone(rng: Rng, ref: Reference, personNumber: number, seed: number): string {
  return ref.phoneBlocks[ref.phoneBlockTable.draw(rng)]! + subscriberDigits(personNumber, seed);
}

interface AddressParts {
  readonly roads: readonly string[];
  readonly numbers: readonly string[];
  readonly compounds: readonly string[];
  readonly buildings: readonly string[];
  readonly rooms: readonly string[];
}

const addressParts = new WeakMap<Reference, AddressParts>();

/** Road names, house numbers, compounds, buildings and rooms, built once per reference (≈3,000 strings). */
function partsOf(ref: Reference): AddressParts {
  let p = addressParts.get(ref);
  if (p) return p;
  const roads = ref.roadWords.flatMap((w) => ref.roadSuffixes.map((s) => w + s));
  const numbers = Array.from({ length: 399 }, (_, i) => `${i + 1}号`);
  const compounds = ref.compoundWords.flatMap((w) => ref.compoundSuffixes.map((s) => w + s));
  const buildings = Array.from({ length: 120 }, (_, i) => `${(i >> 2) + 1}栋${(i & 3) + 1}单元`);
  const rooms = Array.from({ length: 112 }, (_, i) => `${(i >> 2) + 1}0${(i & 3) + 1}室`);
  p = { roads, numbers, compounds, buildings, rooms };
  addressParts.set(ref, p);
  return p;
}

/**
 * A street address in a county: province + city + county + street/town (real names) + road +
 * number, and for 60% a residential compound with building and room numbers.
 * e.g. '浙江省杭州市西湖区北山街道文化路128号翠苑小区3栋2单元502室'.
 */
export function drawAddress(rng: Rng, ref: Reference, county: County): string {
  const p = partsOf(ref);
  const base = county.prefix + county.streets[rng.int(county.streets.length)]! + p.roads[rng.int(p.roads.length)]! + p.numbers[rng.int(p.numbers.length)]!;
  if (rng.float() >= 0.6) return base;
  return base + p.compounds[rng.int(p.compounds.length)]! + p.buildings[rng.int(p.buildings.length)]! + p.rooms[rng.int(p.rooms.length)]!;
}

/** A fresh Rng for one object: the seed, a kind tag and up to two indexes. */
export function rngFor(seed: number, kind: number, a: number, b = 0): Rng {
  return new Rng(seed, kind, a, mix32(b, kind));
}

/** Kind tags for `rngFor`: never reuse a number for a different purpose (it would correlate objects). */
export const KIND = {
  individual: 1,
  receiver: 2,
  local: 3,
  shop: 4,
  outlet: 5,
  stream: 6,
  export: 7,
  plant: 8,
  typo: 9,
} as const;
