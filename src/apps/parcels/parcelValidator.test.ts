import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../core/index.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type RawParcel } from './parcelValidator.ts';
import type { ParcelInput } from './types.ts';

const keys = parcelCrypto(crypto.createHash('sha256').update('validator-test').digest());
const now = new Date('2026-11-30T00:00:00Z');
export const base: ParcelInput = {
  courier: 'ZTO', waybillNo: '78912345678901', senderName: '李娜', senderIdType: 'resident', senderIdNumber: '11010519491231002X',
  senderPhone: '13812345678', senderAddress: '浙江省杭州市西湖区文三路1号', receiverName: '王强', receiverPhone: '+86 139 8765 4321',
  receiverAddress: '北京市东城区东华门街道1号', itemName: '连衣裙', itemNature: 'clothing', itemQuantity: 2, weightGrams: 450,
  outlet: 'ZTO33010601', clerk: 'ZTO33010601-01', acceptedAt: '2026-11-11T00:30:00+08:00', inspected: true,
};
const check = (over: Partial<Record<keyof ParcelInput, unknown>>, mode: 'api' | 'import' = 'api') => checkParcel({ ...base, ...over } as RawParcel, keys, { mode, now });
const codes = (r: ReturnType<typeof check>) => r.errors.map((e) => `${e.field}:${e.code}`);

