/**
 * 统一社会信用代码 — GB 32100-2015 unified social credit code: 18 characters from the 31-character
 * set 0-9 A-H J-N P-R T U W-Y (no I O Z S V):
 *   1 registration authority code (§4.1, Table 1) · 1 organisation type code (Table 1) ·
 *   6 division code (GB/T 2260) · 9 organisation code (GB 11714, with its own check) ·
 *   1 check character (§4.5: weights W_i = 3^(i-1) mod 31, C = 31 − (Σ C_i·W_i mod 31), 31 → 0).
 */
import { CoreErrors, issue, type Issue } from '../errors.ts';
import { fail, ok, type ValidationResult } from '../result.ts';
import { spansOf } from '../division/data.ts';
import { lookupDivision } from '../division/division.ts';

export interface UsccParsed {
  readonly registrationAuthority: string;
  /** Name of the registration authority, e.g. 工商 for '9'. */
  readonly registrationAuthorityName: string;
  readonly orgType: string;
  /** Name of the organisation type, e.g. 企业 for '91'. */
  readonly orgTypeName: string;
  readonly divisionCode: string;
  /** Names of the division, e.g. ['福建省', '福州市']. */
  readonly division: readonly string[];
  /** The 9-character organisation code (主体标识码). */
  readonly orgCode: string;
  readonly orgCodeCheckOk: boolean;
}

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 Table 1: authority → [name, { type → name }]. */
const AUTHORITIES: Record<string, [string, Record<string, string>]> = {
  '1': ['机构编制', { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' }],
  '2': ['外交', { '1': '外国常驻新闻机构', '9': '其他' }],
  '3': ['司法行政', { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' }],
  '4': ['文化', { '1': '外国在华文化中心', '9': '其他' }],
  '5': ['民政', { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' }],
  '6': ['旅游', { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' }],
  '7': ['宗教', { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' }],
  '8': ['工会', { '1': '基层工会', '9': '其他' }],
  '9': ['工商', { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' }],
  A: ['中央军委改革和编制办公室', { '1': '军队事业单位', '9': '其他' }],
  N: ['农业', { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' }],
  Y: ['其他', { '1': '' }],
};

/** Check character over the first 17 characters (all in CHARSET; not checked here). */
export function usccCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(body[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714-1997 organisation code check: weights 3 7 9 10 5 8 4 2, C = 11 − Σ mod 11 (10 → X, 11 → 0). */
export function orgCodeCheckChar(body8: string): string | null {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (v < 0) return null;
    sum += v * w[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/**
 * Validate a unified social credit code.
 * @param value 18 characters; lower case and surrounding spaces are normalised
 * @returns normalized upper-case code; parsed authority, type, division, organisation code.
 *   Errors: VALUE_EMPTY, USCC_FORMAT (length, characters I O Z S V), USCC_CHECKSUM,
 *   USCC_AUTHORITY, USCC_DIVISION_UNKNOWN. Warning: USCC_ORG_CODE_CHECKSUM (the GB 11714 check
 *   of positions 9–17 fails: seen on codes assigned without a prior organisation code).
 * @example validateUscc('91350100M000100Y43').parsed?.orgTypeName // '企业'
 */
export function validateUscc(value: string): ValidationResult<UsccParsed> {
  const v = value.trim().toUpperCase();
  if (v === '') return fail([issue(CoreErrors.VALUE_EMPTY)]);
  if (v.length !== 18) return fail([issue(CoreErrors.USCC_FORMAT, { reason: `${v.length} characters (18 expected)` })]);
  for (let i = 0; i < 18; i++) {
    if (CHARSET.indexOf(v[i]!) < 0) return fail([issue(CoreErrors.USCC_FORMAT, { reason: `character "${v[i]}" at position ${i + 1} is not allowed` })]);
  }
  const errors: Issue[] = [];
  const expected = usccCheckChar(v);
  if (expected !== v[17]) errors.push(issue(CoreErrors.USCC_CHECKSUM, { expected, actual: v[17]! }));
  const authority = AUTHORITIES[v[0]!];
  const typeName = authority?.[1][v[1]!];
  if (!authority || typeName === undefined) errors.push(issue(CoreErrors.USCC_AUTHORITY, { authority: v[0]!, type: v[1]! }));
  const divisionCode = v.slice(2, 8);
  const division = /^\d{6}$/.test(divisionCode) && spansOf(divisionCode) ? lookupDivision(divisionCode) : null;
  if (!division) errors.push(issue(CoreErrors.USCC_DIVISION_UNKNOWN, { code: divisionCode }));
  if (errors.length > 0) return fail(errors);
  const orgCode = v.slice(8, 17);
  const orgCheck = orgCodeCheckChar(orgCode);
  const orgCodeCheckOk = orgCheck !== null && orgCheck === orgCode[8];
  const warnings = orgCodeCheckOk ? [] : [issue(CoreErrors.USCC_ORG_CODE_CHECKSUM, { orgCode })];
  return ok(v, {
    registrationAuthority: v[0]!,
    registrationAuthorityName: authority![0],
    orgType: v[1]!,
    orgTypeName: typeName!,
    divisionCode,
    division: division!.path,
    orgCode,
    orgCodeCheckOk,
  }, warnings);
}
