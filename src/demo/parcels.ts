/**
 * The parcel stream: `generateParcels(options)` yields ParcelInput records in time order,
 * deterministically for a seed, at constant memory (the world is fixed-size; persons are
 * re-derived from their index; times come out sorted). Each parcel: courier by market share →
 * an outlet of that courier (weighted by express volume of its province) → a sender (a shop of
 * the outlet for 75%, else an individual living near it) → a receiver (12% in the same city,
 * 3% another sender, the rest anywhere by population) → an item of a realistic category (a
 * shop mostly sends what it sells; ≈0.05% prohibited descriptions) → at most one planted
 * real-name defect (≈2% overall, rates differing by courier). The ground truth of what was
 * planted fills `stream.truth` as the stream is read.
 */
import type { ParcelInput } from '../apps/parcels/types.ts';
import { AppError } from '../core/errors.ts';
import { DemoErrors } from './errors.ts';
import { localInstant, planDays, secondOfDay, sortedFractions } from './calendar.ts';
import { idWithTypo } from './idNumber.ts';
import { KIND, rngFor, type Person } from './persons.ts';
import type { Rng } from './prng.ts';
import { DEFECT_KINDS, emptyTruth, type DefectKind, type GroundTruth } from './truth.ts';
import { buildWorld, seedNumber, SHOP_SHARE, type World } from './world.ts';
import { byTime, type Plant, type PlantedParcel } from './plants/plant.ts';
import { plantRing } from './plants/ring.ts';
import { demoCouriers, waybillMaker } from './waybill.ts';

export interface GenerateOptions {
  /** Number of parcels. */
  readonly count: number;
  /** Seed (number, or text hashed to a number). */
  readonly seed: number | string;
  /** Days in the period, ending on `end` inclusive (default 90). */
  readonly days?: number;
  /** Last local day 'YYYY-MM-DD' (default '2026-11-29'). */
  readonly end?: string;
  /** How many courier companies, the largest first (default 20, at most 20). */
  readonly couriers?: number;
  /** Outlets (default 500). */
  readonly outlets?: number;
  /** Base rate of planted defects per parcel before courier factors (default 0.02). */
  readonly defectRate?: number;
  /**
   * Plant issue 3's imitation-gun ring and its decoys (plants/ring.ts) among the parcels
   * (default false). Their ≈8,400 parcels count within `count`, which must then be at least five
   * times as many (≈42,000), else DEMO_RING_TOO_SMALL.
   */
  readonly ring?: boolean;
}

/** A re-iterable, deterministic parcel stream; `truth` describes what has been generated so far. */
export interface ParcelStream extends Iterable<ParcelInput> {
  readonly world: World;
  readonly truth: GroundTruth;
  /** Planted structures (empty unless `ring`); their ground truth is complete after a full iteration. */
  readonly plants: readonly Plant[];
}

/** Shares of the four defect kinds within the defect rate. */
const DEFECT_MIX: Readonly<Record<DefectKind, number>> = { ID_MISSING: 0.3, ID_TYPO: 0.25, NOT_INSPECTED: 0.3, PHONE_TYPO: 0.15 };
const SAME_CITY = 0.12;
const TO_SENDER = 0.03;
const SHOP_OWN_CATEGORY = 0.85;

/**
 * Generate `count` parcels. Iterating the result twice yields the same records (and rebuilds
 * `truth`). Throws AppError DEMO_COUNT_INVALID, DEMO_COURIERS_INVALID, DEMO_OUTLETS_INVALID,
 * DEMO_PERIOD_INVALID or DEMO_RING_TOO_SMALL on options that cannot make a data set.
 * @example for (const p of generateParcels({ count: 1000, seed: 42 })) console.log(p.waybillNo)
 */
