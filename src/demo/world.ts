/**
 * The fixed cast of a demo data set, built once per (seed, options) and small whatever the
 * parcel count: courier companies with market shares, outlets spread over counties by express
 * volume, shops (frequent senders) attached to outlets, and the index spaces of individual
 * senders and receivers, whose persons are re-derived on demand (persons.ts). ID numbers of
 * all senders are made unique here: two generated persons never share an ID number unless a
 * planted structure says so.
 */
import { AppError } from '../core/errors.ts';
import { DemoErrors } from './errors.ts';
import { AliasTable, hashString } from './prng.ts';
import { drawAddress, drawIdFacts, drawName, drawPhone, idKey, idOf, KIND, PERSON_NUMBER, rngFor, type IdFacts, type Person, type Sex } from './persons.ts';
import { reference, type County, type Reference } from './reference.ts';

export interface Outlet {
  readonly index: number;
  /** 网点编码, e.g. 'ZTO33010603'. */
  readonly code: string;
  readonly courier: string;
  readonly county: County;
  readonly clerks: number;
}

export interface Shop {
  readonly index: number;
  readonly outlet: Outlet;
  readonly person: Person;
  /** Index into Reference.categories: what the shop sells. */
  readonly category: number;
}

export interface WorldOptions {
  readonly seed: number;
  readonly count: number;
  /** Last day of the parcels 'YYYY-MM-DD' (local). */
  readonly end: string;
  readonly couriers: readonly string[];
  readonly outlets: number;
}

export interface World {
  readonly ref: Reference;
  readonly seed: number;
  readonly endMs: number;
  readonly endYear: number;
  readonly couriers: readonly string[];
  readonly courierTable: AliasTable;
  readonly outlets: readonly Outlet[];
  readonly outletsByCourier: readonly (readonly Outlet[])[];
  readonly outletTables: readonly AliasTable[];
  readonly shopsByOutlet: readonly (readonly Shop[])[];
  readonly shopTables: readonly (AliasTable | null)[];
  readonly shopCount: number;
  /** Individual senders per outlet; individual (outlet o, j) has index j·outlets + o. */
  readonly individualsPerOutlet: number;
  readonly receivers: number;
  readonly localPerCity: number;
  readonly cityIndex: ReadonlyMap<string, number>;
  /** Sequence codes replaced to keep ID numbers unique: individual index → sequence. */
  readonly idOverrides: ReadonlyMap<number, number>;
  /**
   * Give planted persons (rings, decoys) an ID number no other generated person has: bumps the
   * sequence code (same sex) until the number is free, and reserves it. Mutates `facts`.
   */
  reserveId(facts: IdFacts): void;
  individual(index: number): Person;
  receiver(index: number): Person;
  localReceiver(cityCode: string, j: number): Person;
}

/** Share of a courier's parcels sent by shops (the rest by individuals at the counter). */
export const SHOP_SHARE = 0.75;

/** Build the world. Throws AppError DEMO_OUTLETS_INVALID when there are fewer outlets than couriers. */
export function buildWorld(o: WorldOptions): World {
  const ref = reference();
  if (!Number.isInteger(o.outlets) || o.outlets < o.couriers.length) throw new AppError(DemoErrors.DEMO_OUTLETS_INVALID, { outlets: o.outlets, couriers: o.couriers.length });
  const endMs = Date.parse(`${o.end}T00:00:00Z`);
  const endYear = new Date(endMs).getUTCFullYear();
  const shares = o.couriers.map((c) => ref.courierShares[c] ?? 0.3);
  const outlets = placeOutlets(ref, o, shares);
  const outletsByCourier = o.couriers.map((c) => outlets.filter((x) => x.courier === c));
  const outletTables = outletsByCourier.map((list) => new AliasTable(list.map((x) => outletWeight(ref, x, o.seed, outlets))));
  const shopsByOutlet: Shop[][] = [];
  let shopCount = 0;
  for (const outlet of outlets) {
    const rng = rngFor(o.seed, KIND.outlet, outlet.index, 1);
    const n = 1 + rng.int(9);
    const list: Shop[] = [];
    for (let k = 0; k < n; k++) list.push(makeShop(ref, o.seed, shopCount++, outlet, endMs, endYear));
    shopsByOutlet.push(list);
  }
  const shopTables = shopsByOutlet.map((list) => (list.length ? new AliasTable(list.map((_, k) => 1 / Math.pow(k + 1, 0.9))) : null));
  const individualsPerOutlet = Math.max(20, Math.ceil((o.count * (1 - SHOP_SHARE)) / 2 / outlets.length));
  if (individualsPerOutlet * outlets.length > 10_000_000) throw new Error('too many individual senders for the phone number space');
  const cityIndex = new Map<string, number>();
  for (const c of ref.countiesByCity.keys()) cityIndex.set(c, cityIndex.size);
  const taken: TakenIds = { sorted: new Float64Array(0), extra: new Set() };
  const idOverrides = new Map<number, number>();
  const world: World = {
    ref, seed: o.seed, endMs, endYear, couriers: o.couriers, courierTable: new AliasTable(shares),
    outlets, outletsByCourier, outletTables, shopsByOutlet, shopTables, shopCount,
    individualsPerOutlet,
    receivers: Math.min(40_000_000, Math.max(1000, Math.round(o.count * 0.6))),
    localPerCity: Math.min(100_000, Math.max(100, Math.round(o.count * 0.01))),
    cityIndex,
    idOverrides,
    reserveId: (f) => reserveId(taken, f),
    individual: (i) => individual(world, i),
    receiver: (r) => receiver(world, r),
    localReceiver: (city, j) => localReceiver(world, city, j),
  };
  uniqueIds(world, taken, idOverrides);
  return world;
}

