/**
 * Error codes of the ingest module (readers, row pipeline, checkpoints). Row-level codes are
 * reported as `Issue`s on rejected rows; file-level codes are thrown as `AppError` because the
 * file as a whole cannot be read.
 */
import { defineErrors } from '../core/errors.ts';

/** The ingest module's codes (documented in README.md; errors.test.ts keeps the table in sync). */
export const IngestErrors = defineErrors('ingest', {
  // ── row level (a rejected row carries these; the rest of the file goes on) ──
  ENCODING_INVALID: {
    status: 422,
    zh: '第 {line} 行含有无法按 {encoding} 解码的字节（出现替换字符 U+FFFD）',
    en: 'line {line} contains bytes that are not valid {encoding} (decoding produced U+FFFD)',
  },
  SPREADSHEET_NUMERIC_CELL: {
    status: 422,
    zh: '该列应为文本，但单元格以数字存储（显示为 {shown}），数值可能已被电子表格改坏',
    en: 'this column must be text but the cell is stored as a number (shown as {shown}); a spreadsheet has probably damaged the value',
  },
  CSV_COLUMN_COUNT: {
    status: 422,
    zh: '本行有 {actual} 列，表头有 {expected} 列',
    en: 'the row has {actual} columns, the header has {expected}',
  },
  CSV_QUOTE_INVALID: {
    status: 422,
    zh: '引号字段结束后紧跟了多余字符',
    en: 'characters follow the closing quote of a quoted field',
  },
  CSV_QUOTE_NOT_CLOSED: {
    status: 422,
    zh: '引号字段直到文件末尾都没有闭合',
    en: 'a quoted field is not closed before the end of the file',
  },
  NDJSON_INVALID: { status: 422, zh: '本行不是合法的 JSON：{reason}', en: 'the line is not valid JSON: {reason}' },
  NDJSON_NOT_OBJECT: { status: 422, zh: '本行应为 JSON 对象', en: 'the line must be a JSON object' },
  XLSX_CELL_ERROR: { status: 422, zh: '单元格为错误值 {shown}', en: 'the cell holds the error value {shown}' },
  ROW_VALIDATION_FAILED: {
    status: 500,
    zh: '校验本行时出错：{reason}',
    en: 'validating the row failed: {reason}',
  },
  ROW_REJECTED: { status: 422, zh: '本行被拒收', en: 'the row was rejected' },
  // ── file level (thrown as AppError) ──
  INGEST_SOURCE_UNREADABLE: { status: 400, zh: '无法读取导入文件：{reason}', en: 'the input file cannot be read: {reason}' },
  INGEST_ENCODING_UNSUPPORTED: {
    status: 400,
    zh: '不支持的编码 {encoding}',
    en: 'unsupported encoding {encoding}',
  },
  INGEST_HEADER_MISSING: {
    status: 422,
    zh: '表头缺少必需的列：{fields}',
    en: 'the header lacks required columns: {fields}',
  },
  INGEST_HEADER_DUPLICATE: {
    status: 422,
    zh: '表头中有多列对应同一字段 {field}：{columns}',
    en: 'several header columns map to the same field {field}: {columns}',
  },
  INGEST_SHEET_NOT_FOUND: { status: 400, zh: '工作簿中没有工作表 {sheet}', en: 'the workbook has no sheet {sheet}' },
  INGEST_SINK_FAILED: {
    status: 500,
    zh: '写入第 {firstRow}–{lastRow} 行所在批次失败：{reason}',
    en: 'writing the batch of rows {firstRow}–{lastRow} failed: {reason}',
  },
  INGEST_RUN_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的导入记录', en: 'no ingest run with id {id}' },
});