export function generateParcels(options: GenerateOptions): ParcelStream {
  const seed = seedNumber(options.seed);
  const days = options.days ?? 90;
  const end = options.end ?? '2026-11-29';
  const couriers = demoCouriers(options.couriers ?? 20);
  const outletCount = options.outlets ?? 500;
  if (!(options.count >= 0) || !Number.isInteger(options.count)) throw new AppError(DemoErrors.DEMO_COUNT_INVALID, { value: String(options.count) });
  const world = buildWorld({ seed, count: options.count, end, couriers, outlets: outletCount });
  const truthOptions = { count: options.count, days, end, couriers: couriers.length, outlets: outletCount };
  const plants = options.ring ? [plantRing(world, days)] : [];
  const planted = plants.flatMap((p) => p.parcels).sort(byTime);
  if (planted.length * 5 > options.count) throw new AppError(DemoErrors.DEMO_RING_TOO_SMALL, { planted: planted.length, needed: planted.length * 5, count: options.count });
  const stream = {
    world,
    plants,
    truth: emptyTruth(seed, truthOptions, couriers),
    *[Symbol.iterator](): Iterator<ParcelInput> {
      stream.truth = emptyTruth(seed, truthOptions, couriers);
      yield* parcels(world, options.count, days, end, options.defectRate ?? 0.02, stream.truth, planted, plants);
    },
  };
  return stream;
}

function* parcels(w: World, count: number, days: number, end: string, defectRate: number, truth: GroundTruth, planted: readonly PlantedParcel[], plants: readonly Plant[]): Generator<ParcelInput> {
  const rng = rngFor(w.seed, KIND.stream, 0);
  const ref = w.ref;
  const waybill = waybillMaker(w.seed, w.couriers);
  const rates = defectRates(w, defectRate);
  truth.senders.shopCount = w.shopCount;
  truth.senders.individualPool = w.individualsPerOutlet * w.outlets.length;
  const individuals = w.individualsPerOutlet * w.outlets.length;
  const courierIndex = new Map(w.couriers.map((c, i) => [c, i]));
  const owner = new Map(plants.flatMap((pl) => pl.parcels.map((p) => [p, pl] as const)));
  let next = 0;
  const emitPlanted = (day: string): ParcelInput => {
    const pp = planted[next++]!;
    const p = plantedParcel(pp, day, courierIndex, waybill, rng);
    truth.byCourier[p.courier]!.total++;
    truth.total++;
    truth.daily[day]!++;
    truth.planted++;
    owner.get(pp)!.emitted(pp, p.courier, p.waybillNo);
    if (pp.prohibited) truth.prohibited.push({ courier: p.courier, waybillNo: p.waybillNo, itemName: p.itemName, category: pp.prohibited });
    return p;
  };
  let dayIndex = 0;
  for (const { day, count: n } of planDays(count - planted.length, days, end)) {
    truth.daily[day] = n;
    for (const t of sortedFractions(rng, n)) {
      const second = secondOfDay(t);
      while (next < planted.length && (planted[next]!.dayIndex < dayIndex || (planted[next]!.dayIndex === dayIndex && planted[next]!.second <= second))) yield emitPlanted(day);
      const c = w.courierTable.draw(rng);
      const courier = w.couriers[c]!;
      const outlet = w.outletsByCourier[c]![w.outletTables[c]!.draw(rng)]!;
      const shops = w.shopsByOutlet[outlet.index]!;
      let sender: Person;
      let category: number;
      if (shops.length && rng.chance(SHOP_SHARE)) {
        const shop = shops[w.shopTables[outlet.index]!.draw(rng)]!;
        sender = shop.person;
        category = rng.chance(SHOP_OWN_CATEGORY) ? shop.category : ref.categoryTable.draw(rng);
        truth.senders.shops++;
      } else {
        sender = w.individual(rng.int(w.individualsPerOutlet) * w.outlets.length + outlet.index);
        category = ref.categoryTable.draw(rng);
        truth.senders.individuals++;
      }
      const u = rng.float();
      const receiver = u < TO_SENDER ? w.individual(rng.int(individuals))
        : u < TO_SENDER + SAME_CITY ? w.localReceiver(outlet.county.cityCode, rng.int(w.localPerCity))
        : w.receiver(rng.int(w.receivers));
      const cat = ref.categories[category]!;
      let itemName = cat.items[rng.int(cat.items.length)]!;
      let itemNature = cat.nature;
      let prohibited: string | null = null;
      if (rng.chance(ref.prohibitedShare)) {
        const g = ref.prohibited[rng.int(ref.prohibited.length)]!;
        itemName = g.items[rng.int(g.items.length)]!;
        itemNature = g.nature;
        prohibited = g.category;
      }
      const quantity = 1 + rng.int(cat.maxQuantity);
      const grams = cat.grams[0] + rng.int(cat.grams[1] - cat.grams[0]);
      const waybillNo = waybill(c);
      const p: { -readonly [K in keyof ParcelInput]: ParcelInput[K] } = {
        courier, waybillNo,
        senderName: sender.name, senderIdType: 'resident', senderIdNumber: sender.idNumber, senderPhone: sender.phone, senderAddress: sender.address,
        receiverName: receiver.name, receiverPhone: receiver.phone, receiverAddress: receiver.address,
        itemName, itemNature, itemQuantity: quantity, weightGrams: grams * quantity,
        outlet: outlet.code, clerk: `${outlet.code}-${String(1 + rng.int(outlet.clerks)).padStart(2, '0')}`,
        acceptedAt: localInstant(day, second), inspected: true,
      };
      const ct = truth.byCourier[courier]!;
      ct.total++;
      truth.total++;
      const defect = pickDefect(rng, rates[c]!);
      if (defect) plantDefect(p, defect, rng, truth);
      if (prohibited) truth.prohibited.push({ courier, waybillNo, itemName, category: prohibited });
      yield p;
    }
    while (next < planted.length && planted[next]!.dayIndex <= dayIndex) yield emitPlanted(day);
    dayIndex++;
  }
}