function placeOutlets(ref: Reference, o: WorldOptions, shares: readonly number[]): Outlet[] {
  const rng = rngFor(o.seed, KIND.outlet, 0, 0);
  const total = shares.reduce((s, x) => s + x, 0);
  // Outlets per courier by largest remainder, at least one each.
  const quota = shares.map((s) => 1 + ((o.outlets - shares.length) * s) / total);
  const counts = quota.map(Math.floor);
  let left = o.outlets - counts.reduce((s, x) => s + x, 0);
  for (const i of quota.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0]).map((x) => x[1])) if (left-- > 0) counts[i]!++;
  // Provinces: one outlet in each province when there are enough outlets, the rest by express volume.
  const byVolume = new AliasTable(ref.provinces.map((p) => p.expressVolume));
  const provinces: number[] = [];
  if (o.outlets >= ref.provinces.length * 2) for (const p of ref.provinces) provinces.push(p.index);
  while (provinces.length < o.outlets) provinces.push(byVolume.draw(rng));
  for (let i = provinces.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [provinces[i], provinces[j]] = [provinces[j]!, provinces[i]!];
  }
  const out: Outlet[] = [];
  const perCounty = new Map<string, number>();
  counts.forEach((n, c) => {
    for (let k = 0; k < n; k++) {
      const p = provinces[out.length]!;
      const counties = ref.countiesByProvince[p]!;
      const county = pickCounty(rng, counties);
      const code = o.couriers[c]!;
      const serial = (perCounty.get(code + county.code) ?? 0) + 1;
      perCounty.set(code + county.code, serial);
      out.push({ index: out.length, code: `${code}${county.code}${String(serial).padStart(2, '0')}`, courier: code, county, clerks: 3 + rng.int(10) });
    }
  });
  return out;
}

/** A county of a province, urban districts four times as likely (where the shops and outlets are). */
function pickCounty(rng: ReturnType<typeof rngFor>, counties: readonly County[]): County {
  for (;;) {
    const c = counties[rng.int(counties.length)]!;
    if (c.urban || rng.chance(0.25)) return c;
  }
}

function outletWeight(ref: Reference, outlet: Outlet, seed: number, all: readonly Outlet[]): number {
  const inProvince = all.filter((x) => x.county.province === outlet.county.province).length;
  const rng = rngFor(seed, KIND.outlet, outlet.index, 2);
  return (outlet.county.province.expressVolume / inProvince) * Math.exp(0.5 * rng.normal());
}

function makeShop(ref: Reference, seed: number, index: number, outlet: Outlet, endMs: number, endYear: number): Shop {
  const rng = rngFor(seed, KIND.shop, index);
  const province = rng.chance(0.8) ? outlet.county.province.index : ref.provinceByPopulation.draw(rng);
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  const facts = drawIdFacts(rng, ref, province, sex, endMs, endYear);
  const name = drawName(rng, ref, sex);
  const city = ref.cityCodes.get(outlet.county.cityCode);
  const phone = city && rng.chance(0.35) ? `${city[0]}-${2 + rng.int(7)}${String(rng.int(10_000_000)).padStart(7, '0')}` : drawPhone(rng, ref, PERSON_NUMBER.shop + index, seed);
  const person: Person = { name, sex, idNumber: idOf(facts), phone, address: drawAddress(rng, ref, outlet.county), county: outlet.county };
  return { index, outlet, person, category: ref.categoryTable.draw(rng) };
}

interface IndividualDraw {
  readonly rng: ReturnType<typeof rngFor>;
  readonly sex: Sex;
  readonly facts: IdFacts;
}

function individualFacts(w: World, index: number): IndividualDraw {
  const rng = rngFor(w.seed, KIND.individual, index);
  const outlet = w.outlets[index % w.outlets.length]!;
  const province = rng.chance(0.65) ? outlet.county.province.index : w.ref.provinceByPopulation.draw(rng);
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  return { rng, sex, facts: drawIdFacts(rng, w.ref, province, sex, w.endMs, w.endYear) };
}

/** Direct-mapped cache of recently derived individuals (fixed size: memory stays constant). */
const CACHE_BITS = 16;
const individualCache = new WeakMap<World, { keys: Int32Array; persons: (Person | undefined)[] }>();

