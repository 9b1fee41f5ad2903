/**
 * Issue 3's planted ring: a network making and selling imitation guns, modelled on the case the
 * leads application is built for — 7 workshops → 18 sellers → 126 middlemen → 2,100 buyers in
 * all 31 provinces — whose parcels describe the goods in disguise (五金配件, 玩具配件, 模型摆件 …;
 * about 3% slip and name them: 枪管, 玩具枪配件, 钢珠 …), hidden among ordinary parcels. Two
 * decoys that a careless analysis would confuse with it: a legitimate toy wholesaler in 汕头
 * with a similar four-level fan-out (1 → 16 → 110 → 1,800, toys only, including the false
 * friend 水枪玩具) and a busy family mailing food to relatives in many provinces.
 * The ground truth (members with roles and provinces, links, parcels, decoys) is returned by
 * `truth()` and written by generateDemo to `<dataDir>/demo/ground-truth-ring.json`.
 */
import { AppError } from '../../core/errors.ts';
import { DemoErrors } from '../errors.ts';
import { drawAddress, drawIdFacts, drawName, drawPhone, idOf, KIND, PERSON_NUMBER, rngFor, type Person, type Sex } from '../persons.ts';
import type { Rng } from '../prng.ts';
import type { County } from '../reference.ts';
import { secondOfDay } from '../calendar.ts';
import type { Outlet, World } from '../world.ts';
import { byTime, memberOf, type Plant, type PlantMember, type PlantedParcel } from './plant.ts';

/** Sizes of the four levels (defaults: the case's 7 / 18 / 120+ / 2,000+). */
export interface RingSizes {
  readonly workshops: number;
  readonly sellers: number;
  readonly middlemen: number;
  readonly buyers: number;
}

/** The case's sizes: 7 workshops, 18 sellers, 126 middlemen (120+), 2,100 buyers (2,000+). */
export const RING_SIZES: RingSizes = { workshops: 7, sellers: 18, middlemen: 126, buyers: 2100 };
const TOY_SIZES: RingSizes = { workshops: 1, sellers: 16, middlemen: 110, buyers: 1800 };

/** Item descriptions per level of the flow: [disguised, revealing]. */
const RING_ITEMS = [
  [['五金配件', '金属管件', '模具零件', '机加工件', '精密钢管', '弹簧配件'], ['枪管', '击针']],
  [['玩具配件', '模型配件', '五金零件', '户外用品', '金属工艺品'], ['玩具枪配件', '仿真枪']],
  [['玩具模型', '模型摆件', '户外装备', '工艺品', '运动器材'], ['钢珠', '合金枪模型']],
] as const;
const TOY_ITEMS = ['积木', '毛绒玩具', '遥控汽车', '拼图', '水枪玩具', '益智玩具', '玩具车'] as const;
const FAMILY_ITEMS = ['腊肉', '香肠', '月饼礼盒', '茶叶', '土特产', '笋干'] as const;
const REVEAL = 0.03;
/** Category (src/apps/parcels/prohibited-items.yaml) of each revealing description. */
const REVEALED: Readonly<Record<string, string>> = { 枪管: 'firearms', 击针: 'firearms', 玩具枪配件: 'firearms', 仿真枪: 'firearms', 合金枪模型: 'firearms', 钢珠: 'ammunition' };

interface Member {
  readonly key: string;
  readonly role: string;
  readonly person: Person;
  readonly outlet: Outlet | null;
}

interface Link {
  readonly from: Member;
  readonly to: Member;
  parcels: number;
}

interface Builder {
  readonly world: World;
  readonly rng: Rng;
  readonly days: number;
  next: number;
  readonly parcels: PlantedParcel[];
}

