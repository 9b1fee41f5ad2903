/**
 * 手机号码 / 固定电话: PRC mobile and landline numbers (ITU-T E.164 country code 86; national
 * numbering plan of MIIT). Mobile blocks and area codes are data files beside this module
 * (mobile-blocks.json, area-codes.json), read once at first use, so a new block needs no code
 * change. Policy for the disputed cases (validator.js vs. real allocations): docs/phone-policy.md.
 *
 * Accepted writing: national form with optional spaces or hyphens between digit groups
 * ('138 3838 9438', '010-88886666', '(010) 88886666'); international form '+86' or '0086'
 * followed by digits or spaces only (ITU-T E.123 §2.5: groups in international notation are
 * separated by spaces; '+86-138…' is refused).
 */
import fs from 'node:fs';
import { CoreErrors, issue, type Issue } from '../errors.ts';
import { fail, ok, type ValidationResult } from '../result.ts';

export type PhoneKind = 'mobile' | 'landline';
export type BlockUse = 'mobile' | 'mvno' | 'data' | 'iot' | 'satellite' | 'emergency';

export interface PhoneParsed {
  readonly kind: PhoneKind;
  /** Carrier code of a mobile block: CMCC, CUCC, CTCC, CBN, … */
  readonly carrier?: string;
  /** Carrier name in Chinese, e.g. 中国移动. */
  readonly carrierName?: string;
  /** Use of the mobile block. */
  readonly use?: BlockUse;
  /** Landline area code with its leading 0, e.g. '010'. */
  readonly areaCode?: string;
  readonly province?: string;
  readonly city?: string;
  /** '+8613838389438', '+861088886666'. */
  readonly e164: string;
}

interface Block {
  prefix: string;
  carrier: string;
  use: BlockUse;
  length: number;
}
interface PhoneData {
  blocks: Map<string, Block>;
  carriers: Record<string, { zh: string; en: string }>;
  areas: Map<string, [string, string]>;
}

let data: PhoneData | undefined;

/** The block and area-code tables, read from the JSON files on first use. */
function phoneData(): PhoneData {
  if (data) return data;
  const read = (f: string) => JSON.parse(fs.readFileSync(new URL(f, import.meta.url), 'utf8'));
  const mb = read('./mobile-blocks.json') as { blocks: Block[]; carriers: PhoneData['carriers'] };
  const ac = read('./area-codes.json') as { codes: Record<string, [string, string]> };
  data = { blocks: new Map(mb.blocks.map((b) => [b.prefix, b])), carriers: mb.carriers, areas: new Map(Object.entries(ac.codes)) };
  return data;
}

const SCIENTIFIC = /^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+$/;
const ALLOWED = /^[0-9+\s()\-]+$/;
const SEPARATORS = /[\s()\-]/g;

/** The mobile block of an 11- or 13-digit national number: longest prefix (4, then 3 digits). */
export function mobileBlock(digits: string): Block | undefined {
  const { blocks } = phoneData();
  return blocks.get(digits.slice(0, 4)) ?? blocks.get(digits.slice(0, 3));
}

/** Split a national number with trunk 0 into area code and subscriber number, or null. */
function splitLandline(d: string): { areaCode: string; subscriber: string; area: [string, string] } | null {
  const { areas } = phoneData();
  for (const len of [3, 4]) {
    const area = areas.get(d.slice(0, len));
    if (!area) continue;
    const subscriber = d.slice(len);
    const okLength = len === 3 ? subscriber.length === 8 : subscriber.length === 7 || subscriber.length === 8;
    const first = subscriber.charCodeAt(0);
    if (okLength && first >= 50 && first <= 57) return { areaCode: d.slice(0, len), subscriber, area };
    return null;
  }
  return null;
}

function landline(d: string, warnings: Issue[]): ValidationResult<PhoneParsed> {
  const split = splitLandline(d);
  if (!split) {
    const { areas } = phoneData();
    const known = areas.has(d.slice(0, 3)) || areas.has(d.slice(0, 4));
    if (!known) return fail([issue(CoreErrors.PHONE_AREA_CODE_UNKNOWN, { areaCode: d.slice(0, 4) })]);
    return fail([issue(CoreErrors.PHONE_FORMAT, { reason: 'the subscriber number after the area code has 7 or 8 digits, not starting with 0 or 1' })]);
  }
  const parsed: PhoneParsed = { kind: 'landline', areaCode: split.areaCode, province: split.area[0], city: split.area[1], e164: `+86${d.slice(1)}` };
  return ok(`${split.areaCode}-${split.subscriber}`, parsed, warnings);
}

function mobile(d: string): ValidationResult<PhoneParsed> {
  const block = mobileBlock(d);
  if (!block) return fail([issue(CoreErrors.PHONE_UNALLOCATED_BLOCK, { prefix: d.slice(0, 3) })]);
  if (block.length === 13) return fail([issue(CoreErrors.PHONE_IOT_NUMBER, { prefix: block.prefix })]);
  if (d.length !== block.length) return fail([issue(CoreErrors.PHONE_FORMAT, { reason: `a mobile number has ${block.length} digits, not ${d.length}` })]);
  const warnings = block.use === 'data' || block.use === 'iot' ? [issue(CoreErrors.PHONE_DATA_ONLY, { prefix: block.prefix })] : [];
  const carrier = phoneData().carriers[block.carrier];
  const parsed: PhoneParsed = { kind: 'mobile', carrier: block.carrier, carrierName: carrier?.zh ?? block.carrier, use: block.use, e164: `+86${d}` };
  return ok(d, parsed, warnings);
}

