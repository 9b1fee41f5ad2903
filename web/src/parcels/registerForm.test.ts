import { describe, expect, it } from 'vitest';
import { shanghaiLocalNow, shanghaiLocalToIso } from '../app/format.ts';
import { translate } from '../i18n/index.ts';
import { emptyForm, idTypeCodes, liveIdKind, optionLabel, toParcelInput } from './registerForm.ts';
import { lookupRows } from './lookupRows.ts';

describe('registration form', () => {
  it('reads the local time of Asia/Shanghai (UTC+8)', () => {
    expect(shanghaiLocalNow(new Date('2026-11-10T16:30:00Z'))).toBe('2026-11-11T00:30');
    expect(shanghaiLocalToIso('2026-11-11T00:30')).toBe('2026-11-11T00:30:00+08:00');
    expect(shanghaiLocalToIso('')).toBe('');
  });

  it('converts the form to a ParcelInput body', () => {
    const f = { ...emptyForm('OUT001', 'clerk1', '2026-11-11T09:30'), courier: 'ZTO', waybillNo: ' 78912345678901 ', senderName: '李娜', senderIdNumber: '11010519880815108x', itemQuantity: '2', weightGrams: '', inspected: true };
    const body = toParcelInput(f);
    expect(body).toMatchObject({
      courier: 'ZTO',
      waybillNo: '78912345678901',
      senderName: '李娜',
      senderIdType: 'resident',
      senderIdNumber: '11010519880815108x',
      itemNature: 'goods',
      itemQuantity: 2,
      weightGrams: '',
      outlet: 'OUT001',
      clerk: 'clerk1',
      acceptedAt: '2026-11-11T09:30:00+08:00',
      inspected: true,
    });
    expect(Object.keys(body)).toHaveLength(18);
  });

  it('checks GB 11643 numbers live only for ID types that carry one', () => {
    expect(liveIdKind('resident')).toBe('id-number');
    expect(liveIdKind('residence_permit')).toBe('id-number');
    expect(liveIdKind('passport')).toBeNull();
  });

  it('labels codes from the dictionary and keeps unknown codes', () => {
    const t = (k: Parameters<typeof translate>[1]) => translate('zh-CN', k);
    expect(optionLabel(t, 'idType', 'residence_permit')).toBe('港澳台居民居住证');
    expect(optionLabel(t, 'itemNature', 'spaceship')).toBe('spaceship');
    expect(idTypeCodes({ couriers: [], itemNatures: [], idTypes: [{ code: 'resident' }, 'passport'] })).toEqual(['resident', 'passport']);
    expect(idTypeCodes(null)).toHaveLength(7);
  });
});

describe('look-up rows', () => {
  it('groups sender and receiver facts and keeps the masked values as given', () => {
    const rows = lookupRows({
      parcels: [
        { id: 9, courier: 'SF', waybillNo: 'SF1234567890123', acceptedAt: '2026-11-11T01:30:00Z', senderName: '李*', senderIdNumber: '1101**********108X', senderPhone: '138****5678', senderAddress: null, receiverName: '王*', receiverPhone: '139****0000', receiverAddress: '广东省广州市天河区', itemName: '衣服', realNameOk: 1, noncompliance: ['PARCEL_NOT_INSPECTED'], flags: [{ term: '仿真枪', category: 'firearms' }] },
      ],
    });
    expect(rows).toEqual([
      { key: '9', acceptedAt: '2026-11-11T01:30:00Z', courier: 'SF', waybillNo: 'SF1234567890123', sender: ['李*', '1101**********108X', '138****5678'], receiver: ['王*', '139****0000', '广东省广州市天河区'], item: '衣服', realNameOk: true, terms: ['仿真枪'], noncompliance: ['PARCEL_NOT_INSPECTED'] },
    ]);
  });
});
