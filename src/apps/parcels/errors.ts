/**
 * Error and finding codes of the parcels application (实名收寄). Codes are global and never
 * reused. Three families:
 * - record rejections (the record is not stored): PARCEL_FIELD_INVALID, PARCEL_ID_TYPE_UNKNOWN …
 * - noncompliance findings (the record is stored with `real_name_ok = 0` or flagged, and the
 *   regulator sees the count): PARCEL_ID_MISSING, PARCEL_ID_INVALID, PARCEL_PHONE_INVALID,
 *   PARCEL_NOT_INSPECTED — for API registrations the first three reject instead (README.md);
 * - whole-request failures thrown as AppError: PARCEL_CONFLICT, PARCEL_BATCH_TOO_LARGE, …
 */
import { defineErrors } from '../../core/errors.ts';

export const ParcelErrors = defineErrors('parcels', {
  PARCEL_FIELD_INVALID: { status: 422, zh: '字段 {field} 无效：{reason}', en: 'field {field} is invalid: {reason}' },
  PARCEL_ID_TYPE_UNKNOWN: { status: 422, zh: '未知的证件类型：{value}', en: 'unknown ID type: {value}' },
  PARCEL_ID_MISSING: { status: 422, zh: '寄件人证件号码缺失（未实名）', en: "the sender's ID number is missing (not real-name registered)" },
  PARCEL_ID_INVALID: { status: 422, zh: '寄件人证件号码无效（未实名）', en: "the sender's ID number is invalid (not real-name registered)" },
  PARCEL_PHONE_INVALID: { status: 422, zh: '{party}电话号码无效', en: 'the {party} phone number is invalid' },
  PARCEL_NOT_INSPECTED: { status: 422, zh: '收寄前未验视', en: 'the item was not inspected before sealing' },
  PARCEL_ADDRESS_UNPARSED: { status: 422, zh: '{party}地址无法识别到行政区划', en: 'the {party} address could not be matched to a division' },
  PARCEL_PROHIBITED_ITEM: { status: 422, zh: '物品名称命中禁寄物品词：{terms}', en: 'the item description matches prohibited-item terms: {terms}' },
  PARCEL_CONFLICT: { status: 409, zh: '运单 {courier} {waybillNo} 已登记且内容不同', en: 'waybill {courier} {waybillNo} is already registered with different content' },
  PARCEL_BATCH_TOO_LARGE: { status: 413, zh: '一批最多 {max} 条，收到 {count} 条', en: 'a batch holds at most {max} records, got {count}' },
  PARCEL_LOOKUP_CRITERIA: { status: 400, zh: '请给出运单号和快递企业，或证件号码，或电话号码', en: 'give a waybill number with its courier, or an ID number, or a phone number' },
  PARCEL_IMPORT_COLUMNS_MISSING: { status: 422, zh: '导入文件缺少列：{columns}', en: 'the import file lacks columns: {columns}' },
  PARCEL_OUTLET_NOT_OWN: { status: 403, zh: '收寄员只能登记本网点 {outlet} 的邮件', en: 'a clerk may register parcels for their own outlet {outlet} only' },
  PARCEL_TIME_INVALID: { status: 422, zh: '收寄时间应为带时刻的时间（本地时间按 {timezone}）且不晚于当前时间', en: 'the acceptance time must be a date with a time of day (local times in {timezone}) and not in the future' },
  PARCEL_INVALID: { status: 422, zh: '登记信息有 {count} 处错误', en: 'the registration has {count} errors' },
  PARCEL_QUEUE_CLOSED: { status: 503, zh: '登记服务正在关闭', en: 'the registration service is shutting down' },
});