describe('parcel validation', () => {
  it('stores a valid record normalised, encrypted and blind-indexed, with the local day of acceptance', () => {
    const r = check({});
    expect(r.errors).toEqual([]);
    const v = r.values!;
    expect(v.accepted_at).toBe('2026-11-10T16:30:00.000Z');
    expect(v.accepted_day).toBe('2026-11-11');
    expect(v.real_name_ok).toBe(1);
    expect(v.noncompliance).toBeNull();
    expect(keys.cipher.decrypt(v.sender_id_enc!)).toBe('11010519491231002X');
    expect(v.sender_id_bidx).toBe(keys.idIndex.of('11010519491231002X'));
    expect(keys.cipher.decrypt(v.receiver_phone_enc!)).toBe('13987654321');
    expect(v.receiver_phone_bidx).toBe(keys.phoneIndex.of('13987654321'));
    expect([v.sender_division, v.sender_province]).toEqual(['330106', '浙江省']);
    expect([v.receiver_division, v.receiver_province]).toEqual(['110101', '北京市']);
    expect(Object.values(v).map(String).join('|')).not.toContain('11010519491231002X');
  });

  it('accepts the courier by Chinese short name and a lower-case x check character', () => {
    const r = check({ courier: '中通', senderIdNumber: '11010519491231002x' });
    expect(r.values!.courier).toBe('ZTO');
    expect(r.values!.sender_id_bidx).toBe(keys.idIndex.of('11010519491231002X'));
  });

  it('API mode rejects a missing or invalid sender ID (real-name rule); import mode keeps the parcel as non-compliant without the value', () => {
    expect(codes(check({ senderIdNumber: '' }))).toEqual(['senderIdNumber:PARCEL_ID_MISSING']);
    const bad = check({ senderIdNumber: '110105194912310021' });
    expect(bad.values).toBeNull();
    expect(codes(bad)).toContain('senderIdNumber:PARCEL_ID_INVALID');
    expect(bad.errors.length).toBeGreaterThan(1);
    const kept = check({ senderIdNumber: '110105194912310021' }, 'import');
    expect(kept.errors).toEqual([]);
    expect(kept.values!.real_name_ok).toBe(0);
    expect(kept.values!.noncompliance).toBe('PARCEL_ID_INVALID');
    expect(kept.values!.sender_id_enc).toBeNull();
    expect(kept.values!.sender_id_bidx).toBeNull();
    expect(check({ senderIdNumber: '' }, 'import').values!.noncompliance).toBe('PARCEL_ID_MISSING');
  });

  it('rejects spreadsheet damage in every mode and never stores it (C14, C15)', () => {
    for (const mode of ['api', 'import'] as const) {
      expect(codes(check({ senderIdNumber: '3.20102E+17' }, mode))).toEqual(['senderIdNumber:ID_SPREADSHEET_DAMAGED']);
      expect(check({ senderIdNumber: '320102199001011000' }, mode).errors.map((e) => e.code)).toContain('ID_SPREADSHEET_DAMAGED');
      expect(codes(check({ receiverPhone: '1088886666' }, mode))).toEqual(['receiverPhone:PHONE_LEADING_ZERO_STRIPPED']);
    }
  });

  it('rejects structural errors: unknown courier, malformed waybill, missing receiver, bad or future time', () => {
    expect(codes(check({ courier: 'NOPE' }))).toEqual(['courier:PARCEL_FIELD_INVALID']);
    expect(check({ waybillNo: '7891234567890A' }, 'import').errors[0]!.field).toBe('waybillNo');
    expect(codes(check({ receiverName: ' ' }, 'import'))).toEqual(['receiverName:REQUIRED']);
    expect(codes(check({ receiverAddress: '' }, 'import'))).toEqual(['receiverAddress:REQUIRED']);
    expect(check({ acceptedAt: '2026-02-30T10:00:00+08:00' }, 'import').errors.map((e) => e.field)).toEqual(['acceptedAt']);
    expect(codes(check({ acceptedAt: '2026-11-11' }, 'import'))).toEqual(['acceptedAt:PARCEL_TIME_INVALID']);
    expect(codes(check({ acceptedAt: '2026-12-01T10:00:00+08:00' }, 'import'))).toEqual(['acceptedAt:PARCEL_TIME_INVALID']);
    expect(codes(check({ itemQuantity: 0, weightGrams: -1 }))).toEqual(['itemQuantity:PARCEL_FIELD_INVALID', 'weightGrams:PARCEL_FIELD_INVALID']);
  });

  it('gives an ISO instant the same instant and local day whatever its offset, in the configured zone; an unknown zone is an error', () => {
    for (const acceptedAt of ['2024-02-29T16:30:00Z', '2024-02-29T16:30:00.000Z', '2024-03-01T00:30:00+08:00', '2024-02-29T11:30:00-05:00']) {
      const v = check({ acceptedAt }).values!;
      expect([v.accepted_at, v.accepted_day], acceptedAt).toEqual(['2024-02-29T16:30:00.000Z', '2024-03-01']);
      const utc = checkParcel({ ...base, acceptedAt } as RawParcel, keys, { mode: 'api', now, timezone: 'UTC' }).values!;
      expect(utc.accepted_day).toBe('2024-02-29');
    }
    expect(codes(check({ acceptedAt: '2026-11-30T00:10:01Z' }))).toEqual(['acceptedAt:PARCEL_TIME_INVALID']);
    expect(check({ acceptedAt: '2026-11-30T00:10:00Z' }).errors).toEqual([]);
    const mars = checkParcel({ ...base, acceptedAt: '2024-02-29T16:30:00Z' } as RawParcel, keys, { mode: 'api', now, timezone: 'Mars/Olympus' });
    expect(mars.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['acceptedAt:DATE_TIMEZONE']);
  });

  it('judges a repeated sender ID number against each day: born today (China Standard Time) is valid, tomorrow is not', () => {
    const body = '11010520261130001';
    const id = body + idCheckChar(body);
    const at = (iso: string) => checkParcel({ ...base, senderIdNumber: id, acceptedAt: '2024-01-01T00:00:00Z' } as RawParcel, keys, { mode: 'api', now: new Date(iso) });
    expect(at('2026-11-29T15:59:59Z').errors.map((e) => e.code)).toEqual(['ID_BIRTH_DATE_FUTURE', 'PARCEL_ID_INVALID']);
    expect(at('2026-11-29T16:00:00Z').errors).toEqual([]);
    expect(at('2026-11-29T15:59:59Z').errors.map((e) => e.code)).toEqual(['ID_BIRTH_DATE_FUTURE', 'PARCEL_ID_INVALID']);
    // The same text again gives the same findings, each its own copy with the field named.
    const [a, b] = [check({ senderIdNumber: '11010519491231002x' }), check({ senderIdNumber: '11010519491231002x' })];
    expect(a.values!.sender_id_bidx).toBe(b.values!.sender_id_bidx);
    expect(check({ senderPhone: '1381234567' }).errors).toEqual(check({ senderPhone: '1381234567' }).errors);
  });

  it('accepts a residence permit number (81/83) as a residence permit, and a resident ID number is not one, each time it is seen', () => {
    const body = '81000019900101001';
    const permit = body + idCheckChar(body);
    for (let i = 0; i < 2; i++) {
      expect(check({ senderIdType: 'residence_permit', senderIdNumber: permit }).errors).toEqual([]);
      expect(codes(check({ senderIdType: 'residence_permit', senderIdNumber: '11010519491231002X' }))).toEqual(['senderIdNumber:PARCEL_ID_INVALID']);
    }
  });

  it('interprets a local time without offset in Asia/Shanghai (C18)', () => {
    const v = check({ acceptedAt: '2024-03-01T00:30:00' }).values!;
    expect([v.accepted_at, v.accepted_day]).toEqual(['2024-02-29T16:30:00.000Z', '2024-03-01']);
  });

  it('records not inspected as noncompliance in both modes and flags prohibited items', () => {
    const r = check({ inspected: false, itemName: '玩具枪配件' });
    expect(r.values!.inspected).toBe(0);
    expect(r.values!.noncompliance).toBe('PARCEL_NOT_INSPECTED');
    expect(JSON.parse(r.values!.flagged_terms!)).toEqual([{ term: '玩具枪', category: 'firearms' }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['PARCEL_NOT_INSPECTED', 'PARCEL_PROHIBITED_ITEM']);
    expect(check({ itemName: '手枪钻' }).values!.flagged_terms).toBeNull();
  });

  it('reads import text cells: 是/否, Chinese ID type and item nature labels, numbers as text', () => {
    const r = check({ inspected: '否', senderIdType: '居民身份证', itemNature: '文件', itemQuantity: '3', weightGrams: '120' }, 'import');
    expect([r.values!.inspected, r.values!.sender_id_type, r.values!.item_nature, r.values!.item_quantity, r.values!.weight_grams]).toEqual([0, 'resident', 'document', 3, 120]);
    expect(codes(check({ inspected: 'maybe' }))).toEqual(['inspected:PARCEL_FIELD_INVALID']);
  });

  it('gives the same content hash for the same parcel and a different one when content changes', () => {
    expect(check({}).values!.content_hash).toBe(check({ senderIdNumber: '11010519491231002x', receiverPhone: '13987654321' }).values!.content_hash);
    expect(check({ itemName: '衬衫' }).values!.content_hash).not.toBe(check({}).values!.content_hash);
  });

  it('keeps the content hash of a stored parcel stable (rows stored before must still match as duplicates)', () => {
    // The first 16 hex digits of SHA-256 over the normalised fields joined by U+001F, as computed
    // with crypto.createHash before the one-shot crypto.hash replaced it.
    expect(check({}).values!.content_hash).toBe('1fc78a6df6b1b78d');
  });
});
