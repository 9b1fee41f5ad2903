import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { validatePhone } from './phone.ts';

interface Vector {
  number: string;
  expected_valid: boolean;
  vincentsit_all_regex: boolean;
}
const vectors = (JSON.parse(fs.readFileSync(path.join(loadConfig().sharedDataDir, 'ids', 'cn_mobile_vectors.json'), 'utf8')) as { vectors: Vector[] }).vectors;

/** docs/phone-policy.md: our decision for the 11 vectors on which the two suites disagree. */
const POLICY: Record<string, { valid: boolean; code?: string; normalized?: string }> = {
  '008616238234822': { valid: true, normalized: '16238234822' },
  '008618812341234': { valid: true, normalized: '18812341234' },
  '008617269427292': { valid: true, normalized: '17269427292' },
  '14899230918': { valid: false, code: 'PHONE_IOT_NUMBER' },
  '17469427292': { valid: false, code: 'PHONE_UNALLOCATED_BLOCK' },
  '92138389438': { valid: false, code: 'PHONE_UNALLOCATED_BLOCK' },
  '+8692138389438': { valid: false, code: 'PHONE_UNALLOCATED_BLOCK' },
  '008692138389438': { valid: false, code: 'PHONE_UNALLOCATED_BLOCK' },
  '98199649964': { valid: false, code: 'PHONE_UNALLOCATED_BLOCK' },
  '+8698099649964': { valid: false, code: 'PHONE_UNALLOCATED_BLOCK' },
  '008698099649964': { valid: false, code: 'PHONE_UNALLOCATED_BLOCK' },
};

describe('cn_mobile_vectors.json', () => {
  it('has exactly the 11 disputed vectors the policy decides', () => {
    const disputed = vectors.filter((v) => v.expected_valid !== v.vincentsit_all_regex).map((v) => v.number);
    expect(disputed.sort()).toEqual(Object.keys(POLICY).sort());
  });
  it.each(vectors.map((v) => [v.number, v.expected_valid] as const))('%s (suite says %s)', (number, expected) => {
    const r = validatePhone(number, { kind: 'mobile' });
    const decided = POLICY[number];
    if (!decided) {
      expect(r.valid).toBe(expected);
      return;
    }
    expect(r.valid).toBe(decided.valid);
    if (decided.code) expect(r.errors[0]?.code).toBe(decided.code);
    if (decided.normalized) expect(r.normalized).toBe(decided.normalized);
  });
});

describe('validatePhone', () => {
  it('normalises mobiles to 11 digits with carrier and E.164', () => {
    expect(validatePhone('138-3838-9438')).toMatchObject({ valid: true, normalized: '13838389438', parsed: { kind: 'mobile', carrier: 'CMCC', carrierName: '中国移动', e164: '+8613838389438' } });
    expect(validatePhone('0086 138 3838 9438').normalized).toBe('13838389438');
    expect(validatePhone('14999230918').warnings[0]?.code).toBe('PHONE_DATA_ONLY');
  });

  it('normalises landlines to 0AA-NNNNNNNN with the area from the table', () => {
    expect(validatePhone('010-88886666')).toMatchObject({ normalized: '010-88886666', parsed: { kind: 'landline', areaCode: '010', e164: '+861088886666' } });
    expect(validatePhone('(0755) 2345 6789')).toMatchObject({ normalized: '0755-23456789', parsed: { province: '广东省', city: '深圳市' } });
    expect(validatePhone('+86 10 8888 6666').normalized).toBe('010-88886666');
    expect(validatePhone('0999-8123456').parsed?.city).toBe('伊犁哈萨克自治州');
  });

  it('rejects unknown area codes, short subscriber numbers and missing area codes', () => {
    expect(validatePhone('0100-8888666').errors[0]?.code).toBe('PHONE_FORMAT');
    expect(validatePhone('0400-12345678').errors[0]).toMatchObject({ code: 'PHONE_AREA_CODE_UNKNOWN' });
    expect(validatePhone('88886666').errors[0]).toMatchObject({ code: 'PHONE_FORMAT', params: { reason: 'a landline needs its area code' } });
  });

  it('flags spreadsheet damage (scientific notation, stripped zero) and restricts by kind', () => {
    expect(validatePhone('1.38384E+10').errors[0]?.code).toBe('PHONE_SPREADSHEET_DAMAGED');
    expect(validatePhone('2188886666').errors[0]).toMatchObject({ code: 'PHONE_LEADING_ZERO_STRIPPED', params: { probable: '021-88886666' } });
    expect(validatePhone('13838389438', { kind: 'landline' }).errors[0]?.code).toBe('PHONE_KIND_MISMATCH');
  });

  it('reads every allocated block from the data file (one test number per block prefix)', () => {
    const blocks = (JSON.parse(fs.readFileSync(new URL('./mobile-blocks.json', import.meta.url), 'utf8')) as { blocks: Array<{ prefix: string; length: number; carrier: string }> }).blocks;
    for (const b of blocks) {
      const n = b.prefix + '0'.repeat(b.length - b.prefix.length);
      const r = validatePhone(n);
      if (b.length === 11) expect(r.parsed?.carrier).toBe(b.carrier);
      else expect(r.errors[0]?.code).toBe('PHONE_IOT_NUMBER');
    }
  });

  it('property: a valid mobile keeps its normal form under any +86/0086/space/hyphen writing', () => {
    const mobile = fc.tuple(fc.constantFrom('138', '186', '199', '195', '166', '177'), fc.stringMatching(/^\d{8}$/)).map(([p, r]) => p + r);
    fc.assert(fc.property(mobile, fc.constantFrom('', '+86', '0086', '+86 ', '0086 '), fc.constantFrom(' ', '-', ''), (n, cc, sep) => {
      const grouped = `${n.slice(0, 3)}${cc.trim() ? ' ' : sep}${n.slice(3, 7)}${cc.trim() ? ' ' : sep}${n.slice(7)}`;
      expect(validatePhone(cc + grouped).normalized).toBe(n);
    }));
  });
});