/** A planted parcel as a ParcelInput: the courier of the sender's outlet, the next waybill of that courier. */
function plantedParcel(pp: PlantedParcel, day: string, courierIndex: ReadonlyMap<string, number>, waybill: (c: number) => string, rng: Rng): ParcelInput {
  const o = pp.outlet;
  return {
    courier: o.courier, waybillNo: waybill(courierIndex.get(o.courier)!),
    senderName: pp.from.name, senderIdType: 'resident', senderIdNumber: pp.from.idNumber, senderPhone: pp.from.phone, senderAddress: pp.from.address,
    receiverName: pp.to.name, receiverPhone: pp.to.phone, receiverAddress: pp.to.address,
    itemName: pp.itemName, itemNature: pp.itemNature, itemQuantity: pp.quantity, weightGrams: pp.grams,
    outlet: o.code, clerk: `${o.code}-${String(1 + rng.int(o.clerks)).padStart(2, '0')}`,
    acceptedAt: localInstant(day, pp.second), inspected: true,
  };
}

/** Per courier: cumulative probabilities of the four kinds, scaled so the overall rate is `base`. */
function defectRates(w: World, base: number): Float64Array[] {
  const shares = w.couriers.map((c) => w.ref.courierShares[c] ?? 0.3);
  const factors = w.couriers.map((c) => w.ref.courierDefectFactors[c] ?? 1);
  const total = shares.reduce((s, x) => s + x, 0);
  const mean = shares.reduce((s, x, i) => s + (x / total) * factors[i]!, 0);
  return factors.map((f) => {
    const r = (base * f) / mean;
    let acc = 0;
    return Float64Array.from(DEFECT_KINDS.map((k) => (acc += r * DEFECT_MIX[k])));
  });
}

function pickDefect(rng: Rng, cumulative: Float64Array): DefectKind | null {
  const u = rng.float();
  for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]!) return DEFECT_KINDS[i]!;
  return null;
}

function plantDefect(p: { -readonly [K in keyof ParcelInput]: ParcelInput[K] }, kind: DefectKind, rng: Rng, truth: GroundTruth): void {
  let field: 'senderIdNumber' | 'senderPhone' | 'receiverPhone' | 'inspected';
  if (kind === 'ID_MISSING') {
    p.senderIdNumber = '';
    field = 'senderIdNumber';
  } else if (kind === 'ID_TYPO') {
    p.senderIdNumber = idWithTypo(p.senderIdNumber, (n) => rng.int(n));
    field = 'senderIdNumber';
  } else if (kind === 'NOT_INSPECTED') {
    p.inspected = false;
    field = 'inspected';
  } else {
    // A dropped digit: 10 digits is never a valid mobile. Landlines (shops) keep theirs and
    // the receiver's mobile takes the typo instead.
    field = p.senderPhone.length === 11 && p.senderPhone[0] === '1' ? 'senderPhone' : 'receiverPhone';
    const v = p[field];
    const pos = 3 + rng.int(8);
    p[field] = v.slice(0, pos) + v.slice(pos + 1);
  }
  truth.byCourier[p.courier]!.defects[kind]++;
  truth.defects[kind]++;
  truth.defectParcels.push({ courier: p.courier, waybillNo: p.waybillNo, kind, field });
}
