/**
 * One registry of stable error codes (after fastify `lib/errors.js`). Each module declares its
 * codes with `defineErrors` in its own `errors.ts`; codes are global, UPPER_SNAKE, never reused
 * and never renamed. A code carries an HTTP status and a zh-CN and an en message template whose
 * `{name}` placeholders are filled from params.
 *
 * Bad input is reported as a value (`Issue`), never thrown. `AppError` is thrown only for
 * failures of a request as a whole (not found, forbidden, conflict), and the API turns it into
 * `{ error: { code, message, messageEn, params } }` with the code's status.
 */

export interface ErrorDef {
  /** HTTP status when this code fails a request as a whole. */
  readonly status: number;
  /** Simplified Chinese message template, e.g. '校验码应为 {expected}'. */
  readonly zh: string;
  /** English message template. */
  readonly en: string;
}

/** A coded finding about one value: the shape of every validation error and warning. */
export interface Issue {
  readonly code: string;
  /** zh-CN message, placeholders filled. */
  readonly message: string;
  /** English message, placeholders filled. */
  readonly messageEn: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
  /** The field the issue is about, when known (ingest rows, API bodies). */
  readonly field?: string;
}

const registry = new Map<string, ErrorDef & { module: string }>();

/**
 * Register a module's error codes. Throws at import time (a programming error) if a code is
 * already registered by another module or is not UPPER_SNAKE.
 */
export function defineErrors<const T extends Record<string, ErrorDef>>(module: string, defs: T): { readonly [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new Error(`error code ${code} is not UPPER_SNAKE`);
    const existing = registry.get(code);
    if (existing && existing.module !== module) throw new Error(`error code ${code} defined by both ${existing.module} and ${module}`);
    registry.set(code, { ...def, module });
    (codes as Record<string, string>)[code] = code;
  }
  return Object.freeze(codes);
}

function fill(template: string, params: Issue['params']): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params && k in params ? String(params[k]) : m));
}

/** Build an `Issue` for a registered code. Throws if the code was never registered (a bug). */
export function issue(code: string, params?: Issue['params'], field?: string): Issue {
  const def = registry.get(code);
  if (!def) throw new Error(`unregistered error code ${code}`);
  const out: { -readonly [K in keyof Issue]: Issue[K] } = { code, message: fill(def.zh, params), messageEn: fill(def.en, params) };
  if (params) out.params = params;
  if (field !== undefined) out.field = field;
  return out;
}

/** The definition of a registered code, or undefined. */
export function errorDef(code: string): (ErrorDef & { module: string }) | undefined {
  return registry.get(code);
}

/** Every registered code (for the docs-sync test and the error catalogue endpoint). */
export function allErrors(): ReadonlyArray<{ code: string } & ErrorDef & { module: string }> {
  return [...registry.entries()].map(([code, d]) => ({ code, ...d }));
}

