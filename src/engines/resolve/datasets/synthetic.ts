/**
 * A seeded generator of synthetic missing-child record pairs for engine tests and benchmarks
 * (not demo data: the platform's demo generator lives in src/demo). Left records are family
 * posts (name in characters, sex, full birth date, date and county of loss, marks); right
 * records are child posts written years later with the drift the issue lists: traditional
 * characters (C08), romanised names with polyphonic surnames (C09), dotted names in another
 * dot (C10), a new name after adoption, birth date known only to the year, place remembered
 * only to the prefecture, marks described in other words. Division codes have the GB/T 2260
 * shape (PPCCXX) but are synthetic. Ground truth: `truth[i]` is the right index of left i, or -1.
 */
import { mulberry32 as rng } from '../../../core/random.ts';
import { pinyin } from 'pinyin-pro';
import type { ResolverConfig, Row } from '../config.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余', '于', '杜', '叶', '程', '魏', '苏', '吕', '丁', '任', '卢', '单', '仇', '解', '区', '查', '欧阳', '司马', '钱'];
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国志坤乾文斌宇浩凯晨欣怡佳琪子涵梓萱雨婷俊宏丹春燕梅兰新海波'.split('');
/** The 31 province-level codes of GB/T 2260 (mainland). */
const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
const DOTTED = ['阿依古丽·买买提', '努尔·艾力', '古丽娜·吐尔逊', '买买提·吐尔洪'];
const MARKS = ['左手臂有红色胎记', '后脑勺有疤痕', '右耳后有黑痣', '额头有小疤', '左腿有烫伤疤', '背上有青色胎记', '右手缺半截小指', '脖子左侧有痣', '眉心有红痣', '左脚有六个脚趾'];
const MARKS_RETOLD = ['胎记在左手臂，红色', '头后面有一道疤', '右耳朵后面有颗痣', '额头上有疤', '左腿上有烫伤的疤', '背部有青色胎记', '右手小指少半截', '脖子左边有颗痣', '两眉之间有红痣', '左脚六个脚趾'];
const TRAD: Record<string, string> = { 钱: '錢', 华: '華', 张: '張', 刘: '劉', 陈: '陳', 杨: '楊', 黄: '黃', 赵: '趙', 吴: '吳', 孙: '孫', 马: '馬', 郑: '鄭', 梁: '梁', 谢: '謝', 韩: '韓', 冯: '馮', 邓: '鄧', 伟: '偉', 丽: '麗', 强: '強', 军: '軍', 艳: '艷', 杰: '傑', 涛: '濤', 红: '紅', 鹏: '鵬', 辉: '輝', 国: '國', 欧: '歐', 阳: '陽', 马司: '司馬', 兰: '蘭', 凯: '凱', 婷: '婷', 梅: '梅', 宏: '宏', 新: '新', 海: '海', 波: '波', 东: '東', 余: '余' };
const ROMAN: Record<string, string> = { 单: 'Shan', 仇: 'Qiu', 解: 'Xie', 区: 'Ou', 查: 'Zha', 曾: 'Zeng' };

/** Options: sizes, number of true pairs, seed. */
export interface SyntheticOptions {
  readonly left: number;
  readonly right: number;
  readonly pairs: number;
  readonly seed?: number;
}

/** Generated records and the true right index of each left record (-1: no counterpart). */
export interface SyntheticData {
  readonly left: Row[];
  readonly right: Row[];
  readonly truth: Int32Array;
}


const pad = (n: number): string => String(n).padStart(2, '0');

