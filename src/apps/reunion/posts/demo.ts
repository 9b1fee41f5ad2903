/**
 * Seeded demo reunion posts at the scale of issue 4: 30,294 family posts (家寻宝贝) and 24,370
 * child posts (宝贝寻家) of which 3,000 are true pairs, drifted the way real pairs drift: a new
 * surname and given name after adoption (often only the 小名 kept, sometimes nothing), birth
 * date known only to the year or month on one side (and sometimes a year off), the place of loss
 * remembered as a county, a prefecture or only a province (rarely the wrong province), 5 to 30
 * years between the two posts, marks told in other words, dialect often missing, memories
 * overlapping only in part. Planted near-misses are family posts with the same sex, birth year
 * and county as a true family post but other names, marks and memories: they must not outrank
 * the true family post. Places are real GB/T 2260 county codes (src/core division table);
 * surnames follow the published shares in src/demo/data/surnames.json.
 *
 * The ground truth is returned beside the posts, never inside them; matching code must not read it.
 */
import { mulberry32 as rng } from '../../../core/random.ts';
import { divisionTable } from '../../../core/division/data.ts';
import { lookupDivision } from '../../../core/index.ts';
import surnamesData from '../../../demo/data/surnames.json' with { type: 'json' };
import givenData from '../../../demo/data/given-names.json' with { type: 'json' };
import { AppError } from '../../../core/errors.ts';
import { ReunionPostErrors } from './errors.ts';
import type { ChildSearchPost, FamilySearchPost, PartialDate, PostPlace } from './types.ts';

/** Sizes and seed of a demo set. */
export interface DemoOptions {
  readonly families?: number;
  readonly children?: number;
  readonly pairs?: number;
  /** Family posts planted as near-misses of true family posts (taken from the non-paired ones). */
  readonly nearMisses?: number;
  readonly seed?: number;
}

/** Ground truth of a demo set (for tests and benches only). */
export interface DemoTruth {
  /** familyOf[c] = index of the true family post of child post c, or -1. */
  readonly familyOf: Int32Array;
  /** [child index, true family index, near-miss family index]. */
  readonly nearMisses: readonly (readonly [number, number, number])[];
}

/** A demo set: posts and, separately, the truth. */
export interface DemoSet {
  readonly families: FamilySearchPost[];
  readonly children: ChildSearchPost[];
  readonly truth: DemoTruth;
}


