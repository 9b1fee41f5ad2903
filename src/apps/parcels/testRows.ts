/**
 * Stored-row values for database tests of the write and query paths (writer, repository,
 * stats) without going through validation: deterministic, with real blind indexes and
 * ciphertexts from the given keys. Not used by the application.
 */
import type { ParcelCrypto } from './parcelCrypto.ts';
import type { ParcelValues } from './parcelValidator.ts';

export interface TestRowSpec {
  readonly courier?: string;
  readonly waybillNo: string;
  readonly day?: string;
  readonly outlet?: string;
  readonly idNumber?: string | null;
  readonly senderPhone?: string | null;
  readonly receiverPhone?: string | null;
  readonly senderProvince?: string | null;
  readonly receiverProvince?: string | null;
  readonly itemName?: string;
  readonly flags?: { term: string; category: string }[];
  readonly noncompliance?: string[];
  readonly hash?: string;
}

/** Build ParcelValues for a spec (defaults: ZTO, 2026-11-11, outlet O1, one valid ID, two phones). */
export function testRow(keys: ParcelCrypto, s: TestRowSpec): ParcelValues {
  const day = s.day ?? '2026-11-11';
  const id = s.idNumber === undefined ? '11010519491231002X' : s.idNumber;
  const sp = s.senderPhone === undefined ? '13812345678' : s.senderPhone;
  const rp = s.receiverPhone === undefined ? '13987654321' : s.receiverPhone;
  return {
    courier: s.courier ?? 'ZTO', waybill_no: s.waybillNo, accepted_at: `${day}T02:00:00.000Z`, accepted_day: day,
    outlet: s.outlet ?? 'O1', clerk: 'C1', sender_name: '李娜', sender_id_type: 'resident',
    sender_id_enc: id ? keys.cipher.encrypt(id) : null, sender_id_bidx: id ? keys.idIndex.of(id) : null,
    sender_phone_enc: sp ? keys.cipher.encrypt(sp) : null, sender_phone_bidx: sp ? keys.phoneIndex.of(sp) : null,
    sender_address: '浙江省杭州市西湖区文三路1号', sender_division: '330106',
    sender_province: s.senderProvince === undefined ? '浙江省' : s.senderProvince,
    receiver_name: '王强', receiver_phone_enc: rp ? keys.cipher.encrypt(rp) : null, receiver_phone_bidx: rp ? keys.phoneIndex.of(rp) : null,
    receiver_address: '北京市东城区东华门街道1号', receiver_division: '110101',
    receiver_province: s.receiverProvince === undefined ? '北京市' : s.receiverProvince,
    item_name: s.itemName ?? '书籍', item_nature: 'goods', item_quantity: 1, weight_grams: 500,
    inspected: s.noncompliance?.includes('PARCEL_NOT_INSPECTED') ? 0 : 1,
    real_name_ok: id ? 1 : 0,
    noncompliance: s.noncompliance && s.noncompliance.length > 0 ? s.noncompliance.join(',') : null,
    flagged_terms: s.flags && s.flags.length > 0 ? JSON.stringify(s.flags) : null,
    content_hash: s.hash ?? `h-${s.waybillNo}`,
  };
}
