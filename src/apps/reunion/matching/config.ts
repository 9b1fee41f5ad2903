/**
 * Matching configuration for reunion: child posts (宝贝寻家, left) against family posts
 * (家寻宝贝, right) on the resolve engine's Fellegi–Sunter model with EM (Fellegi & Sunter
 * 1969; Winkler 1988). Candidate pairs come from four unioned blocking rules:
 *  1. sex + birth year ±1 + prefecture of loss, for child posts that name a prefecture or county;
 *  1b. sex + birth year ±1 + province, only for child posts that know just the province (a post
 *     naming a prefecture is not paired with the whole province: 1.8× fewer pairs on the demo set);
 *  2. 小名 pinyin + sex + birth year ±2, across provinces, for children whose new name says
 *     nothing and whose remembered province is wrong;
 *  3. birth name (variant key) + sex, when the child remembers it.
 * Compared: current and birth name against the family's name, 小名 against 小名 and against the
 * family's given name, the given name kept after adoption, sex, birth date with precision and
 * tolerance, date of loss (remembered, often only the year), loss before the child's post, place
 * through the division hierarchy, height then, marks, memories (landmarks) and relatives' names
 * (the child's memories against the family's list) as segmented text, dialect.
 */
import { createComparator, prepareName, registerComparator, type ResolverConfig, type Row } from '../../../engines/resolve/index.ts';
import type { ChildSearchPost, FamilySearchPost } from '../posts/types.ts';

/**
 * Comparator kind 'dateNotBefore': the left date may lie on or after the right one (the child's
 * post written after the family's loss), i.e. the engine's dateOrder with the sides swapped
 * (`rightFirst`), column kernel included.
 */
function ensureDateNotBefore(): void {
  try {
    createComparator({ kind: 'dateNotBefore' });
  } catch {
    registerComparator('dateNotBefore', () => ({ ...createComparator({ kind: 'dateOrder', rightFirst: true }), kind: 'dateNotBefore' }));
  }
}
ensureDateNotBefore();

const child = (row: Row): ChildSearchPost => row as unknown as ChildSearchPost;
const family = (row: Row): FamilySearchPost => row as unknown as FamilySearchPost;

/**
 * The character a 小名 is built on: 小明 / 阿明 / 明明 → 明; other 小名 (毛毛, 狗蛋) are returned
 * whole, so they only agree with a given name that is the same word. Null for no 小名.
 */
export function nicknameCore(nickname: string | null | undefined): string | null {
  if (!nickname) return null;
  const chars = [...nickname.normalize('NFKC').trim()];
  if (chars.length === 2 && (chars[0] === '小' || chars[0] === '阿')) return chars[1]!;
  if (chars.length === 2 && chars[0] === chars[1] && !GENERIC_DOUBLED.has(chars[0]!)) return chars[0]!;
  return chars.join('') || null;
}
/** Doubled 小名 that are not built on a given-name character. */
const GENERIC_DOUBLED = new Set(['毛', '丫', '豆', '乐', '妞', '壮', '胖', '团', '贝', '牛']);

/**
 * The given name of a Han name (C10 compound surnames handled by the engine's splitName), or
 * null. Read from the engine's memoised name features, which the name comparisons of the same
 * run have already computed.
 */
export function givenOf(name: string | null | undefined): string | null {
  if (!name) return null;
  return prepareName(name)?.split.given ?? null;
}

/** The last character of the given name: what a 小名 is usually built on. */
function givenTail(name: string | null): string | null {
  const g = givenOf(name);
  return g ? [...g].slice(-1)[0]! : null;
}

/** A division code kept only when it names a whole province (PP0000), else null. */
function provinceOnly(code: string | null | undefined): string | null {
  return code && /^\d{2}0000$/.test(code) ? code : null;
}

/** Field references used by several rules, as one function each so the engine reads and keys them once. */
const childBirth = (r: Row) => child(r).birthDate;
const familyBirth = (r: Row) => family(r).birthDate;
const childLossCode = (r: Row) => child(r).lossPlace?.divisionCode ?? null;
const familyLossCode = (r: Row) => family(r).lossPlace?.divisionCode ?? null;

/** The resolver configuration for child posts (left) × family posts (right); top-10 per child post. */
export const reunionMatchConfig: ResolverConfig = {
  idField: 'id',
  comparisons: [
    { name: 'currentName', left: (r) => child(r).currentName, right: (r) => family(r).name, comparator: { kind: 'name' } },
    { name: 'formerName', left: (r) => child(r).formerName, right: (r) => family(r).name, comparator: { kind: 'name' } },
    { name: 'nickname', left: (r) => child(r).nickname, right: (r) => family(r).nickname, comparator: { kind: 'name' } },
    { name: 'nicknameVsGiven', left: (r) => nicknameCore(child(r).nickname), right: (r) => givenTail(family(r).name), comparator: { kind: 'exact' } },
    { name: 'givenName', left: (r) => givenOf(child(r).currentName), right: (r) => givenOf(family(r).name), comparator: { kind: 'exact' } },
    { name: 'sex', left: 'sex', comparator: { kind: 'exact' } },
    { name: 'birthDate', left: childBirth, right: familyBirth, comparator: { kind: 'date', tolerancesDays: [31, 366] } },
    { name: 'lossDate', left: (r) => child(r).lossDate, right: (r) => family(r).lossDate, comparator: { kind: 'date', tolerancesDays: [366] } },
    { name: 'postAfterLoss', left: 'postedOn', right: (r) => family(r).lossDate, comparator: { kind: 'dateNotBefore' } },
    { name: 'lossPlace', left: (r) => child(r).lossPlace, right: (r) => family(r).lossPlace, comparator: { kind: 'place' } },
    { name: 'heightThen', left: 'heightCm', comparator: { kind: 'numeric', tolerances: [5, 12] } },
    { name: 'marks', left: 'marks', comparator: { kind: 'text', thresholds: [0.5, 0.25] } },
    { name: 'memories', left: (r) => child(r).memories, right: (r) => family(r).memories, comparator: { kind: 'text', thresholds: [0.4, 0.2] } },
    { name: 'relatives', left: (r) => child(r).memories, right: (r) => family(r).relatives.join('，'), comparator: { kind: 'text', thresholds: [0.3, 0.15] } },
    { name: 'dialect', left: 'dialect', comparator: { kind: 'exact' } },
  ],
  blocking: [
    {
      name: 'sex+birthYear±1+prefecture',
      keys: [
        { field: 'sex' },
        { field: childBirth, rightField: familyBirth, transform: 'year', window: 1 },
        { field: childLossCode, rightField: familyLossCode, transform: 'division', level: 'prefecture' },
      ],
    },
    {
      name: 'sex+birthYear±1+province (child knows only the province)',
      keys: [
        { field: 'sex' },
        { field: childBirth, rightField: familyBirth, transform: 'year', window: 1 },
        { field: (r) => provinceOnly(child(r).lossPlace?.divisionCode), rightField: familyLossCode, transform: 'division', level: 'province' },
      ],
    },
    {
      name: 'nicknamePinyin+sex+birthYear±2',
      keys: [
        { field: (r) => child(r).nickname, rightField: (r) => family(r).nickname, transform: 'namePinyin' },
        { field: 'sex' },
        { field: childBirth, rightField: familyBirth, transform: 'year', window: 2 },
      ],
      maxBlockSize: 400,
    },
    {
      name: 'birthName+sex',
      keys: [{ field: (r) => child(r).formerName, rightField: (r) => family(r).name, transform: 'nameVariant' }, { field: 'sex' }],
    },
  ],
  topK: 10,
  em: { maxIterations: 200 },
};
