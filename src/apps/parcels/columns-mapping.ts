/**
 * Header aliases of couriers' export files: Gongzhi field names (ParcelInput) → the Chinese and
 * English column labels that mean them (matched after NFKC, lower-casing and removing spaces,
 * '_', '-', '*', ':' — src/ingest/header.ts).
 */
import type { ColumnMapping } from '../../ingest/types.ts';

export const PARCEL_COLUMNS: ColumnMapping = {
  courier: ['快递企业', '快递公司', '寄递企业', '企业', 'courier_code', 'company'],
  waybillNo: ['运单号', '运单号码', '快递单号', '单号', 'waybill_no', 'waybill', 'tracking_no', 'tracking_number'],
  senderName: ['寄件人姓名', '寄件人', '发件人', '发件人姓名', 'sender_name', 'sender'],
  senderIdType: ['证件类型', '寄件人证件类型', 'sender_id_type', 'id_type'],
  senderIdNumber: ['寄件人证件号码', '证件号码', '身份证号', '身份证号码', '寄件人身份证号', 'sender_id_number', 'id_number'],
  senderPhone: ['寄件人电话', '寄件人手机', '寄件人联系电话', '发件人电话', 'sender_phone'],
  senderAddress: ['寄件人地址', '寄件地址', '发件人地址', 'sender_address'],
  receiverName: ['收件人姓名', '收件人', 'receiver_name', 'receiver', 'recipient_name'],
  receiverPhone: ['收件人电话', '收件人手机', '收件人联系电话', 'receiver_phone', 'recipient_phone'],
  receiverAddress: ['收件人地址', '收件地址', 'receiver_address', 'recipient_address'],
  itemName: ['物品名称', '内件品名', '品名', '寄递物品', 'item_name', 'item', 'contents'],
  itemNature: ['物品性质', '物品类别', '内件性质', 'item_nature', 'item_type'],
  itemQuantity: ['数量', '物品数量', '件数', 'item_quantity', 'quantity'],
  weightGrams: ['重量克', '重量(克)', '重量（克）', '重量(g)', '重量g', '重量', 'weight_grams', 'weight_g', 'weight'],
  outlet: ['网点编码', '收寄网点', '网点', '网点代码', 'outlet', 'outlet_code'],
  clerk: ['收寄员', '收寄员工号', '揽收员', '揽件员', 'clerk', 'clerk_id'],
  acceptedAt: ['收寄时间', '揽收时间', '寄件时间', 'accepted_at', 'accept_time'],
  inspected: ['是否验视', '验视', '已验视', 'inspected'],
};

/** Columns an import file must have (courier may come from --courier instead). */
export const REQUIRED_IMPORT_FIELDS = ['waybillNo', 'senderName', 'senderIdNumber', 'receiverName', 'receiverAddress', 'itemName', 'acceptedAt'] as const;