const MALE = [...givenData.male];
const FEMALE = [...givenData.female];
const SURNAMES = surnamesData.surnames as [string, number][];
const SURNAME_CUM = (() => {
  const c: number[] = [];
  let s = 0;
  for (const [, w] of SURNAMES) c.push((s += w));
  return c.map((x) => x / s);
})();
const GENERIC_NICK = ['毛毛', '丫丫', '小宝', '豆豆', '乐乐', '妞妞', '壮壮', '狗蛋', '石头', '胖胖', '团团', '贝贝', '牛牛', '燕子', '小虎', '铁蛋'];
/** Mark locations and kinds, each as [family's words, child's words]. */
const MARK_PLACES: [string, string][] = [['左手臂', '左胳膊'], ['右手背', '右手的手背'], ['后脑勺', '头后面'], ['额头', '脑门'], ['右耳后', '右耳朵后面'], ['背上', '后背'], ['左腿', '左大腿'], ['脖子左侧', '左边脖子'], ['眉心', '两眉之间'], ['右脚踝', '右脚腕'], ['肚子上', '腹部'], ['左脸', '左边脸上'], ['右肩', '右肩膀'], ['下巴', '下巴颏']];
const MARK_KINDS: [string, string][] = [['有红色胎记', '一块红胎记'], ['有青色胎记', '有块青胎记'], ['有疤痕', '一道疤'], ['有黑痣', '一颗黑痣'], ['有烫伤疤', '烫伤的疤'], ['有个小坑', '一个小坑'], ['有白斑', '一块白斑']];
/** Landmarks as [family's words, child's words]. */
const LANDMARKS: [string, string][] = [['村口有棵大槐树', '村头一棵很大的槐树'], ['家门前有条小河', '门口有条河'], ['家附近有座石桥', '附近有石桥'], ['离家不远有个砖厂', '家旁边有砖厂'], ['院子里有口井', '院里有水井'], ['家里养了一条黄狗', '家里有条黄狗'], ['家后面是山', '屋后有山'], ['村里有座庙', '村子里有个庙'], ['家旁边有片竹林', '房子边上有竹林'], ['门口有个池塘', '家门口池塘'], ['附近有火车站', '离火车站很近'], ['家里开小卖部', '家里是开小卖部的'], ['住在学校旁边', '家挨着学校'], ['村边有个水库', '村旁边水库']];
const RELATIVES = ['爷爷', '奶奶', '姐姐', '哥哥', '舅舅', '姑姑'];
const DIALECT: Record<string, string> = { '11': '北京话', '12': '天津话', '13': '河北话', '14': '山西话', '15': '内蒙古话', '21': '东北话', '22': '东北话', '23': '东北话', '31': '上海话', '32': '江苏话', '33': '浙江话', '34': '安徽话', '35': '闽南话', '36': '江西话', '37': '山东话', '41': '河南话', '42': '湖北话', '43': '湖南话', '44': '粤语', '45': '广西话', '46': '海南话', '50': '重庆话', '51': '四川话', '52': '贵州话', '53': '云南话', '54': '藏语', '61': '陕西话', '62': '甘肃话', '63': '青海话', '64': '宁夏话', '65': '新疆话' };

interface County { readonly code: string; readonly province: string; readonly text: readonly string[] }
let countyCache: County[] | undefined;
/** Current county-level codes of the division table, with their names from province down. */
function counties(): County[] {
  if (countyCache) return countyCache;
  const out: County[] = [];
  for (const [code, spans] of divisionTable().codes) {
    if (code.endsWith('00') || spans[spans.length - 1]!.to !== null || !DIALECT[code.slice(0, 2)]) continue;
    const info = lookupDivision(code);
    if (info && info.level === 'county' && !info.name.includes('市辖区')) out.push({ code, province: code.slice(0, 2), text: info.path });
  }
  out.sort((a, b) => (a.code < b.code ? -1 : 1));
  countyCache = out;
  return out;
}

const isoOf = (d: PartialDate): string => `${d.year}-${String(d.month ?? 1).padStart(2, '0')}-${String(d.day ?? 1).padStart(2, '0')}`;

/** A lost child as the family knows them (the hidden "person" both posts describe). */
interface Child {
  sex: 'male' | 'female';
  surname: string;
  given: string;
  nickname: string;
  birth: { year: number; month: number; day: number };
  loss: { year: number; month: number; day: number };
  county: County;
  height: number;
  marks: [number, number][];
  landmarks: number[];
  relatives: [string, string][];
  dialect: string;
}

/**
 * Generate a demo set (seeded: the same options give the same posts). Defaults: 30,294 family
 * posts, 24,370 child posts, 3,000 true pairs, 300 near-misses, seed 2024. Throws AppError
 * REUNION_DEMO_SIZES_INVALID when pairs + nearMisses exceed the family posts, pairs exceed the
 * child posts, or near-misses exceed the pairs.
 */
