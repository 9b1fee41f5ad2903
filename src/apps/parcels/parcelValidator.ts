/**
 * Validation of one parcel record (ParcelInput, or the loose text of an import row) into the
 * row that is stored — policy in README.md ("Validation policy"):
 * - structural errors reject the record in every mode: unknown courier, malformed waybill
 *   (core validateWaybill), missing sender/receiver name or address, missing item, outlet or
 *   clerk, a time that is not an instant or lies in the future, and spreadsheet damage in any
 *   field (ID_SPREADSHEET_DAMAGED, PHONE_LEADING_ZERO_STRIPPED …: never stored, never repaired);
 * - mode 'api' (a clerk at the counter): a missing or invalid sender ID, or an invalid phone,
 *   rejects too — the real-name rule says the clerk must not accept the parcel;
 * - mode 'import' (historical records, and the demo generator): the parcel was shipped, so it
 *   is kept with `real_name_ok = 0` and the noncompliance code; the invalid value is not stored.
 * Not inspected (验视) is a noncompliance finding in both modes; a prohibited-item hit is a flag.
 */
import crypto from 'node:crypto';
import type { Issue } from '../../core/errors.ts';
import { issue } from '../../core/errors.ts';
import { idReferenceDay, validateIdNumber, validatePhone, validateWaybill } from '../../core/index.ts';
import { ParcelErrors } from './errors.ts';
import { acceptedTime, addressDivision, courierCode } from './coreBridge.ts';
import type { ParcelCrypto } from './parcelCrypto.ts';
import { screenItem, type ScreeningHit } from './screening.ts';
import { senderMemo } from './senderMemo.ts';
import type { IdType, ItemNature } from './types.ts';

/** 'api' = registration at the counter (strict real-name rule); 'import' = historical records. */
export type ValidationMode = 'api' | 'import';

/** A record as it arrives: ParcelInput, or text cells of an import row (all fields optional). */
export type RawParcel = { readonly [K in keyof import('./types.ts').ParcelInput]?: unknown };

/** The values stored for one parcel (columns of `parcels` without id, source, run and created_at). */
export interface ParcelValues {
  readonly courier: string;
  readonly waybill_no: string;
  readonly accepted_at: string;
  readonly accepted_day: string;
  readonly outlet: string;
  readonly clerk: string;
  readonly sender_name: string;
  readonly sender_id_type: IdType;
  readonly sender_id_enc: string | null;
  readonly sender_id_bidx: bigint | null;
  readonly sender_phone_enc: string | null;
  readonly sender_phone_bidx: bigint | null;
  readonly sender_address: string;
  readonly sender_division: string | null;
  readonly sender_province: string | null;
  readonly receiver_name: string;
  readonly receiver_phone_enc: string | null;
  readonly receiver_phone_bidx: bigint | null;
  readonly receiver_address: string;
  readonly receiver_division: string | null;
  readonly receiver_province: string | null;
  readonly item_name: string;
  readonly item_nature: ItemNature;
  readonly item_quantity: number;
  readonly weight_grams: number;
  readonly inspected: 0 | 1;
  readonly real_name_ok: 0 | 1;
  /** Noncompliance codes joined by ',' (null when compliant). */
  readonly noncompliance: string | null;
  /** JSON array of ScreeningHit (null when nothing matched). */
  readonly flagged_terms: string | null;
  /** First 16 hex digits of SHA-256 over the normalised content: equal hash = same parcel. */
  readonly content_hash: string;
}

/** The outcome for one record: `values` when it may be stored, else `errors` say why not. */
export interface ParcelCheck {
  readonly values: ParcelValues | null;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly flags: readonly ScreeningHit[];
  readonly noncompliance: readonly string[];
}

export const ID_TYPES: readonly IdType[] = ['resident', 'temporary', 'residence_permit', 'hk_mo_pass', 'tw_pass', 'passport', 'military'];
export const ITEM_NATURES: readonly ItemNature[] = ['document', 'goods', 'food', 'electronics', 'clothing', 'cosmetics', 'medicine', 'other'];