/** A whole-request failure with a registered code; the API maps it to the code's HTTP status. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issue: Issue;
  readonly details: readonly Issue[];
  constructor(code: string, params?: Issue['params'], details: readonly Issue[] = []) {
    const i = issue(code, params);
    super(i.messageEn);
    this.name = 'AppError';
    this.code = code;
    this.status = errorDef(code)!.status;
    this.issue = i;
    this.details = details;
  }
}

/** Codes used across the platform (not owned by one module). */
export const CommonErrors = defineErrors('core', {
  NOT_FOUND: { status: 404, zh: '未找到：{what}', en: 'not found: {what}' },
  BAD_REQUEST: { status: 400, zh: '请求无效：{reason}', en: 'bad request: {reason}' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'please log in' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作：{reason}', en: 'forbidden: {reason}' },
  CONFLICT: { status: 409, zh: '冲突：{reason}', en: 'conflict: {reason}' },
  REQUIRED: { status: 422, zh: '必填项缺失', en: 'required value is missing' },
  INTERNAL: { status: 500, zh: '内部错误', en: 'internal error' },
});

/**
 * Codes of the standard validators in src/core: errors carry HTTP 422 (a request that fails on
 * them), codes used only as warnings carry 200 (they never fail a request).
 * Sources: GB 11643-1999 (resident ID number), GB/T 2260 (division codes), GB 32100-2015 (USCC),
 * GB/T 7408 (dates), the MIIT number plan (mobile blocks), the couriers' published formats.
 */
export const CoreErrors = defineErrors('core', {
  VALUE_EMPTY: { status: 422, zh: '值为空', en: 'the value is empty' },
  ID_FORMAT: { status: 422, zh: '身份证号码格式错误：{reason}', en: 'malformed ID number: {reason}' },
  ID_INVALID_CHARACTER: { status: 422, zh: '身份证号码第 {position} 位字符“{char}”无效（应为数字）', en: 'invalid character "{char}" at position {position} of the ID number (a digit is expected)' },
  ID_CHECKSUM: { status: 422, zh: '校验码错误：应为 {expected}，实为 {actual}', en: 'check character mismatch: expected {expected}, got {actual}' },
  ID_BIRTH_DATE_INVALID: { status: 422, zh: '出生日期 {date} 不存在', en: 'birth date {date} does not exist' },
  ID_BIRTH_DATE_FUTURE: { status: 422, zh: '出生日期 {date} 晚于今天', en: 'birth date {date} is in the future' },
  ID_DIVISION_UNKNOWN: { status: 422, zh: '地址码 {code} 不是已知的行政区划代码', en: 'address code {code} is not a known division code' },
  ID_DIVISION_NOT_AT_BIRTH: { status: 422, zh: '地址码 {code} 在出生年份 {year} 不存在（有效期 {validity}）', en: 'address code {code} did not exist in the birth year {year} (in use {validity})' },
  ID_DIVISION_RETIRED: { status: 200, zh: '地址码 {code}（{name}）已撤销，现为 {successor}', en: 'address code {code} ({name}) is retired; now {successor}' },
  ID_DIVISION_UNVERIFIED: { status: 200, zh: '地址码 {code} 不在行政区划代码表中，仅核对了省级代码 {province}', en: 'address code {code} is not in the division table; only its province {province} was checked' },
  ID_LEGACY_15: { status: 200, zh: '15 位旧号码已升为 18 位：{idNumber18}', en: 'legacy 15-digit number upgraded to 18 digits: {idNumber18}' },
  ID_SPREADSHEET_DAMAGED: { status: 422, zh: '身份证号码疑被电子表格损坏（{reason}），请按文本重新导出', en: 'ID number apparently damaged by a spreadsheet ({reason}); export the column as text' },
  DIVISION_FORMAT: { status: 422, zh: '行政区划代码应为 6 位数字', en: 'a division code has 6 digits' },
  DIVISION_UNKNOWN: { status: 422, zh: '行政区划代码 {code} 未知', en: 'unknown division code {code}' },
  DIVISION_NOT_IN_YEAR: { status: 422, zh: '行政区划代码 {code} 在 {year} 年不存在', en: 'division code {code} did not exist in {year}' },
  DIVISION_RETIRED: { status: 200, zh: '行政区划代码 {code}（{name}）已撤销，现为 {successor}', en: 'division code {code} ({name}) is retired; now {successor}' },
  PHONE_FORMAT: { status: 422, zh: '电话号码格式错误：{reason}', en: 'malformed phone number: {reason}' },
  PHONE_UNALLOCATED_BLOCK: { status: 422, zh: '号段 {prefix} 未分配给手机号码', en: 'number block {prefix} is not allocated to mobile numbers' },
  PHONE_IOT_NUMBER: { status: 422, zh: '号段 {prefix} 是 13 位物联网号段，不是手机号码', en: 'block {prefix} holds 13-digit IoT numbers, not mobile numbers' },
  PHONE_AREA_CODE_UNKNOWN: { status: 422, zh: '长途区号 {areaCode} 未知', en: 'unknown area code {areaCode}' },
  PHONE_LEADING_ZERO_STRIPPED: { status: 422, zh: '电话号码疑似丢失开头的 0（可能是 {probable}），请按文本重新导出', en: 'the phone number apparently lost its leading zero (probably {probable}); export the column as text' },
  PHONE_SPREADSHEET_DAMAGED: { status: 422, zh: '电话号码疑被电子表格转成科学计数法', en: 'phone number apparently turned into scientific notation by a spreadsheet' },
  PHONE_KIND_MISMATCH: { status: 422, zh: '不是{expectedZh}号码', en: 'not a {expected} number' },
  PHONE_DATA_ONLY: { status: 200, zh: '号段 {prefix} 为上网卡（数据卡）号段', en: 'block {prefix} is a data-only (SIM data card) block' },
  POSTCODE_FORMAT: { status: 422, zh: '邮政编码应为 6 位数字', en: 'a postcode has 6 digits' },
  POSTCODE_LEADING_ZERO_STRIPPED: { status: 422, zh: '邮政编码疑似丢失开头的 0（可能是 {probable}）', en: 'the postcode apparently lost its leading zero (probably {probable})' },
  POSTCODE_UNKNOWN_REGION: { status: 422, zh: '邮政编码 {postcode} 的前两位不属于任何邮区', en: 'postcode {postcode} does not start with a postal region' },
  USCC_FORMAT: { status: 422, zh: '统一社会信用代码格式错误：{reason}', en: 'malformed unified social credit code: {reason}' },
  USCC_CHECKSUM: { status: 422, zh: '统一社会信用代码校验码错误：应为 {expected}，实为 {actual}', en: 'USCC check character mismatch: expected {expected}, got {actual}' },
  USCC_AUTHORITY: { status: 422, zh: '登记管理部门代码 {authority} 或机构类别代码 {type} 无效', en: 'invalid registration authority {authority} or organisation type {type}' },
  USCC_DIVISION_UNKNOWN: { status: 422, zh: '统一社会信用代码中的行政区划代码 {code} 未知', en: 'unknown division code {code} inside the USCC' },
  USCC_ORG_CODE_CHECKSUM: { status: 200, zh: '主体标识码（组织机构代码）{orgCode} 的校验码不符合 GB 11714', en: 'the organisation code {orgCode} fails its GB 11714 check character' },
  WAYBILL_COURIER_UNKNOWN: { status: 422, zh: '未知的快递企业：{courier}', en: 'unknown courier company: {courier}' },
  WAYBILL_FORMAT: { status: 422, zh: '运单号格式错误：{reason}', en: 'malformed waybill number: {reason}' },
  WAYBILL_CHECKSUM: { status: 422, zh: '运单号校验位错误：应为 {expected}', en: 'waybill check digit mismatch: expected {expected}' },
  WAYBILL_UNVERIFIED: { status: 200, zh: '{courier} 的运单号长度 {length} 不在已知格式中，未能核验', en: 'the {courier} waybill length {length} is not a known format; unverified' },
  DATE_FORMAT: { status: 422, zh: '无法识别的日期：{value}', en: 'unrecognised date: {value}' },
  DATE_INVALID: { status: 422, zh: '日期不存在：{value}', en: 'no such date: {value}' },
  DATE_TIMEZONE: { status: 422, zh: '未知时区：{timezone}', en: 'unknown time zone: {timezone}' },
  ADDRESS_UNRECOGNISED: { status: 422, zh: '地址中没有可识别的行政区划', en: 'no division recognised in the address' },
});
