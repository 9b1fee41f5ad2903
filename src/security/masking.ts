/**
 * Masking of personal data (脱敏) by role. Masks keep what a reader needs to recognise a record
 * without identifying the person, after the examples of GB/T 35273-2020 (个人信息安全规范)
 * Annex A de-identification and common practice of Chinese public services:
 * - ID number 320102199001011234 → 3201**********1234 (first 4 and last 4 kept, length kept);
 * - mobile 13812345678 → 138****5678; landline 010-88886666 → 010-****6666 (area code + last 4);
 * - address → cut after the county-level division: 江苏省南京市玄武区中山路1号 → 江苏省南京市玄武区;
 * - name → surname kept, each given-name character starred: 李娜 → 李*, 张三丰 → 张**, and a
 *   compound surname (欧阳, 司马, …; only for names of 3+ characters) is kept whole: 欧阳明月 → 欧阳**.
 * Who sees what is declared in DISCLOSURE; `maskFor` applies it to a record.
 */
import { parseAddress } from '../core/index.ts';
import { isRole, type Role } from './policies.ts';

/** Common two-character (compound) surnames (复姓) kept whole by maskName. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 独孤 南宫 西门 百里 呼延 端木 申屠 太史 澹台 公冶 宗政 濮阳 淳于 单于 太叔 仲孙 万俟 闻人 赫连 拓跋 司空 第五 左丘 东郭 南门 羊舌 微生 公羊 梁丘 公良 乐正 漆雕 壤驷 谷梁 巫马 鲜于 闾丘 亓官 司寇 子车 颛孙 段干 夹谷 宰父 公西'.split(' '),
);

const HAN = /\p{Script=Han}/u;

/**
 * Mask an ID number: 18 (or any ≥ 12) characters → first 4 + asterisks + last 4, keeping the
 * length; shorter numbers (passports, permits) keep only their last 2 characters.
 * @example maskIdNumber('320102199001011234') → '3201**********1234'
 */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length >= 12) return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
  if (v.length <= 2) return '*'.repeat(v.length);
  return '*'.repeat(v.length - 2) + v.slice(-2);
}

/**
 * Mask a phone number. Mobile (11 digits starting 1, optionally +86/0086): first 3 + **** + last 4.
 * Landline with area code (0AA… or 0AAA…, with or without a dash; 010 and 02X are 3-digit
 * area codes): area code kept, local number starred except its last 4. Anything else: every
 * digit but the last 4 starred.
 * @example maskPhone('13812345678') → '138****5678'; maskPhone('0512-65812345') → '0512-****2345'
 */
export function maskPhone(value: string): string {
  const compact = value.replace(/[\s()]/g, '');
  const mobile = /^(?:\+?86|0086)?(1\d{10})$/.exec(compact.replace(/-/g, ''));
  if (mobile) return `${mobile[1]!.slice(0, 3)}****${mobile[1]!.slice(-4)}`;
  const dashed = /^(0\d{2,3})-(\d{5,8})((?:-\d+)?)$/.exec(compact);
  if (dashed) return `${dashed[1]}-${starAllButLast4(dashed[2]!)}`;
  const plain = /^(0(?:10|2\d|[3-9]\d{2}))(\d{5,8})$/.exec(compact);
  if (plain) return `${plain[1]}${starAllButLast4(plain[2]!)}`;
  return starAllButLast4(compact);
}

function starAllButLast4(digits: string): string {
  const keep = Math.min(4, digits.length);
  return digits.slice(0, digits.length - keep).replace(/[0-9A-Za-z]/g, '*') + digits.slice(digits.length - keep);
}

/**
 * Mask a person's name: the surname stays, every other letter becomes '*'. A compound surname
 * (欧阳, 司马, …) is kept when the name has 3 or more characters (a 2-character name such as
 * 欧阳 is read as surname 欧 + given name 阳). A one-character name becomes '*'. Names in Latin
 * letters keep the first letter of each word; separators (space, ·) are kept.
 * @example maskName('李娜') → '李*'; maskName('欧阳明月') → '欧阳**'; maskName('John Smith') → 'J*** S****'
 */
export function maskName(value: string): string {
  const v = value.trim();
  const chars = [...v];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (!HAN.test(chars[0]!)) return v.replace(/(\p{L})(\p{L}*)/gu, (_m, first: string, rest: string) => first + '*'.repeat([...rest].length));
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, keep).join('') + chars.slice(keep).map((c) => (/[\s·•．.]/.test(c) ? c : '*')).join('');
}

// Province (incl. municipalities and autonomous regions), prefecture, county (GB/T 2260 levels).
const PROVINCE = '(?:北京市|天津市|上海市|重庆市|[^\\d省市区县]{2,7}?(?:省|自治区|特别行政区))';
const PREFECTURE = '(?:[^\\d省市州盟区县路街道镇乡村号]{1,10}?(?:自治州|地区|盟|市))';
const COUNTY = '(?:[^\\d省市州盟区县旗路街道镇乡村号巷弄]{1,10}?(?:自治县|自治旗|林区|特区|区|县|市|旗))';
const ADDRESS_PREFIX = new RegExp(`^(${PROVINCE})?(${PREFECTURE})?(${COUNTY})?`, 'u');