const ID_TYPE_LABELS: Record<string, IdType> = {
  居民身份证: 'resident', 身份证: 'resident', 临时居民身份证: 'temporary', 临时身份证: 'temporary',
  港澳台居民居住证: 'residence_permit', 居住证: 'residence_permit', 港澳居民来往内地通行证: 'hk_mo_pass',
  台湾居民来往大陆通行证: 'tw_pass', 护照: 'passport', 军官证: 'military', 士兵证: 'military',
};
const NATURE_LABELS: Record<string, ItemNature> = {
  文件: 'document', 物品: 'goods', 货物: 'goods', 商品: 'goods', 食品: 'food', 电子产品: 'electronics', 数码: 'electronics',
  服装: 'clothing', 衣物: 'clothing', 化妆品: 'cosmetics', 药品: 'medicine', 其他: 'other',
};
/** Formats of non-resident documents (characters after NFKC and upper-casing). */
const OTHER_ID_FORMATS: Partial<Record<IdType, RegExp>> = {
  hk_mo_pass: /^[HM]\d{8}(\d{2})?$/,
  tw_pass: /^\d{8}(\d{2})?$/,
  passport: /^[A-Z0-9]{5,17}$/,
  military: /^[\p{Script=Han}A-Z0-9]{4,20}$/u,
};
const TRUE_WORDS = new Set(['true', '1', 'y', 'yes', '是', '已验视', '验视', '√']);
const FALSE_WORDS = new Set(['false', '0', 'n', 'no', '否', '未验视', '']);

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return (typeof v === 'string' ? v : String(v)).trim();
}

function enumValue<T extends string>(v: string, allowed: readonly T[], labels: Record<string, T>): T | null {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  return labels[v] ?? null;
}

function intValue(v: unknown, min: number, max: number): number | null {
  const n = typeof v === 'number' ? v : Number(text(v));
  return Number.isInteger(n) && n >= min && n <= max && text(v) !== '' ? n : null;
}

class Collector {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  readonly noncompliance: string[] = [];
  reject(code: string, field: string, params?: Issue['params']): void {
    this.errors.push(issue(code, params, field));
  }
  field(issues: readonly Issue[], field: string, into: Issue[]): void {
    for (const i of issues) into.push({ ...i, field });
  }
  required(value: string, field: string, max = 200): string {
    if (value === '') this.reject('REQUIRED', field);
    else if (value.length > max) this.reject(ParcelErrors.PARCEL_FIELD_INVALID, field, { field, reason: `longer than ${max}` });
    return value;
  }
}

const DAMAGE = /SPREADSHEET|LEADING_ZERO_STRIPPED/;

/**
 * What the parcel checks need of a validator's result: kept instead of the result in the sender
 * memories, whose 50,000 entries would otherwise hold the parsed fields (363 B per ID-number
 * result, 255 B per phone result: about 30 MB of long-lived heap for the collector to mark).
 */
interface Verdict {
  readonly valid: boolean;
  readonly normalized: string | null;
  /** The ID number is a residence permit's (81/83). */
  readonly permit: boolean;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}
const NO_ISSUES: readonly Issue[] = Object.freeze([]);

function verdict(raw: string, r: { valid: boolean; normalized?: string | null; errors: readonly Issue[]; warnings: readonly Issue[] }, permit = false): Verdict {
  return {
    valid: r.valid,
    normalized: r.normalized === raw ? raw : (r.normalized ?? null),
    permit,
    errors: r.errors.length > 0 ? r.errors : NO_ISSUES,
    warnings: r.warnings.length > 0 ? r.warnings : NO_ISSUES,
  };
}

/** validatePhone of sender phones, remembered per text (senderMemo.ts). */
const senderPhoneResult = senderMemo((v) => verdict(v, validatePhone(v)));

function idVerdict(raw: string, today: Date): Verdict {
  const r = validateIdNumber(raw, { today });
  return verdict(raw, r, r.parsed?.residencePermit != null);
}

/**
 * validateIdNumber of sender ID numbers, remembered per text (senderMemo.ts) for one reference
 * day (core idReferenceDay: a result depends on `today` only through it), afresh each day.
 */
let senderIds: { readonly day: number; readonly validate: (v: string) => Verdict } | undefined;
function senderIdResult(raw: string, today: Date): Verdict {
  const day = idReferenceDay(today);
  if (senderIds?.day !== day) senderIds = { day, validate: senderMemo((v) => idVerdict(v, today)) };
  return senderIds.validate(raw);
}

