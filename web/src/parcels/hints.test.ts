import { describe, expect, it } from 'vitest';
import { detectCourier, parseAddress, parseDate, validateIdNumber, validatePhone, validateWaybill } from '../../../src/core/index.ts';
import type { ValidationResult } from '../api.ts';
import { translate, type MessageKey } from '../i18n/index.ts';
import { divisionText, hintsFor } from './hints.ts';
import { detectedCourier } from './registerForm.ts';

// The hints are read from the real src/core results, so a change of a parsed shape shows here.
const zh = (k: MessageKey, p?: Readonly<Record<string, string | number>>) => translate('zh-CN', k, p);
const en = (k: MessageKey, p?: Readonly<Record<string, string | number>>) => translate('en', k, p);
const asApi = (r: unknown) => JSON.parse(JSON.stringify(r)) as ValidationResult;

describe('hints from the core validators', () => {
  it('reads birth date, sex and place of registration from an ID number (GB 11643-1999)', () => {
    const r = asApi(validateIdNumber('11010519880815108x'));
    expect(hintsFor('id-number', r, zh, 'zh-CN')).toEqual([
      { label: '出生日期', value: '1988-08-15' },
      { label: '性别', value: '女' },
      { label: '籍贯', value: '北京市 朝阳区 (110105)' },
    ]);
    expect(hintsFor('id-number', r, en, 'en').map((h) => h.label)).toEqual(['Birth date', 'Sex', 'Place of registration']);
  });

  it('says a legacy 15-digit number was upgraded', () => {
    const r = asApi(validateIdNumber('110105880815108'));
    expect(r.valid).toBe(true);
    expect(hintsFor('id-number', r, zh, 'zh-CN')).toContainEqual({ label: '规范化', value: '15 位旧号码，已升级为 11010519880815108X' });
  });

  it('names the carrier of a mobile and the area of a landline', () => {
    expect(hintsFor('phone', asApi(validatePhone('13812345678')), zh, 'zh-CN')).toEqual([
      { label: '类型', value: '手机' },
      { label: '运营商', value: '中国移动' },
      { label: '规范化', value: '13812345678' },
    ]);
    const landline = hintsFor('phone', asApi(validatePhone('010-88886666')), en, 'en');
    expect(landline).toContainEqual({ label: 'Area code', value: '010' });
    expect(landline[0]).toEqual({ label: 'Kind', value: 'landline' });
  });

  it('names the courier company of a waybill number and gives its code to the form', () => {
    const code = detectCourier('78912345678901').courier!;
    const r = asApi(validateWaybill(code, '78912345678901'));
    expect(hintsFor('waybill', r, zh, 'zh-CN')).toEqual([{ label: '快递企业', value: '中通快递' }]);
    expect(hintsFor('waybill', r, en, 'en')).toEqual([{ label: 'Courier company', value: 'ZTO' }]);
    expect(detectedCourier(r)).toBe('ZTO');
  });

  it('gives the division and detail of an address (C07)', () => {
    const p = parseAddress('吉林通化市东昌区江南大街5号')!;
    const r: ValidationResult = { valid: true, normalized: p.divisionCode, parsed: asApi(p) as unknown as Record<string, unknown>, errors: [], warnings: [] };
    expect(hintsFor('address', r, zh, 'zh-CN')).toEqual([
      { label: '行政区划', value: '吉林省 通化市 东昌区 (220502)' },
      { label: '详细地址', value: '江南大街5号' },
    ]);
  });

  it('shows the UTC instant of a local time (C18) and nothing for an invalid value', () => {
    expect(hintsFor('date', asApi(parseDate('2024-03-01T00:30:00')), zh, 'zh-CN')).toEqual([{ label: '标准时间', value: '2024-02-29T16:30:00Z' }]);
    expect(hintsFor('id-number', asApi(validateIdNumber('110105198808151080')), zh, 'zh-CN')).toEqual([]);
  });

  it('joins division names in any of the shapes the validators use', () => {
    expect(divisionText(['江西省', '上饶地区', '铅山县'])).toBe('江西省 上饶地区 铅山县');
    expect(divisionText({ province: '湖南省', prefecture: '邵阳市', county: '邵阳县' })).toBe('湖南省 邵阳市 邵阳县');
    expect(divisionText(null)).toBeUndefined();
  });
});