export function demoPosts(options: DemoOptions = {}): DemoSet {
  const F = options.families ?? 30_294;
  const C = options.children ?? 24_370;
  const P = options.pairs ?? 3_000;
  const N = options.nearMisses ?? 300;
  if (P + N > F || P > C || N > P) throw new AppError(ReunionPostErrors.REUNION_DEMO_SIZES_INVALID, { reason: `families ${F}, children ${C}, pairs ${P}, near-misses ${N}` });
  const r = rng(options.seed ?? 2024);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const places = counties();
  const surname = (): string => {
    const x = r();
    let lo = 0;
    let hi = SURNAME_CUM.length - 1;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (SURNAME_CUM[m]! < x) lo = m + 1;
      else hi = m;
    }
    return SURNAMES[lo]![0];
  };
  const givenName = (sex: 'male' | 'female'): string => {
    const pool = sex === 'male' ? MALE : FEMALE;
    return r() < 0.2 ? pick(pool) : pick(pool) + pick(pool);
  };
  const nicknameOf = (given: string): string => {
    const last = given[given.length - 1]!;
    const x = r();
    return x < 0.3 ? last + last : x < 0.55 ? '小' + last : x < 0.65 ? '阿' + last : pick(GENERIC_NICK);
  };
  const person = (like?: Child): Child => {
    const sex = like?.sex ?? (r() < 0.62 ? 'male' : 'female');
    const given = givenName(sex);
    const year = like?.birth.year ?? int(1970, 2018);
    const birth = { year, month: int(1, 12), day: int(1, 28) };
    const lossAge = like ? like.loss.year - year : int(0, 6);
    const loss = { year: Math.min(2020, year + lossAge), month: int(1, 12), day: int(1, 28) };
    const county = like?.county ?? pick(places);
    const marks: [number, number][] = [];
    const nMarks = r() < 0.15 ? 0 : r() < 0.7 ? 1 : 2;
    for (let k = 0; k < nMarks; k++) marks.push([int(0, MARK_PLACES.length - 1), int(0, MARK_KINDS.length - 1)]);
    const landmarks: number[] = [];
    while (landmarks.length < 3) {
      const k = int(0, LANDMARKS.length - 1);
      if (!landmarks.includes(k)) landmarks.push(k);
    }
    const roles = [int(0, 2), int(3, RELATIVES.length - 1)];
    const relatives = roles.map((k): [string, string] => [RELATIVES[k]!, surname() + givenName(r() < 0.5 ? 'male' : 'female')]);
    return { sex, surname: surname(), given, nickname: nicknameOf(given), birth, loss, county, height: Math.round(70 + (loss.year - year) * 9 + int(-6, 6)), marks, landmarks, relatives, dialect: DIALECT[county.province]! };
  };
  const familyPost = (p: Child, id: string): FamilySearchPost => {
    const prec = r();
    const birthDate: PartialDate = prec < 0.7 ? { ...p.birth, precision: 'day' } : prec < 0.9 ? { year: p.birth.year, month: p.birth.month, precision: 'month' } : { year: p.birth.year, precision: 'year' };
    const lossDate: PartialDate = { ...p.loss, precision: 'day' };
    const lossPlace: PostPlace = { divisionCode: p.county.code, text: p.county.text.join('') };
    const posted = Math.min(2026, p.loss.year + int(0, 3));
    return {
      kind: 'familySearch', id, sex: p.sex, name: r() < 0.1 ? null : p.surname + p.given, nickname: r() < 0.9 ? p.nickname : null,
      birthDate, lossDate, lossPlace, heightCm: r() < 0.8 ? p.height : null,
      marks: p.marks.map(([a, b]) => MARK_PLACES[a]![0] + MARK_KINDS[b]![0]).join('，'),
      dialect: r() < 0.9 ? p.dialect : null, status: 'open', postedOn: isoOf({ year: posted, month: p.loss.month, day: p.loss.day, precision: 'day' }),
      memories: p.landmarks.map((k) => LANDMARKS[k]![0]).join('，'), relatives: p.relatives.map(([role, name]) => `${role}${name}`),
    };
  };
  /** The child's post about themselves, `drift` true for a true pair's later, adopted telling. */
  const childPost = (p: Child, id: string, drift: boolean): ChildSearchPost => {
    const adopted = !drift || r() < 0.85;
    const keepGiven = adopted && r() < 0.12;
    const currentName = adopted ? surname() + (keepGiven ? p.given : givenName(p.sex)) : p.surname + p.given;
    const formerName = adopted && r() < 0.25 ? p.surname + p.given : null;
    const nickname = r() < 0.65 ? p.nickname : null;
    const off = r() < 0.08 ? pick([-1, 1]) : 0;
    const prec = r();
    const birthDate: PartialDate = off !== 0 || prec < 0.5 ? { year: p.birth.year + off, precision: 'year' } : prec < 0.75 ? { year: p.birth.year, month: p.birth.month, precision: 'month' } : { ...p.birth, precision: 'day' };
    const lossDate: PartialDate | null = r() < 0.6 ? { year: p.loss.year + (r() < 0.2 ? pick([-1, 1]) : 0), precision: 'year' } : null;
    const d = r();
    let place: PostPlace;
    if (d < 0.35) place = { divisionCode: p.county.code, text: p.county.text[p.county.text.length - 1]! };
    else if (d < 0.62) place = { divisionCode: p.county.code.slice(0, 4) + '00', text: p.county.text.slice(0, -1).join('') };
    else if (d < 0.98 || !drift) place = { divisionCode: p.county.province + '0000', text: p.county.text[0]! };
    else {
      const other = pick(places);
      place = { divisionCode: other.province + '0000', text: other.text[0]! };
    }
    const posted = Math.min(2026, p.loss.year + int(5, 30));
    const marks = p.marks.length > 0 && r() < 0.75 ? p.marks.map(([a, b]) => MARK_PLACES[a]![1] + MARK_KINDS[b]![1]).join('，') : '';
    const mem: string[] = [];
    for (const k of p.landmarks) if (r() < 0.55) mem.push(LANDMARKS[k]![1]);
    for (const [role, name] of p.relatives) if (r() < 0.3) mem.push(`${role}叫${name}`);
    return {
      kind: 'childSearch', id, sex: p.sex, currentName, formerName, nickname, birthDate, lossDate, lossPlace: place,
      heightCm: r() < 0.2 ? p.height + int(-10, 10) : null, marks, dialect: r() < 0.6 ? p.dialect : null, status: 'open',
      postedOn: isoOf({ year: posted, month: int(1, 12), day: int(1, 28), precision: 'day' }), memories: mem.join('，'),
    };
  };
  // Slots: the first P family and child posts are pairs, then N near-misses; both lists are then shuffled.
  const fam: FamilySearchPost[] = [];
  const kid: ChildSearchPost[] = [];
  const paired: Child[] = [];
  for (let k = 0; k < P; k++) {
    const p = person();
    paired.push(p);
    fam.push(familyPost(p, ''));
    kid.push(childPost(p, '', true));
  }
  for (let k = 0; k < N; k++) fam.push(familyPost(person(paired[k]), ''));
  while (fam.length < F) fam.push(familyPost(person(), ''));
  while (kid.length < C) kid.push(childPost(person(), '', false));
  const perm = (n: number): Int32Array => {
    const a = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const fPos = perm(F);
  const cPos = perm(C);
  const families = new Array<FamilySearchPost>(F);
  const children = new Array<ChildSearchPost>(C);
  fam.forEach((post, k) => (families[fPos[k]!] = { ...post, id: `F${String(fPos[k]! + 1).padStart(6, '0')}` }));
  kid.forEach((post, k) => (children[cPos[k]!] = { ...post, id: `C${String(cPos[k]! + 1).padStart(6, '0')}` }));
  const familyOf = new Int32Array(C).fill(-1);
  for (let k = 0; k < P; k++) familyOf[cPos[k]!] = fPos[k]!;
  const nearMisses: [number, number, number][] = [];
  for (let k = 0; k < N; k++) nearMisses.push([cPos[k]!, fPos[k]!, fPos[P + k]!]);
  return { families, children, truth: { familyOf, nearMisses } };
}
