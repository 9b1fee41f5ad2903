/**
 * 邮政编码: the 6-digit postcodes of China Post (GB/T 2260-aligned postal regions; YZ/T 0001).
 * The first two digits name a postal region (a province or part of one); 999077 and 999078
 * are the codes used for Hong Kong and Macao.
 */
import { CoreErrors, issue } from '../errors.ts';
import { fail, ok, type ValidationResult } from '../result.ts';

export interface PostcodeParsed {
  /** First two digits. */
  readonly regionCode: string;
  /** Province (or SAR) of the postal region. */
  readonly region: string;
}

/** Postal regions (first two digits) → province. */
const REGIONS: Record<string, string> = {
  '01': '内蒙古自治区', '02': '内蒙古自治区', '03': '山西省', '04': '山西省', '05': '河北省', '06': '河北省', '07': '河北省',
  '10': '北京市', '11': '辽宁省', '12': '辽宁省', '13': '吉林省', '15': '黑龙江省', '16': '黑龙江省',
  '20': '上海市', '21': '江苏省', '22': '江苏省', '23': '安徽省', '24': '安徽省', '25': '山东省', '26': '山东省', '27': '山东省',
  '30': '天津市', '31': '浙江省', '32': '浙江省', '33': '江西省', '34': '江西省', '35': '福建省', '36': '福建省',
  '40': '重庆市', '41': '湖南省', '42': '湖南省', '43': '湖北省', '44': '湖北省', '45': '河南省', '46': '河南省', '47': '河南省',
  '51': '广东省', '52': '广东省', '53': '广西壮族自治区', '54': '广西壮族自治区', '55': '贵州省', '56': '贵州省', '57': '海南省',
  '61': '四川省', '62': '四川省', '63': '四川省', '64': '四川省', '65': '云南省', '66': '云南省', '67': '云南省',
  '71': '陕西省', '72': '陕西省', '73': '甘肃省', '74': '甘肃省', '75': '宁夏回族自治区',
  '81': '青海省', '83': '新疆维吾尔自治区', '84': '新疆维吾尔自治区', '85': '西藏自治区', '86': '西藏自治区',
};
const SPECIAL: Record<string, string> = { '999077': '香港特别行政区', '999078': '澳门特别行政区' };
const SIX = /^\d{6}$/;
const FIVE = /^\d{5}$/;

/**
 * Validate a postcode.
 * @param value 6 digits (surrounding spaces ignored)
 * @returns normalized = the 6 digits; parsed region.
 *   Errors: VALUE_EMPTY, POSTCODE_FORMAT, POSTCODE_UNKNOWN_REGION, POSTCODE_LEADING_ZERO_STRIPPED
 *   (C15: '10010' is 010010 read as a number by a spreadsheet; never stored as valid).
 */
export function validatePostcode(value: string): ValidationResult<PostcodeParsed> {
  const v = value.trim();
  if (v === '') return fail([issue(CoreErrors.VALUE_EMPTY)]);
  if (FIVE.test(v) && REGIONS[`0${v.slice(0, 1)}`]) return fail([issue(CoreErrors.POSTCODE_LEADING_ZERO_STRIPPED, { probable: `0${v}` })]);
  if (!SIX.test(v)) return fail([issue(CoreErrors.POSTCODE_FORMAT, { value: v })]);
  const region = SPECIAL[v] ?? REGIONS[v.slice(0, 2)];
  if (!region) return fail([issue(CoreErrors.POSTCODE_UNKNOWN_REGION, { postcode: v })]);
  return ok(v, { regionCode: v.slice(0, 2), region });
}