/** Plant the ring and its two decoys. Throws AppError DEMO_PERIOD_INVALID for a period shorter than 30 days. */
export function plantRing(world: World, days: number, sizes: RingSizes = RING_SIZES): Plant {
  if (days < 30) throw new AppError(DemoErrors.DEMO_PERIOD_INVALID, { days, end: 'ring: at least 30 days' });
  const b: Builder = { world, rng: rngFor(world.seed, KIND.plant, 1), days, next: 0, parcels: [] };
  const ref = world.ref;
  const gd = ref.provinceByCode.get('44')!.index;
  const zj = ref.provinceByCode.get('33')!.index;
  const fj = ref.provinceByCode.get('35')!.index;
  const ring = tree(b, sizes, ['workshop', 'seller', 'middleman', 'buyer'], ['W', 'S', 'M', 'B'], [gd, gd, gd, gd, zj, zj, fj], (level) => {
    const [plain, reveal] = RING_ITEMS[level]!;
    return b.rng.chance(REVEAL) ? b.rng.pick(reveal) : b.rng.pick(plain);
  });
  const shantou = ref.counties.find((c) => c.code === '440515') ?? ref.countiesByProvince[gd]![0]!;
  const toy = tree(b, TOY_SIZES, ['wholesaler', 'distributor', 'retailer', 'customer'], ['TW', 'TD', 'TR', 'TC'], [gd], () => b.rng.pick(TOY_ITEMS), shantou);
  const family = familyPlant(b);
  b.parcels.sort(byTime);
  const shipped: Array<{ courier: string; waybillNo: string; from: string; to: string; itemName: string }> = [];
  const ringKeys = new Set(ring.members.map((m) => m.key));
  return {
    name: 'ring',
    parcels: b.parcels,
    emitted(p, courier, waybillNo) {
      if (ringKeys.has(p.fromKey)) shipped.push({ courier, waybillNo, from: p.fromKey, to: p.toKey, itemName: p.itemName });
    },
    truth() {
      const members = ring.members.map((m) => memberOf(m.key, m.role, m.person));
      return {
        generator: 'gongzhi-demo/1',
        seed: world.seed,
        sizes: countRoles(members),
        provinces: [...new Set(members.map((m) => m.province))].sort(),
        members,
        links: ring.links.map((l) => ({ from: l.from.key, to: l.to.key, parcels: l.parcels })),
        parcels: shipped,
        decoys: {
          toyWholesaler: { description: 'legitimate toy wholesaler in 汕头澄海 with a similar fan-out (toys only)', sizes: countRoles(toy.members.map((m) => memberOf(m.key, m.role, m.person))), members: toy.members.map((m) => memberOf(m.key, m.role, m.person)) },
          family: { description: 'a family mailing food to relatives in many provinces', members: family.map((m) => memberOf(m.key, m.role, m.person)) },
        },
        decoyIds: [...toy.members, ...family].map((m) => m.key),
      };
    },
  };
}

function countRoles(members: readonly PlantMember[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of members) out[m.role] = (out[m.role] ?? 0) + 1;
  return out;
}

/**
 * A four-level distribution tree: level-0 members in the given provinces, sellers and
 * middlemen by population, the last level first one per province (all 31) then by population.
 * Links: each level-1 member from 1–2 of level 0, level 2 from 1–2 of level 1, each leaf from
 * 1–2 of level 2, every upper member with at least one customer. Parcels: 8–20 per top link,
 * 2–8 per middle link, 1–2 per leaf link, later levels later in the period.
 */