/** Strip +86 / 0086; returns the national part (separators kept) or an error. */
function stripCountryCode(v: string): { national: string; international: boolean } | Issue {
  const intl = v.startsWith('+') ? v.slice(1) : v.startsWith('00') ? v.slice(2) : null;
  if (intl === null) return { national: v, international: false };
  if (!intl.startsWith('86')) return issue(CoreErrors.PHONE_FORMAT, { reason: 'only the country code 86 (+86 or 0086) is accepted' });
  const rest = intl.slice(2);
  if (rest.includes('-') || rest.includes('(')) return issue(CoreErrors.PHONE_FORMAT, { reason: 'after +86/0086 digit groups are separated by spaces only (ITU-T E.123)' });
  const national = rest.trim();
  if (national.startsWith('0')) return issue(CoreErrors.PHONE_FORMAT, { reason: 'no trunk prefix 0 after the country code' });
  return { national, international: true };
}

/**
 * Validate a PRC phone number: a mobile number (11 digits in an allocated block) or a landline
 * (area code + 7–8 digit subscriber number).
 * @param value as typed or exported; see the module doc for accepted separators
 * @param options.kind restrict to 'mobile' or 'landline' (default: either)
 * @returns normalized = 11 digits for mobiles ('19512345678'), '0AA-NNNNNNNN' for landlines
 *   ('010-88886666'); parsed kind, carrier (mobiles), areaCode (landlines), e164.
 *   Errors: VALUE_EMPTY, PHONE_FORMAT, PHONE_UNALLOCATED_BLOCK, PHONE_IOT_NUMBER,
 *   PHONE_AREA_CODE_UNKNOWN, PHONE_LEADING_ZERO_STRIPPED (C15: '1088886666' → probably
 *   010-88886666, never valid), PHONE_SPREADSHEET_DAMAGED, PHONE_KIND_MISMATCH.
 *   Warning: PHONE_DATA_ONLY (data-card or IoT block).
 */
export function validatePhone(value: string, options: { kind?: PhoneKind } = {}): ValidationResult<PhoneParsed> {
  const result = validateAnyPhone(value.trim());
  if (result.valid && options.kind && result.parsed!.kind !== options.kind) {
    return fail([issue(CoreErrors.PHONE_KIND_MISMATCH, { expected: options.kind, expectedZh: options.kind === 'mobile' ? '手机' : '固定电话' })]);
  }
  return result;
}

function validateAnyPhone(v: string): ValidationResult<PhoneParsed> {
  if (v === '') return fail([issue(CoreErrors.VALUE_EMPTY)]);
  if (SCIENTIFIC.test(v)) return fail([issue(CoreErrors.PHONE_SPREADSHEET_DAMAGED, { value: v })]);
  if (!ALLOWED.test(v)) return fail([issue(CoreErrors.PHONE_FORMAT, { reason: 'only digits, +, spaces, hyphens and parentheses are allowed' })]);
  const stripped = stripCountryCode(v);
  if ('code' in stripped) return fail([stripped]);
  if (stripped.national.includes('+')) return fail([issue(CoreErrors.PHONE_FORMAT, { reason: '+ only at the start' })]);
  const d = stripped.national.replace(SEPARATORS, '');
  if (d === '') return fail([issue(CoreErrors.PHONE_FORMAT, { reason: 'no digits' })]);
  if (stripped.international) {
    if (d.charCodeAt(0) === 49 && !d.startsWith('10')) return mobile(d);
    const fixed = landline(`0${d}`, []);
    if (!fixed.valid && d.length === 11) return fail([issue(CoreErrors.PHONE_UNALLOCATED_BLOCK, { prefix: d.slice(0, 3) })]);
    return fixed;
  }
  if (d.charCodeAt(0) === 48) {
    if (d.length === 12 && d.charCodeAt(1) === 49 && mobileBlock(d.slice(1))) {
      return fail([issue(CoreErrors.PHONE_FORMAT, { reason: 'a mobile number takes no leading 0' })]);
    }
    return landline(d, []);
  }
  if ((d.length === 11 || d.length === 13) && d.charCodeAt(0) === 49) return mobile(d);
  const restored = splitLandline(`0${d}`);
  if (restored) return fail([issue(CoreErrors.PHONE_LEADING_ZERO_STRIPPED, { probable: `${restored.areaCode}-${restored.subscriber}` })]);
  if (d.length === 11) return fail([issue(CoreErrors.PHONE_UNALLOCATED_BLOCK, { prefix: d.slice(0, 3) })]);
  if (d.length === 7 || d.length === 8) return fail([issue(CoreErrors.PHONE_FORMAT, { reason: 'a landline needs its area code' })]);
  return fail([issue(CoreErrors.PHONE_FORMAT, { reason: `${d.length} digits` })]);
}
