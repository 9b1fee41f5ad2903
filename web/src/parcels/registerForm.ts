/**
 * The registration form's state and its conversion to a ParcelInput (the API body of
 * POST /api/parcels). Pure, so the conversion is unit-tested.
 */
import { shanghaiLocalToIso } from '../app/format.ts';
import { dictionaries, type MessageKey } from '../i18n/index.ts';
import type { ValidationResult } from '../api.ts';
import type { ParcelMeta } from './types.ts';
import type { ValidateKind } from './useLiveValidation.ts';

/** Every ParcelInput field as the form holds it (text inputs keep strings). */
export interface FormState {
  courier: string;
  waybillNo: string;
  senderName: string;
  senderIdType: string;
  senderIdNumber: string;
  senderPhone: string;
  senderAddress: string;
  receiverName: string;
  receiverPhone: string;
  receiverAddress: string;
  itemName: string;
  itemNature: string;
  itemQuantity: string;
  weightGrams: string;
  outlet: string;
  clerk: string;
  /** datetime-local value, Asia/Shanghai. */
  acceptedAt: string;
  inspected: boolean;
}

/** ID types and item natures of src/apps/parcels/types.ts, used when /meta gives none. */
export const ID_TYPES = ['resident', 'temporary', 'residence_permit', 'hk_mo_pass', 'tw_pass', 'passport', 'military'] as const;
export const ITEM_NATURES = ['goods', 'document', 'food', 'electronics', 'clothing', 'cosmetics', 'medicine', 'other'] as const;

/** A fresh form: outlet and clerk prefilled from the user, time = now in Asia/Shanghai. */
export function emptyForm(outlet: string, clerk: string, acceptedAtLocal: string): FormState {
  return {
    courier: '',
    waybillNo: '',
    senderName: '',
    senderIdType: 'resident',
    senderIdNumber: '',
    senderPhone: '',
    senderAddress: '',
    receiverName: '',
    receiverPhone: '',
    receiverAddress: '',
    itemName: '',
    itemNature: 'goods',
    itemQuantity: '1',
    weightGrams: '',
    outlet,
    clerk,
    acceptedAt: acceptedAtLocal,
    inspected: false,
  };
}

const numberOrNaN = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/**
 * The API body: strings trimmed, quantity and weight as numbers (an empty or non-numeric entry
 * is sent as the text typed, so the server's validator reports it under its field), the local
 * time as an ISO instant with +08:00.
 */
export function toParcelInput(f: FormState): Record<string, string | number | boolean> {
  const n = (s: string) => {
    const v = numberOrNaN(s);
    return Number.isFinite(v) ? v : s.trim();
  };
  return {
    courier: f.courier.trim(),
    waybillNo: f.waybillNo.trim(),
    senderName: f.senderName.trim(),
    senderIdType: f.senderIdType,
    senderIdNumber: f.senderIdNumber.trim(),
    senderPhone: f.senderPhone.trim(),
    senderAddress: f.senderAddress.trim(),
    receiverName: f.receiverName.trim(),
    receiverPhone: f.receiverPhone.trim(),
    receiverAddress: f.receiverAddress.trim(),
    itemName: f.itemName.trim(),
    itemNature: f.itemNature,
    itemQuantity: n(f.itemQuantity),
    weightGrams: n(f.weightGrams),
    outlet: f.outlet.trim(),
    clerk: f.clerk.trim(),
    acceptedAt: shanghaiLocalToIso(f.acceptedAt),
    inspected: f.inspected,
  };
}

/** Resident IDs and residence permits carry a GB 11643 number, checked live; passports etc. are not. */
export function liveIdKind(idType: string): ValidateKind | null {
  return idType === 'resident' || idType === 'residence_permit' || idType === 'temporary' ? 'id-number' : null;
}

const codesOf = (list: ParcelMeta['idTypes'] | undefined): string[] | null =>
  list && list.length ? list.map((x) => (typeof x === 'string' ? x : x.code)) : null;

/** ID type codes offered: the server's list (GET /api/parcels/meta), else the type's union. */
export function idTypeCodes(meta: ParcelMeta | null): string[] {
  return codesOf(meta?.idTypes) ?? [...ID_TYPES];
}

/** Item nature codes offered: the server's list, else the type's union. */
export function itemNatureCodes(meta: ParcelMeta | null): string[] {
  return codesOf(meta?.itemNatures) ?? [...ITEM_NATURES];
}

/** Translated label of a code in a dictionary section ('idType', 'itemNature'); the code itself if unknown. */
export function optionLabel(t: (k: MessageKey) => string, section: 'idType' | 'itemNature', code: string): string {
  const key = `${section}.${code}`;
  return key in dictionaries['zh-CN'] ? t(key as MessageKey) : code;
}

/** The courier code a waybill validation identified (parsed.courier), or null. */
export function detectedCourier(r: ValidationResult): string | null {
  const c = (r.parsed as { courier?: unknown } | null)?.courier;
  return r.valid && typeof c === 'string' && c ? c : null;
}

/**
 * The label of a ParcelInput field for an error summary: '寄件人 · 证件号码' for sender and
 * receiver fields, the plain label otherwise, the field name itself when unknown.
 */
export function fieldLabel(t: (k: MessageKey) => string, field: string): string {
  const key = `field.${field}`;
  if (!(key in dictionaries['zh-CN'])) return field;
  const label = t(key as MessageKey);
  if (field.startsWith('sender')) return `${t('group.sender')} · ${label}`;
  if (field.startsWith('receiver')) return `${t('group.receiver')} · ${label}`;
  return label;
}