function tree(b: Builder, sizes: RingSizes, roles: readonly string[], prefixes: readonly string[], topProvinces: readonly number[], item: (level: number) => string, topCounty?: County): { members: Member[]; links: Link[] } {
  const counts = [sizes.workshops, sizes.sellers, sizes.middlemen, sizes.buyers];
  const levels: Member[][] = counts.map((n, level) => {
    const list: Member[] = [];
    for (let i = 0; i < n; i++) {
      const province = level === 0 ? topProvinces[i % topProvinces.length]! : level === 3 && i < 31 ? i : b.world.ref.provinceByPopulation.draw(b.rng);
      const key = `${prefixes[level]}${String(i + 1).padStart(level === 3 ? 4 : level === 2 ? 3 : 2, '0')}`;
      list.push(member(b, key, roles[level]!, province, level < 3, level === 0 ? topCounty : undefined));
    }
    return list;
  });
  const links: Link[] = [];
  const per = [[8, 20], [2, 8], [1, 2]] as const;
  for (let level = 1; level < 4; level++) {
    const up = levels[level - 1]!;
    levels[level]!.forEach((m, i) => {
      const first = i < up.length ? up[i]! : b.rng.pick(up);
      const suppliers = [first];
      if (b.rng.chance(level === 1 ? 0.3 : 0.1)) {
        const second = b.rng.pick(up);
        if (second !== first) suppliers.push(second);
      }
      for (const s of suppliers) {
        const [lo, hi] = per[level - 1]!;
        const link: Link = { from: s, to: m, parcels: lo + b.rng.int(hi - lo + 1) };
        links.push(link);
        for (let k = 0; k < link.parcels; k++) ship(b, link, level, item(level - 1));
      }
    });
  }
  return { members: levels.flat(), links };
}

function familyPlant(b: Builder): Member[] {
  const ref = b.world.ref;
  const home = ref.provinceByCode.get('51')!.index;
  const first = member(b, 'F1', 'family', home, true);
  const family: Member[] = [first];
  for (const key of ['F2', 'F3']) family.push(member(b, key, 'family', home, true, first.person.county, first.person.address));
  const relatives: Member[] = [];
  for (let i = 0; i < 60; i++) relatives.push(member(b, `FR${String(i + 1).padStart(2, '0')}`, 'relative', i < 25 ? (i + 3) % 31 : ref.provinceByPopulation.draw(b.rng), false));
  for (const r of relatives) {
    const link: Link = { from: b.rng.pick(family), to: r, parcels: 2 + b.rng.int(2) };
    for (let k = 0; k < link.parcels; k++) ship(b, link, 3, b.rng.pick(FAMILY_ITEMS));
  }
  return [...family, ...relatives];
}

/** A planted person: senders get an ID number (unique among all generated persons) and a local outlet. */
function member(b: Builder, key: string, role: string, province: number, sends: boolean, county?: County, address?: string): Member {
  const w = b.world;
  const rng = b.rng;
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  const local = w.outlets.filter((o) => o.county.province.index === province);
  const outlet = sends ? (county ? (w.outlets.find((o) => o.county.cityCode === county.cityCode) ?? rng.pick(local.length ? local : w.outlets)) : rng.pick(local.length ? local : w.outlets)) : null;
  const counties = w.ref.countiesByProvince[province]!;
  const home = county ?? (outlet && outlet.county.province.index === province ? outlet.county : counties[rng.int(counties.length)]!);
  let idNumber = '';
  if (sends) {
    const facts = drawIdFacts(rng, w.ref, rng.chance(0.7) ? province : w.ref.provinceByPopulation.draw(rng), sex, w.endMs, w.endYear);
    w.reserveId(facts);
    idNumber = idOf(facts);
  }
  const person: Person = { name: drawName(rng, w.ref, sex), sex, idNumber, phone: drawPhone(rng, w.ref, PERSON_NUMBER.plant + b.next++, w.seed), address: address ?? drawAddress(rng, w.ref, home), county: home };
  return { key, role, person, outlet };
}

/** One parcel along a link; level 1 early in the period, level 3 late. */
function ship(b: Builder, link: Link, level: number, itemName: string): void {
  const span = b.days - 20;
  const dayIndex = Math.min(b.days - 1, (level - 1) * 5 + b.rng.int(span));
  const toys = (TOY_ITEMS as readonly string[]).includes(itemName);
  b.parcels.push({
    dayIndex, second: secondOfDay(b.rng.float()), from: link.from.person, to: link.to.person, fromKey: link.from.key, toKey: link.to.key,
    outlet: link.from.outlet!, itemName, itemNature: (FAMILY_ITEMS as readonly string[]).includes(itemName) ? 'food' : 'goods',
    quantity: 1 + b.rng.int(toys ? 20 : 5), grams: 300 + b.rng.int(level === 1 ? 15_000 : 3000), prohibited: REVEALED[itemName] ?? null,
  });
}