function individual(w: World, index: number): Person {
  let cache = individualCache.get(w);
  if (!cache) individualCache.set(w, (cache = { keys: new Int32Array(1 << CACHE_BITS).fill(-1), persons: new Array(1 << CACHE_BITS) }));
  const slot = index & ((1 << CACHE_BITS) - 1);
  if (cache.keys[slot] === index) return cache.persons[slot]!;
  const person = deriveIndividual(w, index);
  cache.keys[slot] = index;
  cache.persons[slot] = person;
  return person;
}

function deriveIndividual(w: World, index: number): Person {
  const { rng, sex, facts } = individualFacts(w, index);
  const seq = w.idOverrides.get(index);
  if (seq !== undefined) facts.sequence = seq;
  const outlet = w.outlets[index % w.outlets.length]!;
  const name = drawName(rng, w.ref, sex);
  const phone = drawPhone(rng, w.ref, PERSON_NUMBER.individual + index, w.seed);
  const near = w.ref.countiesByCity.get(outlet.county.cityCode)!;
  const county = rng.chance(0.7) ? outlet.county : near[rng.int(near.length)]!;
  return { name, sex, idNumber: idOf(facts), phone, address: drawAddress(rng, w.ref, county), county };
}

function receiver(w: World, r: number): Person {
  const rng = rngFor(w.seed, KIND.receiver, r);
  const counties = w.ref.countiesByProvince[w.ref.provinceByPopulation.draw(rng)]!;
  const county = counties[rng.int(counties.length)]!;
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  return { name: drawName(rng, w.ref, sex), sex, idNumber: '', phone: drawPhone(rng, w.ref, PERSON_NUMBER.receiver + r, w.seed), address: drawAddress(rng, w.ref, county), county };
}

function localReceiver(w: World, cityCode: string, j: number): Person {
  const city = w.cityIndex.get(cityCode)!;
  const rng = rngFor(w.seed, KIND.local, city, j);
  const counties = w.ref.countiesByCity.get(cityCode)!;
  const county = counties[rng.int(counties.length)]!;
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  const number = PERSON_NUMBER.local + city * 100_000 + j;
  return { name: drawName(rng, w.ref, sex), sex, idNumber: '', phone: drawPhone(rng, w.ref, number, w.seed), address: drawAddress(rng, w.ref, county), county };
}

/**
 * Make every sender's ID number unique: collect the ID keys of shops and individuals, find
 * keys drawn twice, and give each later holder the next free sequence code of the same sex.
 * Shops keep theirs (they are built first); the individuals' replaced sequences go to `overrides`.
 */
interface TakenIds {
  /** ID keys of shops and individuals as drawn, sorted. */
  sorted: Float64Array;
  /** Keys assigned afterwards (replaced sequences, planted persons). */
  readonly extra: Set<number>;
}

function reserveId(taken: TakenIds, f: IdFacts): void {
  let key = idKey(f);
  while (taken.extra.has(key) || binaryHas(taken.sorted, key)) {
    f.sequence = (f.sequence + 2) % 1000;
    key = idKey(f);
  }
  taken.extra.add(key);
}

function uniqueIds(w: World, out: TakenIds, overrides: Map<number, number>): void {
  const n = w.individualsPerOutlet * w.outlets.length;
  const keys = new Float64Array(w.shopCount + n);
  let k = 0;
  for (const list of w.shopsByOutlet) for (const s of list) keys[k++] = idKeyOf(s.person.idNumber);
  for (let i = 0; i < n; i++) keys[k++] = idKey(individualFacts(w, i).facts);
  const sorted = Float64Array.from(keys).sort();
  out.sorted = sorted;
  const dup = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) dup.add(sorted[i]!);
  if (dup.size === 0) return;
  const taken = out.extra;
  for (let i = 0; i < w.shopCount; i++) if (dup.has(keys[i]!)) taken.add(keys[i]!);
  for (let i = 0; i < n; i++) {
    let key = keys[w.shopCount + i]!;
    if (!dup.has(key)) continue;
    const f = individualFacts(w, i).facts;
    if (!taken.has(key)) {
      taken.add(key);
      continue;
    }
    do {
      f.sequence = (f.sequence + 2) % 1000;
      key = idKey(f);
    } while (taken.has(key) || binaryHas(sorted, key));
    taken.add(key);
    overrides.set(i, f.sequence);
  }
}

function idKeyOf(id: string): number {
  return (Number(id.slice(0, 6)) * 1_000_000 + Number(id.slice(8, 14))) * 1000 + Number(id.slice(14, 17));
}

function binaryHas(sorted: Float64Array, key: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === key) return true;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A number for a text seed ('42' → 42, other text hashed), so the CLI accepts both. */
export function seedNumber(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  return /^\d+$/.test(seed) ? Number(seed) >>> 0 : hashString(seed);
}
