/**
 * Simple named-entity patterns for same-subject grouping of Chinese complaint text: companies
 * (…公司/集团), housing estates and buildings (…小区/花园/家园/苑/大厦/广场/公寓/新村), projects
 * (…项目/工程) and places written as city + district/county codes or names (A市A3区, 长沙市岳麓区).
 * A pattern match is cut back at the last function word or verb-like character so that
 * '投诉A市万科物业公司' yields 'A市万科物业公司' rather than the whole clause. Rule-based and
 * high-precision by design; not a statistical NER.
 */

export type EntityKind = 'company' | 'estate' | 'project' | 'place';

export interface Entity {
  readonly kind: EntityKind;
  readonly name: string;
}

const HAN = '\\p{Script=Han}A-Za-z0-9';
const SUFFIX: readonly [EntityKind, string][] = [
  ['company', '(?:有限责任公司|股份有限公司|有限公司|公司|集团)'],
  ['estate', '(?:小区|花园|家园|苑|大厦|广场|公寓|新村|华府|名邸)'],
  ['project', '(?:项目|工程)'],
];
const PATTERNS = SUFFIX.map(([kind, suffix]) => [kind, new RegExp(`[${HAN}]{2,14}?${suffix}`, 'gu')] as const);
const PLACE = /(?:[A-Z]\d*|[\p{Script=Han}]{2,4})市(?:[A-Z]\d*|[\p{Script=Han}]{2,3}?)(?:区|县)/gu;
/** Characters after which an entity name cannot continue leftwards (clause and verb markers). */
const CUT = /.*[的在了是和与及被对向给由把让说将从到于为请问要求投诉反映举报咨询关于建议希望我你他她们个]/u;
const GENERIC = new Set(['公司', '物业公司', '开发公司', '该公司', '这家公司', '小区', '该小区', '本小区', '项目', '工程', '该项目', '集团', '广场']);

/**
 * Entities in a text, deduplicated, in order of first appearance.
 * Example: '投诉A市A3区恒大绿洲小区物业公司' → place 'A市A3区', estate 'A3区恒大绿洲小区' is cut to
 * '恒大绿洲小区' only when a cut character precedes it; names shorter than 3 characters or generic
 * ('该小区', '公司') are dropped.
 */
export function extractEntities(text: string): Entity[] {
  const out: Entity[] = [];
  const seen = new Set<string>();
  const push = (kind: EntityKind, raw: string) => {
    let name = raw.replace(CUT, '');
    name = name.replace(/^(?:[A-Z]\d*市)?(?:[A-Z]\d*(?:区|县))?/u, (m) => (m.length === name.length ? m : ''));
    if (name.length < 3 || GENERIC.has(name)) return;
    const key = `${kind}:${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, name });
  };
  for (const m of text.matchAll(PLACE)) push('place', m[0]);
  for (const [kind, re] of PATTERNS) for (const m of text.matchAll(re)) push(kind, m[0]);
  return out;
}