function senderId(c: Collector, type: IdType, raw: string, mode: ValidationMode, today: Date): string | null {
  const field = 'senderIdNumber';
  const finding = (code: string) => {
    if (mode === 'api') c.reject(code, field);
    else {
      c.noncompliance.push(code);
      c.warnings.push(issue(code, undefined, field));
    }
  };
  if (raw === '') return finding(ParcelErrors.PARCEL_ID_MISSING), null;
  if (type === 'resident' || type === 'temporary' || type === 'residence_permit') {
    const r = senderIdResult(raw, today);
    if (r.errors.some((e) => DAMAGE.test(e.code))) return c.field(r.errors, field, c.errors), null;
    const permitOk = type !== 'residence_permit' || r.permit;
    if (r.valid && permitOk && r.normalized) return c.field(r.warnings, field, c.warnings), r.normalized;
    if (mode === 'api') c.field(r.errors, field, c.errors);
    finding(ParcelErrors.PARCEL_ID_INVALID);
    return null;
  }
  const norm = raw.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  if (OTHER_ID_FORMATS[type]!.test(norm)) return norm;
  finding(ParcelErrors.PARCEL_ID_INVALID);
  return null;
}

function phone(c: Collector, raw: string, field: string, party: 'sender' | 'receiver', mode: ValidationMode): string | null {
  const r = party === 'sender' ? senderPhoneResult(raw) : validatePhone(raw);
  if (r.valid && r.normalized) return c.field(r.warnings, field, c.warnings), r.normalized;
  if (r.errors.some((e) => DAMAGE.test(e.code))) return c.field(r.errors, field, c.errors), null;
  if (mode === 'api') {
    c.field(r.errors, field, c.errors);
    if (r.errors.length === 0) c.reject(ParcelErrors.PARCEL_PHONE_INVALID, field, { party });
  } else {
    if (!c.noncompliance.includes(ParcelErrors.PARCEL_PHONE_INVALID)) c.noncompliance.push(ParcelErrors.PARCEL_PHONE_INVALID);
    c.warnings.push(issue(ParcelErrors.PARCEL_PHONE_INVALID, { party }, field));
  }
  return null;
}

/**
 * First 16 hex digits of SHA-256 over the fields joined by U+001F (null as U+0000): equal for an
 * equal parcel, so a re-sent record is a duplicate and a changed one a conflict. One-shot
 * `crypto.hash` (Node ≥ 20.12): no Hash object per record for the garbage collector to finalise.
 */
