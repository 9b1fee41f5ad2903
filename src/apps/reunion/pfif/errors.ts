/**
 * Codes of the PFIF exchange (reunion application, issue 4 item 5). Three families:
 * - document-level failures (PFIF_XML_MALFORMED, root/namespace/version): one per document;
 * - validator findings (PFIF 1.4 §2–§3 rules, and Person Finder's pfif_validator checks);
 * - import rejections and warnings (one per record; a bad record never stops an import).
 * Codes are global and never reused.
 */
import { defineErrors } from '../../../core/errors.ts';

export const PfifErrors = defineErrors('pfif', {
  PFIF_XML_MALFORMED: { status: 422, zh: 'XML 格式错误：{reason}', en: 'malformed XML: {reason}' },
  PFIF_ROOT_NOT_PFIF: { status: 422, zh: '根元素应为 pfif，实为 {root}', en: 'the root element must be pfif, not {root}' },
  PFIF_NAMESPACE_MISSING: { status: 422, zh: '根元素没有 PFIF 命名空间', en: 'the root element has no PFIF namespace' },
  PFIF_NAMESPACE_UNKNOWN: { status: 422, zh: '命名空间 {namespace} 不是 PFIF 命名空间（http://zesty.ca/pfif/1.N）', en: 'namespace {namespace} is not a PFIF namespace (http://zesty.ca/pfif/1.N)' },
  PFIF_VERSION_UNSUPPORTED: { status: 422, zh: '不支持 PFIF {version} 版（支持 1.1–1.4）', en: 'PFIF version {version} is not supported (1.1–1.4 are)' },
  PFIF_ROOT_EMPTY: { status: 422, zh: '根元素至少要有一个子元素', en: 'the root element must have at least one child' },
  PFIF_ROOT_NO_RECORD: { status: 422, zh: '根元素下必须有 person（PFIF 1.2 起也可为 note）', en: 'the root must contain a person (or, from PFIF 1.2, a note)' },
  PFIF_FIELD_MISSING: { status: 422, zh: '{kind} 记录缺少必填字段 {field}', en: '{kind} record lacks the mandatory field {field}' },
  PFIF_FIELD_FORMAT: { status: 422, zh: '字段 {field} 的值“{value}”不符合 PFIF {version} 格式（{rule}）', en: 'field {field} value "{value}" does not match the PFIF {version} format ({rule})' },
  PFIF_FIELD_BLANK: { status: 200, zh: '字段 {field} 为空', en: 'field {field} is empty' },
  PFIF_FIELD_ORDER: { status: 422, zh: '字段 {field} 顺序错误（PFIF {version}）', en: 'field {field} is out of order (PFIF {version})' },
  PFIF_FIELD_EXTRANEOUS: { status: 422, zh: 'PFIF {version} 的 {parent} 中没有字段 {field}', en: 'PFIF {version} defines no field {field} in {parent}' },
  PFIF_FIELD_DUPLICATE: { status: 422, zh: '字段 {field} 在同一 {parent} 中重复', en: 'field {field} repeats inside one {parent}' },
  PFIF_ID_DUPLICATE_PERSON: { status: 422, zh: '人员记录编号 {recordId} 重复', en: 'duplicate person_record_id {recordId}' },
  PFIF_ID_DUPLICATE_NOTE: { status: 422, zh: '留言记录编号 {recordId} 重复', en: 'duplicate note_record_id {recordId}' },
  PFIF_ID_PERSON_AS_NOTE: { status: 200, zh: '编号 {recordId} 同时用作人员记录和留言记录', en: 'record id {recordId} is used by both a person and a note' },
  PFIF_NOTE_WITHOUT_PERSON: { status: 422, zh: '顶层留言缺少 person_record_id', en: 'a top-level note lacks a person_record_id' },
  PFIF_NOTE_PERSON_MISMATCH: { status: 422, zh: '留言的 person_record_id {notePersonId} 与所属人员 {personId} 不符', en: 'the note\'s person_record_id {notePersonId} does not match its enclosing person {personId}' },
  PFIF_LINK_ASYMMETRIC: { status: 200, zh: '{personId} 链接到 {linkedId}，但对方没有链接回来', en: '{personId} links to {linkedId}, which does not link back' },
  PFIF_EXPIRED_HAS_DATA: { status: 422, zh: '已过期记录 {recordId} 仍有个人数据（字段 {field}）', en: 'expired record {recordId} still holds personal data (field {field})' },
  PFIF_EXPIRED_DATES_MISMATCH: { status: 422, zh: '已过期记录 {recordId} 的 source_date 与 entry_date 不一致', en: 'expired record {recordId} has a source_date different from its entry_date' },
  PFIF_EXPIRED_PLACEHOLDER_LATE: { status: 422, zh: '已过期记录 {recordId} 的占位记录晚于过期后一天才生成', en: 'the placeholder of expired record {recordId} was made more than a day after expiry' },
  PFIF_IMPORT_RECORD_ID_MISSING: { status: 422, zh: '{kind} 记录没有编号', en: '{kind} record has no record id' },
  PFIF_IMPORT_RECORD_ID_FORMAT: { status: 422, zh: '记录编号“{value}”应为“域名/唯一标识”', en: 'record id "{value}" must be "domain/unique-id"' },
  PFIF_IMPORT_DOMAIN_NOT_AUTHORIZED: { status: 422, zh: '记录编号的域名 {domain} 未获授权', en: 'record id domain {domain} is not authorized' },
  PFIF_IMPORT_FIELD_FORMAT: { status: 422, zh: '字段 {field} 的值“{value}”无效（{rule}）', en: 'field {field} value "{value}" is invalid ({rule})' },
  PFIF_IMPORT_NOTE_WITHOUT_PERSON: { status: 422, zh: '留言 {recordId} 不属于任何人员记录', en: 'note {recordId} belongs to no person record' },
  PFIF_IMPORT_DUPLICATE_ID: { status: 422, zh: '记录编号 {recordId} 在本文件中重复，后一条未导入', en: 'record id {recordId} repeats in this document; the later record is not imported' },
  PFIF_IMPORT_FIELD_IGNORED: { status: 200, zh: 'PFIF {version} 的 {kind} 中没有字段 {field}，已忽略', en: 'PFIF {version} defines no {kind} field {field}; ignored' },
  PFIF_CSV_COLUMN_UNKNOWN: { status: 200, zh: 'CSV 列 {column} 不是 PFIF 1.4 字段，已忽略', en: 'CSV column {column} is not a PFIF 1.4 field; ignored' },
  PFIF_CSV_EXTRA_CELLS: { status: 200, zh: 'CSV 第 {line} 行有 {cells} 个单元格，表头只有 {columns} 列，多余的已忽略', en: 'CSV line {line} has {cells} cells for {columns} columns; the extra cells are ignored' },
  PFIF_CSV_ROW_MALFORMED: { status: 422, zh: 'CSV 第 {line} 行格式错误：{reason}', en: 'CSV line {line} is malformed: {reason}' },
});
