/**
 * The real-name registration record (实名收寄) as it enters Gongzhi — from the API, a courier's
 * export file or the demo generator — before validation. Every field is the raw text as given;
 * validation (src/core) decides what is valid and normalises it.
 *
 * Required by the real-name rules (《快递市场管理办法》 and the 2016 实名收寄 rules: sender's
 * identity checked and recorded; item inspected before sealing): sender name, ID type and
 * number, phone, address; receiver name, phone, address; item name, nature and quantity;
 * weight; outlet; clerk; time; inspection.
 */

/** 证件类型 — ID type of the sender. */
export type IdType =
  | 'resident' // 居民身份证
  | 'temporary' // 临时居民身份证
  | 'residence_permit' // 港澳台居民居住证 (81/83)
  | 'hk_mo_pass' // 港澳居民来往内地通行证
  | 'tw_pass' // 台湾居民来往大陆通行证
  | 'passport' // 护照
  | 'military'; // 军官证/士兵证

/** 物品性质 — nature of the item. */
export type ItemNature = 'document' | 'goods' | 'food' | 'electronics' | 'clothing' | 'cosmetics' | 'medicine' | 'other';

export interface ParcelInput {
  /** 快递企业 code, e.g. 'ZTO' (see src/core/waybill couriers table). */
  readonly courier: string;
  /** 运单号; natural key together with courier. */
  readonly waybillNo: string;
  readonly senderName: string;
  readonly senderIdType: IdType;
  readonly senderIdNumber: string;
  readonly senderPhone: string;
  readonly senderAddress: string;
  readonly receiverName: string;
  readonly receiverPhone: string;
  readonly receiverAddress: string;
  readonly itemName: string;
  readonly itemNature: ItemNature;
  readonly itemQuantity: number;
  /** grams */
  readonly weightGrams: number;
  /** outlet code (网点编码) */
  readonly outlet: string;
  /** clerk id (收寄员工号) */
  readonly clerk: string;
  /** ISO-8601 instant with offset, e.g. '2026-11-11T09:30:00+08:00'. */
  readonly acceptedAt: string;
  /** 验视: whether the clerk inspected the item before sealing. */
  readonly inspected: boolean;
}
