import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, usccCheckChar, validateUscc } from './uscc.ts';

describe('validateUscc (GB 32100-2015)', () => {
  it('accepts published codes and reads their parts', () => {
    expect(validateUscc('91350100M000100Y43')).toMatchObject({
      valid: true,
      parsed: { registrationAuthorityName: '工商', orgTypeName: '企业', divisionCode: '350100', division: ['福建省', '福州市'], orgCode: 'M000100Y4', orgCodeCheckOk: true },
    });
    expect(validateUscc('91440300708461136t').normalized).toBe('91440300708461136T');
  });
  it('reports the expected check character', () => {
    expect(validateUscc('91350100M000100Y44').errors[0]).toMatchObject({ code: 'USCC_CHECKSUM', params: { expected: '3', actual: '4' } });
  });
  it('refuses the letters I O Z S V, wrong lengths, unknown authorities and divisions', () => {
    expect(validateUscc('9135010OM000100Y43').errors[0]?.code).toBe('USCC_FORMAT');
    expect(validateUscc('91350100M000100Y4').errors[0]?.code).toBe('USCC_FORMAT');
    const body = (s: string) => s + usccCheckChar(s);
    expect(validateUscc(body('B1350100M000100Y4')).errors[0]?.code).toBe('USCC_AUTHORITY');
    expect(validateUscc(body('94350100M000100Y4')).errors[0]?.code).toBe('USCC_AUTHORITY');
    expect(validateUscc(body('91999900M000100Y4')).errors[0]?.code).toBe('USCC_DIVISION_UNKNOWN');
  });
  it('warns when the embedded organisation code fails GB 11714', () => {
    const s = '91350100M000100Y5';
    const r = validateUscc(s + usccCheckChar(s));
    expect(r.valid).toBe(true);
    expect(r.warnings[0]?.code).toBe('USCC_ORG_CODE_CHECKSUM');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });
  it('property: a computed check character validates and any single substitution is caught', () => {
    const cs = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const ch = fc.constantFrom(...cs.split(''));
    const body = fc.tuple(fc.constantFrom('11', '12', '51', '52', '91', '92', '93'), fc.constantFrom('110105', '320102', '440300', '350100'), fc.array(ch, { minLength: 9, maxLength: 9 }))
      .map(([a, d, o]) => a + d + o.join(''));
    fc.assert(fc.property(body, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (b, pos, shift) => {
      const code = b + usccCheckChar(b);
      expect(validateUscc(code).valid).toBe(true);
      const changed = code.slice(0, pos) + cs[(cs.indexOf(code[pos]!) + shift) % 31] + code.slice(pos + 1);
      expect(validateUscc(changed).valid).toBe(false);
    }));
  });
});