/**
 * Mask an address to its county level (区/县/县级市/旗): the street, road, building and house
 * number are removed. The division part is read with src/core `parseAddress` (GB/T 2260 names,
 * short forms such as 吉林 for 吉林省) and kept as written; an address it cannot read falls back
 * to the GB/T 2260 name suffixes (省/自治区, 市/州/盟/地区, then 区/县/市/旗), which must start with
 * a province or prefecture; when neither finds a division the whole address is hidden as '***'. Spaces and a leading 中国 are dropped.
 * @example maskAddress('江苏省南京市玄武区中山路1号') → '江苏省南京市玄武区'
 * @example maskAddress('吉林通化市东昌区江南大街5号') → '吉林通化市东昌区'
 */
export function maskAddress(value: string): string {
  const v = value.trim().replace(/\s+/g, '').replace(/^(?:中华人民共和国|中国)/, '');
  const parsed = parseAddress(v);
  if (parsed && v.endsWith(parsed.detail) && v.length > parsed.detail.length) return v.slice(0, v.length - parsed.detail.length);
  // Fallback: a county name alone is not trusted (小区, 园区 end in 区 too); a province or prefecture must lead.
  const m = ADDRESS_PREFIX.exec(v);
  return m && (m[1] || m[2]) ? m[0] : '***';
}

/** How much of a personal field a reader sees. */
export type Disclosure = 'full' | 'masked' | 'hidden';

/**
 * Who sees what: per role, without and with a stated purpose (already checked by `authorize`).
 * Investigators see full values only for a stated purpose; regulators and viewers work with
 * statistics and see no personal fields at all.
 */
export const DISCLOSURE: Readonly<Record<Role, { readonly withoutPurpose: Disclosure; readonly withPurpose: Disclosure }>> = {
  admin: { withoutPurpose: 'masked', withPurpose: 'masked' },
  clerk: { withoutPurpose: 'masked', withPurpose: 'masked' },
  regulator: { withoutPurpose: 'hidden', withPurpose: 'hidden' },
  investigator: { withoutPurpose: 'masked', withPurpose: 'full' },
  viewer: { withoutPurpose: 'hidden', withPurpose: 'hidden' },
};

/** Which mask a personal field gets. */
export type MaskKind = 'idNumber' | 'phone' | 'address' | 'name';

const MASKERS: Readonly<Record<MaskKind, (v: string) => string>> = { idNumber: maskIdNumber, phone: maskPhone, address: maskAddress, name: maskName };

/** Personal fields per record kind (API field names, GLOSSARY identifiers). */
export const PERSONAL_FIELDS: Readonly<Record<string, Readonly<Record<string, MaskKind>>>> = {
  parcel: {
    senderName: 'name',
    senderIdNumber: 'idNumber',
    senderPhone: 'phone',
    senderAddress: 'address',
    receiverName: 'name',
    receiverPhone: 'phone',
    receiverAddress: 'address',
  },
};

/** Field-name fallback for record kinds without a declared list: *idNumber, *phone, *address. */
function kindByName(field: string): MaskKind | undefined {
  if (/idNumber$/i.test(field)) return 'idNumber';
  if (/phone$/i.test(field)) return 'phone';
  if (/address$/i.test(field)) return 'address';
  return undefined;
}

/** The disclosure level for a role and whether a purpose was stated; unknown roles get 'hidden'. */
export function disclosureFor(role: string, purposeStated: boolean): Disclosure {
  if (!isRole(role)) return 'hidden';
  const d = DISCLOSURE[role];
  return purposeStated ? d.withPurpose : d.withoutPurpose;
}

/**
 * Return a copy of `record` with its personal fields shown in full, masked, or hidden (null)
 * per DISCLOSURE for `role` (and `options.purpose`, which the caller has already had accepted
 * by `authorize`). Fields come from PERSONAL_FIELDS[recordKind], else from the field-name
 * fallback (*idNumber, *phone, *address). Non-string and empty values are left as they are.
 * @example maskFor('admin', 'parcel', { senderPhone: '13812345678', itemName: '书' }) → { senderPhone: '138****5678', itemName: '书' }
 */
export function maskFor<T extends Record<string, unknown>>(role: string, recordKind: string, record: T, options: { purpose?: string | null } = {}): T {
  const level = disclosureFor(role, Boolean(options.purpose?.trim()));
  if (level === 'full') return { ...record };
  const declared = PERSONAL_FIELDS[recordKind];
  const out: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(record)) {
    const kind = declared ? declared[field] : kindByName(field);
    if (!kind || typeof value !== 'string' || value === '') continue;
    out[field] = level === 'hidden' ? null : MASKERS[kind](value);
  }
  return out as T;
}