function contentHash(parts: readonly (string | number | null)[]): string {
  return crypto.hash('sha256', parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u001f'), 'hex').slice(0, 16);
}

/**
 * Validate one record and build its stored values (encrypted identifiers, blind indexes,
 * divisions, screening flags, content hash).
 * @param raw ParcelInput or the text cells of an import row.
 * @param options.mode 'api' or 'import' (see the module doc); options.now = the clock (future check);
 *        options.timezone = IANA zone of local times and of `accepted_day` (default Asia/Shanghai).
 * @returns ParcelCheck: `values` null when rejected (errors name field and code).
 */
export function checkParcel(raw: RawParcel, keys: ParcelCrypto, options: { mode: ValidationMode; now: Date; timezone?: string }): ParcelCheck {
  const c = new Collector();
  const tz = options.timezone ?? 'Asia/Shanghai';
  const courierRaw = text(raw.courier);
  const waybillNo = text(raw.waybillNo).toUpperCase();
  const courier = courierRaw === '' ? (c.reject('REQUIRED', 'courier'), '') : courierCode(courierRaw);
  if (courierRaw !== '' && courier === null) c.reject(ParcelErrors.PARCEL_FIELD_INVALID, 'courier', { field: 'courier', reason: `unknown courier ${courierRaw}` });
  if (waybillNo === '') c.reject('REQUIRED', 'waybillNo');
  else if (courier) {
    const w = validateWaybill(courier, waybillNo);
    c.field(w.errors, 'waybillNo', c.errors);
    c.field(w.warnings, 'waybillNo', c.warnings);
  }
  const time = acceptedTime(text(raw.acceptedAt), tz, options.now);
  if ('errors' in time) c.field(time.errors, 'acceptedAt', c.errors);
  const outlet = c.required(text(raw.outlet), 'outlet', 64);
  const clerk = c.required(text(raw.clerk), 'clerk', 64);
  const senderName = c.required(text(raw.senderName), 'senderName', 100);
  const senderAddress = c.required(text(raw.senderAddress), 'senderAddress', 300);
  const receiverName = c.required(text(raw.receiverName), 'receiverName', 100);
  const receiverAddress = c.required(text(raw.receiverAddress), 'receiverAddress', 300);
  const itemName = c.required(text(raw.itemName), 'itemName', 200);
  const idTypeText = text(raw.senderIdType) || 'resident';
  const idType = enumValue(idTypeText, ID_TYPES, ID_TYPE_LABELS);
  if (!idType) c.reject(ParcelErrors.PARCEL_ID_TYPE_UNKNOWN, 'senderIdType', { value: idTypeText });
  const natureText = text(raw.itemNature) || 'goods';
  const nature = enumValue(natureText, ITEM_NATURES, NATURE_LABELS);
  if (!nature) c.reject(ParcelErrors.PARCEL_FIELD_INVALID, 'itemNature', { field: 'itemNature', reason: natureText });
  const quantity = raw.itemQuantity === undefined || text(raw.itemQuantity) === '' ? 1 : intValue(raw.itemQuantity, 1, 100_000);
  if (quantity === null) c.reject(ParcelErrors.PARCEL_FIELD_INVALID, 'itemQuantity', { field: 'itemQuantity', reason: 'an integer 1–100000' });
  const weight = intValue(raw.weightGrams, 0, 100_000_000);
  if (weight === null) c.reject(ParcelErrors.PARCEL_FIELD_INVALID, 'weightGrams', { field: 'weightGrams', reason: 'an integer number of grams' });
  const inspectedText = typeof raw.inspected === 'boolean' ? String(raw.inspected) : text(raw.inspected).toLowerCase();
  const inspected = TRUE_WORDS.has(inspectedText) ? 1 : FALSE_WORDS.has(inspectedText) ? 0 : null;
  if (inspected === null) c.reject(ParcelErrors.PARCEL_FIELD_INVALID, 'inspected', { field: 'inspected', reason: inspectedText });
  const idNumber = idType ? senderId(c, idType, text(raw.senderIdNumber), options.mode, options.now) : null;
  const senderPhone = phone(c, text(raw.senderPhone), 'senderPhone', 'sender', options.mode);
  const receiverPhone = phone(c, text(raw.receiverPhone), 'receiverPhone', 'receiver', options.mode);
  if (inspected === 0) {
    c.noncompliance.push(ParcelErrors.PARCEL_NOT_INSPECTED);
    c.warnings.push(issue(ParcelErrors.PARCEL_NOT_INSPECTED, undefined, 'inspected'));
  }
  const flags = itemName ? screenItem(itemName) : [];
  if (flags.length > 0) c.warnings.push(issue(ParcelErrors.PARCEL_PROHIBITED_ITEM, { terms: flags.map((f) => f.term).join('、') }, 'itemName'));
  if (c.errors.length > 0 || 'errors' in time || !courier || !idType || !nature || quantity === null || weight === null || inspected === null) {
    return { values: null, errors: c.errors, warnings: c.warnings, flags, noncompliance: c.noncompliance };
  }
  const from = addressDivision(senderAddress);
  const to = addressDivision(receiverAddress, false);
  if (!from) c.warnings.push(issue(ParcelErrors.PARCEL_ADDRESS_UNPARSED, { party: 'sender' }, 'senderAddress'));
  if (!to) c.warnings.push(issue(ParcelErrors.PARCEL_ADDRESS_UNPARSED, { party: 'receiver' }, 'receiverAddress'));
  const hash = contentHash([courier, waybillNo, time.instant, outlet, clerk, senderName, idType, idNumber, senderPhone, senderAddress,
    receiverName, receiverPhone, receiverAddress, itemName, nature, quantity, weight, inspected]);
  const values: ParcelValues = {
    courier, waybill_no: waybillNo, accepted_at: time.instant, accepted_day: time.day, outlet, clerk,
    sender_name: senderName, sender_id_type: idType,
    sender_id_enc: idNumber ? keys.encrypt(idNumber) : null,
    sender_id_bidx: idNumber ? keys.idKey(idNumber) : null,
    sender_phone_enc: senderPhone ? keys.encrypt(senderPhone) : null,
    sender_phone_bidx: senderPhone ? keys.phoneKey(senderPhone) : null,
    sender_address: senderAddress, sender_division: from?.divisionCode ?? null, sender_province: from?.province ?? null,
    receiver_name: receiverName,
    receiver_phone_enc: receiverPhone ? keys.cipher.encrypt(receiverPhone) : null,
    receiver_phone_bidx: receiverPhone ? keys.phoneIndex.of(receiverPhone) : null,
    receiver_address: receiverAddress, receiver_division: to?.divisionCode ?? null, receiver_province: to?.province ?? null,
    item_name: itemName, item_nature: nature, item_quantity: quantity, weight_grams: weight, inspected,
    real_name_ok: idNumber ? 1 : 0,
    noncompliance: c.noncompliance.length > 0 ? c.noncompliance.join(',') : null,
    flagged_terms: flags.length > 0 ? JSON.stringify(flags) : null,
    content_hash: hash,
  };
  return { values, errors: c.errors, warnings: c.warnings, flags, noncompliance: c.noncompliance };
}
