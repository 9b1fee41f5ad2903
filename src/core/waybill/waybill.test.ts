import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COURIERS, detectCourier, findCourier, s10CheckDigit, validateWaybill } from './waybill.ts';

describe('COURIERS', () => {
  it('lists the 20 companies by code with Chinese names', () => {
    expect(COURIERS.map((c) => c.code)).toEqual(['SF', 'ZTO', 'YTO', 'STO', 'YUNDA', 'JTEXPRESS', 'EMS', 'CHINAPOST', 'JD', 'DEPPON', 'BEST', 'TTK', 'FWX', 'ZYE', 'ANE', 'ZJS', 'UC', 'KYE', 'YMDD', 'CAINIAO']);
    expect(findCourier('中通快递')?.code).toBe('ZTO');
    expect(findCourier('极兔')?.code).toBe('JTEXPRESS');
    expect(findCourier('zto')?.shortName).toBe('中通');
    expect(findCourier('某某快递')).toBeUndefined();
  });
});

describe('validateWaybill', () => {
  it('verifies numbers of known formats, normalising case and spaces', () => {
    expect(validateWaybill('SF', 'sf 1234 5678 9012 3')).toMatchObject({ valid: true, normalized: 'SF1234567890123', parsed: { courier: 'SF', status: 'verified' } });
    expect(validateWaybill('极兔', 'JT0001234567890').parsed?.courier).toBe('JTEXPRESS');
  });
  it('checks the UPU S10 check digit of EMS items', () => {
    expect(s10CheckDigit('47312482')).toBe('9'); // UPU S10 example AA473124829GB
    expect(validateWaybill('EMS', 'EA473124829CN').valid).toBe(true);
    expect(validateWaybill('EMS', 'EA473124828CN').errors[0]).toMatchObject({ code: 'WAYBILL_CHECKSUM', params: { expected: '9' } });
  });
  it('refuses an unknown courier and an empty number', () => {
    expect(validateWaybill('XX', '123').errors[0]?.code).toBe('WAYBILL_COURIER_UNKNOWN');
    expect(validateWaybill('SF', ' ').errors[0]?.code).toBe('VALUE_EMPTY');
  });
  it('property: a number built from any format of any courier validates as verified for it', () => {
    const pairs = COURIERS.flatMap((c) => c.formats.filter((f) => f.rest === '[0-9]+').map((f) => [c, f] as const));
    fc.assert(fc.property(fc.constantFrom(...pairs), fc.nat(), fc.stringMatching(/^\d{20}$/), ([c, f], i, digits) => {
      const len = f.lengths[i % f.lengths.length]!;
      const no = f.prefix + digits.slice(0, len - f.prefix.length);
      expect(validateWaybill(c.code, no).parsed?.status).toBe('verified');
      expect(detectCourier(no).candidates).toContain(c.code);
    }));
  });
});

describe('detectCourier', () => {
  it('names the company of a prefixed number and lists candidates of plain digits', () => {
    expect(detectCourier('YT1234567890123')).toEqual({ courier: 'YTO', candidates: ['YTO'] });
    expect(detectCourier('78912345678901')).toEqual({ courier: 'ZTO', candidates: ['ZTO'] });
    const twelve = detectCourier('123456789012');
    expect(twelve.courier).toBeNull();
    expect(twelve.candidates).toEqual(expect.arrayContaining(['SF', 'ZTO', 'STO', 'BEST', 'TTK', 'ANE']));
    expect(detectCourier('no such thing')).toEqual({ courier: null, candidates: [] });
  });
});
