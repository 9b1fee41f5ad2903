import { describe, expect, it } from 'vitest';
import { validatePostcode } from './postcode.ts';

describe('validatePostcode', () => {
  it('accepts 6 digits of a postal region and names it', () => {
    expect(validatePostcode('100010')).toMatchObject({ valid: true, normalized: '100010', parsed: { regionCode: '10', region: '北京市' } });
    expect(validatePostcode(' 010010 ').parsed?.region).toBe('内蒙古自治区');
    expect(validatePostcode('999077').parsed?.region).toBe('香港特别行政区');
  });
  it('rejects other lengths, letters and regions that do not exist', () => {
    expect(validatePostcode('').errors[0]?.code).toBe('VALUE_EMPTY');
    expect(validatePostcode('1000100').errors[0]?.code).toBe('POSTCODE_FORMAT');
    expect(validatePostcode('10001A').errors[0]?.code).toBe('POSTCODE_FORMAT');
    expect(validatePostcode('090000').errors[0]?.code).toBe('POSTCODE_UNKNOWN_REGION');
  });
  it('flags 5 digits that are a postcode missing its leading zero (C15), and only those', () => {
    expect(validatePostcode('10010').errors[0]).toMatchObject({ code: 'POSTCODE_LEADING_ZERO_STRIPPED', params: { probable: '010010' } });
    expect(validatePostcode('90010').errors[0]?.code).toBe('POSTCODE_FORMAT');
  });
});