function roman(given: string): string {
  const s = (pinyin(given, { toneType: 'none', type: 'array' }) as string[]).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The resolver configuration for these records (the shape a reunion app would use): name
 * (C08–C10), sex, birth date with precision, loss before found, place of loss through the
 * division hierarchy, marks as segmented text; blocking on sex + birth year ±1 + province,
 * unioned with surname pinyin + sex + birth year ±2.
 */
export const syntheticReunionConfig: ResolverConfig = {
  idField: 'id',
  comparisons: [
    { name: 'name', left: 'name', comparator: { kind: 'name' } },
    { name: 'sex', left: 'sex', comparator: { kind: 'exact' } },
    { name: 'birthDate', left: 'birthDate', comparator: { kind: 'date', tolerancesDays: [31, 366] } },
    { name: 'lossBeforeFound', left: 'lossDate', right: 'foundDate', comparator: { kind: 'dateOrder' } },
    { name: 'place', left: 'lossPlace', right: 'place', comparator: { kind: 'place' } },
    { name: 'marks', left: 'marks', comparator: { kind: 'text' } },
  ],
  blocking: [
    { name: 'sex+year±1+province', keys: [{ field: 'sex' }, { field: 'birthDate', transform: 'year', window: 1 }, { field: 'lossPlace', rightField: 'place', transform: 'division', level: 'province' }] },
    { name: 'surname pinyin+sex+year±2', keys: [{ field: 'name', transform: 'surnamePinyin' }, { field: 'sex' }, { field: 'birthDate', transform: 'year', window: 2 }] },
  ],
  topK: 10,
};

/** Generate `left` family posts and `right` child posts with `pairs` true pairs (seeded). */
export function syntheticReunion(options: SyntheticOptions): SyntheticData {
  const r = rng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const person = () => {
    const dotted = r() < 0.02;
    const name = dotted ? pick(DOTTED) : pick(SURNAMES) + pick(GIVEN) + (r() < 0.7 ? pick(GIVEN) : '');
    const year = int(1975, 2015);
    const birth = `${year}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
    const lossYear = Math.min(2020, year + int(0, 6));
    const place = `${pick(PROVINCES)}${pad(int(1, 12))}${pad(int(1, 20))}`;
    return { name, sex: r() < 0.6 ? 'male' : 'female', birth, year, lossDate: `${lossYear}-${pad(int(1, 12))}-${pad(int(1, 28))}`, lossYear, place, mark: int(0, MARKS.length - 1) };
  };
  const left: Row[] = [];
  const right: Row[] = [];
  const truth = new Int32Array(options.left).fill(-1);
  for (let i = 0; i < options.left; i++) {
    const p = person();
    left.push({ id: `F${i}`, name: p.name, sex: p.sex, birthDate: p.birth, lossDate: p.lossDate, lossPlace: p.place, marks: r() < 0.8 ? MARKS[p.mark] : '' });
    if (i < options.pairs) {
      let name = p.name;
      const d = r();
      if (d < 0.2) name = [...p.name].map((c) => TRAD[c] ?? c).join('');
      else if (d < 0.3 && ROMAN[p.name[0]!]) name = `${ROMAN[p.name[0]!]} ${roman(p.name.slice(1))}`;
      else if (d < 0.35 && p.name.includes('·')) name = p.name.replace('·', pick(['•', '・', '．']));
      else if (d < 0.5) name = pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
      const birth = r() < 0.4 ? String(p.year) : p.birth;
      const place = r() < 0.3 ? p.place.slice(0, 4) + '00' : p.place;
      right.push({ id: `C${right.length}`, name, sex: p.sex, birthDate: birth, foundDate: `${p.lossYear + int(5, 30)}-01-01`, place, marks: r() < 0.7 ? MARKS_RETOLD[p.mark] : '' });
      truth[i] = right.length - 1;
    }
  }
  while (right.length < options.right) {
    const p = person();
    right.push({ id: `C${right.length}`, name: p.name, sex: p.sex, birthDate: r() < 0.4 ? String(p.year) : p.birth, foundDate: `${p.lossYear + int(5, 30)}-01-01`, place: p.place, marks: r() < 0.7 ? MARKS_RETOLD[p.mark] : '' });
  }
  return { left, right, truth };
}
