/**
 * The real-world failure cases of ../shared/cases/cases.json that src/core owns (areas
 * id-number, division, phone, waybill, address, excel-damage, dates, open311-time), one test
 * per case id. The given values are read from the file, so a change there is noticed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { lookupDivision, localDay, formatLocal, parseAddress, parseDate, toInstant, validateDivision, validateIdNumber, validatePhone, validatePostcode, validateWaybill } from './index.ts';

interface Case {
  id: string;
  area: string;
  given: unknown[];
  expect: string;
}
const file = path.join(path.dirname(loadConfig().sharedDataDir), 'cases', 'cases.json');
const cases = new Map((JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: Case[] }).cases.map((c) => [c.id, c]));
const given = (id: string) => cases.get(id)!.given as string[];
const codes = (r: { errors: Array<{ code: string }> }) => r.errors.map((e) => e.code);
const TODAY = { today: new Date('2026-11-30T00:00:00Z') };

describe('cases.json', () => {
  it('C01 lowercase and uppercase X check character both valid, normalised to X, female, 1988-08-15', () => {
    expect(given('C01')).toEqual(['11010519880815108X', '11010519880815108x']);
    for (const v of given('C01')) {
      const r = validateIdNumber(v, TODAY);
      expect(r.valid).toBe(true);
      expect(r.normalized).toBe('11010519880815108X');
      expect(r.parsed).toMatchObject({ birthDate: '1988-08-15', sex: 'female', divisionCode: '110105', division: ['北京市', '朝阳区'] });
    }
  });

  it('C02 all-ones number fails the check (expected 0) and 111111 is no division code; letter O reported at position 11', () => {
    const [ones, withO] = given('C02') as [string, string];
    const r = validateIdNumber(ones, TODAY);
    expect(r.valid).toBe(false);
    expect(r.errors.find((e) => e.code === 'ID_CHECKSUM')?.params).toEqual({ expected: '0', actual: '1' });
    expect([...r.errors, ...r.warnings].some((e) => e.code.startsWith('ID_DIVISION') && e.params?.code === '111111')).toBe(true);
    expect(codes(validateIdNumber(ones, { ...TODAY, strict: true }))).toContain('ID_DIVISION_UNKNOWN');
    const o = validateIdNumber(withO, TODAY);
    expect(o.valid).toBe(false);
    expect(o.errors).toHaveLength(1);
    expect(o.errors[0]).toMatchObject({ code: 'ID_INVALID_CHARACTER', params: { position: 11, char: 'O' } });
  });

  it('C03 retired 320123 六合县 valid, flagged retired with successor 320116; 15 digits upgrade exactly', () => {
    const [id18, id15] = given('C03') as [string, string];
    for (const v of [id18, id15]) {
      const r = validateIdNumber(v, TODAY);
      expect(r.valid).toBe(true);
      expect(r.normalized).toBe('320123197506202133');
      expect(r.parsed).toMatchObject({ division: ['江苏省', '南京市', '六合县'], divisionRetired: true, successor: '320116' });
      expect(r.warnings.map((w) => w.code)).toContain('ID_DIVISION_RETIRED');
    }
    expect(validateIdNumber(id15, TODAY).parsed?.legacy15).toBe(true);
  });

  it('C04 平果: 451082 current, 451023 retired → 451082, 452624 retired 百色地区; 362324 in 1985 is 铅山县', () => {
    expect(given('C04').slice(0, 3)).toEqual(['451082', '451023', '452624']);
    const current = validateDivision('451082');
    expect(current.valid).toBe(true);
    expect(current.parsed).toMatchObject({ path: ['广西壮族自治区', '百色市', '平果市'], current: true, retired: false });
    const retired = validateDivision('451023');
    expect(retired.parsed).toMatchObject({ name: '平果县', retired: true, successor: '451082' });
    expect(retired.warnings[0]?.code).toBe('DIVISION_RETIRED');
    expect(lookupDivision('452624')).toMatchObject({ name: '平果县', retired: true, path: ['广西壮族自治区', '百色地区', '平果县'], successor: '451082' });
    const pingguo = validateIdNumber('452624198503121468', TODAY);
    expect(pingguo.valid).toBe(true);
    expect(pingguo.parsed?.division).toEqual(['广西壮族自治区', '百色地区', '平果县']);
    const yanshan = validateIdNumber('362324198507011233', TODAY);
    expect(yanshan.valid).toBe(true);
    expect(yanshan.parsed?.division).toEqual(['江西省', '上饶地区', '铅山县']);
    expect(yanshan.parsed?.division).not.toContain('丰城县');
    expect(lookupDivision('362324', { year: 1981 })?.name).toBe('丰城县');
  });

  it('C05 blocks 195/166/192 valid, +86 with spaces normalised, 120 invalid', () => {
    const [a, b, c, spaced, bad] = given('C05') as [string, string, string, string, string];
    for (const v of [a, b, c]) expect(validatePhone(v).normalized).toBe(v);
    expect(validatePhone(c).parsed?.carrier).toBe('CBN');
    expect(validatePhone(spaced).normalized).toBe('19512345678');
    const r = validatePhone(bad);
    expect(r.valid).toBe(false);
    expect(r.errors[0]?.code).toBe('PHONE_UNALLOCATED_BLOCK');
  });

  it('C06 中通 14 digits verified; unknown length unverified but valid; letters in digits-only invalid', () => {
    const [g] = cases.get('C06')!.given as Array<{ courier: string; waybillNo: string }>;
    const r = validateWaybill(g!.courier, g!.waybillNo);
    expect(r.valid).toBe(true);
    expect(r.parsed).toMatchObject({ courier: 'ZTO', status: 'verified' });
    const longer = validateWaybill('中通', '7891234567890123');
    expect(longer.valid).toBe(true);
    expect(longer.parsed?.status).toBe('unverified');
    expect(longer.warnings[0]?.code).toBe('WAYBILL_UNVERIFIED');
    expect(codes(validateWaybill('中通', '789123456789AB'))).toEqual(['WAYBILL_FORMAT']);
  });

  it('C07 addresses: 邵阳县 under 湖南省, and 吉林 as the province of 通化市 (not 吉林市)', () => {
    const [shaoyang, tonghua] = given('C07') as [string, string];
    expect(parseAddress(shaoyang)).toEqual({ divisionCode: '430523', province: '湖南省', prefecture: '邵阳市', county: '邵阳县', detail: '长乐乡中心街9号' });
    expect(parseAddress(tonghua)).toEqual({ divisionCode: '220502', province: '吉林省', prefecture: '通化市', county: '东昌区', detail: '江南大街5号' });
  });

  it('C14 scientific notation and a zeroed tail are ID_SPREADSHEET_DAMAGED, never repaired', () => {
    for (const v of given('C14')) {
      const r = validateIdNumber(v, TODAY);
      expect(r.valid).toBe(false);
      expect(r.normalized).toBeNull();
      expect(r.errors[0]?.code).toBe('ID_SPREADSHEET_DAMAGED');
      expect(codes(r)).not.toContain('ID_CHECKSUM');
    }
  });

  it('C15 phone and postcode stripped of a leading zero are flagged, never valid', () => {
    const [phone, postcode] = cases.get('C15')!.given as Array<{ field: string; value: string }>;
    const p = validatePhone(phone!.value);
    expect(p.valid).toBe(false);
    expect(p.errors[0]).toMatchObject({ code: 'PHONE_LEADING_ZERO_STRIPPED', params: { probable: '010-88886666' } });
    const z = validatePostcode(postcode!.value);
    expect(z.valid).toBe(false);
    expect(z.errors[0]).toMatchObject({ code: 'POSTCODE_LEADING_ZERO_STRIPPED', params: { probable: '010010' } });
  });

  it('C16 only 2000-02-29 is a date; the IDs with impossible birth dates are rejected', () => {
    const accepted = ['1990-02-30', '1990年2月30日', '1991-02-29', '2000-02-29'].filter((v) => parseDate(v).valid);
    expect(accepted).toEqual(['2000-02-29']);
    expect(parseDate('1990-02-30').errors[0]?.code).toBe('DATE_INVALID');
    const id = validateIdNumber('110105199002302277', TODAY);
    expect(codes(id)).toEqual(['ID_BIRTH_DATE_INVALID']);
    expect(codes(validateIdNumber('320123000229214', TODAY))).toEqual(['ID_BIRTH_DATE_INVALID']);
  });

  it('C17 2016年7月 has month precision (not 2016-07-01); 2016年7月5日 is a day; 2016年13月 rejected', () => {
    const [month, day, bad] = given('C17') as [string, string, string];
    expect(parseDate(month).parsed).toMatchObject({ year: 2016, month: 7, day: null, precision: 'month' });
    expect(parseDate(month).normalized).toBe('2016-07');
    expect(parseDate(day).normalized).toBe('2016-07-05');
    expect(parseDate(bad).valid).toBe(false);
  });

  it('C18 a local time from an Asia/Shanghai endpoint and the same with +08:00 are one instant, counted on 2024-03-01', () => {
    for (const v of ['2024-03-01T00:30:00', '2024-03-01T00:30:00+08:00']) {
      const r = parseDate(v, { timezone: 'Asia/Shanghai' });
      expect(r.normalized).toBe('2024-02-29T16:30:00Z');
      expect(r.parsed?.localDay).toBe('2024-03-01');
      expect(r.parsed?.local).toBe('2024-03-01T00:30:00+08:00');
      expect(toInstant(v)?.toISOString()).toBe('2024-02-29T16:30:00.000Z');
    }
    expect(localDay('2024-02-29T16:30:00Z', 'Asia/Shanghai')).toBe('2024-03-01');
    expect(formatLocal(new Date('2024-02-29T16:30:00Z'))).toBe('2024-03-01T00:30:00+08:00');
  });
});
